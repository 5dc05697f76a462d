import type { AppExchangeMessages } from './en-US.js';

const es: AppExchangeMessages = {
  heading: 'Aplicaciones',
  intro:
    'Las aplicaciones que pueden abrir los usuarios de {name}: todas las que puede dar su cuenta principal, cada una activada o no.',
  introForm:
    'Las aplicaciones que podrá abrir la nueva cuenta: todas las que puede dar {name}, cada una activada o no.',
  filter: 'Filtrar aplicaciones',
  filterHint: 'Por nombre o descripción.',
  enableAll: 'Activar todas',
  disableAll: 'Desactivar todas',
  enableShown: '{count, plural, one {Activar la # mostrada} other {Activar las # mostradas}}',
  disableShown: '{count, plural, one {Desactivar la # mostrada} other {Desactivar las # mostradas}}',
  summary:
    '{enabled, plural, one {# activada} other {# activadas}} de {total, plural, one {# aplicación} other {# aplicaciones}}',
  showing:
    '{shown, plural, one {# mostrada} other {# mostradas}} de {total, plural, one {# aplicación} other {# aplicaciones}}',
  noMatch: 'Ninguna aplicación coincide con «{query}».',
  noneOffered: 'La cuenta principal no tiene aplicaciones que dar.',
  noneOfferedForm: '{name} no tiene aplicaciones que dar.',
  savedDone: 'Aplicaciones de {name} guardadas.',
};
export default es;

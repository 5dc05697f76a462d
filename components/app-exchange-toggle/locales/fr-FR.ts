import type { AppExchangeMessages } from './en-US.js';

const fr: AppExchangeMessages = {
  heading: 'Applications',
  intro:
    'Les applications que les utilisateurs de {name} peuvent ouvrir\u00a0: toutes celles que son compte parent peut donner, chacune activée ou non.',
  introForm:
    'Les applications que le nouveau compte pourra ouvrir\u00a0: toutes celles que {name} peut donner, chacune activée ou non.',
  filter: 'Filtrer les applications',
  filterHint: 'Par nom ou par description.',
  enableAll: 'Tout activer',
  disableAll: 'Tout désactiver',
  enableShown: '{count, plural, one {Activer la # affichée} other {Activer les # affichées}}',
  disableShown: '{count, plural, one {Désactiver la # affichée} other {Désactiver les # affichées}}',
  summary:
    '{enabled, plural, one {# activée} other {# activées}} sur {total, plural, one {# application} other {# applications}}',
  showing:
    '{shown, plural, one {# affichée} other {# affichées}} sur {total, plural, one {# application} other {# applications}}',
  noMatch: 'Aucune application ne correspond à «\u00a0{query}\u00a0».',
  noneOffered: 'Le compte parent n’a aucune application à donner.',
  noneOfferedForm: '{name} n’a aucune application à donner.',
  savedDone: 'Applications de {name} enregistrées.',
};
export default fr;

import type { AppExchangeMessages } from './en-US.js';

const de: AppExchangeMessages = {
  heading: 'Apps',
  intro:
    'Welche Apps die Benutzer von {name} öffnen können: jede App, die das übergeordnete Konto vergeben kann, jeweils ein oder aus.',
  introForm: 'Welche Apps das neue Konto öffnen kann: jede App, die {name} vergeben kann, jeweils ein oder aus.',
  filter: 'Apps filtern',
  filterHint: 'Nach Name oder Beschreibung.',
  enableAll: 'Alle aktivieren',
  disableAll: 'Alle deaktivieren',
  enableShown: '{count, plural, one {Die # angezeigte aktivieren} other {Die # angezeigten aktivieren}}',
  disableShown: '{count, plural, one {Die # angezeigte deaktivieren} other {Die # angezeigten deaktivieren}}',
  summary: '{enabled} von {total, plural, one {# App} other {# Apps}} aktiviert',
  showing: '{shown} von {total, plural, one {# App} other {# Apps}} angezeigt',
  noMatch: 'Keine App passt zu „{query}“.',
  noneOffered: 'Das übergeordnete Konto hat keine Apps zu vergeben.',
  noneOfferedForm: '{name} hat keine Apps zu vergeben.',
  savedDone: 'Apps von {name} gespeichert.',
};
export default de;

/** The English strings of `<app-exchange-toggle>`; every other locale holds every key. */
const en = {
  heading: 'Apps',
  intro: 'Which apps the users of {name} can open: every app its parent account can give, each on or off.',
  introForm: 'Which apps the new account can open: every app {name} can give, each on or off.',
  filter: 'Filter apps',
  filterHint: 'By name or description.',
  enableAll: 'Enable all',
  disableAll: 'Disable all',
  enableShown: '{count, plural, one {Enable the # shown} other {Enable the # shown}}',
  disableShown: '{count, plural, one {Disable the # shown} other {Disable the # shown}}',
  summary: '{enabled} of {total, plural, one {# app} other {# apps}} enabled',
  showing: '{shown} of {total, plural, one {# app} other {# apps}} shown',
  noMatch: 'No app matches “{query}”.',
  noneOffered: 'The parent account has no apps to give.',
  noneOfferedForm: '{name} has no apps to give.',
  savedDone: 'Apps of {name} saved.',
};
export type AppExchangeMessages = Record<keyof typeof en, string>;
export default en;

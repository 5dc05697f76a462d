/** The English strings of `<account-manager>`; every other locale holds every key. */
const en = {
  accounts: 'Accounts',
  sections: 'Account sections',
  'tab.overview': 'Overview',
  'tab.admins': 'Admins',
  'tab.limits': 'Limits',
  'tab.numbers': 'Numbers',
  'tab.restrictions': 'Restrictions',
  'tab.carrier': 'Carrier',
  'tab.apps': 'Apps',
  'tab.notes': 'Notes',
  'tab.plans': 'Plans',
  reseller: 'Reseller',
  useAccount: 'Use account',
  back: 'Back to accounts',
  returnTo: 'Return to {name}',
  sectionFailed: 'This section could not be loaded',
};
export type ManagerMessages = Record<keyof typeof en, string>;
export default en;

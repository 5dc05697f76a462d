/** The English strings of `<account-tree>`; every other locale holds every key. */
const en = {
  tree: 'Accounts',
  treeOf: 'Accounts under {name}',
  results: 'Search results for “{query}”',
  search: 'Search accounts',
  searchHint: 'Start of a name, a realm or an account ID',
  path: 'Account path',
  add: 'Add account',
  addUnder: 'Add an account under {name}',
  subAccounts: '{count, plural, one {# account below} other {# accounts below}}',
  disabled: 'Disabled',
  reseller: 'Reseller',
  noChildren: 'No sub-accounts yet.',
  noMatch: 'No accounts match “{query}”.',
  found: '{count, plural, one {# account found} other {# accounts found}}',
  foundMore: 'More than {count} accounts found',
  pageFailed: 'Could not load these accounts. {reason}',
};
export type AccountTreeMessages = Record<keyof typeof en, string>;
export default en;

/** The English strings of `<account-provider>`; every other locale holds every key. */
const en = {
  viewingAs: 'You are viewing the portal as {account} (signed in as {me})',
  returnToMine: 'Return to my account',
  bannerLabel: 'Account in use',
  masqueradeRefused: 'You can only use accounts below your own.',
  invalidApi: 'These widgets are not connected to a backend: the api given is not an AccountApi.',
  sessionFailed: 'Could not load your session',
};
/** The provider's strings; every locale file holds every key. */
export type ProviderMessages = Record<keyof typeof en, string>;
export default en;

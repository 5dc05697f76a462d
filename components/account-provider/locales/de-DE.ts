import type { ProviderMessages } from './en-US.js';

const deDE: ProviderMessages = {
  viewingAs: 'Sie nutzen das Portal als {account} (angemeldet als {me})',
  returnToMine: 'Zurück zu meinem Konto',
  bannerLabel: 'Verwendetes Konto',
  masqueradeRefused: 'Sie können nur Konten unterhalb Ihres eigenen verwenden.',
  invalidApi: 'Diese Widgets sind mit keinem Backend verbunden: Die übergebene api ist keine AccountApi.',
  sessionFailed: 'Ihre Sitzung konnte nicht geladen werden',
};
export default deDE;

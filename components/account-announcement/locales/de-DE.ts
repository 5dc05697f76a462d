import type { AccountAnnouncementMessages } from './en-US.js';

const de: AccountAnnouncementMessages = {
  title: 'Mitteilung von {name}',
  titleNoName: 'Mitteilung',
  dismiss: 'Schließen',
};
export default de;

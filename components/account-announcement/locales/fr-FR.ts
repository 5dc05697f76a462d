import type { AccountAnnouncementMessages } from './en-US.js';

const fr: AccountAnnouncementMessages = {
  title: 'Annonce de {name}',
  titleNoName: 'Annonce',
  dismiss: 'Fermer',
};
export default fr;

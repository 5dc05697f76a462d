import type { AccountAnnouncementMessages } from './en-US.js';

const es: AccountAnnouncementMessages = {
  title: 'Aviso de {name}',
  titleNoName: 'Aviso',
  dismiss: 'Cerrar',
};
export default es;

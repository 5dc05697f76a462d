import type { AccountAnnouncementMessages } from './en-US.js';

const ru: AccountAnnouncementMessages = {
  title: 'Объявление от «{name}»',
  titleNoName: 'Объявление',
  dismiss: 'Закрыть',
};
export default ru;

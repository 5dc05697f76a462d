import type { ProviderMessages } from './en-US.js';

const ruRU: ProviderMessages = {
  viewingAs: 'Вы работаете в портале как {account} (вход выполнен как {me})',
  returnToMine: 'Вернуться к моему аккаунту',
  bannerLabel: 'Используемый аккаунт',
  masqueradeRefused: 'Можно использовать только аккаунты, подчинённые вашему.',
  invalidApi: 'Эти виджеты не подключены к серверу: переданный api не является AccountApi.',
  sessionFailed: 'Не удалось загрузить ваш сеанс',
};
export default ruRU;

import type { ManagerMessages } from './en-US.js';

const ru: ManagerMessages = {
  accounts: 'Аккаунты',
  sections: 'Разделы аккаунта',
  'tab.overview': 'Обзор',
  'tab.admins': 'Администраторы',
  'tab.limits': 'Лимиты',
  'tab.numbers': 'Номера',
  'tab.restrictions': 'Ограничения',
  'tab.carrier': 'Операторы',
  'tab.apps': 'Приложения',
  'tab.notes': 'Заметки',
  'tab.plans': 'Тарифы',
  reseller: 'Реселлер',
  useAccount: 'Использовать аккаунт',
  back: 'Назад к аккаунтам',
  returnTo: 'Вернуться к {name}',
  sectionFailed: 'Не удалось загрузить этот раздел',
};
export default ru;

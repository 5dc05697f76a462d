import type { AccountNotesMessages } from './en-US.js';

const ru: AccountNotesMessages = {
  heading: 'Заметки',
  intro: 'Заметки об этом клиенте для его администраторов и объявление, которое его пользователи видят при входе.',
  customNotes: 'Заметки о клиенте',
  customNotesHint:
    'Для администраторов, которые управляют этим аккаунтом: договорённости, контакты, всё, что нужно помнить.',
  customNotesPlaceholder: 'Заметок пока нет.',
  announcement: 'Объявление',
  announcementHint:
    'Показывается пользователям этого аккаунта при входе, пока они его не закроют или оно не изменится.',
  announcementPlaceholder: 'Объявления нет.',
  toolbar: 'Форматирование: {label}',
  bold: 'Полужирный',
  italic: 'Курсив',
  bulletList: 'Маркированный список',
  numberList: 'Нумерованный список',
  link: 'Ссылка…',
  unlink: 'Удалить ссылку',
  ctrl: 'Ctrl',
  linkTitle: 'Ссылка',
  linkAddress: 'Адрес',
  linkHint: 'Веб-адрес, например https://example.com, или адрес почты, например mailto:help@example.com.',
  linkInvalid: 'Введите адрес, который начинается с https://, http:// или mailto:.',
  linkApply: 'Применить',
  deleteAnnouncement: 'Удалить объявление',
  deleteTitle: 'Удалить объявление?',
  deleteMessage: 'Пользователи «{name}» больше не увидят его при входе.',
  savedDone: 'Заметки «{name}» сохранены.',
};
export default ru;

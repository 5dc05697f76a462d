import type { AccountTreeMessages } from './en-US.js';

const ruRU: AccountTreeMessages = {
  tree: 'Учётные записи',
  treeOf: 'Учётные записи в {name}',
  results: 'Результаты поиска по запросу «{query}»',
  search: 'Поиск учётных записей',
  searchHint: 'Начало имени, домен или ID учётной записи',
  path: 'Путь к учётной записи',
  add: 'Добавить учётную запись',
  addUnder: 'Добавить учётную запись в {name}',
  subAccounts:
    '{count, plural, one {# учётная запись ниже} few {# учётные записи ниже} many {# учётных записей ниже} other {# учётной записи ниже}}',
  disabled: 'Отключена',
  reseller: 'Реселлер',
  noChildren: 'Дочерних учётных записей пока нет.',
  noMatch: 'Нет учётных записей, соответствующих «{query}».',
  found:
    '{count, plural, one {Найдена # учётная запись} few {Найдено # учётные записи} many {Найдено # учётных записей} other {Найдено # учётной записи}}',
  foundMore: 'Найдено более {count} учётных записей',
  pageFailed: 'Не удалось загрузить эти учётные записи. {reason}',
};
export default ruRU;

import type { AccountTreeMessages } from './en-US.js';

const deDE: AccountTreeMessages = {
  tree: 'Konten',
  treeOf: 'Konten unter {name}',
  results: 'Suchergebnisse für „{query}“',
  search: 'Konten durchsuchen',
  searchHint: 'Namensanfang, Realm oder Konto-ID',
  path: 'Kontopfad',
  add: 'Konto hinzufügen',
  addUnder: 'Ein Konto unter {name} hinzufügen',
  subAccounts: '{count, plural, one {# Konto darunter} other {# Konten darunter}}',
  disabled: 'Deaktiviert',
  reseller: 'Wiederverkäufer',
  noChildren: 'Noch keine Unterkonten.',
  noMatch: 'Keine Konten passen zu „{query}“.',
  found: '{count, plural, one {# Konto gefunden} other {# Konten gefunden}}',
  foundMore: 'Mehr als {count} Konten gefunden',
  pageFailed: 'Diese Konten konnten nicht geladen werden. {reason}',
};
export default deDE;

import type { AccountTreeMessages } from './en-US.js';

const esES: AccountTreeMessages = {
  tree: 'Cuentas',
  treeOf: 'Cuentas de {name}',
  results: 'Resultados de búsqueda de «{query}»',
  search: 'Buscar cuentas',
  searchHint: 'Inicio de un nombre, un dominio o un ID de cuenta',
  path: 'Ruta de la cuenta',
  add: 'Añadir cuenta',
  addUnder: 'Añadir una cuenta en {name}',
  subAccounts: '{count, plural, one {# cuenta por debajo} other {# cuentas por debajo}}',
  disabled: 'Desactivada',
  reseller: 'Revendedor',
  noChildren: 'Todavía no hay subcuentas.',
  noMatch: 'Ninguna cuenta coincide con «{query}».',
  found: '{count, plural, one {# cuenta encontrada} other {# cuentas encontradas}}',
  foundMore: 'Más de {count} cuentas encontradas',
  pageFailed: 'No se pudieron cargar estas cuentas. {reason}',
};
export default esES;

import type { AccountTreeMessages } from './en-US.js';

const frFR: AccountTreeMessages = {
  tree: 'Comptes',
  treeOf: 'Comptes sous {name}',
  results: 'Résultats de recherche pour «\u00a0{query}\u00a0»',
  search: 'Rechercher des comptes',
  searchHint: 'Début d’un nom, un domaine ou un identifiant de compte',
  path: 'Chemin du compte',
  add: 'Ajouter un compte',
  addUnder: 'Ajouter un compte sous {name}',
  subAccounts: '{count, plural, one {# compte en dessous} other {# comptes en dessous}}',
  disabled: 'Désactivé',
  reseller: 'Revendeur',
  noChildren: 'Aucun sous-compte pour le moment.',
  noMatch: 'Aucun compte ne correspond à «\u00a0{query}\u00a0».',
  found: '{count, plural, one {# compte trouvé} other {# comptes trouvés}}',
  foundMore: 'Plus de {count} comptes trouvés',
  pageFailed: 'Impossible de charger ces comptes. {reason}',
};
export default frFR;

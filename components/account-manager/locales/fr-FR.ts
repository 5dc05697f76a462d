import type { ManagerMessages } from './en-US.js';

const fr: ManagerMessages = {
  accounts: 'Comptes',
  sections: 'Sections du compte',
  'tab.overview': 'Aperçu',
  'tab.admins': 'Administrateurs',
  'tab.limits': 'Limites',
  'tab.numbers': 'Numéros',
  'tab.restrictions': 'Restrictions',
  'tab.carrier': 'Opérateurs',
  'tab.apps': 'Applications',
  'tab.notes': 'Notes',
  'tab.plans': 'Offres',
  reseller: 'Revendeur',
  useAccount: 'Utiliser le compte',
  back: 'Retour aux comptes',
  returnTo: 'Revenir à {name}',
  sectionFailed: 'Impossible de charger cette section',
};
export default fr;

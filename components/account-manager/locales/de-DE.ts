import type { ManagerMessages } from './en-US.js';

const de: ManagerMessages = {
  accounts: 'Konten',
  sections: 'Bereiche des Kontos',
  'tab.overview': 'Übersicht',
  'tab.admins': 'Administratoren',
  'tab.limits': 'Limits',
  'tab.numbers': 'Rufnummern',
  'tab.restrictions': 'Einschränkungen',
  'tab.carrier': 'Carrier',
  'tab.apps': 'Apps',
  'tab.notes': 'Notizen',
  'tab.plans': 'Tarife',
  reseller: 'Reseller',
  useAccount: 'Konto verwenden',
  back: 'Zurück zu den Konten',
  returnTo: 'Zurück zu {name}',
  sectionFailed: 'Dieser Bereich konnte nicht geladen werden',
};
export default de;

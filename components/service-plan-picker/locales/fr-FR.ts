import type { PlanPickerMessages } from './en-US.js';

const frFR: PlanPickerMessages = {
  heading: 'Offres de service',
  uncategorized: 'Autres offres',
  notOffered: 'Offres qui ne sont plus proposées',
  unknownPlan: 'Offre inconnue {id}',
  unknownPlans: 'Certaines offres choisies ne sont pas proposées par ce revendeur.',
  noneOffered: 'Aucune offre de service à choisir\u00a0: le revendeur de ce compte n’en propose aucune.',
  noneOfferedReseller: 'Aucune offre de service à choisir\u00a0: ce revendeur n’en propose aucune.',
  unavailable:
    'Les offres de service ne sont pas affichées\u00a0: vous n’avez pas l’autorisation de voir les offres du revendeur de ce compte.',
  selected: '{count, plural, =0 {Aucune offre choisie} one {# offre choisie} other {# offres choisies}}',
  savedDone: 'Offres de service enregistrées.',
  chargesDeclined:
    'Ces offres entraînent des frais qui n’ont pas été acceptés\u00a0: rien n’a changé. Votre choix est conservé.',
  conflictField: 'Offres choisies',
  none: 'aucune',
};
export default frFR;

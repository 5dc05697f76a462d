import type { NumberFeaturesMessages } from './en-US.js';

const fr: NumberFeaturesMessages = {
  heading: 'Fonctions des numéros',
  intro: 'Ce que les utilisateurs de ce client peuvent régler sur leurs numéros.',
  e911: 'Adresses d’urgence E911',
  e911Description:
    'Activé\u00a0: les utilisateurs peuvent associer à chaque numéro l’adresse transmise aux services d’urgence. Désactivé\u00a0: les réglages E911 leur sont masqués.',
  cnam: 'Nom de l’appelant (CNAM)',
  cnamDescription:
    'Activé\u00a0: les utilisateurs peuvent choisir le nom affiché avec leurs appels sortants et voir le nom des appelants. Désactivé\u00a0: ces réglages leur sont masqués.',
  savedDone: 'Fonctions des numéros de {name} enregistrées.',
};
export default fr;

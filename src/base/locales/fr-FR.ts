import type { CoreMessages } from './en-US.js';

const frFR: CoreMessages = {
  retry: 'Réessayer',
  errorTitle: 'Une erreur est survenue',
  dismiss: 'Ignorer',
  loading: 'Chargement…',
  empty: 'Rien à afficher pour le moment.',
  forbidden: "Vous n'avez pas l'autorisation de consulter ou de modifier ceci.",
  notifications: 'Notifications',
  'error.validation': 'Certains champs sont à corriger.',
  'error.auth': 'Votre session a expiré. Reconnectez-vous.',
  'error.forbidden': "Vous n'avez pas l'autorisation de faire ceci.",
  'error.not-found': "Cet élément n'existe plus. Il a peut-être été supprimé.",
  'error.conflict': "Quelqu'un d'autre a modifié ceci au même moment.",
  'error.has-descendants': "Ce compte a encore des sous-comptes. Déplacez-les ou supprimez-les d'abord.",
  'error.charges-required': "Cette modification entraîne des frais qui doivent d'abord être acceptés.",
  'error.rate-limited': 'Trop de requêtes. Patientez un instant, puis réessayez.',
  'error.network': 'Vous êtes hors ligne ou le serveur est injoignable.',
  'error.timeout': 'Le serveur a mis trop de temps à répondre.',
  'error.server': 'Le serveur a rencontré un problème.',
  'error.invalid-response': 'Le serveur a envoyé une réponse illisible.',
  'error.aborted': 'La requête a été annulée.',
};
export default frFR;

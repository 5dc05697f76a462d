import type { ProviderMessages } from './en-US.js';

const frFR: ProviderMessages = {
  viewingAs: 'Vous utilisez le portail en tant que {account} (connecté en tant que {me})',
  returnToMine: 'Revenir à mon compte',
  bannerLabel: 'Compte utilisé',
  masqueradeRefused: 'Vous ne pouvez utiliser que les comptes situés sous le vôtre.',
  invalidApi: "Ces widgets ne sont reliés à aucun serveur\u00a0: l'api fournie n'est pas une AccountApi.",
  sessionFailed: 'Impossible de charger votre session',
};
export default frFR;

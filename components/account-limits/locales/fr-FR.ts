import type { AccountLimitsMessages } from './en-US.js';

const fr: AccountLimitsMessages = {
  heading: 'Limites et appels',
  trunksHeading: 'Canaux',
  trunksIntro:
    'Combien d’appels peuvent avoir lieu en même temps. Les appels au-delà sont refusés, sauf si les appels à la minute sont activés.',
  twowayTrunks: 'Canaux bidirectionnels',
  inboundTrunks: 'Canaux entrants',
  outboundTrunks: 'Canaux sortants',
  notSet: 'Non défini',
  'field.trunks.required': 'Saisissez un nombre de canaux\u00a0: 0 ou plus.',
  classesHeading: 'Appels autorisés',
  classesIntro: 'Désactivez un type d’appel pour le refuser sur ce compte.',
  classesEmpty:
    'La plateforme n’indique aucun type d’appel pour ce compte\u00a0: il n’y a rien à autoriser ni à refuser.',
  allowed: 'Autorisé',
  denied: 'Refusé',
  perMinuteHeading: 'Appels à la minute',
  allowPerMinute: 'Appels à la minute au-delà des canaux',
  allowPerMinuteDescription:
    'Activé\u00a0: les appels au-delà des canaux passent et sont facturés à la minute sur le crédit. Désactivé\u00a0: ils sont refusés.',
  postpay: 'Paiement différé',
  postpayAllowed: 'Autorisé, jusqu’à {amount} en dessous de zéro',
  postpayAllowedNoLimit: 'Autorisé',
  postpayNotAllowed: 'Non autorisé',
  postpayNote: 'Défini par la plateforme\u00a0; non modifiable ici.',
  balanceHeading: 'Solde du crédit',
  balanceNow: 'Solde actuel',
  addCredit: 'Ajouter du crédit',
  removeCredit: 'Retirer du crédit',
  creditRefused:
    'Seul le revendeur de ce compte ou un administrateur de la plateforme peut ajouter ou retirer du crédit.',
  creditAmount: 'Montant ({currency})',
  creditAmountHint: 'Au moins {min}, par exemple 25,00.',
  creditReason: 'Motif (facultatif)',
  creditReasonHint: 'Conservé avec l’opération.',
  'field.creditAmount.required': 'Saisissez un montant.',
  'field.creditAmount.too-small': 'Le montant doit être d’au moins {limit}.',
  continue: 'Continuer',
  back: 'Retour',
  confirmCredit: 'Ajouter {amount} au crédit de {name}\u00a0?',
  confirmDebit: 'Retirer {amount} du crédit de {name}\u00a0?',
  confirmReason: 'Motif\u00a0: {reason}',
  creditDone: 'Crédit ajouté. Le solde est maintenant de {balance}.',
  debitDone: 'Crédit retiré. Le solde est maintenant de {balance}.',
  savedDone: 'Limites et appels de {name} enregistrés.',
};
export default fr;

import type { CarrierPickerMessages } from './en-US.js';

const fr: CarrierPickerMessages = {
  heading: 'Opérateurs',
  intro: 'Les opérateurs qui acheminent les appels de ce compte vers les numéros extérieurs à la plateforme.',
  introNew: 'Les opérateurs qui achemineront les appels du nouveau compte vers les numéros extérieurs à la plateforme.',
  system: 'Opérateurs de la plateforme',
  systemHint: 'Les opérateurs que la plateforme propose à tous les comptes.',
  resellerNamed: 'Opérateurs de {name}',
  resellerUnnamed: 'Opérateurs de votre revendeur',
  resellerHint: 'Les opérateurs que le revendeur a configurés pour ses clients.',
  resellerNone: 'Ce compte n’a pas de revendeur dont il pourrait utiliser les opérateurs.',
  own: 'Opérateurs propres à ce compte',
  ownHint: 'Des opérateurs configurés pour ce seul compte.',
  ownCount: '{count, plural, one {Il a # opérateur propre.} other {Il a # opérateurs propres.}}',
  ownNone:
    'Ce compte n’a aucun opérateur propre\u00a0: ses appels vers l’extérieur échoueront tant qu’aucun n’est ajouté.',
  ownNoneNew:
    'Un nouveau compte n’a aucun opérateur propre\u00a0: ses appels vers l’extérieur échoueront tant qu’aucun n’est ajouté.',
  notSaved:
    'Aucun choix n’est encore enregistré pour ce compte\u00a0: il utilise les opérateurs de la plateforme jusqu’à ce que vous en enregistriez un.',
  unsupported: 'Ce compte utilise une configuration d’opérateurs que cette page ne gère pas\u00a0:',
  unsupportedHunt: 'ses appels vers l’extérieur passent par les opérateurs de {name}.',
  unsupportedHuntHidden:
    'ses appels vers l’extérieur passent par les opérateurs d’un autre compte, que vous ne pouvez pas voir.',
  unsupportedOther: 'ses appels vers l’extérieur sont traités par un flux d’appel configuré ailleurs.',
  unsupportedKeep:
    'Elle reste inchangée tant que vous ne choisissez pas une des options ci-dessous et n’enregistrez pas.',
  unsupportedValue: 'une configuration que cette page ne gère pas',
  chooseOne: 'Choisissez les opérateurs à utiliser.',
  savedDone: 'Opérateurs de {name} enregistrés.',
};
export default fr;

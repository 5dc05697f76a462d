import type { CarrierPickerMessages } from './en-US.js';

const de: CarrierPickerMessages = {
  heading: 'Carrier',
  intro: 'Welche Carrier die Anrufe dieses Kontos zu Rufnummern außerhalb der Plattform vermitteln.',
  introNew: 'Welche Carrier die Anrufe des neuen Kontos zu Rufnummern außerhalb der Plattform vermitteln werden.',
  system: 'Plattformweite Carrier',
  systemHint: 'Die Carrier, die die Plattform allen Konten anbietet.',
  resellerNamed: 'Carrier von {name}',
  resellerUnnamed: 'Carrier Ihres Resellers',
  resellerHint: 'Die Carrier, die der Reseller für seine Kunden eingerichtet hat.',
  resellerNone: 'Dieses Konto hat keinen Reseller, dessen Carrier es nutzen könnte.',
  own: 'Eigene Carrier dieses Kontos',
  ownHint: 'Carrier, die nur für dieses Konto eingerichtet sind.',
  ownCount: '{count, plural, one {Es hat # eigenen Carrier.} other {Es hat # eigene Carrier.}}',
  ownNone: 'Dieses Konto hat keine eigenen Carrier: Seine Anrufe nach außen schlagen fehl, bis einer hinzugefügt wird.',
  ownNoneNew:
    'Ein neues Konto hat keine eigenen Carrier: Seine Anrufe nach außen schlagen fehl, bis einer hinzugefügt wird.',
  notSaved:
    'Für dieses Konto ist noch nichts gespeichert: Es nutzt die plattformweiten Carrier, bis Sie eine Auswahl speichern.',
  unsupported: 'Dieses Konto nutzt eine Carrier-Einrichtung, die diese Seite nicht verwaltet:',
  unsupportedHunt: 'Seine Anrufe nach außen laufen über die Carrier von {name}.',
  unsupportedHuntHidden:
    'Seine Anrufe nach außen laufen über die Carrier eines anderen Kontos, das Sie nicht sehen dürfen.',
  unsupportedOther: 'Seine Anrufe nach außen werden von einem anderswo eingerichteten Callflow verarbeitet.',
  unsupportedKeep: 'Sie bleibt unverändert, bis Sie unten eine der Optionen wählen und speichern.',
  unsupportedValue: 'eine Einrichtung, die diese Seite nicht verwaltet',
  chooseOne: 'Wählen Sie, welche Carrier genutzt werden.',
  savedDone: 'Carrier von {name} gespeichert.',
};
export default de;

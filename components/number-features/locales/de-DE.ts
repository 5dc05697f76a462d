import type { NumberFeaturesMessages } from './en-US.js';

const de: NumberFeaturesMessages = {
  heading: 'Rufnummernfunktionen',
  intro: 'Was die Benutzer dieses Kunden an ihren Rufnummern einstellen können.',
  e911: 'E911-Notrufadressen',
  e911Description:
    'Ein: Benutzer können jeder Nummer die Adresse zuordnen, die an Notdienste übermittelt wird. Aus: Die E911-Einstellungen sind für sie ausgeblendet.',
  cnam: 'Anrufername (CNAM)',
  cnamDescription:
    'Ein: Benutzer können den bei ausgehenden Anrufen angezeigten Namen festlegen und die Namen von Anrufern abfragen. Aus: Diese Einstellungen sind für sie ausgeblendet.',
  savedDone: 'Rufnummernfunktionen von {name} gespeichert.',
};
export default de;

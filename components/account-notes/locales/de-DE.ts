import type { AccountNotesMessages } from './en-US.js';

const de: AccountNotesMessages = {
  heading: 'Notizen',
  intro:
    'Notizen zu diesem Kunden für seine Administratoren und die Mitteilung, die seine Benutzer bei der Anmeldung sehen.',
  customNotes: 'Kundennotizen',
  customNotesHint:
    'Für die Administratoren, die dieses Konto verwalten: Vereinbarungen, Ansprechpartner, alles, was man sich merken sollte.',
  customNotesPlaceholder: 'Noch keine Notizen.',
  announcement: 'Mitteilung',
  announcementHint:
    'Wird den Benutzern dieses Kontos bei der Anmeldung angezeigt, bis sie sie schließen oder sie sich ändert.',
  announcementPlaceholder: 'Keine Mitteilung.',
  toolbar: 'Formatierung: {label}',
  bold: 'Fett',
  italic: 'Kursiv',
  bulletList: 'Aufzählung',
  numberList: 'Nummerierte Liste',
  link: 'Link…',
  unlink: 'Link entfernen',
  ctrl: 'Strg',
  linkTitle: 'Link',
  linkAddress: 'Adresse',
  linkHint: 'Eine Webadresse wie https://example.com oder eine E-Mail-Adresse wie mailto:hilfe@example.com.',
  linkInvalid: 'Geben Sie eine Adresse ein, die mit https://, http:// oder mailto: beginnt.',
  linkApply: 'Übernehmen',
  deleteAnnouncement: 'Mitteilung löschen',
  deleteTitle: 'Mitteilung löschen?',
  deleteMessage: 'Die Benutzer von {name} sehen sie bei der Anmeldung nicht mehr.',
  savedDone: 'Notizen von {name} gespeichert.',
};
export default de;

import type { AccountNotesMessages } from './en-US.js';

const fr: AccountNotesMessages = {
  heading: 'Notes',
  intro: 'Des notes sur ce client pour ses administrateurs, et l’annonce que ses utilisateurs voient à la connexion.',
  customNotes: 'Notes sur le client',
  customNotesHint:
    'Pour les administrateurs qui gèrent ce compte\u00a0: accords, contacts, tout ce qu’il faut retenir.',
  customNotesPlaceholder: 'Aucune note pour l’instant.',
  announcement: 'Annonce',
  announcementHint:
    'Affichée aux utilisateurs de ce compte à la connexion, jusqu’à ce qu’ils la ferment ou qu’elle change.',
  announcementPlaceholder: 'Aucune annonce.',
  toolbar: 'Mise en forme\u00a0: {label}',
  bold: 'Gras',
  italic: 'Italique',
  bulletList: 'Liste à puces',
  numberList: 'Liste numérotée',
  link: 'Lien…',
  unlink: 'Supprimer le lien',
  ctrl: 'Ctrl',
  linkTitle: 'Lien',
  linkAddress: 'Adresse',
  linkHint: 'Une adresse web comme https://example.com, ou une adresse e-mail comme mailto:aide@example.com.',
  linkInvalid: 'Saisissez une adresse qui commence par https://, http:// ou mailto:.',
  linkApply: 'Appliquer',
  deleteAnnouncement: 'Supprimer l’annonce',
  deleteTitle: 'Supprimer l’annonce\u00a0?',
  deleteMessage: 'Les utilisateurs de {name} ne la verront plus à la connexion.',
  savedDone: 'Notes de {name} enregistrées.',
};
export default fr;

import type { AccountNotesMessages } from './en-US.js';

const es: AccountNotesMessages = {
  heading: 'Notas',
  intro: 'Notas sobre este cliente para sus administradores, y el aviso que sus usuarios ven al iniciar sesión.',
  customNotes: 'Notas del cliente',
  customNotesHint:
    'Para los administradores que gestionan esta cuenta: acuerdos, contactos, todo lo que conviene recordar.',
  customNotesPlaceholder: 'Todavía no hay notas.',
  announcement: 'Aviso',
  announcementHint: 'Se muestra a los usuarios de esta cuenta al iniciar sesión, hasta que lo cierren o cambie.',
  announcementPlaceholder: 'No hay ningún aviso.',
  toolbar: 'Formato: {label}',
  bold: 'Negrita',
  italic: 'Cursiva',
  bulletList: 'Lista con viñetas',
  numberList: 'Lista numerada',
  link: 'Enlace…',
  unlink: 'Quitar enlace',
  ctrl: 'Ctrl',
  linkTitle: 'Enlace',
  linkAddress: 'Dirección',
  linkHint: 'Una dirección web como https://example.com o una dirección de correo como mailto:ayuda@example.com.',
  linkInvalid: 'Introduzca una dirección que empiece por https://, http:// o mailto:.',
  linkApply: 'Aplicar',
  deleteAnnouncement: 'Eliminar aviso',
  deleteTitle: '¿Eliminar el aviso?',
  deleteMessage: 'Los usuarios de {name} ya no lo verán al iniciar sesión.',
  savedDone: 'Notas de {name} guardadas.',
};
export default es;

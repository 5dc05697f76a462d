import type { CoreMessages } from './en-US.js';

const deDE: CoreMessages = {
  retry: 'Erneut versuchen',
  errorTitle: 'Etwas ist schiefgelaufen',
  dismiss: 'Ausblenden',
  loading: 'Wird geladen…',
  empty: 'Noch nichts vorhanden.',
  forbidden: 'Sie haben keine Berechtigung, dies anzusehen oder zu ändern.',
  notifications: 'Benachrichtigungen',
  'error.validation': 'Einige Felder müssen korrigiert werden.',
  'error.auth': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error.forbidden': 'Sie haben keine Berechtigung dafür.',
  'error.not-found': 'Das gibt es nicht mehr. Möglicherweise wurde es gelöscht.',
  'error.conflict': 'Jemand anderes hat dies gleichzeitig geändert.',
  'error.has-descendants': 'Dieses Konto hat noch Unterkonten. Verschieben oder löschen Sie diese zuerst.',
  'error.charges-required': 'Für diese Änderung fallen Gebühren an, die zuerst akzeptiert werden müssen.',
  'error.rate-limited': 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  'error.network': 'Sie sind offline oder der Server ist nicht erreichbar.',
  'error.timeout': 'Der Server hat zu lange nicht geantwortet.',
  'error.server': 'Auf dem Server ist ein Problem aufgetreten.',
  'error.invalid-response': 'Der Server hat eine unlesbare Antwort gesendet.',
  'error.aborted': 'Die Anfrage wurde abgebrochen.',
};
export default deDE;

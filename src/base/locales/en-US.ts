/**
 * Strings every widget shares (namespace `am`): loading, retry, errors. What only forms and editors show is in
 * `forms/`. Other locales must hold every key (checked by their type).
 */
const enUS = {
  retry: 'Retry',
  errorTitle: 'Something went wrong',
  dismiss: 'Dismiss',
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  forbidden: "You don't have permission to see or change this.",
  notifications: 'Notifications',
  'error.validation': 'Some fields need attention.',
  'error.auth': 'Your session has expired. Sign in again.',
  'error.forbidden': "You don't have permission to do this.",
  'error.not-found': 'This no longer exists. It may have been deleted.',
  'error.conflict': 'Someone else changed this at the same time.',
  'error.has-descendants': 'This account still has sub-accounts. Move or delete them first.',
  'error.charges-required': 'This change has charges that must be accepted first.',
  'error.rate-limited': 'Too many requests. Wait a moment, then try again.',
  'error.network': 'You are offline or the server cannot be reached.',
  'error.timeout': 'The server took too long to answer.',
  'error.server': 'The server ran into a problem.',
  'error.invalid-response': 'The server sent an answer that could not be read.',
  'error.aborted': 'The request was cancelled.',
};

export type CoreKey = keyof typeof enUS;
export type CoreMessages = Record<CoreKey, string>;
export default enUS satisfies CoreMessages;

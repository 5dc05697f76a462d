import { AccountNotes } from './account-notes.js';

AccountNotes.define('account-notes');

export { AccountNotes };

declare global {
  interface HTMLElementTagNameMap {
    'account-notes': AccountNotes;
  }
}

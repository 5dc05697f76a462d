import { AccountManager } from './account-manager.js';

AccountManager.define('account-manager');

export { AccountManager };

declare global {
  interface HTMLElementTagNameMap {
    'account-manager': AccountManager;
  }
}

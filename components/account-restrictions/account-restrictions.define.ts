import { AccountRestrictions } from './account-restrictions.js';

AccountRestrictions.define('account-restrictions');

export { AccountRestrictions };

declare global {
  interface HTMLElementTagNameMap {
    'account-restrictions': AccountRestrictions;
  }
}

import { AccountLimits } from './account-limits.js';

AccountLimits.define('account-limits');

export { AccountLimits };

declare global {
  interface HTMLElementTagNameMap {
    'account-limits': AccountLimits;
  }
}

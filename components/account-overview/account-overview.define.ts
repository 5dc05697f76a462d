import { AccountOverview } from './account-overview.js';

AccountOverview.define('account-overview');

export { AccountOverview };

declare global {
  interface HTMLElementTagNameMap {
    'account-overview': AccountOverview;
  }
}

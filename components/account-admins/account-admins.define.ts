import { AccountAdmins } from './account-admins.js';

AccountAdmins.define('account-admins');

export { AccountAdmins };

declare global {
  interface HTMLElementTagNameMap {
    'account-admins': AccountAdmins;
  }
}

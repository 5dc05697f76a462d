import { AccountCreate } from './account-create.js';

AccountCreate.define('account-create');

export { AccountCreate };

declare global {
  interface HTMLElementTagNameMap {
    'account-create': AccountCreate;
  }
}

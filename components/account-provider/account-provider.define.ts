import { AccountProvider } from './account-provider.js';

AccountProvider.define('account-provider');

export { AccountProvider };

declare global {
  interface HTMLElementTagNameMap {
    'account-provider': AccountProvider;
  }
}

import { AppExchangeToggle } from './app-exchange-toggle.js';

AppExchangeToggle.define('app-exchange-toggle');

export { AppExchangeToggle };

declare global {
  interface HTMLElementTagNameMap {
    'app-exchange-toggle': AppExchangeToggle;
  }
}

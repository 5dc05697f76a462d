import { NumberFeatures } from './number-features.js';

NumberFeatures.define('number-features');

export { NumberFeatures };

declare global {
  interface HTMLElementTagNameMap {
    'number-features': NumberFeatures;
  }
}

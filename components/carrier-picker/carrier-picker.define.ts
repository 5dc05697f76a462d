import { CarrierPicker } from './carrier-picker.js';

CarrierPicker.define('carrier-picker');

export { CarrierPicker };

declare global {
  interface HTMLElementTagNameMap {
    'carrier-picker': CarrierPicker;
  }
}

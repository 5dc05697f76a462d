import { ServicePlanPicker } from './service-plan-picker.js';

ServicePlanPicker.define('service-plan-picker');

export { ServicePlanPicker };

declare global {
  interface HTMLElementTagNameMap {
    'service-plan-picker': ServicePlanPicker;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import type { AccountApi } from '../../../src/api/api.js';
import type { AccountLimits } from '../../account-limits/account-limits.js';
import type { CarrierPicker } from '../../carrier-picker/carrier-picker.js';
import type { StepContext } from './context.js';
import { enterMovesOn, note } from './shared.js';

/**
 * Step 5: trunks, per-minute calls and the call classes allowed, through `<account-limits>` in its form mode, then
 * the carriers of the new account's outside calls through `<carrier-picker>` in its form mode (`value` in,
 * `change` out); both offer what the parent has. A user who may not set the new account's limits sees why, and
 * only the call classes.
 */
export function renderLimits(
  { host, values, defaults, rules, l }: StepContext,
  o: { api?: AccountApi },
): TemplateResult {
  const parentId = defaults.parent.id;
  return html`${rules.canSetLimits ? nothing : note(l.t('limitsForbidden'))}
    <account-limits
      form
      ?classes-only=${!rules.canSetLimits}
      account-id=${parentId}
      .api=${o.api}
      .value=${values.limits}
      @keydown=${enterMovesOn}
      @change=${(e: Event) => host.setField('limits', (e.target as AccountLimits).value)}
    ></account-limits>
    <carrier-picker
      form
      account-id=${parentId}
      .api=${o.api}
      .value=${values.carrier}
      @change=${(e: Event) => host.setField('carrier', (e.target as CarrierPicker).value)}
    ></carrier-picker>`;
}

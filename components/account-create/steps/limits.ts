import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
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
  o: { api?: AccountApi; limitsTag: string; carrierTag: string },
): TemplateResult {
  const parentId = defaults.parent.id;
  const limits = unsafeStatic(o.limitsTag);
  const carrier = unsafeStatic(o.carrierTag);
  return staticHtml`${rules.canSetLimits ? nothing : note(l.t('limitsForbidden'))}
    <${limits}
      form
      ?classes-only=${!rules.canSetLimits}
      account-id=${parentId}
      .api=${o.api}
      .value=${values.limits}
      @keydown=${enterMovesOn}
      @change=${(e: Event) => host.setField('limits', (e.target as AccountLimits).value)}
    ></${limits}>
    <${carrier}
      form
      account-id=${parentId}
      .api=${o.api}
      .value=${values.carrier}
      @change=${(e: Event) => host.setField('carrier', (e.target as CarrierPicker).value)}
    ></${carrier}>`;
}

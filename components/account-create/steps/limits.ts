import { html, type TemplateResult } from 'lit';
import type { CallClass } from '../../../src/api/model.js';
import { checkboxField, numberField, type FieldHost } from '../../../src/base/fields.js';
import { note, scoped, withBdi, type StepContext } from './context.js';

/** What the limits body needs besides its value. */
export interface LimitsFacts {
  /** Only the new account's reseller may set trunks. */
  canSetLimits: boolean;
  callClasses: CallClass[];
  /** The parent the starting values come from. */
  parentName: string;
}

/**
 * Step 5: trunks, per-minute calls and the call classes allowed. The body renders from the `limits` value alone
 * and reports each change, so an `<account-limits form>` with the same value can take its place.
 */
export function renderLimits(ctx: StepContext): TemplateResult {
  return limitsBody(scoped(ctx.host, 'limits'), ctx.l, {
    canSetLimits: ctx.rules.canSetLimits,
    callClasses: ctx.defaults.callClasses ?? [],
    parentName: ctx.defaults.parent.name,
  });
}

/** The fields of a `LimitsDraft`, on a host holding it at the root. */
export function limitsBody(host: FieldHost, l: StepContext['l'], facts: LimitsFacts): TemplateResult {
  const t = l.t.bind(l);
  const trunk = (f: 'twowayTrunks' | 'inboundTrunks' | 'outboundTrunks') =>
    numberField(host, f, t(f), { placeholder: t('noLimit') });
  return html`${
      facts.canSetLimits
        ? html`<fieldset class="group">
            <legend>${t('trunks')}</legend>
            <p class="am-hint">${withBdi(l, 'trunksHint', 'parent', facts.parentName)}</p>
            <div class="grid">${trunk('twowayTrunks')} ${trunk('inboundTrunks')} ${trunk('outboundTrunks')}</div>
            ${checkboxField(host, 'allowPerMinute', t('allowPerMinute'))}
          </fieldset>`
        : note(t('limitsForbidden'))
    }
    <fieldset class="group">
      <legend>${t('callClasses')}</legend>
      ${
        facts.callClasses.length
          ? html`<div class="checks">
              ${facts.callClasses.map((c) => checkboxField(host, `callClasses.${c.name}`, c.friendlyName))}
            </div>`
          : note(t('callClassesNone'))
      }
    </fieldset>`;
}

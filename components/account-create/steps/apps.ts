import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { App } from '../../../src/api/model.js';
import { checkboxField, type FieldHost } from '../../../src/base/fields.js';
import { note, scoped, type StepContext } from './context.js';

/**
 * Step 7: all of the parent's apps, or only some. The body renders from the `apps` value alone and reports each
 * change, so an `<app-exchange-toggle form>` with the same value can take its place.
 */
export function renderApps(ctx: StepContext): TemplateResult {
  const apps = ctx.defaults.apps?.filter((a) => a.enabled);
  if (!apps) return note(ctx.l.t('appsUnavailable'));
  return appsBody(scoped(ctx.host, 'apps'), ctx.l, apps);
}

/** The fields of an `AppsDraft`, on a host holding it at the root. */
export function appsBody(host: FieldHost, l: StepContext['l'], apps: App[]): TemplateResult {
  const t = l.t.bind(l);
  const mode = host.fieldValue('mode');
  const radio = (value: 'all' | 'only', label: string) =>
    html`<label class="am-check">
      <input
        type="radio"
        name="apps-mode"
        .checked=${live(mode === value)}
        ?disabled=${host.readOnly}
        @change=${() => host.setField('mode', value)}
      />
      <span>${label}</span>
    </label>`;
  return html`<fieldset class="group">
    <legend>${t('appsLegend')}</legend>
    ${radio('all', t('appsAll'))} ${radio('only', t('appsOnly'))}
    ${
      mode !== 'only'
        ? nothing
        : apps.length
          ? html`<div class="checks nested" role="group" aria-label=${t('appsOnly')}>
              ${apps.map((app) =>
                checkboxField(host, `enabled.${app.id}`, app.label ?? app.name, {
                  description: app.description,
                  dir: 'auto',
                }),
              )}
            </div>`
          : note(t('appsNone'))
    }
  </fieldset>`;
}

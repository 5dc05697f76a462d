import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { AccountApi } from '../../../src/api/api.js';
import type { AppExchangeToggle } from '../../app-exchange-toggle/app-exchange-toggle.js';
import type { StepContext } from './context.js';
import { note } from './shared.js';

/**
 * Step 7: all of the parent's apps (the default), or only some, switched through `<app-exchange-toggle>` in its
 * form mode (`value` in, `change` out). When the parent's apps cannot be listed, a line says the account gets all.
 */
export function renderApps(
  { host, values, defaults, l }: StepContext,
  o: { api?: AccountApi; tag: string },
): TemplateResult {
  const t = l.t.bind(l);
  if (!defaults.apps) return note(t('appsUnavailable'));
  const mode = values.apps.mode;
  const radio = (value: 'all' | 'only', label: string) =>
    html`<label class="am-check">
      <input
        type="radio"
        name="apps-mode"
        .checked=${live(mode === value)}
        ?disabled=${host.readOnly}
        @change=${() => host.setField('apps.mode', value)}
      />
      <span>${label}</span>
    </label>`;
  return html`<fieldset class="group">
    <legend>${t('appsLegend')}</legend>
    ${radio('all', t('appsAll'))} ${radio('only', t('appsOnly'))}
    ${
      mode === 'only'
        ? staticHtml`<div class="nested" role="group" aria-label=${t('appsOnly')}>
            <${unsafeStatic(o.tag)}
              form
              no-heading
              account-id=${defaults.parent.id}
              .api=${o.api}
              .value=${values.apps.enabled}
              @change=${(e: Event) => host.setField('apps.enabled', (e.target as AppExchangeToggle).value)}
            ></${unsafeStatic(o.tag)}>
          </div>`
        : nothing
    }
  </fieldset>`;
}

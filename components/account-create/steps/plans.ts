import type { TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { AccountApi } from '../../../src/api/api.js';
import type { ServicePlanPicker } from '../../service-plan-picker/service-plan-picker.js';
import { stepName, type StepContext } from './context.js';
import { note } from './shared.js';

/**
 * Step 4: the plans the reseller offers, through `<service-plan-picker>` in its form mode (`value` in, `change`
 * out). When the reseller offers none, or the user may not see them, a line says why instead.
 */
export function renderPlans(
  { host, values, defaults, l }: StepContext,
  o: { api?: AccountApi; tag: string },
): TemplateResult {
  const plans = defaults.plans;
  if (!plans) return note(l.t('plansForbidden'));
  if (!plans.length || !defaults.resellerId) return note(l.t('plansNone'));
  host.registerField('plans', { label: stepName(l, 'plans') });
  return staticHtml`<p class="am-hint">${l.t('plansIntro')}</p>
    <${unsafeStatic(o.tag)}
      reseller-id=${defaults.resellerId}
      name="plans"
      no-heading
      .api=${o.api}
      .value=${values.plans}
      ?disabled=${host.readOnly}
      @change=${(e: Event) => host.setField('plans', [...(e.target as ServicePlanPicker).value])}
    ></${unsafeStatic(o.tag)}>`;
}

import { html, type TemplateResult } from 'lit';
import { textField } from '../../../src/base/fields.js';
import type { StepContext } from './context.js';

/** Step 2: the technical and billing contacts, all optional. */
export function renderContacts({ host, l }: StepContext): TemplateResult {
  const t = l.t.bind(l);
  const field = (prefix: 'technical' | 'billing', name: string, label: string, autocomplete: string) => {
    const type = name === 'email' ? 'email' : name === 'number' ? 'tel' : 'text';
    return textField(host, `${prefix}.${name}`, label, {
      type,
      autocomplete: `section-${prefix} ${autocomplete}`,
      rule: type === 'email' ? 'email' : type === 'tel' ? 'phone' : undefined,
    });
  };
  const person = (prefix: 'technical' | 'billing') =>
    html`${field(prefix, 'name', t('contactName'), 'name')} ${field(prefix, 'email', t('email'), 'email')}
    ${field(prefix, 'number', t('phone'), 'tel')}`;
  return html`<p class="am-hint">${t('contactsHint')}</p>
    <fieldset class="group">
      <legend>${t('technical')}</legend>
      <div class="grid">${person('technical')}</div>
    </fieldset>
    <fieldset class="group">
      <legend>${t('billing')}</legend>
      <div class="grid">
        ${person('billing')} ${field('billing', 'streetAddress', t('street'), 'address-line1')}
        ${field('billing', 'streetAddressExtra', t('streetExtra'), 'address-line2')}
        ${field('billing', 'locality', t('city'), 'address-level2')}
        ${field('billing', 'region', t('region'), 'address-level1')}
        ${field('billing', 'postalCode', t('postalCode'), 'postal-code')}
        ${field('billing', 'country', t('country'), 'country')}
      </div>
    </fieldset>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { AmPasswordField } from '../../../src/base/elements/am-password-field.js';
import { checkboxField, fieldId, textField } from '../../../src/base/fields.js';
import type { AdminDraft } from '../values.js';
import type { StepContext } from './context.js';

export interface AdminsOptions {
  /** Length of generated passwords. */
  passwordLength: number;
  onAdd(): void;
  onRemove(key: number): void;
}

/** Step 3: the admins, each with a generated or typed password (`<am-password-field>`); none is allowed. */
export function renderAdmins(ctx: StepContext, o: AdminsOptions): TemplateResult {
  const { values, l, host } = ctx;
  const t = l.t.bind(l);
  return html`<p class="am-hint">${t('adminsIntro')}</p>
    ${values.admins.map((a, i) => renderAdmin(ctx, a, i + 1, o))}
    ${values.admins.length ? nothing : html`<p class="warning" role="status">${t('noAdmins')}</p>`}
    <div>
      <button type="button" class="am-button" ?disabled=${host.readOnly} @click=${() => o.onAdd()}>
        ${t('addAdmin')}
      </button>
    </div>`;
}

function renderAdmin({ host, l }: StepContext, a: AdminDraft, n: number, o: AdminsOptions): TemplateResult {
  const t = l.t.bind(l);
  const p = `admins.${a.key}`;
  const password = `${p}.password`;
  host.registerField(password, { label: t('password'), rule: 'password' });
  return html`<fieldset class="group admin">
    <legend>${t('adminLegend', { n })}</legend>
    <div class="grid">
      ${textField(host, `${p}.firstName`, t('firstName'), { required: true, rule: 'personName' })}
      ${textField(host, `${p}.lastName`, t('lastName'), { required: true, rule: 'personName' })}
      ${textField(host, `${p}.email`, t('email'), { required: true, type: 'email', rule: 'email' })}
      <div class="am-field wide" data-field=${password}>
        <am-password-field
          id=${fieldId(password)}
          name=${password}
          label=${t('password')}
          .value=${a.password}
          length=${o.passwordLength}
          error=${host.fieldError(password) ?? ''}
          ?disabled=${host.readOnly}
          @input=${(e: Event) => host.setField(password, (e.target as AmPasswordField).value)}
        ></am-password-field>
      </div>
    </div>
    ${checkboxField(host, `${p}.sendEmail`, t('sendEmail'))}
    <div>
      <button
        type="button"
        class="am-button"
        data-variant="link"
        ?disabled=${host.readOnly}
        @click=${() => o.onRemove(a.key)}
      >
        ${t('removeAdmin', { n })}
      </button>
    </div>
  </fieldset>`;
}

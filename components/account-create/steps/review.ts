import { html, nothing, type TemplateResult } from 'lit';
import { languageName } from '../../../src/base/elements/am-language-select.js';
import type { StepId } from '../values.js';
import { parseCredit, trunkText } from '../wizard.js';
import { stepName, withBdi, type StepContext } from './context.js';

export interface ReviewOptions {
  /** The "Edit" links show (not once the account exists). */
  editable: boolean;
  onEdit(step: StepId): void;
  /** Passwords in clear. */
  revealed: boolean;
  onReveal(): void;
  /** The name of the new account's reseller, when known (it names the reseller's carriers). */
  resellerName?: string;
}

type Row = [label: string, value: unknown];

/** Untrusted text (names, realms, e-mails, zones) isolated from the sentence around it. */
const bdi = (s: string) => html`<bdi>${s}</bdi>`;

/** Step 8: every choice, by step, each with an "Edit" link back to it. */
export function renderReview(ctx: StepContext, o: ReviewOptions): TemplateResult {
  const { values: v, defaults: d, rules, l } = ctx;
  const t = l.t.bind(l);
  const none = t('none');
  const list = (xs: string[]) => (xs.length ? xs.map((x, i) => html`${i ? ', ' : ''}${bdi(x)}`) : none);
  const joined = (...xs: string[]) => {
    const kept = xs.map((x) => x.trim()).filter(Boolean);
    return kept.length ? kept.map((x, i) => html`${i ? ' · ' : ''}${bdi(x)}`) : none;
  };
  const section = (step: StepId, rows: Row[]) =>
    html`<section class="review-section" aria-labelledby="review-${step}">
      <div class="review-head">
        <h4 id="review-${step}">${stepName(l, step)}</h4>
        ${
          o.editable
            ? html`<button
                type="button"
                class="am-button"
                data-variant="link"
                aria-label=${t('editStep', { step: stepName(l, step) })}
                @click=${() => o.onEdit(step)}
              >
                ${t('edit')}
              </button>`
            : nothing
        }
      </div>
      <dl>
        ${rows.map(
          ([k, val]) =>
            html`<dt>${k}</dt>
              <dd>${val}</dd>`,
        )}
      </dl>
    </section>`;
  const b = v.billing;
  // The country comes pre-filled from the parent: alone, it is no contact to list.
  const billingGiven = Object.entries(b).some(
    ([k, x]) => x.trim() && (k !== 'country' || x.trim() !== (d.parent.contacts.billing?.country ?? '').trim()),
  );
  const c = v.limits;
  const credit = parseCredit(v.credit, rules.locale);
  const classes = d.callClasses ?? [];
  const classNames = (allowed: boolean) =>
    list(classes.filter((x) => (c.callRestrictions[x.name] !== 'deny') === allowed).map((x) => x.friendlyName));
  const apps = (d.apps ?? []).filter((a) => v.apps.enabled.includes(a.id)).map((a) => a.label ?? a.name);
  const trunk = (n: (typeof c)['twowayTrunks']) => trunkText(n).trim() || none;
  const carrier =
    v.carrier === 'reseller'
      ? o.resellerName
        ? withBdi(l, 'carrier.resellerNamed', 'name', o.resellerName)
        : t('carrier.reseller')
      : t(v.carrier === 'account' ? 'carrier.account' : 'carrier.system');
  const admins = v.admins.length
    ? html`<ul class="plain">
          ${v.admins.map(
            (a) =>
              html`<li>
                ${bdi(`${a.firstName.trim()} ${a.lastName.trim()}`)} · ${bdi(a.email.trim())} ·
                ${
                  o.revealed
                    ? html`<span class="mono" dir="ltr">${a.password}</span>`
                    : html`<span class="mono" aria-hidden="true">${'•'.repeat(12)}</span
                        ><span class="am-visually-hidden">${t('passwordHidden')}</span>`
                }
                ${a.sendEmail ? html` · ${t('credentialsEmailed')}` : nothing}
              </li>`,
          )}
        </ul>
        <button type="button" class="am-button" aria-pressed=${o.revealed ? 'true' : 'false'} @click=${o.onReveal}>
          ${t('showPasswords')}
        </button>`
    : t('noAdmins');
  return html`<div class="review" part="review">
    ${section('general', [
      [t('name'), bdi(v.name.trim())],
      [t('realm'), v.realm.trim() ? bdi(v.realm.trim()) : t('platformRealm')],
      [t('timezone'), bdi(v.timezone)],
      [t('language'), v.language ? languageName(v.language, l.locale) : t('languageDefault')],
    ])}
    ${section('contacts', [
      [t('technical'), joined(v.technical.name, v.technical.email, v.technical.number)],
      [
        t('billing'),
        billingGiven
          ? joined(
              b.name,
              b.email,
              b.number,
              b.streetAddress,
              b.streetAddressExtra,
              b.postalCode,
              b.locality,
              b.region,
              b.country,
            )
          : none,
      ],
    ])}
    ${section('admins', [[stepName(l, 'admins'), admins]])}
    ${section('plans', [[stepName(l, 'plans'), list((d.plans ?? []).filter((p) => v.plans.includes(p.id)).map((p) => p.name))]])}
    ${section('limits', [
      ...(rules.canSetLimits
        ? ([
            [t('twowayTrunks'), trunk(c.twowayTrunks)],
            [t('inboundTrunks'), trunk(c.inboundTrunks)],
            [t('outboundTrunks'), trunk(c.outboundTrunks)],
            [t('allowPerMinute'), c.allowPerMinute ? t('yes') : t('no')],
          ] as Row[])
        : []),
      [t('allowed'), classNames(true)],
      [t('denied'), classNames(false)],
      [t('carriers'), carrier],
    ])}
    ${section('credit', [[t('credit'), rules.canCredit && credit && credit.units > 0 ? l.money(credit) : none]])}
    ${section('apps', [[stepName(l, 'apps'), v.apps.mode === 'only' && d.apps ? list(apps) : t('appsAll')]])}
  </div>`;
}

/**
 * The dashboard's customer view: while the reseller uses an account ("Use account"), what that account's users see in
 * their own portal. Kazoo stores the restrictions but enforces none: the host portal does, with `restrictionsAllow`,
 * as here. Trunks and credit are the account's own, read through the same adapter.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  formatMoney,
  restrictionsAllow,
  type Account,
  type AccountApi,
  type Balance,
  type Limits,
  type RestrictionPath,
} from '../src/api/index.js';
import { demoText, type DemoKey } from './i18n.js';

export interface CustomerView {
  accountId: string;
  account?: Account;
  limits?: Limits;
  balance?: Balance;
  failed?: boolean;
}

/** The customer portal's menu, in Monster UI's order: each entry shown only when the restrictions allow it. */
const GROUPS: { key: DemoKey; items: RestrictionPath[] }[] = [
  { key: 'customer.settings', items: ['settings.user', 'settings.account'] },
  {
    key: 'customer.billing',
    items: ['billing.creditCard', 'billing.balance', 'billing.servicePlan', 'billing.transactions'],
  },
  { key: 'customer.trunking', items: ['trunking.twoway', 'trunking.inbound', 'trunking.outbound'] },
  { key: 'customer.misc', items: ['misc.errorLog'] },
];
const TRUNKS: Partial<Record<RestrictionPath, keyof Limits>> = {
  'trunking.twoway': 'twowayTrunks',
  'trunking.inbound': 'inboundTrunks',
  'trunking.outbound': 'outboundTrunks',
};
const label = (path: RestrictionPath) => `customer.${path}` as DemoKey;

/** Reads what the view shows: the account (its restrictions), then only the trunks and credit it may see. */
export async function loadCustomerView(api: AccountApi, accountId: string): Promise<CustomerView> {
  try {
    const account = await api.getAccount(accountId);
    const r = account.uiRestrictions;
    const trunks = Object.keys(TRUNKS).some((p) => restrictionsAllow(r, p as RestrictionPath));
    const credit = restrictionsAllow(r, 'billing.balance.credit');
    const [limits, balance] = await Promise.all([
      trunks ? api.getLimits(accountId) : undefined,
      credit ? api.getBalance(accountId) : undefined,
    ]);
    return { accountId, account, limits, balance };
  } catch {
    return { accountId, failed: true };
  }
}

/** The view, in the portal's language. */
export function customerView(view: CustomerView, locale: string, retry: () => void): TemplateResult {
  const tr = (key: DemoKey) => demoText(locale, key);
  const body = (): TemplateResult => {
    if (view.failed)
      return html`<p class="error" role="alert">
        ${tr('customer.error')} <button @click=${retry}>${tr('customer.retry')}</button>
      </p>`;
    const account = view.account;
    if (!account) return html`<p class="muted">${tr('customer.loading')}</p>`;
    const r = account.uiRestrictions;
    const hidden: string[] = [];
    const item = (path: RestrictionPath): TemplateResult | typeof nothing => {
      if (!restrictionsAllow(r, path)) {
        hidden.push(tr(label(path)));
        return nothing;
      }
      const trunk = TRUNKS[path];
      if (trunk) {
        const n = view.limits?.[trunk] as number | null | undefined;
        return html`<li>${tr(label(path))}: <strong>${n ?? tr('customer.notSet')}</strong></li>`;
      }
      if (path === 'billing.balance') {
        const parts = (['billing.balance.credit', 'billing.balance.minutes'] as const).map((p) => {
          if (restrictionsAllow(r, p)) return p;
          hidden.push(`${tr(label(path))}: ${tr(label(p))}`);
          return undefined;
        });
        return html`<li>
          ${tr(label(path))}${
            parts[0] && view.balance
              ? html` · ${tr(label('billing.balance.credit'))}
                  <strong>${formatMoney(view.balance.amount, locale)}</strong>`
              : nothing
          }${parts[1] ? html` · ${tr(label('billing.balance.minutes'))}` : nothing}
        </li>`;
      }
      return html`<li>${tr(label(path))}</li>`;
    };
    const groups = GROUPS.map((g) => ({ key: g.key, items: g.items.map(item).filter((i) => i !== nothing) }));
    const shown = groups.filter((g) => g.items.length);
    return html`${
        shown.length
          ? html`<div class="customer-groups">
              ${shown.map(
                (g) =>
                  html`<section aria-label=${tr(g.key)}>
                    <h3>${tr(g.key)}</h3>
                    <ul>
                      ${g.items}
                    </ul>
                  </section>`,
              )}
            </div>`
          : html`<p>${tr('customer.nothing')}</p>`
      }
      <p class="muted">
        ${hidden.length ? `${tr('customer.hidden')} ${hidden.join(', ')}.` : tr('customer.allShown')}
      </p>`;
  };
  const name = view.account?.name;
  return html`<section class="card customer" aria-labelledby="customer-title">
    <h2 id="customer-title">${tr('customer.title')}</h2>
    <p class="muted">${name ? html`${tr('customer.intro')} <strong dir="auto">${name}</strong>` : nothing}</p>
    ${body()}
  </section>`;
}

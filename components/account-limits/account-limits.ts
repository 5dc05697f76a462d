import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type {
  Account,
  Balance,
  CallClass,
  CallRestrictionAction,
  Limits,
  LimitsChanges,
  Session,
} from '../../src/api/model.js';
import { parseMoney } from '../../src/api/money.js';
import { checkFields, type RuleName } from '../../src/api/rules.js';
import { storeKey } from '../../src/data/keys.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { titleStyles } from '../../src/base/layout.styles.js';
import { AmSwitch } from '../../src/base/elements/am-switch.js';
import { fieldId, numberField, switchField } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { renderResource } from '../../src/base/primitives.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-limits.styles.js';
import { CreditDialog, type BalanceAdjusted } from './credit-dialog.js';
import en from './locales/en-US.js';

export type { BalanceAdjusted, CreditDirection } from './credit-dialog.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /**
     * The user saved; `limits` and `callRestrictions` are the saved values, `changes` the changed paths
     * (`twowayTrunks`, `inboundTrunks`, `outboundTrunks`, `allowPerMinute`, `callRestrictions.<class>`).
     */
    'limits-saved': {
      accountId: string;
      limits: Limits;
      callRestrictions: Record<string, CallRestrictionAction>;
      changes: string[];
    };
    /** Credit was added (`credit`) or removed (`debit`); `balance` is the new balance. */
    'balance-adjusted': BalanceAdjusted;
  }
}

defineTranslations('account-limits', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

/**
 * The value of `<account-limits form>`: what a new account's limits and call classes will be.
 * A trunk count is a whole number, `null` when not set (the platform's default applies), or the text as typed
 * while it is not a whole number (the field shows why). A class absent from `callRestrictions` is allowed.
 */
export interface LimitsValue {
  twowayTrunks: string | number | null;
  inboundTrunks: string | number | null;
  outboundTrunks: string | number | null;
  /** Per-minute calls beyond the trunks (Kazoo `allow_prepay`, on by default). */
  allowPerMinute: boolean;
  /** Class name → `inherit` (allowed) or `deny`. */
  callRestrictions: Record<string, CallRestrictionAction>;
}

const TRUNKS = ['twowayTrunks', 'inboundTrunks', 'outboundTrunks'] as const;
const CLASS = 'callRestrictions.';
/** Monster UI's order of the usual classes; any other class the server lists follows in its order. */
const CLASS_ORDER = ['tollfree_us', 'toll_us', 'emergency', 'caribbean', 'did_us', 'international', 'unknown'];

interface Draft {
  /** Trunk counts as typed ('' while not set). */
  twowayTrunks: string;
  inboundTrunks: string;
  outboundTrunks: string;
  allowPerMinute: boolean;
  /** Class name → allowed. */
  callRestrictions: Record<string, boolean>;
  /** The account document's revision (call restrictions live there). */
  revision?: string;
  limitsRevision?: string;
}

const asText = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
/** A whole count as a number, '' as `null`, anything else as typed. */
function asCount(text: string): string | number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
}
const allowedOf = (classes: CallClass[], r: Record<string, CallRestrictionAction> | undefined) =>
  Object.fromEntries(classes.map((c) => [c.name, r?.[c.name] !== 'deny']));

/**
 * A customer's trunk limits (two-way, inbound, outbound: any whole number, no cap), which kinds of call it
 * may make (the classes the platform lists, by their own names), per-minute calls beyond the trunks, the
 * postpay facts the platform sets (read-only), and the credit balance with "Add credit" / "Remove credit".
 *
 * Trunks and per-minute calls are saved in the account's limits, call classes in the account document (the
 * one Kazoo enforces), each only when changed. Only the account's reseller, the master's direct accounts or
 * a superduper admin may change limits; only the account's reseller or a superduper admin may move credit:
 * anyone else reads a sentence saying so instead of buttons. A 402 asks before accepting the charges.
 *
 * With `form`, the element is a field of the creation wizard: `account-id` names the parent whose classes are
 * offered, `.value` (a `LimitsValue`) holds the choice, `input` and `change` fire on user changes, nothing is
 * saved and no balance shows; `save()` then only checks the fields and shows their messages. `classes-only`
 * leaves out the trunks and per-minute calls (for a user who may not set the new account's limits).
 * `checkValidity()` tells whether every field holds a value that can be saved; `reportValidity()` also shows
 * what is wrong on each field and focuses the first (a host's Next).
 *
 * @tagname account-limits
 * @summary Trunk limits, call classes, per-minute calls and the credit balance of a customer.
 *
 * @csspart base - The notes, the form and its actions.
 * @csspart form - The fields with Save and Reset.
 * @csspart field - One field (a trunk count, a switch).
 * @csspart input - A trunk count, or a field of the credit dialog.
 * @csspart actions - The dirty marker, Reset and Save.
 * @csspart postpay - The postpay facts set by the platform.
 * @csspart balance - The credit balance with its buttons.
 * @csspart amount - The balance amount.
 * @csspart credit-actions - "Add credit" and "Remove credit".
 * @csspart credit-refused - Why this user cannot move credit.
 * @csspart credit-dialog - The dialog that adds or removes credit.
 * @csspart conflicts - Values changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-account-limits-max-width - Widest the element grows (default 48rem).
 * @cssproperty --am-account-limits-gap - Space between the sections.
 * @cssproperty --am-account-limits-balance-size - Font size of the balance.
 *
 * @event limits-saved - The user saved. `detail: { accountId, limits, callRestrictions, changes }`.
 * @event balance-adjusted - Credit was added or removed. `detail: { accountId, direction, amount, balance }`.
 * @event input - Form mode: the user changed a value.
 * @event change - Form mode: the user changed a value.
 *
 * @cssstate loading - The account, its limits or its call classes are loading.
 * @cssstate error - One of them failed to load.
 * @cssstate forbidden - The user may not see them.
 * @cssstate dirty - A field was changed and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - A field changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change these.
 * @cssstate disabled-account - The account is disabled.
 */
export class AccountLimits extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'account-limits';
  static override styles = [tokens, draftStyles, titleStyles, styles];
  static override dependencies = { ...AmDraftElement.dependencies, 'am-switch': AmSwitch };

  /** Form mode (the creation wizard): `account-id` is the parent, `.value` the choice, nothing is saved. */
  @property({ type: Boolean, reflect: true }) form = false;

  /**
   * Form mode: only the call classes are offered; the trunks and per-minute calls, which only the new account's
   * reseller may set, are left out (the host says why).
   */
  @property({ type: Boolean, attribute: 'classes-only' }) classesOnly = false;

  /** Form mode: the chosen limits and call classes. */
  @property({ attribute: false }) value: LimitsValue = {
    twowayTrunks: null,
    inboundTrunks: null,
    outboundTrunks: null,
    allowPerMinute: true,
    callRestrictions: {},
  };

  private readonly limits = this.resource<Limits>({
    key: (id) => storeKey.limits(id),
    load: (store, id, o) => store.getLimits(id, o),
    accountId: () => (this.form ? undefined : this.am.accountId),
    required: () => !this.form,
  });
  private readonly classes = this.resource<CallClass[]>({
    key: (id) => storeKey.callClasses(id),
    load: (store, id, o) => store.listCallClasses(id, o),
  });
  private readonly balance = this.resource<Balance>({
    key: (id) => storeKey.balance(id),
    load: (store, id, o) => store.getBalance(id, o),
    accountId: () => (this.form ? undefined : this.am.accountId),
    required: false,
  });
  private readonly credit = new CreditDialog(this, {
    l: this.l,
    store: () => this.am.store,
    accountId: () => this.am.accountId,
    accountName: () => this.account.value?.name ?? '',
    currency: () => this.currency(),
    adjusted: (detail) => this.emit('balance-adjusted', detail),
  });

  constructor() {
    super();
    // In form mode the host hears the element's own input events, not those of the fields inside.
    this.addEventListener('input', (e) => {
      if (this.form && e.composedPath()[0] !== this) e.stopImmediatePropagation();
    });
  }

  // ---- validity

  /**
   * Whether every field holds a value that can be saved (a trunk count is a whole number, 0 or more; in form mode
   * one not set is fine). Shows nothing; `true` while nothing is loaded in account mode.
   */
  checkValidity(): boolean {
    // In form mode the value is the host's: it is checked even before the element has loaded.
    const d = this.draft.draft ?? (this.form ? this.select() : undefined);
    return !d || Object.keys(this.validate(d, new Set(this.draft.changedPaths))).length === 0;
  }

  /**
   * Like `checkValidity()`, and when a field is wrong, shows why on it and focuses the first such field. Saves
   * nothing.
   */
  reportValidity(): boolean {
    if (this.checkValidity()) return true;
    // The base shows what its check finds before a save, and saves nothing while something is wrong.
    void this.save()
      .then(() => this.updateComplete)
      .then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return false;
  }

  // ---- the draft

  protected override selectInputs(): unknown[] {
    return [...super.selectInputs(), this.form, this.form ? this.value : undefined];
  }

  protected override select(): Draft | undefined {
    const classes = this.classes.value ?? [];
    if (this.form) {
      const v = this.value;
      return {
        twowayTrunks: asText(v?.twowayTrunks),
        inboundTrunks: asText(v?.inboundTrunks),
        outboundTrunks: asText(v?.outboundTrunks),
        allowPerMinute: v?.allowPerMinute !== false,
        callRestrictions: allowedOf(classes, v?.callRestrictions),
      };
    }
    const a = this.account.value;
    const l = this.limits.value;
    return (
      a &&
      l && {
        twowayTrunks: asText(l.twowayTrunks),
        inboundTrunks: asText(l.inboundTrunks),
        outboundTrunks: asText(l.outboundTrunks),
        allowPerMinute: l.allowPerMinute,
        callRestrictions: allowedOf(classes, a.callRestrictions),
        revision: a.revision,
        limitsRevision: l.revision,
      }
    );
  }

  protected override ignorePaths(): string[] {
    return ['id', 'revision', 'limitsRevision'];
  }

  protected override validate(d: Draft, changed: Set<string>) {
    const fields: Record<string, [RuleName, string]> = {};
    // Kazoo cannot unset a count (POST merges), so an emptied one needs a number; a new account may leave it unset.
    for (const k of TRUNKS) if (this.form ? d[k].trim() !== '' : changed.has(k)) fields[k] = ['trunks', d[k]];
    return checkFields(fields);
  }

  protected override async write(d: Draft, { paths, base, store, accountId, options }: WriteContext<Draft>) {
    const limits: LimitsChanges = {};
    for (const k of TRUNKS) if (paths.includes(k)) limits[k] = Number(d[k].trim().replace(',', '.'));
    if (paths.includes('allowPerMinute')) limits.allowPerMinute = d.allowPerMinute;
    const classes = paths.filter((p) => p.startsWith(CLASS)).map((p) => p.slice(CLASS.length));
    if (Object.keys(limits).length) {
      await store.updateLimits(accountId, limits, { ...options, expectedRevision: base.limitsRevision });
    }
    if (classes.length) {
      // The account document is the one Kazoo enforces; the limits document never gets a copy.
      const callRestrictions = Object.fromEntries(
        classes.map((c): [string, CallRestrictionAction] => [c, d.callRestrictions[c] ? 'inherit' : 'deny']),
      );
      await store.updateAccount(accountId, { callRestrictions }, { ...options, expectedRevision: base.revision });
    }
  }

  protected override onSaved(changes: string[]): void {
    const limits = this.limits.value;
    const account = this.account.value;
    if (!limits || !account) return;
    this.emit('limits-saved', {
      accountId: account.id,
      limits,
      callRestrictions: account.callRestrictions,
      changes,
    });
  }

  protected override fieldChangedHook(): void {
    const d = this.draft.draft;
    if (!this.form || !d) return;
    const callRestrictions = { ...this.value?.callRestrictions };
    for (const [name, allowed] of Object.entries(d.callRestrictions))
      callRestrictions[name] = allowed ? 'inherit' : 'deny';
    this.value = {
      twowayTrunks: asCount(d.twowayTrunks),
      inboundTrunks: asCount(d.inboundTrunks),
      outboundTrunks: asCount(d.outboundTrunks),
      allowPerMinute: d.allowPerMinute,
      callRestrictions,
    };
    // The host's value is the saved value in this mode: nothing stays unsaved, and each field says what is wrong now.
    this.draft.rebase(d);
    void this.save();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  protected override accountChanged(): void {
    this.credit.close();
  }

  // ---- rights

  /** cb_limits: the account's reseller, the master's direct accounts, or a superduper admin. */
  protected override canEdit(): boolean {
    if (this.form) return true;
    const s = this.am.session;
    const a = this.account.value;
    if (!s || !a || s.isSuperduper || !a.resellerId || a.resellerId === s.accountId) return true;
    return this.mayBeMaster(a.resellerId, s, a.id);
  }

  /** Whether the account's reseller may be the master; `true` while it cannot be known without asking. */
  private mayBeMaster(reseller: string, s: Session, accountId: string): boolean {
    const known = this.am.store?.peek<Account>(storeKey.account(reseller));
    if (known) return !known.resellerId;
    // A reseller other than the session's own sits below the session's account: it is not the master.
    return accountId === s.accountId || reseller === s.resellerId;
  }

  /** cb_ledgers: only the account's own reseller or a superduper admin; `undefined` until known. */
  private get mayMoveCredit(): boolean | undefined {
    const s = this.am.session;
    const a = this.account.value;
    if (!s || !a) return undefined;
    return s.isSuperduper || (!!a.resellerId && a.resellerId === s.accountId);
  }

  // ---- words

  protected override currency(): string {
    return this.balance.value?.amount.currency ?? 'USD';
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  protected override formatValue(value: unknown, path: string): string {
    if (path.startsWith(CLASS)) return this.l.t(value === false ? 'denied' : 'allowed');
    return super.formatValue(value, path);
  }

  /** An amount in the account's currency; with `key`, written as that message writes numbers. */
  private money(amount: number, key?: keyof typeof en): string {
    const m = parseMoney(amount, this.currency());
    return m ? this.l.money(m, key) : String(amount);
  }

  /** The server's classes, the usual ones first. */
  private get callClasses(): CallClass[] {
    const rank = (c: CallClass) => (CLASS_ORDER.includes(c.name) ? CLASS_ORDER.indexOf(c.name) : CLASS_ORDER.length);
    return [...(this.classes.value ?? [])].sort((a, b) => rank(a) - rank(b));
  }

  // ---- rendering

  protected override renderActions(): unknown {
    return this.form ? nothing : super.renderActions();
  }

  protected override renderDisabledNote(): unknown {
    return this.form ? nothing : super.renderDisabledNote();
  }

  protected override renderLoaded(d: Draft): unknown {
    if (this.form) return this.renderDraftForm(d);
    return html`<div class="layout">
        <h2>${this.l.t('heading')}</h2>
        ${this.renderDraftForm(d)} ${this.renderBalance()}
      </div>
      ${this.credit.render()}`;
  }

  protected override renderForm(): unknown {
    const t = this.l.t.bind(this.l);
    const classes = this.callClasses;
    const limits = !(this.form && this.classesOnly);
    return html`${
        limits
          ? html`<section class="group" aria-labelledby="trunks-heading">
              <h3 id="trunks-heading">${t('trunksHeading')}</h3>
              <p class="intro">${t('trunksIntro')}</p>
              <div class="trunks">
                ${TRUNKS.map((k) => numberField(this, k, t(k), { rule: 'trunks', placeholder: t('notSet') }))}
              </div>
            </section>`
          : nothing
      }
      <section class="group" aria-labelledby="classes-heading">
        <h3 id="classes-heading">${t('classesHeading')}</h3>
        ${
          classes.length
            ? html`<p class="intro">${t('classesIntro')}</p>
                <div class="classes">${classes.map((c) => this.renderClass(c))}</div>`
            : html`<p class="am-note" role="note">${t('classesEmpty')}</p>`
        }
      </section>
      ${
        limits
          ? html`<section class="group" aria-labelledby="per-minute-heading">
              <h3 id="per-minute-heading">${t('perMinuteHeading')}</h3>
              ${switchField(this, 'allowPerMinute', t('allowPerMinute'), {
                description: t('allowPerMinuteDescription'),
              })}
              ${this.form ? nothing : this.renderPostpay()}
            </section>`
          : nothing
      }`;
  }

  /** One class, allowed or refused, named as the server names it (its own direction). */
  private renderClass(c: CallClass): TemplateResult {
    const path = `${CLASS}${c.name}`;
    this.registerField(path, { label: c.friendlyName });
    const changed = this.fieldChanged(path);
    return html`<div class="am-field am-field--switch" part="field" ?data-dirty=${changed} data-field=${path}>
      <am-switch
        id=${fieldId(path)}
        .checked=${this.fieldValue(path) === true}
        ?disabled=${this.readOnly}
        @change=${(e: Event) => this.setField(path, (e.target as AmSwitch).checked)}
        ><span dir="auto">${c.friendlyName}</span></am-switch
      >
      ${
        changed
          ? html`<span class="am-dirty-mark" aria-hidden="true" title=${this.fieldText('changedField', {})}></span>`
          : nothing
      }
    </div>`;
  }

  private renderPostpay(): unknown {
    const p = this.limits.value?.postpay;
    if (!p) return nothing;
    const t = this.l.t.bind(this.l);
    const state = !p.allowed
      ? t('postpayNotAllowed')
      : p.maxAmount
        ? t('postpayAllowed', { amount: this.money(p.maxAmount, 'postpayAllowed') })
        : t('postpayAllowedNoLimit');
    return html`<div class="group" part="postpay">
      <dl class="facts">
        <div>
          <dt>${t('postpay')}</dt>
          <dd>${state}</dd>
        </div>
      </dl>
      <p class="am-hint">${t('postpayNote')}</p>
    </div>`;
  }

  private renderBalance(): TemplateResult {
    const t = this.l.t.bind(this.l);
    return html`<section class="group balance" part="balance" aria-labelledby="balance-heading">
      <h3 id="balance-heading">${t('balanceHeading')}</h3>
      ${renderResource(this.balance, this.l, {
        loaded: (b) =>
          html`<p class="balance-now">
              <span>${t('balanceNow')}</span>
              <strong class="amount" part="amount">${this.l.money(b.amount)}</strong>
            </p>
            ${this.renderCreditActions()}`,
      })}
    </section>`;
  }

  private renderCreditActions(): unknown {
    const may = this.mayMoveCredit;
    const t = this.l.t.bind(this.l);
    if (may === undefined) return nothing;
    if (!may) return html`<p class="am-note" part="credit-refused" role="note">${t('creditRefused')}</p>`;
    return html`<div class="credit-actions" part="credit-actions">
      <button type="button" class="am-button" @click=${() => this.credit.show('credit')}>${t('addCredit')}</button>
      <button type="button" class="am-button" @click=${() => this.credit.show('debit')}>${t('removeCredit')}</button>
    </div>`;
  }
}

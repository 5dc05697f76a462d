import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { Money } from '../../src/api/model.js';
import { parseMoney } from '../../src/api/money.js';
import { LEDGER_AMOUNT_MIN, rules, type FieldProblem } from '../../src/api/rules.js';
import type { AccountStore } from '../../src/data/store.js';
import type { AmDialog } from '../../src/base/elements/am-dialog.js';
import { inputField, problemMessage } from '../../src/base/fields.js';
import type { LocalizeController } from '../../src/base/localize-controller.js';
import { phrase } from '../../src/base/phrase.js';
import type en from './locales/en-US.js';

export type CreditDirection = 'credit' | 'debit';

/** What `balance-adjusted` carries. */
export interface BalanceAdjusted {
  accountId: string;
  direction: CreditDirection;
  amount: Money;
  balance: Money;
}

export interface CreditDialogOptions {
  l: LocalizeController<keyof typeof en>;
  store(): AccountStore | undefined;
  accountId(): string | undefined;
  accountName(): string;
  currency(): string;
  /** The ledger took the adjustment (fire the element's event). */
  adjusted(detail: BalanceAdjusted): void;
}

interface Open {
  direction: CreditDirection;
  accountId: string;
  step: 'edit' | 'confirm' | 'done';
  amount: string;
  reason: string;
  problem?: FieldProblem;
  error?: AccountApiError;
  /** The request on its way (a token: a reply for a dialog since closed settles nothing). */
  pending?: object;
  money?: Money;
  balance?: Money;
}

/**
 * The "Add credit" / "Remove credit" dialog of `<account-limits>`: the amount (exact decimal, at least the
 * ledger's minimum, refused on the field before anything is sent) and a reason, a confirmation step, then the
 * new balance. Renders `<am-dialog>` (the host lists it in `static dependencies`).
 */
export class CreditDialog implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly o: CreditDialogOptions;
  private state?: Open;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CreditDialogOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  get open(): boolean {
    return !!this.state;
  }

  hostDisconnected(): void {
    this.state = undefined;
  }

  /** Opens the dialog for the element's account. */
  show(direction: CreditDirection): void {
    const accountId = this.o.accountId();
    if (!accountId) return;
    this.state = { direction, accountId, step: 'edit', amount: '', reason: '' };
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.state) return;
    this.state = undefined;
    this.host.requestUpdate();
  }

  /** An amount; with `key`, written as that message writes numbers (an English fallback keeps Latin digits). */
  private money(value: Money | number, key?: keyof typeof en): string {
    const m = typeof value === 'number' ? parseMoney(value, this.o.currency()) : value;
    return m ? this.o.l.money(m, key) : String(value);
  }

  private goTo(s: Open, step: Open['step']): void {
    s.step = step;
    this.host.requestUpdate();
    void this.focusFirst();
  }

  private async focusFirst(): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    root?.querySelector<AmDialog>('am-dialog[data-credit]')?.focusFirst();
  }

  /** The amount as Money, or the field's problem (checked before anything is sent). */
  private check(s: Open): Money | undefined {
    const text = s.amount.trim();
    s.problem = rules.amount(text);
    if (s.problem) return undefined;
    // The rule takes either separator for decimals; parseMoney reads a dot.
    const money = parseMoney(text.replace(',', '.'), this.o.currency());
    if (!money) s.problem = { code: 'invalid' };
    return money ?? undefined;
  }

  private async submit(s: Open): Promise<void> {
    if (s.step === 'edit') {
      s.money = this.check(s);
      if (s.money) return this.goTo(s, 'confirm');
      this.host.requestUpdate();
      return this.focusFirst();
    }
    if (s.step === 'done') return this.close();
    const store = this.o.store();
    if (!store || !s.money || s.pending) return;
    const token = (s.pending = {});
    s.error = undefined;
    this.host.requestUpdate();
    try {
      const { amount: balance } = await store.adjustBalance(s.accountId, {
        amount: s.money,
        direction: s.direction,
        reason: s.reason.trim() || undefined,
      });
      if (this.state !== s || s.pending !== token) return;
      s.pending = undefined;
      s.balance = balance;
      this.o.adjusted({ accountId: s.accountId, direction: s.direction, amount: s.money, balance });
      this.goTo(s, 'done');
    } catch (e) {
      if (this.state !== s || s.pending !== token) return;
      s.pending = undefined;
      const err = toAccountApiError(e);
      const code = err.fieldCodes?.amount;
      if (err.kind === 'validation' && code) {
        const limit = err.fieldLimits?.amount;
        s.problem = limit === undefined ? { code } : { code, limit };
        return this.goTo(s, 'edit');
      }
      s.error = err;
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult | typeof nothing {
    const s = this.state;
    if (!s) return nothing;
    const t = this.o.l.t.bind(this.o.l);
    const title = s.direction === 'credit' ? t('addCredit') : t('removeCredit');
    return html`<am-dialog
      part="credit-dialog"
      data-credit
      open
      label=${title}
      @am-dialog-request-close=${(e: Event) => {
        e.preventDefault();
        if (!s.pending) this.close();
      }}
    >
      <form
        class="am-dialog__form"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.submit(s);
        }}
      >
        ${this.renderStep(s, title)}
      </form>
    </am-dialog>`;
  }

  private renderStep(s: Open, title: string): TemplateResult {
    if (s.step === 'edit') return this.renderEdit(s);
    return s.step === 'confirm' ? this.renderConfirm(s, title) : this.renderDone(s);
  }

  private renderEdit(s: Open): TemplateResult {
    const { l } = this.o;
    const t = l.t.bind(l);
    const label = t('creditAmount', { currency: this.o.currency() });
    const error =
      s.problem &&
      problemMessage(l as never, 'creditAmount', s.problem, {
        label,
        rule: 'amount',
        formatLimit: (n) => this.money(n),
      });
    const amount = (value: string) => {
      s.amount = value;
      s.problem = undefined;
      this.host.requestUpdate();
    };
    return html`${inputField('credit-amount', label, s.amount, amount, {
        field: 'creditAmount',
        part: 'input',
        name: 'amount',
        inputmode: 'decimal',
        dir: 'ltr',
        spellcheck: false,
        autofocus: true,
        hint: t('creditAmountHint', { min: this.money(LEDGER_AMOUNT_MIN, 'creditAmountHint') }),
        error,
      })}
      ${inputField('credit-reason', t('creditReason'), s.reason, (v) => (s.reason = v), {
        part: 'input',
        name: 'reason',
        dir: 'auto',
        maxlength: 200,
        hint: t('creditReasonHint'),
      })}
      <div class="am-dialog__actions">
        <button type="button" class="am-button" @click=${() => this.close()}>${t('cancel')}</button>
        <button type="submit" class="am-button" data-variant="primary">${t('continue')}</button>
      </div>`;
  }

  private renderConfirm(s: Open, title: string): TemplateResult {
    const { l } = this.o;
    const t = l.t.bind(l);
    const question = s.direction === 'credit' ? 'confirmCredit' : 'confirmDebit';
    const reason = s.reason.trim();
    return html`<p class="am-dialog__message">
        ${phrase(l, question, { amount: this.money(s.money!, question), name: this.o.accountName() })}
      </p>
      ${reason ? html`<p class="am-dialog__message">${phrase(l, 'confirmReason', { reason })}</p>` : nothing}
      ${s.error ? html`<p class="am-field-error" role="alert">${l.errorMessage(s.error)}</p>` : nothing}
      <div class="am-dialog__actions">
        <button type="button" class="am-button" @click=${() => !s.pending && this.goTo(s, 'edit')}>${t('back')}</button>
        <button
          type="submit"
          class="am-button"
          data-variant=${s.direction === 'debit' ? 'danger' : 'primary'}
          data-autofocus
          aria-disabled=${s.pending ? 'true' : 'false'}
        >
          ${s.pending ? t('saving') : title}
        </button>
      </div>`;
  }

  private renderDone(s: Open): TemplateResult {
    const t = this.o.l.t.bind(this.o.l);
    const done = s.direction === 'credit' ? 'creditDone' : 'debitDone';
    // Focus goes to the sentence, so the new balance is read out first.
    return html`<p class="am-dialog__message" tabindex="-1" data-autofocus>
        ${t(done, { balance: this.money(s.balance!, done) })}
      </p>
      <div class="am-dialog__actions">
        <button type="submit" class="am-button" data-variant="primary">${t('close')}</button>
      </div>`;
  }
}

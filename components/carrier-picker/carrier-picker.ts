import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AccountApiError } from '../../src/api/errors.js';
import type { Account, CarrierSetting, CarrierStrategy } from '../../src/api/model.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { sectionStyles } from '../../src/base/layout.styles.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { warnOnce } from '../../src/base/warn.js';
import { storeKey } from '../../src/data/keys.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './carrier-picker.styles.js';
import en from './locales/en-US.js';

export type { CarrierPickerMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user saved the account's carriers; `changes` lists `strategy`. */
    'carrier-saved': { accountId: string; strategy: CarrierStrategy; changes: string[] };
  }
}

defineTranslations('carrier-picker', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

interface Draft {
  /** The chosen strategy; none while the account keeps a setup this element does not manage. */
  strategy?: CarrierStrategy;
}

const STRATEGIES: readonly CarrierStrategy[] = ['system', 'reseller', 'account'];
const isStrategy = (v: unknown): v is CarrierStrategy => STRATEGIES.includes(v as CarrierStrategy);

/** What the draft holds for a stored setting: an unsupported one selects nothing, so nothing changes silently. */
const strategyOf = (s: CarrierSetting): CarrierStrategy | undefined =>
  s.source === 'unsupported' ? undefined : s.strategy;

/**
 * Which carriers place an account's calls to numbers outside the platform: the system-wide ones (Kazoo's
 * `offnet`), its reseller's (named), or its own (with how many it has, and a warning when it has none).
 * Kazoo keeps the choice in the account's `no_match` callflow; opening never writes one, and saving writes
 * it once. A setup this element does not manage (another account's carriers, another call handler) is
 * shown in words with nothing selected, and changes only when the user picks an option and saves.
 *
 * Two ways to use it:
 * - **On an account** (`account-id`, default the acting account): a draft with Save and Reset; fires
 *   `carrier-saved`.
 * - **In a creation form** (`form`): `account-id` names the parent of the account being created, whose
 *   reseller's carriers are offered; `value` is the chosen strategy, with native `input` and `change` on
 *   each user change; no Save or Reset, and nothing is written.
 *
 * @tagname carrier-picker
 * @summary Choose the carriers of an account, or of one being created.
 *
 * @csspart base - The notes, the choices and their actions.
 * @csspart form - The choices with Save and Reset.
 * @csspart heading - The "Carriers" heading that names the group.
 * @csspart intro - What the choice decides.
 * @csspart choices - The radio group.
 * @csspart option - One choice: radio, label, what it means.
 * @csspart radio - The radio button of a choice.
 * @csspart hint - What a choice means, or how many carriers the account has.
 * @csspart warning - The account has no carriers of its own.
 * @csspart note - Nothing saved yet, or a setup this element does not manage.
 * @csspart actions - The dirty marker, Reset and Save (account mode).
 * @csspart conflicts - The choice made here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 * @csspart forbidden - The user may not see this account's carriers.
 * @csspart read-only-note - The user may see but not change them.
 * @csspart disabled-note - The account is disabled (account mode).
 *
 * @cssproperty --am-carrier-picker-max-width - Widest the element grows (default 40rem).
 * @cssproperty --am-carrier-picker-gap - Space between choices (default `--am-space-2`).
 * @cssproperty --am-carrier-picker-checked-background - Background of the chosen option (default `--am-color-surface-sunken`).
 * @cssproperty --am-carrier-picker-option-border - Border colour of an option (default `--am-color-border`).
 *
 * @event carrier-saved - Account mode: the user saved. `detail: { accountId, strategy, changes }`.
 * @event input - Form mode: the user chose another option.
 * @event change - Form mode: the choice changed (same moment as `input`: a radio commits at once).
 *
 * @cssstate loading - The account or its carriers are loading.
 * @cssstate error - They failed to load (Retry is shown).
 * @cssstate forbidden - The user may not see them.
 * @cssstate dirty - Another choice was made and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - The choice changed here and elsewhere and waits for a decision.
 * @cssstate read-only - The user may not change this.
 * @cssstate disabled-account - The account is disabled.
 * @cssstate unsupported - The account keeps a carrier setup this element does not manage.
 * @cssstate no-own-carriers - The account has no carriers of its own (always so for one being created).
 */
export class CarrierPicker extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'carrier-picker';
  static override styles = [tokens, draftStyles, sectionStyles, styles];

  /** Creation-form mode: `account-id` is the parent, `value` the choice; nothing is saved here. */
  @property({ type: Boolean, reflect: true }) form = false;

  /** Creation-form mode: the chosen strategy (`system`, `reseller` or `account`; default `system`). */
  @property() value?: CarrierStrategy = 'system';

  private defaultValue?: CarrierStrategy;

  /** The stored setting (account mode only). */
  private readonly carrier = this.resource<CarrierSetting>({
    key: (id) => storeKey.carrier(id),
    load: (store, id, o) => store.getCarrierStrategy(id, o),
    accountId: () => (this.form ? undefined : this.am.accountId),
    required: () => !this.form,
  });

  /**
   * The reseller, for its name (the user may not be allowed to read it). Asked once the session is known: the
   * signed-in account (often the reseller) comes with it, and is not read twice.
   */
  private readonly reseller = this.resource<Account>({
    key: (id) => storeKey.account(id),
    load: (store, id, o) => store.getAccount(id, o),
    accountId: () => (this.am.session ? this.resellerId : undefined),
    required: false,
  });

  /** The other account an unsupported setup sends calls through, for its name. */
  private readonly hunted = this.resource<Account>({
    key: (id) => storeKey.account(id),
    load: (store, id, o) => store.getAccount(id, o),
    accountId: () => {
      const s = this.carrier.value;
      return this.am.session && !this.form && s?.source === 'unsupported' ? s.huntAccountId : undefined;
    },
    required: false,
  });

  /** Account mode: whether another choice waits to be saved. */
  override get dirty(): boolean {
    return !this.form && super.dirty;
  }

  /** Account mode: saves the choice; resolves `true` when saved (or nothing to save). Fires no event. */
  override save(): Promise<boolean> {
    return this.form ? Promise.resolve(false) : super.save();
  }

  /** Account mode: drops the unsaved choice. Form mode: back to the initial `value`. */
  override reset(): void {
    if (!this.form) super.reset();
    else if (this.isConnected) this.value = this.defaultValue;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultValue ??= this.value;
  }

  /** The reseller whose carriers "reseller" means: the account's, or, for a new account, the parent's own. */
  private get resellerId(): string | undefined {
    const a = this.account.value;
    if (!a) return undefined;
    return this.form && a.isReseller ? a.id : a.resellerId;
  }

  // ---- the draft

  protected override selectInputs(): unknown[] {
    return this.form ? [true, this.value] : [false, this.carrier.value];
  }

  protected override select(): Draft | undefined {
    if (this.form) return { strategy: isStrategy(this.value) ? this.value : undefined };
    const s = this.carrier.value;
    return s && { strategy: strategyOf(s) };
  }

  protected override validate(d: Draft, changed: Set<string>): Record<string, string> {
    return d.strategy || !changed.has('strategy') ? {} : { strategy: this.l.t('chooseOne') };
  }

  protected override async write(d: Draft, { base, store, accountId, options }: WriteContext<Draft>) {
    if (!d.strategy) return;
    // The setting carries no revision to send: read it again, so a change made elsewhere is a conflict.
    const now = strategyOf(await store.getCarrierStrategy(accountId, { force: true }));
    if (now !== base.strategy) {
      throw new AccountApiError({
        kind: 'conflict',
        message: 'The carriers were changed elsewhere.',
        details: { current: { strategy: now } },
      });
    }
    await store.setCarrierStrategy(accountId, d.strategy, options);
  }

  protected override onSaved(changes: string[]): void {
    const strategy = this.draft.base?.strategy;
    if (strategy) this.emit('carrier-saved', { accountId: this.am.accountId!, strategy, changes });
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  protected override formatValue(value: unknown, path: string): string {
    if (path !== 'strategy') return super.formatValue(value, path);
    return isStrategy(value) ? this.labelText(value) : this.l.t('unsupportedValue');
  }

  protected override fieldChangedHook(): void {
    if (!this.form || !this.draft.draft) return;
    this.value = this.draft.draft.strategy;
    // The host's value is the saved value in this mode: nothing stays unsaved.
    this.draft.rebase(this.draft.draft);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  // ---- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value !== undefined && !isStrategy(this.value)) {
      warnOnce(
        'carrier-picker-value',
        '<carrier-picker> value must be "system", "reseller" or "account"; it is ignored.',
      );
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.carrier.value;
    this.setCustomState('unsupported', !this.form && s?.source === 'unsupported');
    this.setCustomState('no-own-carriers', this.form ? !!this.account.value : s?.ownCarriers === 0);
  }

  // ---- rendering

  protected override renderDisabledNote(): unknown {
    // In a creation form the account shown is the parent: its state says nothing about the new account.
    return this.form ? nothing : super.renderDisabledNote();
  }

  protected override renderActions(): unknown {
    return this.form ? nothing : super.renderActions();
  }

  /** The reseller option's label as plain text (conflicts, messages). */
  private labelText(strategy: CarrierStrategy): string {
    const t = this.l.t.bind(this.l);
    if (strategy === 'system') return t('system');
    if (strategy === 'account') return t('own');
    const name = this.reseller.value?.name;
    return name ? t('resellerNamed', { name }) : t('resellerUnnamed');
  }

  /** A sentence with a name in it, the name isolated in its own direction. */
  private named(key: 'resellerNamed' | 'unsupportedHunt', name: string): TemplateResult {
    return phrase(this.l, key, { name });
  }

  protected override renderForm(d: Draft): unknown {
    const t = this.l.t.bind(this.l);
    this.registerField('strategy', { label: t('heading') });
    const error = this.fieldError('strategy');
    const describedBy = ['cp-intro', error ? 'cp-error' : ''].filter(Boolean).join(' ');
    return html`<h2 id="cp-heading" part="heading">${t('heading')}</h2>
      <p id="cp-intro" part="intro" class="intro">${this.form ? t('introNew') : t('intro')}</p>
      ${this.renderNote()}
      <div
        class="choices"
        part="choices"
        role="radiogroup"
        aria-labelledby="cp-heading"
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : nothing}
      >
        ${STRATEGIES.map((s) => this.renderOption(s, d))}
      </div>
      ${error ? html`<p class="am-field-error" id="cp-error">${error}</p>` : nothing}`;
  }

  /** Nothing saved yet, or a setup this element does not manage. */
  private renderNote(): unknown {
    const s = this.carrier.value;
    if (this.form || !s || s.source === 'saved') return nothing;
    const t = this.l.t.bind(this.l);
    if (s.source === 'default') return html`<p class="am-note" part="note" role="note">${t('notSaved')}</p>`;
    const name = this.hunted.value?.name;
    const detail = !s.huntAccountId
      ? t('unsupportedOther')
      : name
        ? this.named('unsupportedHunt', name)
        : t('unsupportedHuntHidden');
    return html`<p class="am-note" part="note" role="note" data-tone="warning">
      ${t('unsupported')} ${detail} ${t('unsupportedKeep')}
    </p>`;
  }

  private renderOption(strategy: CarrierStrategy, d: Draft): TemplateResult {
    const t = this.l.t.bind(this.l);
    const id = `cp-${strategy}`;
    const on = d.strategy === strategy;
    const noReseller = strategy === 'reseller' && !!this.account.value && !this.resellerId;
    const lines: { id: string; text: unknown; warning?: boolean }[] = [];
    let label: unknown;
    if (strategy === 'system') {
      label = t('system');
      lines.push({ id: `${id}-hint`, text: t('systemHint') });
    } else if (strategy === 'reseller') {
      const name = this.reseller.value?.name;
      label = name ? this.named('resellerNamed', name) : t('resellerUnnamed');
      lines.push({ id: `${id}-hint`, text: noReseller ? t('resellerNone') : t('resellerHint') });
    } else {
      label = t('own');
      lines.push({ id: `${id}-hint`, text: t('ownHint') });
      const count = this.form ? 0 : this.carrier.value?.ownCarriers;
      if (count === 0) {
        lines.push({ id: `${id}-warning`, text: this.form ? t('ownNoneNew') : t('ownNone'), warning: true });
      } else if (count !== undefined) lines.push({ id: `${id}-count`, text: t('ownCount', { count }) });
    }
    const mark = !this.form && on && this.fieldChanged('strategy');
    // The radio's own input and change stay inside: the host fires its own, once per change.
    return html`<div class="option am-choice" part="option" data-option=${strategy} ?data-checked=${on}>
      <input
        id=${id}
        type="radio"
        part="radio"
        name="carrier-strategy"
        value=${strategy}
        .checked=${live(on)}
        ?disabled=${this.readOnly || noReseller}
        aria-describedby=${lines.map((l) => l.id).join(' ')}
        @input=${(e: Event) => e.stopPropagation()}
        @change=${(e: Event) => {
          e.stopPropagation();
          if ((e.target as HTMLInputElement).checked) this.setField('strategy', strategy);
        }}
      />
      <span class="am-label-row">
        <label for=${id}>${label}</label>
        ${mark ? html`<span class="am-dirty-mark" aria-hidden="true" title=${t('changedField')}></span>` : nothing}
      </span>
      ${lines.map((l) =>
        l.warning
          ? html`<span class="warning" part="warning" id=${l.id}>${l.text}</span>`
          : html`<span class="am-hint" part="hint" id=${l.id}>${l.text}</span>`,
      )}
    </div>`;
  }
}

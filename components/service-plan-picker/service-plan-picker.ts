import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AccountApiError } from '../../src/api/errors.js';
import type { ServicePlan } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { sectionStyles } from '../../src/base/layout.styles.js';
import { defineTranslations } from '../../src/base/localize.js';
import { warnOnce } from '../../src/base/warn.js';
import { tokens } from '../../src/themes/tokens.js';
import en from './locales/en-US.js';
import { styles } from './service-plan-picker.styles.js';

export type { PlanPickerMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account's plans were saved; `plans` is what the account now has; `changes` lists `planIds`. */
    'service-plans-saved': {
      accountId: string;
      plans: ServicePlan[];
      added: string[];
      removed: string[];
      changes: string[];
    };
  }
}

defineTranslations('service-plan-picker', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

interface Draft {
  /** The chosen plan ids, sorted. */
  planIds: string[];
}

/** A `value` attribute: plan ids separated by spaces or commas. */
const idsConverter = {
  fromAttribute: (v: string | null): string[] => (v ? v.split(/[\s,]+/).filter(Boolean) : []),
  toAttribute: (v: string[]): string => (Array.isArray(v) ? v.join(' ') : ''),
};

function ids(value: unknown): string[] | undefined {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (typeof value === 'string') return idsConverter.fromAttribute(value);
  return undefined;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * The service plans a reseller offers, grouped by category, with those on the account checked.
 *
 * Two ways to use it:
 * - **On an account** (`account-id`, default the acting account): add and remove plans as a draft with
 *   Save and Reset; charges the backend asks to accept are put to the user in words first, and a declined
 *   one leaves the choice in place, saying so. Fires `service-plans-saved`.
 * - **As a form value** (`reseller-id` and no `account-id`, e.g. in a creation wizard): `value` is the list of
 *   chosen plan ids, submitted under `name` with its form (one entry per plan), with native `input` and
 *   `change` events on each user change; no Save or Reset.
 *
 * Hidden, with a sentence that says why, when the reseller offers no plan or the user may not see them.
 *
 * @tagname service-plan-picker
 * @summary Choose the service plans of an account, or of one being created.
 *
 * @csspart base - The notes, the plans and their actions.
 * @csspart form - The plans with Save and Reset.
 * @csspart group - One category of plans (a fieldset).
 * @csspart plan - One plan: checkbox, name, description.
 * @csspart checkbox - The plan's checkbox.
 * @csspart note - Why the plans are hidden.
 * @csspart forbidden - The user may not see this account's plans.
 * @csspart actions - The dirty marker, Reset and Save (account mode).
 * @csspart conflicts - The plans chosen here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart dialog - The question about charges.
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-service-plan-picker-max-width - Widest the picker grows (default 48rem).
 * @cssproperty --am-service-plan-picker-gap - Space between groups (default `--am-space-4`).
 * @cssproperty --am-service-plan-picker-group-background - Group background (default `--am-color-surface`).
 * @cssproperty --am-service-plan-picker-group-border - Group border colour (default `--am-color-border`).
 * @cssproperty --am-service-plan-picker-checked-background - Background of a chosen plan (default `--am-color-surface-sunken`).
 *
 * @event input - Form-value mode: the user checked or unchecked a plan.
 * @event change - Form-value mode: the choice changed (same moment as `input`; a checkbox commits at once).
 * @event service-plans-saved - Account mode: the user saved. `detail: { accountId, plans, added, removed, changes }`.
 *
 * @cssstate unavailable - Hidden: the reseller offers no plan, or the user may not see them.
 */
export class ServicePlanPicker extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'service-plan-picker';
  static override styles = [tokens, draftStyles, sectionStyles, styles];

  static formAssociated = true;

  /** Form-value mode: the reseller whose plans are offered (with no `account-id`). */
  @property({ attribute: 'reseller-id' }) resellerId?: string;

  /** Form-value mode: the chosen plan ids (attribute: ids separated by spaces or commas). */
  @property({ converter: idsConverter }) value: string[] = [];

  /** Form field name: each chosen plan id is submitted under it. */
  @property() name?: string;

  /** No change allowed. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Show a heading above the plans (default true); set `no-heading` when the host has its own. */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private formDisabled = false;

  /** The reseller's plans on offer. */
  private readonly offered = this.resource<ServicePlan[]>({
    key: (id) => storeKey.plans(id),
    load: (store, id, o) => store.listServicePlans(id, o),
    accountId: () => this.reseller,
  });
  /** The account's plans (account mode only). */
  private readonly assigned = this.resource<ServicePlan[]>({
    key: (id) => storeKey.accountPlans(id),
    load: (store, id, o) => store.getAccountServicePlans(id, o),
    accountId: () => (this.mode === 'account' ? this.am.accountId : undefined),
    required: () => this.mode === 'account',
  });

  private readonly internals: ElementInternals;
  private defaultValue?: string[];
  /** The last write's saved and sent ids, for the saved event's `added` / `removed`. */
  private lastWrite?: { before: string[]; sent: string[] };

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** `value` (form) or `account` (draft on an account): see the class notes. */
  get mode(): 'account' | 'value' {
    return this.resellerId && !this.accountId ? 'value' : 'account';
  }

  /** Account mode: whether the choice differs from the account's plans. */
  override get dirty(): boolean {
    return this.mode === 'account' && super.dirty;
  }

  /** Account mode: saves the choice; resolves `true` when saved (or nothing to save). Fires no event. */
  override save(): Promise<boolean> {
    return this.mode === 'account' ? super.save() : Promise.resolve(false);
  }

  /** Account mode: drops the unsaved choice. Form-value mode: back to the initial `value`. */
  override reset(): void {
    if (this.mode === 'account') super.reset();
    else if (this.isConnected) this.value = [...(this.defaultValue ?? [])];
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  override setCustomState(name: string, on: boolean): void {
    // This element owns its ElementInternals (form association), so its states live there.
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the state is cosmetic.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultValue ??= [...(ids(this.value) ?? [])];
  }

  formResetCallback(): void {
    this.value = [...(this.defaultValue ?? [])];
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: unknown): void {
    if (state instanceof FormData) this.value = state.getAll(this.name ?? '').map(String);
  }

  private get reseller(): string | undefined {
    if (this.mode === 'value') return this.resellerId;
    const a = this.account.value;
    return a ? (a.resellerId ?? a.id) : undefined;
  }

  private get locked(): boolean {
    return this.readOnly || this.disabled || this.formDisabled;
  }

  // ---- the draft

  protected override selectInputs(): unknown[] {
    return [...super.selectInputs(), this.mode, this.mode === 'value' ? this.value : undefined];
  }

  protected override select(): Draft | undefined {
    if (this.mode === 'value') return { planIds: [...(ids(this.value) ?? [])] };
    const plans = this.assigned.value;
    return plans && { planIds: plans.map((p) => p.id).sort() };
  }

  protected override async write(d: Draft, { base, store, accountId, options }: WriteContext<Draft>) {
    // Kazoo keeps no revision on an account's plans: read them first, so a change made elsewhere is a conflict.
    const now = (await store.getAccountServicePlans(accountId, { force: true })).map((p) => p.id).sort();
    if (!sameIds(now, base.planIds)) {
      throw new AccountApiError({
        kind: 'conflict',
        message: 'Plans changed elsewhere.',
        details: { current: { planIds: now } },
      });
    }
    this.lastWrite = { before: base.planIds, sent: d.planIds };
    await store.setAccountServicePlans(accountId, d.planIds, options);
  }

  protected override onSaved(changes: string[]): void {
    const plans = this.assigned.value ?? [];
    const { before = [], sent = [] } = this.lastWrite ?? {};
    const now = plans.map((p) => p.id);
    const added = sent.filter((id) => !before.includes(id) && now.includes(id));
    const removed = before.filter((id) => !sent.includes(id) && !now.includes(id));
    if (!added.length && !removed.length) return;
    this.emit('service-plans-saved', { accountId: this.am.accountId!, plans, added, removed, changes });
  }

  protected override accountChanged(): void {
    this.lastWrite = undefined;
  }

  protected override fieldChangedHook(): void {
    if (this.mode !== 'value' || !this.draft.draft) return;
    this.value = [...this.draft.draft.planIds];
    // The host's value is the saved value in this mode: nothing stays unsaved.
    this.draft.rebase(this.draft.draft);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override savedMessage(): string {
    return this.l.t('savedDone');
  }

  protected override formatValue(value: unknown, path: string): string {
    if (path !== 'planIds') return super.formatValue(value, path);
    const list = ids(value) ?? [];
    const all = [...(this.offered.value ?? []), ...(this.assigned.value ?? [])];
    return list.length ? list.map((id) => all.find((p) => p.id === id)?.name ?? id).join(', ') : this.l.t('none');
  }

  // ---- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && ids(this.value) === undefined) {
      warnOnce('plan-picker-value', '<service-plan-picker> value must be an array of plan ids; it is ignored.');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.mode === 'value') this.syncForm();
    this.setCustomState('unavailable', this.offered.state === 'forbidden' || this.noneOffered());
  }

  private syncForm(): void {
    const chosen = ids(this.value) ?? [];
    if (this.name && chosen.length) {
      const data = new FormData();
      for (const id of chosen) data.append(this.name, id);
      this.internals.setFormValue(data);
    } else this.internals.setFormValue(null);
    const offered = this.offered.value;
    const unknown = offered ? chosen.filter((id) => !offered.some((p) => p.id === id)) : [];
    if (unknown.length) this.internals.setValidity({ customError: true }, this.l.t('unknownPlans'));
    else this.internals.setValidity({});
  }

  private noneOffered(): boolean {
    const d = this.draft.draft;
    return this.offered.state === 'loaded' && !this.offered.value?.length && !!d && !d.planIds.length;
  }

  // ---- rendering

  protected override renderForbidden(): unknown {
    return this.offered.state === 'forbidden' ? this.note(this.l.t('unavailable')) : super.renderForbidden();
  }

  protected override renderLoaded(d: Draft): unknown {
    const t = this.l.t.bind(this.l);
    if (this.noneOffered()) return this.note(this.mode === 'value' ? t('noneOfferedReseller') : t('noneOffered'));
    return html`<div class="layout">
      ${this.noHeading ? nothing : html`<h2>${t('heading')}</h2>`} ${this.renderDraftForm(d)}
    </div>`;
  }

  protected override renderActions(): unknown {
    return this.mode === 'account' ? super.renderActions() : nothing;
  }

  private note(text: string): TemplateResult {
    return html`<p class="am-note" part="note" role="note">${text}</p>`;
  }

  protected override renderForm(d: Draft): unknown {
    const t = this.l.t.bind(this.l);
    this.registerField('planIds', { label: t('conflictField') });
    const offered = this.offered.value ?? [];
    const assigned = this.assigned.value ?? [];
    const extra: ServicePlan[] = d.planIds
      .filter((id) => !offered.some((p) => p.id === id))
      .map((id) => assigned.find((p) => p.id === id) ?? { id, name: t('unknownPlan', { id }) });
    const collator = new Intl.Collator(this.l.locale, { sensitivity: 'base' });
    const groups = new Map<string, ServicePlan[]>();
    for (const p of [...offered].sort((a, b) => collator.compare(a.name, b.name))) {
      groups.set(p.category ?? '', [...(groups.get(p.category ?? '') ?? []), p]);
    }
    const categories = [...groups.keys()].sort((a, b) => (!a ? 1 : !b ? -1 : collator.compare(a, b)));
    return html`<p class="am-hint" role="status">${t('selected', { count: d.planIds.length })}</p>
      ${categories.map((c) => this.renderGroup(c || t('uncategorized'), groups.get(c)!, d))}
      ${extra.length ? this.renderGroup(t('notOffered'), extra, d, true) : nothing}`;
  }

  /** One category (its name from the server, in its own direction), or the plans no longer offered. */
  private renderGroup(label: string, plans: ServicePlan[], d: Draft, invalid = false): TemplateResult {
    const saved = this.mode === 'account' ? (this.draft.base?.planIds ?? []) : d.planIds;
    // The checkboxes' own input and change stay inside: the host fires its own, once per change.
    return html`<fieldset class="group" part="group" ?disabled=${this.locked}>
      <legend><bdi>${label}</bdi></legend>
      ${plans.map((p) => {
        const id = `plan-${p.id}`;
        const on = d.planIds.includes(p.id);
        return html`<div
          class="plan am-choice"
          part="plan"
          data-plan=${p.id}
          ?data-checked=${on}
          ?data-invalid=${invalid}
        >
          <input
            id=${id}
            type="checkbox"
            part="checkbox"
            .checked=${live(on)}
            aria-describedby=${p.description ? `${id}-desc` : nothing}
            @input=${(e: Event) => e.stopPropagation()}
            @change=${(e: Event) => {
              e.stopPropagation();
              const current = ids(this.fieldValue('planIds')) ?? [];
              const next = (e.target as HTMLInputElement).checked
                ? [...new Set([...current, p.id])].sort()
                : current.filter((x) => x !== p.id);
              this.setField('planIds', next);
            }}
          />
          <span class="am-label-row">
            <label for=${id} dir="auto">${p.name}</label>
            ${
              on !== saved.includes(p.id)
                ? html`<span class="am-dirty-mark" aria-hidden="true" title=${this.l.t('changedField')}></span>`
                : nothing
            }
          </span>
          ${p.description ? html`<span class="am-hint" id="${id}-desc" dir="auto">${p.description}</span>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  }
}

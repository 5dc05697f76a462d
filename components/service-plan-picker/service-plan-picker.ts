import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AccountApi } from '../../src/api/api.js';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { Account, ServicePlan } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { DraftController } from '../../src/base/draft-controller.js';
import { LocalizeController, registerTranslations } from '../../src/base/localize.js';
import { StatusController } from '../../src/base/status.js';
import { renderConflicts, renderDraftActions, renderErrorPanel, renderSkeleton } from '../../src/base/primitives.js';
import { warnOnce } from '../../src/base/warn.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { skeletonStyles } from '../../src/base/skeleton.styles.js';
import { statusStyles } from '../../src/base/status.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './service-plan-picker.styles.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account's plans were saved; `plans` is what the account now has. */
    'service-plans-saved': { accountId: string; plans: ServicePlan[]; added: string[]; removed: string[] };
  }
}

const en = {
  heading: 'Service plans',
  uncategorized: 'Other plans',
  notOffered: 'No longer offered',
  unknownPlan: 'Unknown plan {id}',
  unknownPlans: 'Some chosen plans are not offered by this reseller.',
  noneOffered: 'No service plans to choose from: the reseller of this account offers none.',
  noneOfferedReseller: 'No service plans to choose from: this reseller offers none.',
  unavailable: "Service plans are not shown: you don't have permission to see the plans of this account's reseller.",
  selected: '{count, plural, =0 {No plan chosen} one {# plan chosen} other {# plans chosen}}',
  savedDone: 'Service plans saved.',
  chargesDeclined: 'These plans have charges that were not accepted, so nothing changed. Your choice is kept.',
  readOnly: 'You can see these plans but not change them.',
  conflictField: 'Chosen plans',
  none: 'none',
};
type Key = keyof typeof en;
/** The picker's strings; every locale file holds every key. */
export type PlanPickerMessages = Record<Key, string>;

registerTranslations('service-plan-picker', {
  'en-US': en,
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

interface PlansDraft {
  id: string;
  planIds: string[];
}

const drafts = new WeakMap<ServicePlan[], PlansDraft>();
/** The same draft object for the same stored list, so the draft sees no change when nothing changed. */
function toDraft(id: string, plans: ServicePlan[]): PlansDraft {
  let d = drafts.get(plans);
  if (!d || d.id !== id) drafts.set(plans, (d = { id, planIds: plans.map((p) => p.id).sort() }));
  return d;
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

/**
 * The service plans a reseller offers, grouped by category, with those on the account checked.
 *
 * Two ways to use it:
 * - **On an account** (`account-id`, default the acting account): add and remove plans as a draft with
 *   Save and Reset; a charge the backend asks to accept is handled by the adapter's `onChargesRequired`,
 *   and a declined one leaves the choice in place with the reason in words. Fires `service-plans-saved`.
 * - **As a form value** (`reseller-id` and no `account-id`, e.g. in a creation wizard): `value` is the list of
 *   chosen plan ids, submitted under `name` with its form (one entry per plan), with native `input` and
 *   `change` events on each user change.
 *
 * Hidden, with a sentence that says why, when the reseller offers no plan or the user may not see them.
 *
 * @tagname service-plan-picker
 * @summary Choose the service plans of an account, or of one being created.
 *
 * @csspart group - One category of plans (a fieldset).
 * @csspart plan - One plan: checkbox, name, description.
 * @csspart checkbox - The plan's checkbox.
 * @csspart note - Why the plans are hidden, or read-only.
 * @csspart actions - The dirty marker, Reset and Save (account mode).
 * @csspart conflicts - The plans chosen here and elsewhere, with "Keep mine" / "Use theirs".
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
 * @event service-plans-saved - Account mode: the plans were saved. `detail: { accountId, plans, added, removed }`.
 */
export class ServicePlanPicker extends AmElement {
  static override styles = [tokens, controlStyles, errorPanelStyles, skeletonStyles, statusStyles, styles];

  static formAssociated = true;

  /** The account whose plans are shown and changed; default: the provider's acting account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Form-value mode: the reseller whose plans are offered (with no `account-id`). */
  @property({ attribute: 'reseller-id' }) resellerId?: string;

  /** A backend to use without a provider (the provider's is used otherwise). */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides of single labels, by key (see the English strings in the source). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  /** Form-value mode: the chosen plan ids (attribute: ids separated by spaces). */
  @property({ converter: idsConverter }) value: string[] = [];

  /** Form field name: each chosen plan id is submitted under it. */
  @property() name?: string;

  /** No change allowed. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Show a heading above the plans (default true); set `no-heading` when the host has its own. */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private formDisabled = false;
  @state() private readOnlyFor?: string;

  private readonly internals: ElementInternals;
  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<Key>(this, {
    namespace: 'service-plan-picker',
    locale: () => this.am.locale,
  });
  private readonly account = new ResourceController<Account>(this, this.am, {
    key: () => (this.mode === 'account' && this.am.accountId ? storeKey.account(this.am.accountId) : undefined),
    load: (store, o) => store.getAccount(this.am.accountId!, o),
  });
  private readonly offered = new ResourceController<ServicePlan[]>(this, this.am, {
    key: () => (this.reseller ? storeKey.plans(this.reseller) : undefined),
    load: (store, o) => store.listServicePlans(this.reseller!, o),
    isEmpty: () => false,
  });
  private readonly assigned = new ResourceController<ServicePlan[]>(this, this.am, {
    key: () => (this.mode === 'account' && this.am.accountId ? storeKey.accountPlans(this.am.accountId) : undefined),
    load: (store, o) => store.getAccountServicePlans(this.am.accountId!, o),
    isEmpty: () => false,
  });
  private readonly draft = new DraftController<PlansDraft>(this, {
    saved: () =>
      this.mode === 'account' && this.assigned.value && this.am.accountId
        ? toDraft(this.am.accountId, this.assigned.value)
        : undefined,
    save: (draft) => this.write(draft),
    ignore: ['id'],
  });
  private readonly status = new StatusController(this);
  private defaultValue?: string[];

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** `value` (form) or `account` (draft on an account): see the class notes. */
  get mode(): 'account' | 'value' {
    return this.resellerId && !this.accountId ? 'value' : 'account';
  }

  /** Account mode: whether the choice differs from the account's plans. */
  get dirty(): boolean {
    return this.mode === 'account' && this.draft.dirty;
  }

  /** Account mode: saves the choice; resolves `true` when saved (or nothing to save). Fires no event. */
  save(): Promise<boolean> {
    if (!this.isConnected || this.mode !== 'account') return Promise.resolve(false);
    return this.draft.save();
  }

  /** Account mode: drops the unsaved choice. Form-value mode: back to the initial `value`. */
  reset(): void {
    if (!this.isConnected) return;
    if (this.mode === 'account') this.draft.reset();
    else this.value = [...(this.defaultValue ?? [])];
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
    return this.disabled || this.formDisabled || (this.mode === 'account' && this.readOnlyFor === this.am.accountId);
  }

  private get chosen(): string[] {
    if (this.mode === 'value') return ids(this.value) ?? [];
    return this.draft.draft?.planIds ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && ids(this.value) === undefined) {
      warnOnce('plan-picker-value', '<service-plan-picker> value must be an array of plan ids; it is ignored.');
    }
    // Another account: its draft starts from its own plans, never merged with the last one's.
    const id = this.am.accountId;
    if (this.draft.base && this.draft.base.id !== id && !this.draft.saving) {
      this.draft.base = this.draft.draft = undefined;
      this.draft.conflicts = [];
      this.draft.error = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.mode === 'value') this.syncForm();
    this.setCustomState('dirty', this.dirty);
    this.setCustomState('saving', this.draft.saving);
    this.setCustomState('conflict', this.draft.conflicts.length > 0);
    this.setCustomState('unavailable', this.offered.state === 'forbidden' || this.noneOffered());
  }

  private syncForm(): void {
    const chosen = this.chosen;
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
    return this.offered.state === 'loaded' && !this.offered.value?.length && !this.chosen.length;
  }

  private async write(draft: PlansDraft): Promise<PlansDraft> {
    const store = this.am.store;
    if (!store) throw new AccountApiError({ kind: 'network', message: 'Not connected.' });
    try {
      return toDraft(draft.id, await store.setAccountServicePlans(draft.id, draft.planIds));
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'forbidden') this.readOnlyFor = draft.id;
      throw err;
    }
  }

  private toggle(id: string, on: boolean): void {
    if (this.locked) return;
    const current = this.chosen;
    const next = on ? [...new Set([...current, id])].sort() : current.filter((x) => x !== id);
    if (this.mode === 'account') {
      this.draft.set('planIds', next);
      return;
    }
    this.value = next;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private async onSave(): Promise<void> {
    const base = this.draft.base?.planIds ?? [];
    const mine = this.draft.draft?.planIds ?? [];
    const ok = await this.save();
    if (!ok || !this.assigned.value || !this.am.accountId) return;
    const plans = this.assigned.value;
    const now = plans.map((p) => p.id);
    const added = mine.filter((id) => !base.includes(id) && now.includes(id));
    const removed = base.filter((id) => !mine.includes(id) && !now.includes(id));
    if (!added.length && !removed.length) return;
    this.emit('service-plans-saved', { accountId: this.am.accountId, plans, added, removed });
    void this.status.announce(this.l.t('savedDone'), { tone: 'success' });
  }

  // ---- render

  protected override render(): unknown {
    return html`${this.renderBody()} ${this.status.render(this.l)}`;
  }

  private renderBody(): unknown {
    const t = this.l.t.bind(this.l);
    const waiting = [this.account, this.offered, this.assigned].filter((r) => r.state === 'loading');
    const failed = [this.account, this.assigned, this.offered].find((r) => r.state === 'error');
    if (this.mode === 'account' && this.account.state === 'forbidden') return this.note(t('forbidden'));
    if (this.offered.state === 'forbidden') return this.note(t('unavailable'));
    if (failed) return renderErrorPanel(failed.error, this.l, { onRetry: () => failed.retry() });
    if (waiting.length) return waiting.some((r) => r.showSkeleton) ? renderSkeleton(this.l, 4) : nothing;
    const offered = this.offered.value;
    if (!offered) return nothing;
    if (this.mode === 'account' && !this.draft.draft) return nothing;
    if (this.noneOffered()) return this.note(this.mode === 'value' ? t('noneOfferedReseller') : t('noneOffered'));
    return this.renderPlans(offered);
  }

  private note(text: string): TemplateResult {
    return html`<p class="am-note" part="note" role="note">${text}</p>`;
  }

  private renderPlans(offered: ServicePlan[]): TemplateResult {
    const t = this.l.t.bind(this.l);
    const chosen = this.chosen;
    const assigned = this.mode === 'account' ? (this.assigned.value ?? []) : [];
    const extra: ServicePlan[] = chosen
      .filter((id) => !offered.some((p) => p.id === id))
      .map((id) => assigned.find((p) => p.id === id) ?? { id, name: t('unknownPlan', { id }) });
    const groups = new Map<string, ServicePlan[]>();
    const collator = new Intl.Collator(this.l.locale, { sensitivity: 'base' });
    for (const p of [...offered].sort((a, b) => collator.compare(a.name, b.name))) {
      const key = p.category ?? '';
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const categories = [...groups.keys()].sort((a, b) => (!a ? 1 : !b ? -1 : collator.compare(a, b)));
    const locked = this.locked;
    const account = this.mode === 'account';
    const readOnly = account && this.readOnlyFor === this.am.accountId;
    return html`<div class="layout">
      ${this.noHeading ? nothing : html`<h2 id="heading">${t('heading')}</h2>`}
      <p class="am-hint" role="status">${t('selected', { count: chosen.length })}</p>
      ${readOnly ? this.note(t('readOnly')) : nothing}
      ${
        account
          ? renderConflicts(this.draft as unknown as Parameters<typeof renderConflicts>[0], this.l, {
              label: () => t('conflictField'),
              format: (v) => {
                const list = Array.isArray(v) ? (v as string[]) : [];
                const all = [...offered, ...assigned];
                return list.length ? list.map((id) => all.find((p) => p.id === id)?.name ?? id).join(', ') : t('none');
              },
            })
          : nothing
      }
      ${categories.map((c) => this.renderGroup(c || t('uncategorized'), groups.get(c)!, chosen, locked))}
      ${extra.length ? this.renderGroup(t('notOffered'), extra, chosen, locked, true) : nothing}
      ${
        account && !readOnly
          ? renderDraftActions(this.draft as unknown as Parameters<typeof renderDraftActions>[0], this.l, {
              onSave: () => void this.onSave(),
            })
          : nothing
      }
      ${
        account && this.draft.error?.kind === 'charges-required'
          ? html`<p class="am-field-error" role="alert">${t('chargesDeclined')}</p>`
          : nothing
      }
    </div>`;
  }

  private renderGroup(
    label: string,
    plans: ServicePlan[],
    chosen: string[],
    locked: boolean,
    invalid = false,
  ): TemplateResult {
    return html`<fieldset class="group" part="group" ?disabled=${locked}>
      <legend>${label}</legend>
      ${plans.map((p) => {
        const id = `plan-${p.id}`;
        const on = chosen.includes(p.id);
        return html`<div class="plan" part="plan" data-plan=${p.id} ?data-checked=${on} ?data-invalid=${invalid}>
          <input
            id=${id}
            type="checkbox"
            part="checkbox"
            .checked=${live(on)}
            aria-describedby=${p.description ? `${id}-desc` : nothing}
            @input=${(e: Event) => e.stopPropagation()}
            @change=${(e: Event) => {
              e.stopPropagation();
              this.toggle(p.id, (e.target as HTMLInputElement).checked);
            }}
          />
          <label for=${id}>${p.name}</label>
          ${p.description ? html`<span class="am-hint" id="${id}-desc">${p.description}</span>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  }
}

import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AccountApi, CallOptions } from '../api/api.js';
import { AccountApiError, toAccountApiError } from '../api/errors.js';
import type { Account, Charges } from '../api/model.js';
import type { FieldProblem } from '../api/rules.js';
import type { AccountStore } from '../data/store.js';
import { storeKey } from '../data/keys.js';
import { AmElement } from './am-element.js';
import { ConfirmController } from './confirm-dialog.js';
import { askCharges } from './charges.js';
import { AmContextController } from './context-controller.js';
import { DraftController, type DraftSaveContext } from './draft-controller.js';
import { dropDraft, stashDraft, takeDraft } from './draft-stash.js';
import { AmDialog } from './elements/am-dialog.js';
import { problemMessage, type FieldHost, type FieldSpec } from './fields.js';
import { LocalizeController } from './localize-controller.js';
import { getPath } from './merge.js';
import { phrase } from './phrase.js';
import { renderConflicts, renderDraftActions, renderErrorPanel, renderSkeleton } from './primitives.js';
import { ResourceController, type ResourceState } from './resource-controller.js';
import { StatusController } from './status.js';
import { registerFormStrings } from './locales/forms/index.js';

registerFormStrings();

declare module './am-element.js' {
  interface AmEventMap {
    /**
     * Cancelable: the element turned to another account while `accountId` had unsaved edits. Cancel it to
     * decide in the host's own way: the edits stay set aside for that account (showing it again brings them
     * back) and the new account shows. Not cancelled, the element asks "Discard changes to …?".
     */
    'draft-discard-request': { accountId: string; name: string; changes: string[] };
    /**
     * The user chose "Keep editing": the element shows `accountId` again (`restored`, when its `account-id` named
     * it) or, when it shows the provider's acting account, keeps the edits set aside for it. A host that chose the
     * account (a tree selection, a tab) selects it again.
     */
    'draft-keep': { accountId: string; name: string; changes: string[]; restored: boolean };
  }
}

/** One resource an element shows, read through the store for the element's account. */
export interface ResourceSpec<T> {
  /** The store key of the resource of `accountId`. */
  key(accountId: string): string;
  /** Reads it through the store (pass `options` on). */
  load(store: AccountStore, accountId: string, options: { signal: AbortSignal; force: boolean }): Promise<T>;
  /** Whether a value counts as empty (default: never). */
  isEmpty?(value: T): boolean;
  /**
   * The form needs it (default `true`): until it has loaded the skeleton shows, and its failure is the
   * element's error. An optional one is rendered by the element where it is used. A function: needed only
   * while it returns `true` (e.g. in one of the element's modes).
   */
  required?: boolean | (() => boolean);
  /** The account it belongs to, when not the element's own (default: the element's account). */
  accountId?(): string | undefined;
}

/** What `write()` gets besides the draft. */
export interface WriteContext<D> extends DraftSaveContext<D> {
  store: AccountStore;
  /** The account the draft belongs to (the one on screen when Save was pressed). */
  accountId: string;
  /** Pass to each store write: it carries the user's acceptance of charges. */
  options: CallOptions;
}

/** Compares two lists of values by identity. */
const sameInputs = (a: unknown[] | undefined, b: unknown[]) =>
  !!a && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The base of every element that loads one account's resources, edits them as a draft and saves them:
 * `account-id` (default: the provider's acting account), `.api`, `i18n`; the loading skeleton, the error
 * with Retry, the forbidden note, the disabled-account and read-only notes, conflicts with both values,
 * Save and Reset, field errors from local rules and from the server in words, the charges question of a
 * 402, one save at a time, the `beforeunload` guard while dirty, and a typed `*-saved` event with the
 * changed paths. When `account-id` changes the draft starts again from the new account's values, and a
 * reply that comes back for the account no longer shown settles nothing.
 *
 * Unsaved edits are never dropped silently. When the account changes while the draft is dirty, the edits are
 * set aside for that account and the element fires the cancelable `draft-discard-request`, then asks "Discard
 * changes to …?": "Keep editing" shows that account again (fires `draft-keep`), "Discard changes" drops them.
 * Removed from the page while dirty, the element sets its edits aside for its tag and account: an element of
 * the same tag showing that account again (the same one re-attached, or a new one in a host's tab) takes them
 * back. Edits set aside still make leaving the page ask first.
 *
 * A widget supplies its resources (`this.resource(...)` in field initialisers; the account is one already),
 * `select()` (the draft's saved value, from the resources' values: memoized here), `write()` (saves the
 * changed paths through the store) and `renderForm()` (fields from `./fields.js`), plus `onSaved()` to fire
 * its own event.
 *
 * @cssstate loading - A resource the form needs is loading.
 * @cssstate error - A resource the form needs failed to load.
 * @cssstate forbidden - The user may not see this.
 * @cssstate dirty - The draft holds unsaved changes.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded and nothing changed since.
 * @cssstate conflict - Fields changed here and elsewhere wait for a choice.
 * @cssstate read-only - The user may see but not change this.
 * @cssstate disabled-account - The account is disabled.
 *
 * @event draft-discard-request - Cancelable, the account changed while the draft held edits. `detail: { accountId, name, changes }`.
 * @event draft-keep - The user kept the edits: the host shows `accountId` again. `detail: { accountId, name, changes, restored }`.
 */
export abstract class AmDraftElement<D extends object, K extends string = never>
  extends AmElement
  implements FieldHost
{
  /** Namespace of the element's strings (`registerTranslations`). */
  static namespace = 'am';
  static override dependencies: Record<string, typeof AmElement> = { 'am-dialog': AmDialog };

  /** The account shown; default: the provider's acting account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** A backend to use without a provider (the provider's is used otherwise). */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides of single labels, by key (see the element's `locales/en-US.ts`). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  private readonly resources: ResourceController<unknown>[] = [];
  /** Reads each loaded resource again from the backend, through the store. */
  private readonly rereads: ((store: AccountStore) => Promise<unknown>)[] = [];
  private readonly needed: { resource: ResourceController<unknown>; when: () => boolean }[] = [];
  protected readonly am = new AmContextController(this);
  protected readonly l = new LocalizeController<K>(this, {
    namespace: (this.constructor as typeof AmDraftElement).namespace,
    locale: () => this.am.locale,
  });
  protected readonly status = new StatusController(this);
  protected readonly confirm = new ConfirmController(this);
  /** The account document (name, enabled, reseller): every draft element shows or needs it. */
  protected readonly account = this.resource<Account>({
    key: (id) => storeKey.account(id),
    load: (store, id, o) => store.getAccount(id, o),
  });
  protected readonly draft = new DraftController<D>(this, {
    saved: () => this.savedValue(),
    save: (d, context) => this.runWrite(d, context),
    ignore: this.ignorePaths(),
  });

  private memoInputs?: unknown[];
  private memoValue?: D;
  private draftAccount?: string;
  /** The store's identity epoch the draft belongs to: a new signed-in user drops it. */
  private draftEpoch?: number;
  private draftStore?: AccountStore;
  /** The draft's account came from `account-id` (not from the provider's acting account). */
  private draftOwnId = false;
  /** The "Discard changes?" question on screen, for the account whose edits it is about. */
  private discarding?: { seq: number; accountId: string };
  private discardSeq = 0;
  private forbiddenFor?: string;
  private problems: Record<string, FieldProblem | string> = {};
  private serverProblems: Record<string, FieldProblem> = {};
  private readonly specs = new Map<string, FieldSpec>();

  // ---- what a widget supplies

  /** The draft's saved value, from the resources' values (called only once they have loaded). */
  protected abstract select(): D | undefined;

  /** Saves the changes; resolves the new saved value, or nothing to take it from the store again. */
  protected abstract write(draft: D, context: WriteContext<D>): Promise<D | void>;

  /** The fields. */
  protected abstract renderForm(draft: D): unknown;

  /** Fires the element's `*-saved` event after a user's save; `changes` lists the dotted paths. */
  protected abstract onSaved(changes: string[]): void;

  /** Local checks before saving (use `checkFields` from `src/api/rules.ts`); `changed` lists the edited paths. */
  protected validate(_draft: D, _changed: Set<string>): Record<string, FieldProblem | string> {
    return {};
  }

  /** Whether the user may change this at all (e.g. only the account's reseller may set limits). */
  protected canEdit(): boolean {
    return true;
  }

  /** Said after a user's save (a template from `phrase()` isolates a name in it). */
  protected savedMessage(): unknown {
    return this.l.t('savedChanges');
  }

  /** Paths never compared and always taken from the server. */
  protected ignorePaths(): string[] {
    return ['id', 'revision'];
  }

  /** A value in a conflict, in words. */
  protected formatValue(value: unknown, _path: string): string {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? this.l.t('on') : this.l.t('off');
    return typeof value === 'object' ? Object.values(value as object).join(', ') : String(value);
  }

  /** What is shown once loaded; by default the draft form alone. */
  protected renderLoaded(draft: D): unknown {
    return this.renderDraftForm(draft);
  }

  /** Shown instead of the form when the user may not see it. */
  protected renderForbidden(): unknown {
    return html`<p class="am-note" part="forbidden" role="note">${this.l.t('forbidden')}</p>`;
  }

  // ---- the public face

  /** Whether the draft holds unsaved edits. */
  get dirty(): boolean {
    return this.draft.dirty;
  }

  /** The user may not change this (no right, or the server said so). */
  get readOnly(): boolean {
    const id = this.am.accountId;
    return (!!id && this.forbiddenFor === id) || !this.canEdit();
  }

  /**
   * Checks and saves the draft; resolves `true` when saved (or nothing to save), `false` when a field needs
   * attention, the save failed (the draft is kept) or conflicts wait for a choice. Fires no event.
   */
  async save(): Promise<boolean> {
    const d = this.draft.draft;
    if (!this.isConnected || !d || this.readOnly) return false;
    this.problems = this.validate(d, new Set(this.draft.changedPaths));
    this.requestUpdate();
    if (Object.keys(this.problems).length) return false;
    return this.draft.save();
  }

  /** Drops the edits: the draft becomes the saved value again. */
  reset(): void {
    if (!this.isConnected) return;
    this.problems = {};
    this.serverProblems = {};
    this.draft.reset();
  }

  // ---- resources

  /** Declares a resource (in a field initialiser); the element's account is used unless `spec.accountId` says. */
  protected resource<T>(spec: ResourceSpec<T>): ResourceController<T> {
    const owner = () => (spec.accountId ? spec.accountId() : this.am.accountId);
    const r = new ResourceController<T>(this, this.am, {
      key: () => {
        const id = owner();
        return id ? spec.key(id) : undefined;
      },
      load: (store, o) => spec.load(store, owner()!, o),
      isEmpty: spec.isEmpty ?? (() => false),
      states: false,
    });
    this.resources.push(r as ResourceController<unknown>);
    this.rereads.push(async (store) => {
      const id = owner();
      if (id && (r.state === 'loaded' || r.state === 'empty'))
        await spec.load(store, id, { signal: new AbortController().signal, force: true });
    });
    const required = spec.required ?? true;
    if (required !== false) {
      this.needed.push({ resource: r as ResourceController<unknown>, when: required === true ? () => true : required });
    }
    // The draft reads the resources, so it updates after each: a value taken from the cache reaches it at once.
    if (this.draft) {
      this.removeController(this.draft);
      this.addController(this.draft);
    }
    return r;
  }

  /** The first needed resource that has not loaded, if any. */
  private get gate(): ResourceController<unknown> | undefined {
    return this.needed.find((n) => n.when() && n.resource.state !== 'loaded' && n.resource.state !== 'empty')?.resource;
  }

  private savedValue(): D | undefined {
    if (this.gate) return undefined;
    const inputs = this.selectInputs();
    if (sameInputs(this.memoInputs, inputs)) return this.memoValue;
    this.memoInputs = inputs;
    this.memoValue = this.select();
    return this.memoValue;
  }

  /** What `select()` reads: the resources' values (add a form value here). */
  protected selectInputs(): unknown[] {
    return this.resources.map((r) => r.value);
  }

  /** Tries every failed resource again. */
  protected retry(): void {
    for (const r of this.resources) if (r.state === 'error' || r.error) r.retry();
    this.am.retry();
  }

  // ---- the field host

  fieldValue(path: string): unknown {
    return this.draft.get(path);
  }

  setField(path: string, value: unknown): void {
    this.draft.set(path, value);
    if (path in this.problems || path in this.serverProblems) {
      const { [path]: _a, ...rest } = this.problems;
      const { [path]: _b, ...server } = this.serverProblems;
      this.problems = rest;
      this.serverProblems = server;
    }
    this.fieldChangedHook(path);
  }

  /** Called after a field changed (a form-mode element fires `input` / `change` here). */
  protected fieldChangedHook(_path: string): void {}

  fieldError(path: string): string | undefined {
    const p = this.problems[path] ?? this.serverProblems[path];
    if (p === undefined) return undefined;
    return typeof p === 'string' ? p : problemMessage(this.l as never, path, p, this.specs.get(path));
  }

  fieldChanged(path: string): boolean {
    return !!this.draft.base && this.draft.isChanged(path);
  }

  registerField(path: string, spec: FieldSpec): void {
    this.specs.set(path, spec);
  }

  fieldText(key: 'increase' | 'decrease' | 'changedField', params: Record<string, unknown>): string {
    return this.l.t(key, params);
  }

  fieldTextLang(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined {
    return this.l.fallbackOf(text);
  }

  /** The label of a field by path (as last rendered), for conflicts and messages. */
  protected labelOf(path: string): string {
    return this.specs.get(path)?.label ?? path;
  }

  // ---- saving

  private async runWrite(d: D, context: DraftSaveContext<D>): Promise<D> {
    const store = this.am.store;
    const accountId = this.draftAccount;
    if (!store || !accountId) throw new AccountApiError({ kind: 'network', message: 'Not connected.' });
    let acceptCharges = false;
    for (;;) {
      try {
        const result = await this.write(d, { ...context, store, accountId, options: { acceptCharges } });
        return result ?? this.savedValue() ?? d;
      } catch (e) {
        const err = toAccountApiError(e);
        if (accountId !== this.am.accountId) throw err;
        if (err.kind === 'forbidden') this.forbiddenFor = accountId;
        const charges = err.details as Charges | undefined;
        if (err.kind === 'charges-required' && !acceptCharges && !charges?.declined) {
          if (await this.askCharges(charges)) {
            acceptCharges = true;
            continue;
          }
          throw new AccountApiError({ kind: 'charges-required', message: err.message, details: { declined: true } });
        }
        if (err.kind === 'validation') this.serverProblems = this.serverFieldProblems(err);
        const current = (err.details as { current?: unknown } | undefined)?.current;
        // A refusal that does not carry what is there now (a plain 409): read it again, so the draft merges with it.
        const reread = err.kind === 'conflict' && current === undefined && (await this.reread(store));
        if (accountId !== this.am.accountId) throw err;
        if (err.kind === 'conflict' && (current !== undefined || reread)) {
          // The store holds the newer document now: the draft merges with its projection.
          const theirs = this.savedValue();
          if (theirs)
            throw new AccountApiError({ ...err, kind: 'conflict', message: err.message, details: { current: theirs } });
        }
        throw err;
      }
    }
  }

  /** Reads every loaded resource again; resolves whether all of them answered. */
  private async reread(store: AccountStore): Promise<boolean> {
    const answers = await Promise.allSettled(this.rereads.map((read) => read(store)));
    return answers.every((a) => a.status === 'fulfilled');
  }

  /** Server field codes by draft path (override to map a domain field to another path). */
  protected serverFieldProblems(error: AccountApiError): Record<string, FieldProblem> {
    const out: Record<string, FieldProblem> = {};
    for (const [field, code] of Object.entries(error.fieldCodes ?? {})) {
      const limit = error.fieldLimits?.[field];
      out[field] = limit === undefined ? { code } : { code, limit };
    }
    return out;
  }

  /** The charges of a 402 in words, and the user's answer. */
  protected askCharges(charges: Charges | undefined): Promise<boolean> {
    return askCharges(this.confirm, this.l as unknown as LocalizeController<string>, charges, this.currency());
  }

  /** The account's currency (for amounts in messages). */
  protected currency(): string {
    return 'USD';
  }

  private async userSave(): Promise<void> {
    const paths = this.draft.changedPaths;
    const ok = await this.save();
    await this.updateComplete;
    if (ok && paths.length) {
      this.onSaved(paths);
      void this.status.announce(this.draft.merged ? this.l.t('conflictMerged') : this.savedMessage(), {
        tone: 'success',
      });
      return;
    }
    if (ok) return;
    const declined = (this.draft.error?.details as { declined?: boolean } | undefined)?.declined;
    if (declined) {
      void this.status.announce(this.l.t('chargesDeclined'), { tone: 'warning' });
      return;
    }
    if (this.draft.conflicts.length) {
      this.renderRoot.querySelector<HTMLElement>('[part~=conflicts] button')?.focus();
      return;
    }
    const invalid = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid=true], am-timezone-field[error]:not([error=""]), am-password-field[error]:not([error=""])',
    );
    if (invalid) {
      invalid.focus();
      void this.status.announce(this.l.t('fieldsNeedAttention'), { tone: 'warning' });
    }
  }

  // ---- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the edit it set aside on leaving is still its own draft.
    if (this.draftStore && this.draftAccount) dropDraft(this.draftStore, this.localName, this.draftAccount, this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const store = this.draftStore;
    const id = this.draftAccount;
    const kept = store && id && store.epoch === this.draftEpoch && this.dirty ? this.draft.snapshot() : undefined;
    if (kept) stashDraft(store!, this.localName, id!, kept, this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.am.accountId;
    const store = this.am.store;
    const epoch = store?.epoch;
    if (id !== this.draftAccount || epoch !== this.draftEpoch) {
      const leaving = this.draftAccount;
      // Edits of the same user on the same backend are set aside, never dropped on the way to another account.
      const sameUser = !!store && store === this.draftStore && epoch === this.draftEpoch;
      const kept = sameUser && leaving && this.dirty ? this.draft.snapshot() : undefined;
      const changes = kept ? this.draft.changedPaths : [];
      const fromAttribute = this.draftOwnId;
      this.draftEpoch = epoch;
      this.draftStore = store;
      this.draftOwnId = !!this.accountId;
      // Another account: its draft starts from its own saved value, never merged with the last one's.
      this.draftAccount = id;
      this.draft.clear();
      this.memoInputs = this.memoValue = undefined;
      this.problems = {};
      this.serverProblems = {};
      if (this.discarding && (this.discarding.accountId === id || !sameUser)) {
        // Back on the account the question is about (or another user): nothing would be lost, so it is not asked.
        this.discarding = undefined;
        this.confirm.cancel();
      }
      if (kept && store && leaving) {
        stashDraft(store, this.localName, leaving, kept, this);
        void this.askDiscard(store, leaving, changes, fromAttribute);
      }
      const back = store && id ? takeDraft<D>(store, this.localName, id) : undefined;
      if (back) this.draft.restore(back);
      this.accountChanged();
    }
  }

  /**
   * The account changed while `accountId` held the edits now set aside: the host may decide
   * (`draft-discard-request`), else the user does. Keep: back to that account; Discard: the edits are dropped.
   */
  private async askDiscard(store: AccountStore, accountId: string, changes: string[], fromAttribute: boolean) {
    const seq = ++this.discardSeq;
    this.discarding = { seq, accountId };
    await this.updateComplete;
    const current = () => this.discarding?.seq === seq && this.isConnected;
    if (!current()) return;
    const name =
      store.peek<Account>(storeKey.account(accountId))?.name ?? store.summaryFacts(accountId)?.name ?? accountId;
    const detail = { accountId, name, changes };
    if (!this.emit('draft-discard-request', detail, { cancelable: true })) {
      this.discarding = undefined;
      return;
    }
    const discard = await this.confirm.confirm({
      title: phrase(this.l, 'draftDiscardTitle', { name }),
      message: this.l.t('draftDiscardMessage'),
      confirmLabel: this.l.t('draftDiscardConfirm'),
      cancelLabel: this.l.t('draftKeepEditing'),
      danger: true,
    });
    // Removed, asked again about newer edits, or back on that account meanwhile: nothing is decided here.
    if (!current()) return;
    this.discarding = undefined;
    if (discard) {
      dropDraft(store, this.localName, accountId);
      return;
    }
    if (fromAttribute) {
      if (this.hasAttribute('account-id')) this.setAttribute('account-id', accountId);
      else this.accountId = accountId;
    }
    this.emit('draft-keep', { ...detail, restored: fromAttribute });
  }

  /** Called when the element turns to another account (reset the element's own state here). */
  protected accountChanged(): void {}

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const gate = this.gate;
    const state: ResourceState | undefined = gate?.state;
    this.setCustomState('loading', state === 'loading');
    this.setCustomState('error', state === 'error');
    this.setCustomState('forbidden', state === 'forbidden');
    this.setCustomState('dirty', this.draft.dirty);
    this.setCustomState('saving', this.draft.saving);
    this.setCustomState('saved', this.draft.saveState === 'saved');
    this.setCustomState('conflict', this.draft.conflicts.length > 0);
    this.setCustomState('read-only', this.readOnly);
    this.setCustomState('disabled-account', this.account.value?.enabled === false);
  }

  // ---- rendering

  protected override render(): unknown {
    return html`${this.renderBody()} ${this.status.render(this.l)} ${this.confirm.render(this.l)}`;
  }

  private renderBody(): unknown {
    // A server has no data to show: the form loads in the browser, and shows as loading until then.
    if (isServer) return renderSkeleton(this.l);
    const gate = this.gate;
    if (!gate && this.am.error && !this.am.accountId) {
      return renderErrorPanel(this.am.error, this.l, { onRetry: () => this.retry() });
    }
    if (gate) {
      switch (gate.state) {
        case 'loading':
          return gate.showSkeleton ? renderSkeleton(this.l) : nothing;
        case 'error':
          return renderErrorPanel(gate.error, this.l, { onRetry: () => this.retry() });
        case 'forbidden':
          return this.renderForbidden();
        default:
          return this.am.error ? renderErrorPanel(this.am.error, this.l, { onRetry: () => this.retry() }) : nothing;
      }
    }
    const d = this.draft.draft;
    return d ? this.renderLoaded(d) : nothing;
  }

  /** The notes, conflicts, the form with its fields, and Save / Reset. */
  protected renderDraftForm(d: D): TemplateResult {
    const disabled = this.account.value?.enabled === false;
    return html`<div class="am-draft" part="base">
      ${disabled ? this.renderDisabledNote() : nothing}
      ${this.readOnly ? html`<p class="am-note" part="read-only-note" role="note">${this.l.t('readOnly')}</p>` : nothing}
      ${renderConflicts(this.draft as unknown as DraftController<object>, this.l, {
        label: (f) => this.labelOf(f),
        format: (v, f) => this.formatValue(v, f),
      })}
      <form
        class="am-draft__form"
        part="form"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.userSave();
        }}
      >
        <fieldset class="am-plain">${this.renderForm(d)}</fieldset>
        ${this.readOnly ? nothing : this.renderActions()}
      </form>
    </div>`;
  }

  /** The note above the form while the account is disabled (`nothing` where the element says so itself). */
  protected renderDisabledNote(): unknown {
    return html`<p class="am-note" part="disabled-note" role="note">${this.l.t('accountDisabledNote')}</p>`;
  }

  /** Save and Reset (with the dirty marker and the failure in words). */
  protected renderActions(): unknown {
    return renderDraftActions(this.draft as unknown as DraftController<object>, this.l, {
      onSave: () => void this.userSave(),
      onReset: () => this.reset(),
    });
  }

  /** The value at `path` of the saved value (for "was …" hints). */
  protected savedAt(path: string): unknown {
    return getPath(this.draft.base, path);
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { Account, AccountChanges, BillingContact, Contact } from '../../src/api/model.js';
import { checkFields, type FieldProblem, type RuleName } from '../../src/api/rules.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { titleStyles } from '../../src/base/layout.styles.js';
import { AmCopyButton } from '../../src/base/elements/am-copy-button.js';
import { AmLanguageSelect } from '../../src/base/elements/am-language-select.js';
import { AmTimezoneField } from '../../src/base/elements/am-timezone-field.js';
import { languageField, textField, timezoneField, type TextFieldOptions } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-overview.styles.js';
import en from './locales/en-US.js';
import { MoveController } from './move-controller.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account was written by a user action: `changes` lists the fields (dotted paths). */
    'account-saved': { accountId: string; account: Account; changes: string[] };
    /** Cancelable, before the element asks for the typed confirmation: a host may ask in its own way, then call `deleteAccount()`. */
    'account-delete-request': { accountId: string; account: Account };
    /** The account was deleted. */
    'account-deleted': { accountId: string; name: string };
    /** The user asked to see the account's sub-accounts (a host or the tree navigates there). */
    'account-show-children': { accountId: string };
    /** The account now sits under `toParentId`. */
    'account-moved': { accountId: string; account: Account; fromParentId?: string; toParentId: string };
  }
}

type Key = keyof typeof en;

defineTranslations('account-overview', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

/** What the overview edits: the profile and the contacts, nothing else of the account. */
export interface OverviewDraft {
  id: string;
  revision?: string;
  name: string;
  realm?: string;
  timezone?: string;
  language?: string;
  contacts: { technical?: Contact; billing?: BillingContact };
}

type Group = 'technical' | 'billing';
type Busy = 'status' | 'tier' | 'delete' | 'move' | undefined;

/** Drops unset and empty values, so a field never set and one emptied read the same. */
function filled<T extends object>(o: T | undefined): T | undefined {
  const out = Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== '')) as T;
  return Object.keys(out).length ? out : undefined;
}

/**
 * One account at a glance and in edit: status (enable / disable), name, realm, time zone, language,
 * technical and billing contacts as one draft with Save and Reset, account ID and creation date, tier
 * (reseller or standard, changed by superduper admins only), "Move to…" another parent, and delete with a
 * typed confirmation. Saves are checked against the revision they were based on: changes made elsewhere
 * merge in, a field changed on both sides shows both values until the user picks one.
 *
 * `save()` and `reset()` let a host drive the draft (no event fires for them); user actions fire the events
 * below.
 *
 * @tagname account-overview
 * @summary An account's status, profile, contacts, tier, position and deletion.
 *
 * @csspart header - The account's name and its "Reseller" badge.
 * @csspart badge - The "Reseller" badge.
 * @csspart disabled-banner - The status section while the account is disabled, with Enable.
 * @csspart section - Each section (status, details, contacts, about, hierarchy, delete).
 * @csspart base - The notes, conflicts and the form.
 * @csspart form - The editable details and contacts.
 * @csspart field - One labelled field (`data-dirty` while it differs from the saved value).
 * @csspart input - One text field.
 * @csspart actions - The dirty marker, Reset and Save.
 * @csspart conflicts - Fields changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart move - The "Move to…" search and its verdict.
 * @csspart danger-zone - The delete section.
 * @csspart dialog - Confirmation dialogs.
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-account-overview-max-width - Widest the overview grows (default 56rem).
 * @cssproperty --am-account-overview-gap - Space between sections (default `--am-space-4`).
 * @cssproperty --am-account-overview-section-background - Section background (default `--am-color-surface`).
 * @cssproperty --am-account-overview-section-border - Section border colour (default `--am-color-border`).
 * @cssproperty --am-account-overview-banner-background - Disabled status background (default `--am-color-danger-surface`).
 * @cssproperty --am-account-overview-banner-color - Disabled status text (default `--am-color-danger-text`).
 * @cssproperty --am-account-overview-danger-border - Delete section border (default `--am-color-danger`).
 *
 * @event account-saved - The user saved the draft, changed the status or the tier. `detail: { accountId, account, changes }`.
 * @event account-delete-request - Cancelable, on "Delete account…", before the element's own typed confirmation: cancel it to ask in your own way, then call `deleteAccount()`. `detail: { accountId, account }`.
 * @event account-deleted - The account was deleted. `detail: { accountId, name }`.
 * @event account-show-children - "Show sub-accounts" was pressed. `detail: { accountId }`.
 * @event account-moved - The account was moved. `detail: { accountId, account, fromParentId, toParentId }`.
 *
 * @cssstate loading - The account is loading.
 * @cssstate error - The account could not be loaded.
 * @cssstate forbidden - The user may not see this account.
 * @cssstate dirty - A field was changed and not saved.
 * @cssstate saving - A save or another action is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - A field changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change this account.
 * @cssstate disabled-account - The account is disabled.
 */
export class AccountOverview extends AmDraftElement<OverviewDraft, Key> {
  static override namespace = 'account-overview';
  static override styles = [tokens, draftStyles, titleStyles, styles];
  static override dependencies = {
    ...AmDraftElement.dependencies,
    'am-copy-button': AmCopyButton,
    'am-timezone-field': AmTimezoneField,
    'am-language-select': AmLanguageSelect,
  };

  @state() private busy: Busy;
  /** The account whose writes the server refused (read-only from then on). */
  @state() private refusedFor?: string;
  @state() private childrenOf?: { id: string; count?: number };
  @state() private deleted?: { id: string; name: string };

  private readonly mover = new MoveController(this, {
    l: this.l,
    store: () => this.am.store,
    accountId: () => this.am.accountId,
    rootId: () => this.am.session?.accountId,
    busy: () => !!this.busy,
    confirm: (o) => this.confirm.confirm(o),
    act: (run, done, failed) => this.act('move', run, done, failed),
    failed: (err) => this.failed(err),
    moved: (account, fromParentId, target) => {
      this.emit('account-moved', { accountId: account.id, account, fromParentId, toParentId: target.id });
      this.announce('movedDone', { name: account.name, target: target.name });
    },
  });

  private get isOwn(): boolean {
    return !!this.am.accountId && this.am.session?.accountId === this.am.accountId;
  }

  // ---- the draft

  protected override select(): OverviewDraft | undefined {
    const a = this.account.value;
    if (!a) return undefined;
    const { id, name, revision, realm, timezone, language } = a;
    const contacts = { technical: filled(a.contacts.technical), billing: filled(a.contacts.billing) };
    return { ...filled({ revision, realm, timezone, language }), id, name, contacts: filled(contacts) ?? {} };
  }

  protected override async write(
    _d: OverviewDraft,
    { changes, base, store, accountId, options }: WriteContext<OverviewDraft>,
  ) {
    const { id: _i, revision: _r, name, realm, contacts, ...rest } = changes;
    const out: AccountChanges = rest;
    // A cleared contact field comes as null, which removes it from the stored contact.
    if (contacts) out.contacts = contacts;
    if (name !== undefined) out.name = name.trim();
    if (realm) out.realm = realm.trim();
    await store.updateAccount(accountId, out, { ...options, expectedRevision: base.revision });
  }

  protected override validate(d: OverviewDraft, changed: Set<string>): Record<string, FieldProblem> {
    const fields: Record<string, [RuleName, string | undefined]> = { name: ['accountName', d.name] };
    // A realm can be changed, not removed.
    const realmRule = this.draft.base?.realm && !d.realm?.trim() ? 'required' : 'realm';
    if (changed.has('realm')) fields.realm = [realmRule, d.realm];
    if (changed.has('timezone')) fields.timezone = ['timezone', d.timezone];
    for (const g of ['technical', 'billing'] as const) {
      if (changed.has(`contacts.${g}.email`)) fields[`contacts.${g}.email`] = ['email', d.contacts[g]?.email];
      if (changed.has(`contacts.${g}.number`)) fields[`contacts.${g}.number`] = ['phone', d.contacts[g]?.number];
    }
    return checkFields(fields);
  }

  protected override fieldChangedHook(path: string): void {
    // An emptied contact is no contact at all, not an empty object that reads as a change.
    const group = /^contacts\.\w+(?=\.)/.exec(path)?.[0];
    const contact = group && this.draft.get(group);
    if (group && contact && !Object.keys(contact).length) this.draft.set(group, undefined);
  }

  protected override onSaved(changes: string[]): void {
    const account = this.account.value!;
    this.emit('account-saved', { accountId: account.id, account, changes });
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  protected override canEdit(): boolean {
    return !this.refusedFor || this.refusedFor !== this.am.accountId;
  }

  protected override labelOf(path: string): string {
    const group = /^contacts\.(technical|billing)\./.exec(path)?.[1] as Group | undefined;
    const label = super.labelOf(path);
    return group ? `${this.l.t(group === 'technical' ? 'technicalHeading' : 'billingHeading')}: ${label}` : label;
  }

  protected override formatValue(value: unknown, path: string): string {
    return path === 'language' && !value ? this.l.t('languageDefault') : super.formatValue(value, path);
  }

  protected override accountChanged(): void {
    this.busy = undefined;
    this.childrenOf = undefined;
    this.mover.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.busy) this.setCustomState('saving', true);
  }

  // ---- actions

  /**
   * Runs one server action for the account on screen: `done` only when it succeeded and the same account
   * is still shown; `failed` may explain an error itself (resolve `true`), otherwise it is said in words.
   */
  private async act<T>(
    busy: Busy,
    run: () => Promise<T>,
    done: (value: T) => void,
    failed?: (error: AccountApiError) => Promise<boolean>,
  ): Promise<void> {
    const id = this.am.accountId;
    this.busy = busy;
    try {
      const value = await run();
      if (id === this.am.accountId) done(value);
    } catch (e) {
      const err = toAccountApiError(e);
      if (id !== this.am.accountId || (await failed?.(err)) || id !== this.am.accountId) return;
      if (err.kind === 'forbidden') this.refusedFor = id;
      this.failed(err);
    } finally {
      if (id === this.am.accountId) this.busy = undefined;
    }
  }

  private failed(err: AccountApiError): void {
    void this.status.announce(phrase(this.l, 'actionFailed', { reason: this.l.errorMessage(err) }), { tone: 'error' });
  }

  private announce(key: Key, params: Record<string, unknown>): void {
    void this.status.announce(phrase(this.l, key, params), { tone: 'success' });
  }

  /** A status or tier change was saved: the host hears it as `account-saved`. */
  private written(account: Account, change: 'enabled' | 'isReseller', done: Key): void {
    this.emit('account-saved', { accountId: account.id, account, changes: [change] });
    this.announce(done, { name: account.name });
  }

  private async toggleEnabled(a: Account): Promise<void> {
    const enable = !a.enabled;
    const t = this.l.t.bind(this.l);
    const ok = await this.confirm.confirm({
      title: phrase(this.l, enable ? 'enableTitle' : 'disableTitle', { name: a.name }),
      message: t(enable ? 'enableMessage' : 'disableMessage'),
      confirmLabel: t(enable ? 'enableConfirm' : 'disableConfirm'),
      danger: !enable,
    });
    const store = this.am.store;
    if (!ok || !store || a.id !== this.am.accountId) return;
    await this.act(
      'status',
      () => store.updateAccount(a.id, { enabled: enable }),
      (x) => this.written(x, 'enabled', enable ? 'enabledDone' : 'disabledDone'),
    );
  }

  private async toggleTier(a: Account): Promise<void> {
    const promote = !a.isReseller;
    const t = this.l.t.bind(this.l);
    const ok = await this.confirm.confirm({
      title: phrase(this.l, promote ? 'promoteTitle' : 'demoteTitle', { name: a.name }),
      message: t(promote ? 'promoteMessage' : 'demoteMessage'),
      confirmLabel: t(promote ? 'promote' : 'demote'),
    });
    const store = this.am.store;
    if (!ok || !store || a.id !== this.am.accountId) return;
    await this.act(
      'tier',
      () => store.setReseller(a.id, promote),
      (x) => this.written(x, 'isReseller', promote ? 'promoteDone' : 'demoteDone'),
    );
  }

  /**
   * Deletes the account shown without asking (for a host that cancelled `account-delete-request` and asked its
   * user in its own way). Refused, with the reason shown, while it has sub-accounts. Resolves whether it was
   * deleted; fires `account-deleted`.
   */
  async deleteAccount(): Promise<boolean> {
    const a = this.account.value;
    if (!this.isConnected || !a || this.isOwn || this.readOnly) return false;
    if (await this.hasSubAccounts(a)) return false;
    return this.runDelete(a);
  }

  /** Whether `a` has sub-accounts (from a listing already loaded, else one small read); shows the note if so. */
  private async hasSubAccounts(a: Account): Promise<boolean> {
    const store = this.am.store;
    if (!store) return true;
    // A count already known from a listing (the tree's) saves asking.
    let count = store.peekSummary(a.id)?.descendantsCount;
    if (count === undefined) {
      this.busy = 'delete';
      count = await store.listChildren(a.id, { pageSize: 1 }).then(
        (page) => (page.items.length ? -1 : 0),
        () => undefined,
      );
      this.busy = undefined;
      if (a.id !== this.am.accountId) return true;
    }
    if (count) await this.showHasChildren(a.id, count);
    return !!count;
  }

  /** "Delete account…": the host may take over first (house order), then the typed confirmation. */
  private async onDelete(a: Account): Promise<void> {
    if (await this.hasSubAccounts(a)) return;
    if (!this.emit('account-delete-request', { accountId: a.id, account: a }, { cancelable: true })) return;
    const t = this.l.t.bind(this.l);
    const ok = await this.confirm.confirm({
      title: phrase(this.l, 'deleteTitle', { name: a.name }),
      message: t('deleteMessage'),
      confirmLabel: t('deleteConfirm'),
      danger: true,
      typedConfirmation: a.name,
    });
    if (ok && a.id === this.am.accountId) await this.runDelete(a);
  }

  private async runDelete(a: Account): Promise<boolean> {
    const store = this.am.store;
    if (!store) return false;
    let done = false;
    await this.act(
      'delete',
      () => store.deleteAccount(a.id),
      () => {
        done = true;
        this.reset();
        this.deleted = { id: a.id, name: a.name };
        this.emit('account-deleted', { accountId: a.id, name: a.name });
        this.announce('deletedDone', { name: a.name });
      },
      async (err) => {
        if (err.kind !== 'has-descendants') return false;
        await this.showHasChildren(a.id, -1);
        return true;
      },
    );
    return done;
  }

  private async showHasChildren(id: string, count: number): Promise<void> {
    this.childrenOf = { id, count: count > 0 ? count : undefined };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#show-children')?.focus();
  }

  // ---- rendering

  protected override render(): unknown {
    const gone = this.deleted;
    if (gone && gone.id === this.am.accountId) {
      return html`<p class="deleted" role="status">${phrase(this.l, 'deletedDone', { name: gone.name })}</p>
        ${this.status.render(this.l)}`;
    }
    return super.render();
  }

  protected override renderLoaded(d: OverviewDraft): unknown {
    const a = this.account.value!;
    const t = this.l.t.bind(this.l);
    return html`<div class="layout" role="region" aria-label=${t('regionLabel', { name: a.name })}>
      <div class="header" part="header">
        <h2 dir="auto">${a.name}</h2>
        ${a.isReseller ? html`<span class="am-badge" part="badge">${t('resellerBadge')}</span>` : nothing}
      </div>
      ${this.renderStatus(a)} ${this.renderDraftForm(d)} ${this.renderAbout(a)}
      ${this.mover.render(a, { own: this.isOwn, readOnly: this.readOnly })} ${this.renderDelete(a)}
    </div>`;
  }

  /** The status section says it once. */
  protected override renderDisabledNote(): unknown {
    return nothing;
  }

  protected override renderForm(): TemplateResult {
    const t = this.l.t.bind(this.l);
    const field = (path: string, key: Key, o?: TextFieldOptions) => textField(this, path, t(key), o);
    const contact = (g: Group) => html`
      ${field(`contacts.${g}.name`, 'contactName')}
      ${field(`contacts.${g}.email`, 'contactEmail', { type: 'email', rule: 'email' })}
      ${field(`contacts.${g}.number`, 'contactNumber', { type: 'tel', rule: 'phone', dir: 'ltr' })}
    `;
    return html`<section part="section" aria-labelledby="details-heading">
        <h3 id="details-heading">${t('detailsHeading')}</h3>
        <div class="grid">
          ${field('name', 'name', { required: true, autocomplete: 'organization', rule: 'accountName' })}
          ${field('realm', 'realm', { maxlength: 253, hint: t('realmHint'), rule: 'realm' })}
          ${timezoneField(this, 'timezone', t('timezone'))} ${languageField(this, 'language', t('language'))}
        </div>
      </section>
      <fieldset class="section" part="section">
        <legend>${t('technicalHeading')}</legend>
        <div class="grid">${contact('technical')}</div>
      </fieldset>
      <fieldset class="section" part="section">
        <legend>${t('billingHeading')}</legend>
        <div class="grid">
          ${contact('billing')} ${field('contacts.billing.streetAddress', 'streetAddress')}
          ${field('contacts.billing.streetAddressExtra', 'streetAddressExtra')}
          ${field('contacts.billing.locality', 'locality')} ${field('contacts.billing.region', 'region')}
          ${field('contacts.billing.postalCode', 'postalCode')}
          ${field('contacts.billing.country', 'country', { hint: t('countryHint'), maxlength: 64 })}
        </div>
      </fieldset>`;
  }

  private renderStatus(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const action = html`<button
      type="button"
      class="am-button"
      data-variant=${a.enabled ? 'danger' : 'primary'}
      ?disabled=${!!this.busy}
      @click=${() => this.toggleEnabled(a)}
    >
      ${a.enabled ? t('disable') : t('enable')}
    </button>`;
    return html`<section
      class=${a.enabled ? 'status' : 'status banner'}
      part=${a.enabled ? 'section' : 'section disabled-banner'}
      aria-labelledby="status-heading"
    >
      <h3 id="status-heading">${t('statusHeading')}</h3>
      <div class="row">
        ${a.enabled ? html`<p>${t('statusEnabled')}</p>` : html`<p role="note">${t('disabledBanner')}</p>`}
        ${this.isOwn ? html`<span class="muted">${t('ownAccountStatus')}</span>` : this.readOnly ? nothing : action}
      </div>
    </section>`;
  }

  private renderAbout(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const tierAction = !!this.am.session?.isSuperduper && !a.isSuperduper && !this.readOnly;
    return html`<section part="section" aria-labelledby="about-heading">
      <h3 id="about-heading">${t('aboutHeading')}</h3>
      <dl>
        <dt>${t('accountId')}</dt>
        <dd>
          <code dir="ltr">${a.id}</code>
          <am-copy-button value=${a.id} label=${t('copyId')}></am-copy-button>
        </dd>
        ${
          a.created
            ? html`<dt>${t('created')}</dt>
                <dd>
                  <time datetime=${a.created}
                    >${this.l.date(a.created, { dateStyle: 'long', timeStyle: 'short' })}</time
                  >
                </dd>`
            : nothing
        }
        <dt>${t('tier')}</dt>
        <dd>
          <span>${a.isReseller ? t('tierReseller') : t('tierStandard')}</span>
          ${
            tierAction
              ? html`<button
                  type="button"
                  class="am-button"
                  ?disabled=${!!this.busy}
                  @click=${() => this.toggleTier(a)}
                >
                  ${a.isReseller ? t('demote') : t('promote')}
                </button>`
              : nothing
          }
        </dd>
      </dl>
    </section>`;
  }

  private renderDelete(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const children = this.childrenOf?.id === a.id ? this.childrenOf : undefined;
    let body: unknown = nothing;
    if (this.isOwn) body = html`<p class="muted">${t('ownAccountDelete')}</p>`;
    else if (children) {
      body = html`<p class="note" role="alert">
          ${children.count ? t('hasChildrenCount', { count: children.count }) : t('hasChildren')}
        </p>
        <div class="row">
          <button
            id="show-children"
            type="button"
            class="am-button"
            @click=${() => this.emit('account-show-children', { accountId: a.id })}
          >
            ${t('showChildren')}
          </button>
        </div>`;
    } else if (!this.readOnly) {
      body = html`<p class="muted">${t('deleteHelp')}</p>
        <div class="row">
          <button
            type="button"
            class="am-button"
            data-variant="danger"
            ?disabled=${!!this.busy}
            @click=${() => this.onDelete(a)}
          >
            ${t('deleteButton')}
          </button>
          ${this.busy === 'delete' ? html`<span class="am-hint" role="status">${t('deleteChecking')}</span>` : nothing}
        </div>`;
    }
    return html`<section class="danger" part="section danger-zone" aria-labelledby="delete-heading">
      <h3 id="delete-heading">${t('deleteHeading')}</h3>
      ${body}
    </section>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AccountApi } from '../../src/api/api.js';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { Account, AccountChanges, AccountSummary, BillingContact, Contact, Page } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { DraftController, type DraftSaveContext } from '../../src/base/draft-controller.js';
import { getPath } from '../../src/base/merge.js';
import { LocalizeController, registerTranslations } from '../../src/base/localize.js';
import { StatusController } from '../../src/base/status.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { renderConflicts, renderDraftActions, renderResource } from '../../src/base/primitives.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { skeletonStyles } from '../../src/base/skeleton.styles.js';
import { statusStyles } from '../../src/base/status.styles.js';
import { confirmDialogStyles } from '../../src/base/confirm-dialog.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-overview.styles.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account was written by a user action: `changes` lists the fields (dotted paths). */
    'account-saved': { accountId: string; account: Account; changes: string[] };
    /** Cancelable, after the user confirmed and before the account is deleted. */
    'account-delete-request': { accountId: string; account: Account };
    /** The account was deleted. */
    'account-deleted': { accountId: string; name: string };
    /** The user asked to see the account's sub-accounts (a host or the tree navigates there). */
    'account-show-children': { accountId: string };
    /** The account now sits under `toParentId`. */
    'account-moved': { accountId: string; account: Account; fromParentId?: string; toParentId: string };
  }
}

const en = {
  regionLabel: 'Account {name}',
  disabledBadge: 'Disabled',
  resellerBadge: 'Reseller',
  disabledBanner: 'This account is disabled. Its users cannot sign in and its phones cannot make or receive calls.',
  readOnly: 'You can see this account but not change it.',
  // status
  statusHeading: 'Account status',
  statusEnabled: 'Enabled',
  statusDisabled: 'Disabled',
  enable: 'Enable account',
  disable: 'Disable account',
  ownAccountStatus: 'This is the account you are signed in to: it cannot be disabled from here.',
  disableTitle: 'Disable {name}?',
  disableMessage:
    'Its users will not be able to sign in, and its phones will stop making and receiving calls until the account is enabled again.',
  disableConfirm: 'Disable',
  enableTitle: 'Enable {name}?',
  enableMessage: 'Its users will be able to sign in and make calls again.',
  enableConfirm: 'Enable',
  disabledDone: '{name} is now disabled.',
  enabledDone: '{name} is now enabled.',
  actionFailed: 'Could not complete this. {reason}',
  // details
  detailsHeading: 'Details',
  name: 'Name',
  realm: 'SIP realm',
  realmHint: 'Letters, digits, dots, dashes and underscores, 4 to 253 characters.',
  timezone: 'Time zone',
  timezoneHint: 'Type to search, e.g. Paris or America/New_York.',
  language: 'Language',
  languageDefault: 'Platform default',
  technicalHeading: 'Technical contact',
  billingHeading: 'Billing contact',
  contactName: 'Name',
  contactEmail: 'E-mail',
  contactNumber: 'Phone',
  streetAddress: 'Street address',
  streetAddressExtra: 'Address line 2',
  locality: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  countryHint: 'Two-letter code, e.g. US or FR.',
  nameRequired: 'Enter a name.',
  nameTooLong: 'A name is at most 128 characters.',
  realmRequired: 'Enter a realm.',
  realmInvalid: 'Use 4 to 253 letters, digits, dots, dashes or underscores.',
  timezoneInvalid: 'Choose a time zone from the list.',
  emailInvalid: 'Enter an e-mail address such as name@example.com.',
  fieldsNeedAttention: 'Some fields need attention.',
  savedDone: 'Changes to {name} saved.',
  // about
  aboutHeading: 'About this account',
  accountId: 'Account ID',
  copy: 'Copy',
  copyId: 'Copy account ID',
  copied: 'Account ID copied.',
  copyFailed: 'Could not copy. Select the ID and copy it yourself.',
  created: 'Created',
  tier: 'Account type',
  tierReseller: 'Reseller',
  tierStandard: 'Standard',
  promote: 'Make reseller',
  demote: 'Make standard account',
  promoteTitle: 'Make {name} a reseller?',
  promoteMessage: 'A reseller can have its own customers, service plans and branding.',
  demoteTitle: 'Make {name} a standard account?',
  demoteMessage: 'It will no longer be a reseller for the accounts below it.',
  promoteDone: '{name} is now a reseller.',
  demoteDone: '{name} is now a standard account.',
  // move
  moveHeading: 'Position in the hierarchy',
  currentParent: 'Parent account',
  moveTo: 'Move to…',
  moveCancel: 'Cancel move',
  moveSearch: 'Find the new parent account',
  moveSearchHint: 'Search by name, realm or account ID among the accounts you manage.',
  moveResults: 'Matching accounts',
  moveNoResults: 'No account matches.',
  moveSearching: 'Searching…',
  moveChecking: 'Checking whether {name} can take this account…',
  moveOk: '{name} can take this account.',
  moveSelf: 'An account cannot be moved under itself or one of its sub-accounts.',
  moveSameParent: '{name} is already its parent.',
  moveCrossReseller:
    '{target} belongs to another reseller ({reseller}). Accounts can only move within their own reseller.',
  moveTargetReseller: '{target} is a reseller of its own. Accounts can only move within their own reseller.',
  moveCrossResellerUnnamed: '{target} belongs to another reseller. Accounts can only move within their own reseller.',
  moveForbidden: 'The server refused to move this account.',
  moveForbiddenDetail: 'Reason given: {reason}',
  moveButton: 'Move here',
  moveTitle: 'Move {name} under {target}?',
  moveMessage: 'Its sub-accounts, users and settings move with it.',
  moveConfirm: 'Move',
  movedDone: '{name} now sits under {target}.',
  ownAccountMove: 'This is the account you are signed in to: it cannot be moved from here.',
  // delete
  deleteHeading: 'Delete account',
  deleteHelp: 'Deleting removes the account, its users, devices and numbers for good.',
  deleteButton: 'Delete account…',
  deleteTitle: 'Delete {name}?',
  deleteMessage: 'This cannot be undone. The account, its users, devices and numbers are removed.',
  deleteConfirm: 'Delete for good',
  deleteChecking: 'Checking for sub-accounts…',
  hasChildren:
    'This account has sub-accounts. Move or delete them first: an account with sub-accounts cannot be deleted.',
  hasChildrenCount:
    '{count, plural, one {This account has # sub-account.} other {This account has # sub-accounts.}} Move or delete them first: an account with sub-accounts cannot be deleted.',
  showChildren: 'Show sub-accounts',
  deletedDone: '{name} was deleted.',
  ownAccountDelete: 'This is the account you are signed in to: it cannot be deleted from here.',
};
type Key = keyof typeof en;
/** The overview's strings; every locale file holds every key. */
export type OverviewMessages = Record<Key, string>;

registerTranslations('account-overview', {
  'en-US': en,
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

const LANGUAGES = ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'ru-RU'];
const REALM_RE = /^[.\w-]+$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TECHNICAL: (keyof Contact)[] = ['name', 'email', 'number'];
const BILLING: (keyof BillingContact)[] = [
  'name',
  'email',
  'number',
  'streetAddress',
  'streetAddressExtra',
  'locality',
  'region',
  'postalCode',
  'country',
];

let zones: string[] | undefined;
/** Every IANA zone the browser knows, UTC included. */
function timeZones(): string[] {
  if (!zones) {
    let list: string[] = [];
    try {
      list = Intl.supportedValuesOf('timeZone');
    } catch {
      // Older engines: typing a zone still works, it is checked by isTimeZone.
    }
    zones = list.includes('UTC') ? list : ['UTC', ...list];
  }
  return zones;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.length >= 3 && value.length <= 32;
  } catch {
    return false;
  }
}

function cleanContact<T extends object>(c: T | undefined): T | undefined {
  if (!c) return undefined;
  const out = Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'string' && v !== '')) as T;
  return Object.keys(out).length ? out : undefined;
}

const projections = new WeakMap<Account, OverviewDraft>();
/** The editable part of an account; the same object for the same account, so the draft sees no change. */
function project(a: Account): OverviewDraft {
  let p = projections.get(a);
  if (!p) {
    const contacts: OverviewDraft['contacts'] = {};
    const technical = cleanContact(a.contacts?.technical);
    const billing = cleanContact(a.contacts?.billing);
    if (technical) contacts.technical = technical;
    if (billing) contacts.billing = billing;
    p = { id: a.id, name: a.name, contacts };
    if (a.revision !== undefined) p.revision = a.revision;
    if (a.realm) p.realm = a.realm;
    if (a.timezone) p.timezone = a.timezone;
    if (a.language) p.language = a.language;
    projections.set(a, p);
  }
  return p;
}

type Busy = 'status' | 'tier' | 'delete' | 'move' | undefined;
type MoveVerdict =
  | { kind: 'checking' }
  | { kind: 'ok' }
  | { kind: 'self' }
  | { kind: 'same-parent' }
  | { kind: 'cross-reseller'; reseller?: string; targetIsReseller?: boolean }
  | { kind: 'refused'; reason?: string };

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
 * @csspart header - The account's name and badges.
 * @csspart badge - A "Disabled" or "Reseller" badge.
 * @csspart disabled-banner - The banner shown while the account is disabled.
 * @csspart section - Each section (status, details, contacts, about, hierarchy, delete).
 * @csspart form - The editable details and contacts.
 * @csspart field - One labelled field (`data-dirty` while it differs from the saved value).
 * @csspart input - One text field or select.
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
 * @cssproperty --am-account-overview-banner-background - Disabled banner background (default `--am-color-danger-surface`).
 * @cssproperty --am-account-overview-banner-color - Disabled banner text (default `--am-color-danger-text`).
 * @cssproperty --am-account-overview-danger-border - Delete section border (default `--am-color-danger`).
 *
 * @event account-saved - The user saved the draft, changed the status or the tier. `detail: { accountId, account, changes }`.
 * @event account-delete-request - Cancelable, after the typed confirmation, before deleting. `detail: { accountId, account }`.
 * @event account-deleted - The account was deleted. `detail: { accountId, name }`.
 * @event account-show-children - "Show sub-accounts" was pressed. `detail: { accountId }`.
 * @event account-moved - The account was moved. `detail: { accountId, account, fromParentId, toParentId }`.
 */
export class AccountOverview extends AmElement {
  static override styles = [
    tokens,
    controlStyles,
    errorPanelStyles,
    skeletonStyles,
    statusStyles,
    confirmDialogStyles,
    styles,
  ];

  /** The account shown; default: the provider's acting account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** A backend to use without a provider (the provider's is used otherwise). */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides of single labels, by key (see the English strings in the source). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  @state() private busy: Busy;
  @state() private clientErrors: Record<string, string> = {};
  @state() private readOnlyFor?: string;
  @state() private childrenOf?: { id: string; count?: number };
  @state() private deleted?: { id: string; name: string };
  @state() private moveOpen = false;
  @state() private moveQuery = '';
  @state() private moveResults?: AccountSummary[];
  @state() private moveSearching = false;
  @state() private moveTarget?: AccountSummary;
  @state() private verdict?: MoveVerdict;
  @state() private parent?: AccountSummary | null;

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<Key>(this, {
    namespace: 'account-overview',
    locale: () => this.am.locale,
  });
  private readonly account = new ResourceController<Account>(this, this.am, {
    key: () => (this.am.accountId ? storeKey.account(this.am.accountId) : undefined),
    load: (store, o) => store.getAccount(this.am.accountId!, o),
  });
  private readonly draft = new DraftController<OverviewDraft>(this, {
    saved: () => (this.account.value ? project(this.account.value) : undefined),
    save: (draft, context) => this.write(draft, context),
  });
  private readonly status = new StatusController(this);
  private readonly confirm = new ConfirmController(this);
  private searchTimer?: ReturnType<typeof setTimeout>;
  private searchCtrl?: AbortController;
  private checkSeq = 0;

  /** Whether the draft holds unsaved edits. */
  get dirty(): boolean {
    return this.draft.dirty;
  }

  /**
   * Checks and saves the draft; resolves `true` when saved (or nothing to save), `false` when a field needs
   * attention, the save failed (the draft is kept) or conflicts wait for a choice. Fires no event.
   */
  async save(): Promise<boolean> {
    if (!this.isConnected || !this.draft.draft) return false;
    if (!this.validate()) return false;
    return this.draft.save();
  }

  /** Drops the edits: the draft becomes the saved account again. */
  reset(): void {
    if (!this.isConnected) return;
    this.clientErrors = {};
    this.draft.reset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchCtrl?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another account: its draft starts from its own saved value, never merged with the last one's.
    const id = this.am.accountId;
    if (this.draft.base && this.draft.base.id !== id && !this.draft.saving) {
      this.draft.base = this.draft.draft = undefined;
      this.draft.conflicts = [];
      this.draft.fieldErrors = {};
      this.draft.error = undefined;
      this.clientErrors = {};
      this.closeMove();
      this.childrenOf = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const a = this.account.value;
    this.setCustomState('dirty', this.draft.dirty);
    this.setCustomState('saving', this.draft.saving || this.busy !== undefined);
    this.setCustomState('saved', this.draft.saveState === 'saved');
    this.setCustomState('conflict', this.draft.conflicts.length > 0);
    this.setCustomState('disabled-account', !!a && !a.enabled);
    this.setCustomState('read-only', this.readOnly);
  }

  private get readOnly(): boolean {
    return !!this.account.value && this.readOnlyFor === this.account.value.id;
  }

  private get isOwn(): boolean {
    const s = this.am.session;
    return !!s && s.accountId === this.account.value?.id;
  }

  // ---- saving

  private async write(draft: OverviewDraft, { paths, base }: DraftSaveContext<OverviewDraft>): Promise<OverviewDraft> {
    const store = this.am.store;
    if (!store) throw new AccountApiError({ kind: 'network', message: 'Not connected.' });
    const changes: AccountChanges = {};
    const top = (k: 'name' | 'realm' | 'timezone' | 'language') => paths.some((p) => p === k);
    if (top('name')) changes.name = draft.name.trim();
    if (top('realm')) changes.realm = draft.realm?.trim();
    if (top('timezone')) changes.timezone = draft.timezone ?? null;
    if (top('language')) changes.language = draft.language ?? null;
    for (const group of ['technical', 'billing'] as const) {
      if (!paths.some((p) => p === `contacts.${group}` || p.startsWith(`contacts.${group}.`))) continue;
      const mine = draft.contacts[group] as Record<string, string> | undefined;
      const before = (base.contacts?.[group] ?? {}) as Record<string, string>;
      changes.contacts ??= {};
      if (!mine) {
        changes.contacts[group] = null;
        continue;
      }
      // A partial contact merges into the stored one: a cleared field is sent as null, which removes it.
      const full: Record<string, string | null> = { ...mine };
      for (const k of Object.keys(before)) if (!(k in full) || full[k] === '') full[k] = null;
      changes.contacts[group] = full;
    }
    try {
      const account = await store.updateAccount(draft.id, changes, { expectedRevision: base.revision });
      return project(account);
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'forbidden') this.readOnlyFor = draft.id;
      const current = (err.details as { current?: Account } | undefined)?.current;
      if (err.kind === 'conflict' && current) {
        // Everything else on the page shows the newer revision too (the draft keeps the user's edits).
        queueMicrotask(() => this.account.retry());
        throw new AccountApiError({
          kind: 'conflict',
          message: err.message,
          status: err.status,
          request: err.request,
          details: { current: project(current) },
        });
      }
      throw err;
    }
  }

  private validate(): boolean {
    const d = this.draft.draft;
    const base = this.draft.base;
    if (!d) return false;
    const errors: Record<string, string> = {};
    const name = d.name?.trim() ?? '';
    if (!name) errors.name = this.l.t('nameRequired');
    else if (name.length > 128) errors.name = this.l.t('nameTooLong');
    const realm = d.realm?.trim() ?? '';
    if (!realm) {
      if (base?.realm) errors.realm = this.l.t('realmRequired');
    } else if (realm !== base?.realm && (realm.length < 4 || realm.length > 253 || !REALM_RE.test(realm))) {
      errors.realm = this.l.t('realmInvalid');
    }
    if (d.timezone && d.timezone !== base?.timezone && !isTimeZone(d.timezone)) {
      errors.timezone = this.l.t('timezoneInvalid');
    }
    for (const group of ['technical', 'billing'] as const) {
      const email = d.contacts[group]?.email;
      if (email && email !== base?.contacts[group]?.email && !EMAIL_RE.test(email)) {
        errors[`contacts.${group}.email`] = this.l.t('emailInvalid');
      }
    }
    this.clientErrors = errors;
    return Object.keys(errors).length === 0;
  }

  private async onSave(): Promise<void> {
    const before = this.draft.base;
    const paths = before && this.draft.draft ? this.changedPaths() : [];
    const ok = await this.save();
    await this.updateComplete;
    if (ok && this.account.value && paths.length) {
      const account = this.account.value;
      this.emit('account-saved', { accountId: account.id, account, changes: paths });
      void this.status.announce(
        this.draft.merged ? this.l.t('conflictMerged') : this.l.t('savedDone', { name: account.name }),
        { tone: 'success' },
      );
      return;
    }
    if (ok) return;
    if (this.draft.conflicts.length) {
      this.renderRoot.querySelector<HTMLElement>('[part=conflicts] button')?.focus();
      return;
    }
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
    if (invalid) {
      invalid.focus();
      void this.status.announce(this.l.t('fieldsNeedAttention'), { tone: 'warning' });
    }
  }

  private changedPaths(): string[] {
    const base = this.draft.base!;
    const d = this.draft.draft!;
    const paths = ['name', 'realm', 'timezone', 'language']
      .filter((p) => getPath(base, p) !== getPath(d, p))
      .concat(
        TECHNICAL.map((k) => `contacts.technical.${k}`).filter((p) => getPath(base, p) !== getPath(d, p)),
        BILLING.map((k) => `contacts.billing.${k}`).filter((p) => getPath(base, p) !== getPath(d, p)),
      );
    return paths;
  }

  private setField(path: string, raw: string): void {
    const value = raw === '' ? undefined : raw;
    this.draft.set(path, value);
    if (this.clientErrors[path]) {
      const { [path]: _gone, ...rest } = this.clientErrors;
      this.clientErrors = rest;
    }
    // An emptied contact is no contact at all (not an empty object that reads as a change).
    const group = /^contacts\.(technical|billing)\./.exec(path)?.[1];
    if (group && value === undefined) {
      const c = this.draft.get(`contacts.${group}`) as object | undefined;
      if (c && Object.keys(c).length === 0) this.draft.set(`contacts.${group}`, undefined);
    }
  }

  // ---- status, tier

  private async run(
    busy: Exclude<Busy, undefined>,
    action: () => Promise<Account>,
    done: (a: Account) => string,
    changes: string[],
  ): Promise<void> {
    this.busy = busy;
    try {
      const account = await action();
      this.emit('account-saved', { accountId: account.id, account, changes });
      void this.status.announce(done(account), { tone: 'success' });
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'forbidden' && this.account.value) this.readOnlyFor = this.account.value.id;
      void this.status.announce(this.l.t('actionFailed', { reason: this.l.errorMessage(err) }), { tone: 'error' });
    } finally {
      this.busy = undefined;
    }
  }

  private async toggleEnabled(a: Account): Promise<void> {
    const enable = !a.enabled;
    const ok = await this.confirm.confirm({
      title: this.l.t(enable ? 'enableTitle' : 'disableTitle', { name: a.name }),
      message: this.l.t(enable ? 'enableMessage' : 'disableMessage'),
      confirmLabel: this.l.t(enable ? 'enableConfirm' : 'disableConfirm'),
      danger: !enable,
    });
    const store = this.am.store;
    if (!ok || !store) return;
    await this.run(
      'status',
      () => store.updateAccount(a.id, { enabled: enable }),
      (x) => this.l.t(enable ? 'enabledDone' : 'disabledDone', { name: x.name }),
      ['enabled'],
    );
  }

  private async toggleTier(a: Account): Promise<void> {
    const promote = !a.isReseller;
    const ok = await this.confirm.confirm({
      title: this.l.t(promote ? 'promoteTitle' : 'demoteTitle', { name: a.name }),
      message: this.l.t(promote ? 'promoteMessage' : 'demoteMessage'),
      confirmLabel: this.l.t(promote ? 'promote' : 'demote'),
    });
    const store = this.am.store;
    if (!ok || !store) return;
    await this.run(
      'tier',
      () => store.setReseller(a.id, promote),
      (x) => this.l.t(promote ? 'promoteDone' : 'demoteDone', { name: x.name }),
      ['isReseller'],
    );
  }

  private async copyId(id: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(id);
      void this.status.announce(this.l.t('copied'), { tone: 'success' });
    } catch {
      void this.status.announce(this.l.t('copyFailed'), { tone: 'warning' });
    }
  }

  // ---- delete

  /** Sub-accounts known from a cached listing of the parent, without asking the backend. */
  private knownDescendants(id: string): number | undefined {
    const store = this.am.store;
    // Any cached listing row (tree, search) when the store offers that look-up.
    const row = (
      store as unknown as { peekSummary?(id: string): AccountSummary | undefined } | undefined
    )?.peekSummary?.(id);
    if (row?.descendantsCount !== undefined) return row.descendantsCount;
    const ancestors = store?.peek<AccountSummary[]>(storeKey.ancestors(id));
    const parentId = ancestors?.[ancestors.length - 1]?.id;
    if (!store || !parentId) return undefined;
    const page = store.peek<Page<AccountSummary>>(storeKey.children(parentId));
    return page?.items.find((s) => s.id === id)?.descendantsCount;
  }

  private async onDelete(a: Account): Promise<void> {
    const store = this.am.store;
    if (!store) return;
    let count = this.knownDescendants(a.id);
    if (count === undefined) {
      this.busy = 'delete';
      try {
        const page = await store.listChildren(a.id, { pageSize: 1 });
        count = page.items.length ? -1 : 0;
      } catch {
        // Unknown: the server will say so if it has any.
      } finally {
        this.busy = undefined;
      }
    }
    if (count) return this.showHasChildren(a.id, count);
    const ok = await this.confirm.confirm({
      title: this.l.t('deleteTitle', { name: a.name }),
      message: this.l.t('deleteMessage'),
      confirmLabel: this.l.t('deleteConfirm'),
      danger: true,
      typedConfirmation: a.name,
    });
    if (!ok || !this.emit('account-delete-request', { accountId: a.id, account: a }, { cancelable: true })) return;
    this.busy = 'delete';
    try {
      await store.deleteAccount(a.id);
      this.draft.reset();
      this.deleted = { id: a.id, name: a.name };
      this.emit('account-deleted', { accountId: a.id, name: a.name });
      void this.status.announce(this.l.t('deletedDone', { name: a.name }), { tone: 'success' });
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'has-descendants') await this.showHasChildren(a.id, -1);
      else {
        if (err.kind === 'forbidden') this.readOnlyFor = a.id;
        void this.status.announce(this.l.t('actionFailed', { reason: this.l.errorMessage(err) }), { tone: 'error' });
      }
    } finally {
      this.busy = undefined;
    }
  }

  private async showHasChildren(id: string, count: number): Promise<void> {
    this.childrenOf = { id, count: count > 0 ? count : undefined };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action=show-children]')?.focus();
  }

  // ---- move

  private async openMove(a: Account): Promise<void> {
    this.moveOpen = true;
    this.moveQuery = '';
    this.moveResults = undefined;
    this.moveTarget = undefined;
    this.verdict = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#move-search')?.focus();
    try {
      const ancestors = await this.am.store!.getAncestors(a.id);
      this.parent = ancestors[ancestors.length - 1] ?? null;
    } catch {
      this.parent = undefined;
    }
  }

  private closeMove(): void {
    this.moveOpen = false;
    this.moveTarget = this.verdict = this.moveResults = undefined;
    this.moveQuery = '';
    clearTimeout(this.searchTimer);
    this.searchCtrl?.abort();
    this.checkSeq++;
  }

  private onMoveQuery(value: string): void {
    this.moveQuery = value;
    clearTimeout(this.searchTimer);
    this.searchCtrl?.abort();
    if (!value.trim()) {
      this.moveResults = undefined;
      this.moveSearching = false;
      return;
    }
    this.moveSearching = true;
    this.searchTimer = setTimeout(() => void this.search(value.trim()), 250);
  }

  private async search(query: string): Promise<void> {
    const store = this.am.store;
    const a = this.account.value;
    if (!store || !a) return;
    const ctrl = (this.searchCtrl = new AbortController());
    try {
      const page = await store.searchAccounts(query, {
        rootId: this.am.session?.accountId,
        pageSize: 20,
        signal: ctrl.signal,
      });
      if (ctrl.signal.aborted) return;
      this.moveResults = page.items.filter((s) => s.id !== a.id && !s.tree?.includes(a.id));
    } catch (e) {
      if (toAccountApiError(e).kind === 'aborted') return;
      this.moveResults = [];
      void this.status.announce(this.l.t('actionFailed', { reason: this.l.errorMessage(toAccountApiError(e)) }), {
        tone: 'error',
      });
    } finally {
      if (this.searchCtrl === ctrl) this.moveSearching = false;
    }
  }

  private async pickTarget(target: AccountSummary): Promise<void> {
    const store = this.am.store;
    const a = this.account.value;
    if (!store || !a) return;
    this.moveTarget = target;
    const seq = ++this.checkSeq;
    this.verdict = { kind: 'checking' };
    const verdict = await this.check(a, target);
    if (seq === this.checkSeq) this.verdict = verdict;
  }

  /** What is known before asking the server to move: own subtree, same parent, another reseller. */
  private async check(a: Account, target: AccountSummary): Promise<MoveVerdict> {
    const store = this.am.store!;
    const [ancestors, doc, own] = await Promise.all([
      store.getAncestors(target.id).catch(() => undefined),
      store.getAccount(target.id).catch(() => undefined),
      store.getAncestors(a.id).catch(() => undefined),
    ]);
    if (target.id === a.id || ancestors?.some((x) => x.id === a.id)) return { kind: 'self' };
    if (own?.[own.length - 1]?.id === target.id) return { kind: 'same-parent' };
    if (doc && a.resellerId) {
      const theirs = doc.isReseller ? doc.id : doc.resellerId;
      if (theirs && theirs !== a.resellerId) {
        if (theirs === doc.id) return { kind: 'cross-reseller', targetIsReseller: true };
        const name = ancestors?.find((x) => x.id === theirs)?.name ?? store.summaryFacts(theirs)?.name;
        return { kind: 'cross-reseller', reseller: name };
      }
    }
    return { kind: 'ok' };
  }

  private async onMove(a: Account): Promise<void> {
    const store = this.am.store;
    const target = this.moveTarget;
    if (!store || !target || this.verdict?.kind !== 'ok') return;
    const ok = await this.confirm.confirm({
      title: this.l.t('moveTitle', { name: a.name, target: target.name }),
      message: this.l.t('moveMessage'),
      confirmLabel: this.l.t('moveConfirm'),
    });
    if (!ok) return;
    this.busy = 'move';
    const fromParentId = this.parent?.id;
    try {
      const account = await store.moveAccount(a.id, target.id);
      this.closeMove();
      this.parent = { id: target.id, name: target.name };
      this.emit('account-moved', { accountId: a.id, account, fromParentId, toParentId: target.id });
      void this.status.announce(this.l.t('movedDone', { name: a.name, target: target.name }), { tone: 'success' });
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'validation' && err.fieldErrors?.to) this.verdict = { kind: 'self' };
      else if (err.kind === 'forbidden') {
        // Say why in words: recheck the facts, else give the server's own reason.
        const again = await this.check(a, target);
        this.verdict =
          again.kind === 'cross-reseller' || again.kind === 'self' ? again : { kind: 'refused', reason: err.message };
      } else {
        void this.status.announce(this.l.t('actionFailed', { reason: this.l.errorMessage(err) }), { tone: 'error' });
      }
    } finally {
      this.busy = undefined;
    }
  }

  // ---- render

  protected override render(): unknown {
    const d = this.deleted;
    if (d && d.id === this.am.accountId) {
      return html`<p class="deleted" role="status">${this.l.t('deletedDone', { name: d.name })}</p>
        ${this.status.render(this.l)}`;
    }
    return html`${renderResource(this.account, this.l, { loaded: (a) => this.renderAccount(a) })}
    ${this.status.render(this.l)} ${this.confirm.render(this.l)}`;
  }

  private renderAccount(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    return html`<div class="layout" role="region" aria-label=${t('regionLabel', { name: a.name })}>
      <div class="header" part="header">
        <h2>${a.name}</h2>
        ${!a.enabled ? html`<span class="badge" part="badge" data-tone="danger">${t('disabledBadge')}</span>` : nothing}
        ${a.isReseller ? html`<span class="badge" part="badge">${t('resellerBadge')}</span>` : nothing}
      </div>
      ${
        !a.enabled
          ? html`<div class="banner" part="disabled-banner" role="note">
              <p><strong>${t('statusDisabled')}.</strong> ${t('disabledBanner')}</p>
              ${
                this.isOwn || this.readOnly
                  ? nothing
                  : html`<button
                      type="button"
                      class="am-button"
                      ?disabled=${!!this.busy}
                      @click=${() => this.toggleEnabled(a)}
                    >
                      ${t('enable')}
                    </button>`
              }
            </div>`
          : nothing
      }
      ${this.readOnly ? html`<p class="note" role="note">${t('readOnly')}</p>` : nothing} ${this.renderStatus(a)}
      ${this.renderForm()} ${this.renderAbout(a)} ${this.renderMove(a)} ${this.renderDelete(a)}
    </div>`;
  }

  private renderStatus(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    return html`<section part="section" aria-labelledby="status-heading">
      <h3 id="status-heading">${t('statusHeading')}</h3>
      <div class="row">
        <span>${a.enabled ? t('statusEnabled') : t('statusDisabled')}</span>
        ${
          this.isOwn
            ? html`<span class="muted">${t('ownAccountStatus')}</span>`
            : this.readOnly
              ? nothing
              : html`<button
                  type="button"
                  class="am-button"
                  data-action="toggle-enabled"
                  data-variant=${a.enabled ? 'danger' : 'primary'}
                  ?disabled=${!!this.busy}
                  @click=${() => this.toggleEnabled(a)}
                >
                  ${a.enabled ? t('disable') : t('enable')}
                </button>`
        }
      </div>
    </section>`;
  }

  private error(path: string): string | undefined {
    return this.clientErrors[path] ?? this.draft.fieldError(path);
  }

  private field(
    path: string,
    label: string,
    options: {
      type?: string;
      required?: boolean;
      maxlength?: number;
      hint?: string;
      list?: string;
      autocomplete?: string;
    } = {},
  ): TemplateResult {
    const id = `f-${path.replace(/\./g, '-')}`;
    const err = this.error(path);
    const value = this.draft.get(path);
    const dirty = (getPath(this.draft.base, path) ?? '') !== (value ?? '');
    const described = [options.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="am-field" part="field" ?data-dirty=${dirty}>
      <label class="am-label" for=${id}>${label}</label>
      <input
        id=${id}
        class="am-input"
        part="input"
        name=${path}
        type=${options.type ?? 'text'}
        list=${ifDefined(options.list)}
        maxlength=${ifDefined(options.maxlength)}
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck="false"
        ?required=${!!options.required}
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        .value=${live(typeof value === 'string' ? value : '')}
        @input=${(e: Event) => this.setField(path, (e.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<span class="am-hint" id="${id}-hint">${options.hint}</span>` : nothing}
      ${err ? html`<p class="am-field-error" id="${id}-error">${err}</p>` : nothing}
    </div>`;
  }

  private renderLanguage(): TemplateResult {
    const t = this.l.t.bind(this.l);
    const value = (this.draft.get('language') as string | undefined) ?? '';
    const names = (() => {
      try {
        return new Intl.DisplayNames([this.l.locale], { type: 'language' });
      } catch {
        return undefined;
      }
    })();
    const label = (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const known = LANGUAGES.find((c) => c.toLowerCase() === value.toLowerCase());
    const options = value && !known ? [...LANGUAGES, value] : LANGUAGES;
    const selected = known ?? value;
    const dirty = ((this.draft.base?.language ?? '') as string) !== value;
    const err = this.error('language');
    return html`<div class="am-field" part="field" ?data-dirty=${dirty}>
      <label class="am-label" for="f-language">${t('language')}</label>
      <select
        id="f-language"
        class="am-input"
        part="input"
        name="language"
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${err ? 'f-language-error' : nothing}
        @change=${(e: Event) => {
          const next = (e.target as HTMLSelectElement).value;
          // Same language in another case (en-us) is no change.
          if (next.toLowerCase() !== value.toLowerCase() || !next) this.setField('language', next);
        }}
      >
        <option value="" ?selected=${!selected}>${t('languageDefault')}</option>
        ${options.map(
          (code) =>
            html`<option value=${code} ?selected=${code === selected} lang=${code}>
              ${label(code)}${label(code) === code ? '' : ` (${code})`}
            </option>`,
        )}
      </select>
      ${err ? html`<p class="am-field-error" id="f-language-error">${err}</p>` : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult | typeof nothing {
    const d = this.draft.draft;
    if (!d) return nothing;
    const t = this.l.t.bind(this.l);
    const locked = this.readOnly;
    const conflictLabel = (field: string) => {
      const last = field.split('.').pop()!;
      const group = field.startsWith('contacts.technical')
        ? `${t('technicalHeading')}: `
        : field.startsWith('contacts.billing')
          ? `${t('billingHeading')}: `
          : '';
      const key =
        (
          {
            name: 'name',
            realm: 'realm',
            timezone: 'timezone',
            language: 'language',
            email: 'contactEmail',
            number: 'contactNumber',
          } as Record<string, Key>
        )[last] ?? (last as Key);
      return group + (group && last === 'name' ? t('contactName') : t(key));
    };
    const format = (value: unknown, field: string) => {
      if (value === undefined || value === null || value === '')
        return field === 'language' ? t('languageDefault') : '—';
      return typeof value === 'object' ? Object.values(value as object).join(', ') : String(value);
    };
    return html`<form
      class="form"
      part="form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.onSave();
      }}
    >
      ${renderConflicts(this.draft, this.l, { label: conflictLabel, format })}
      <fieldset class="plain" ?disabled=${locked}>
        <section part="section" aria-labelledby="details-heading">
          <h3 id="details-heading">${t('detailsHeading')}</h3>
          <div class="grid">
            ${this.field('name', t('name'), { required: true, maxlength: 128, autocomplete: 'organization' })}
            ${this.field('realm', t('realm'), { maxlength: 253, hint: t('realmHint') })}
            ${this.field('timezone', t('timezone'), { list: 'tz-list', hint: t('timezoneHint'), maxlength: 32 })}
            ${this.renderLanguage()}
          </div>
          <datalist id="tz-list">${timeZones().map((z) => html`<option value=${z}></option>`)}</datalist>
        </section>
        <fieldset class="section" part="section">
          <legend>${t('technicalHeading')}</legend>
          <div class="grid">
            ${this.field('contacts.technical.name', t('contactName'))}
            ${this.field('contacts.technical.email', t('contactEmail'), { type: 'email' })}
            ${this.field('contacts.technical.number', t('contactNumber'), { type: 'tel' })}
          </div>
        </fieldset>
        <fieldset class="section" part="section">
          <legend>${t('billingHeading')}</legend>
          <div class="grid">
            ${this.field('contacts.billing.name', t('contactName'))}
            ${this.field('contacts.billing.email', t('contactEmail'), { type: 'email' })}
            ${this.field('contacts.billing.number', t('contactNumber'), { type: 'tel' })}
            ${this.field('contacts.billing.streetAddress', t('streetAddress'))}
            ${this.field('contacts.billing.streetAddressExtra', t('streetAddressExtra'))}
            ${this.field('contacts.billing.locality', t('locality'))}
            ${this.field('contacts.billing.region', t('region'))}
            ${this.field('contacts.billing.postalCode', t('postalCode'))}
            ${this.field('contacts.billing.country', t('country'), { hint: t('countryHint'), maxlength: 64 })}
          </div>
        </fieldset>
      </fieldset>
      ${
        this.readOnly
          ? nothing
          : renderDraftActions(this.draft as unknown as DraftController<object>, this.l, {
              onSave: () => void this.onSave(),
              onReset: () => this.reset(),
            })
      }
    </form>`;
  }

  private renderAbout(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const superduper = !!this.am.session?.isSuperduper;
    return html`<section part="section" aria-labelledby="about-heading">
      <h3 id="about-heading">${t('aboutHeading')}</h3>
      <dl>
        <dt>${t('accountId')}</dt>
        <dd>
          <code>${a.id}</code>
          <button type="button" class="am-button" aria-label=${t('copyId')} @click=${() => this.copyId(a.id)}>
            ${t('copy')}
          </button>
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
          <span data-tier=${a.isReseller ? 'reseller' : 'standard'}
            >${a.isReseller ? t('tierReseller') : t('tierStandard')}</span
          >
          ${
            superduper && !a.isSuperduper && !this.readOnly
              ? html`<button
                  type="button"
                  class="am-button"
                  data-action="toggle-tier"
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

  private renderMove(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    if (this.isOwn) {
      return html`<section part="section" aria-labelledby="move-heading">
        <h3 id="move-heading">${t('moveHeading')}</h3>
        <p class="muted">${t('ownAccountMove')}</p>
      </section>`;
    }
    return html`<section part="section move" aria-labelledby="move-heading">
      <h3 id="move-heading">${t('moveHeading')}</h3>
      ${this.parent ? html`<p>${t('currentParent')}: <strong>${this.parent.name}</strong></p>` : nothing}
      ${
        this.readOnly
          ? nothing
          : html`<div class="row">
              <button
                type="button"
                class="am-button"
                data-action="move-toggle"
                aria-expanded=${this.moveOpen ? 'true' : 'false'}
                aria-controls="move-panel"
                ?disabled=${!!this.busy}
                @click=${() => (this.moveOpen ? this.closeMove() : this.openMove(a))}
              >
                ${this.moveOpen ? t('moveCancel') : t('moveTo')}
              </button>
            </div>`
      }
      ${this.moveOpen && !this.readOnly ? this.renderMovePanel(a) : nothing}
    </section>`;
  }

  private renderMovePanel(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const results = this.moveResults;
    const v = this.verdict;
    const target = this.moveTarget;
    return html`<div id="move-panel" class="layout">
      <div class="am-field">
        <label class="am-label" for="move-search">${t('moveSearch')}</label>
        <input
          id="move-search"
          class="am-input"
          type="search"
          autocomplete="off"
          aria-describedby="move-search-hint"
          .value=${live(this.moveQuery)}
          @input=${(e: Event) => this.onMoveQuery((e.target as HTMLInputElement).value)}
        />
        <span class="am-hint" id="move-search-hint">${t('moveSearchHint')}</span>
      </div>
      <p class="am-hint" role="status">
        ${this.moveSearching ? t('moveSearching') : results && !results.length ? t('moveNoResults') : ''}
      </p>
      ${
        results?.length
          ? html`<fieldset class="results">
              <legend class="am-visually-hidden">${t('moveResults')}</legend>
              ${results.map(
                (s) =>
                  html`<label>
                    <input
                      type="radio"
                      name="move-target"
                      .checked=${live(target?.id === s.id)}
                      @change=${() => this.pickTarget(s)}
                    />
                    <span>${s.name}</span>
                    ${s.realm ? html`<span class="am-hint">${s.realm}</span>` : nothing}
                  </label>`,
              )}
            </fieldset>`
          : nothing
      }
      ${target && v ? this.renderVerdict(target, v) : nothing}
      ${
        target
          ? html`<div class="row">
              <button
                type="button"
                class="am-button"
                data-variant="primary"
                data-action="move"
                ?disabled=${v?.kind !== 'ok' || !!this.busy}
                @click=${() => this.onMove(a)}
              >
                ${t('moveButton')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderVerdict(target: AccountSummary, v: MoveVerdict): TemplateResult {
    const t = this.l.t.bind(this.l);
    let text: string;
    let detail: string | undefined;
    switch (v.kind) {
      case 'checking':
        text = t('moveChecking', { name: target.name });
        break;
      case 'ok':
        text = t('moveOk', { name: target.name });
        break;
      case 'self':
        text = t('moveSelf');
        break;
      case 'same-parent':
        text = t('moveSameParent', { name: target.name });
        break;
      case 'cross-reseller':
        text = v.targetIsReseller
          ? t('moveTargetReseller', { target: target.name })
          : v.reseller
            ? t('moveCrossReseller', { target: target.name, reseller: v.reseller })
            : t('moveCrossResellerUnnamed', { target: target.name });
        break;
      default:
        text = t('moveForbidden');
        detail = v.reason ? t('moveForbiddenDetail', { reason: v.reason }) : undefined;
    }
    const ok = v.kind === 'ok' ? 'true' : v.kind === 'checking' ? nothing : 'false';
    return html`<div
      class="verdict"
      data-verdict=${v.kind}
      data-ok=${ok}
      role=${v.kind === 'checking' || v.kind === 'ok' ? 'status' : 'alert'}
    >
      <p>${text}</p>
      ${detail ? html`<p class="am-hint">${detail}</p>` : nothing}
    </div>`;
  }

  private renderDelete(a: Account): TemplateResult {
    const t = this.l.t.bind(this.l);
    const children = this.childrenOf?.id === a.id ? this.childrenOf : undefined;
    let body: unknown;
    if (this.isOwn) body = html`<p class="muted">${t('ownAccountDelete')}</p>`;
    else if (children) {
      body = html`<p class="note" role="alert" data-has-children>
          ${children.count ? t('hasChildrenCount', { count: children.count }) : t('hasChildren')}
        </p>
        <div class="row">
          <button
            type="button"
            class="am-button"
            data-action="show-children"
            @click=${() => this.emit('account-show-children', { accountId: a.id })}
          >
            ${t('showChildren')}
          </button>
        </div>`;
    } else if (this.readOnly) body = nothing;
    else {
      body = html`<p class="muted">${t('deleteHelp')}</p>
        <div class="row">
          <button
            type="button"
            class="am-button"
            data-variant="danger"
            data-action="delete"
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

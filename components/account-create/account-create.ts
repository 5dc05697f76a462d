import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { AccountApi } from '../../src/api/api.js';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { Account, AccountInput } from '../../src/api/model.js';
import type { AccountStore } from '../../src/data/store.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { LocalizeController, registerTranslations } from '../../src/base/localize.js';
import { renderErrorPanel, renderSkeleton } from '../../src/base/primitives.js';
import { StatusController } from '../../src/base/status.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { setPath } from '../../src/base/merge.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { skeletonStyles } from '../../src/base/skeleton.styles.js';
import { statusStyles } from '../../src/base/status.styles.js';
import { confirmDialogStyles } from '../../src/base/confirm-dialog.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-create.styles.js';
import { DefaultsController } from './defaults-controller.js';
import {
  DEFAULT_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  generatePassword,
  generateRealm,
  passwordStrength,
} from '../../src/base/random.js';
import {
  LANGUAGES,
  STEPS,
  accountInput,
  adminInput,
  initialValues,
  isEmailTaken,
  limitsChanges,
  newAdmin,
  parseCredit,
  realmProblem,
  serverFieldErrors,
  stepOf,
  validateStep,
  type AdminDraft,
  type FieldErrors,
  type StepId,
  type WizardDefaults,
  type WizardRules,
  type WizardValues,
} from './wizard.js';

export type { StepId, WizardValues } from './wizard.js';

/** A step that failed after the account was created. */
export interface AccountCreateFailure {
  step: 'admin' | 'plans' | 'limits' | 'credit' | 'apps';
  /** The step in words, e.g. "Admin jane@acme.example" or "Limits". */
  name: string;
  /** What went wrong, in words: "Admin jane@acme.example: e-mail already used". */
  message: string;
  error: AccountApiError;
}

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account exists and the wizard is done; `failures` lists steps the user chose to leave failed. */
    'account-created': { account: Account; failures: AccountCreateFailure[] };
    /** The user left the wizard without creating an account. */
    'account-create-cancel': { parentId: string | undefined };
  }
}

const en = {
  title: 'New account',
  under: 'Under {parent}',
  stepsLabel: 'Steps',
  stepOf: 'Step {n} of {total}: {step}',
  'step.general': 'Name and realm',
  'step.contacts': 'Contacts',
  'step.admins': 'Admins',
  'step.plans': 'Service plans',
  'step.limits': 'Limits and calls',
  'step.credit': 'Initial credit',
  'step.apps': 'Apps',
  'step.review': 'Review',
  stepDone: '(completed)',
  back: 'Back',
  next: 'Next',
  create: 'Create account',
  creating: 'Creating…',
  loadFailed: "Could not load the parent account's settings",

  name: 'Account name',
  realm: 'Realm',
  realmHintGenerated: 'Generated under {suffix}; you may type another. Phones register and users sign in with it.',
  realmHintOptional: 'Optional: leave it empty and the platform chooses one.',
  regenerate: 'Generate another realm',
  realmChecking: 'Checking that the realm is free…',
  realmFree: 'This realm is free.',
  realmCheckFailed: 'The realm could not be checked now; the server checks it when the account is created.',
  timezone: 'Time zone',
  timezoneHint: 'Type to search, for example “new york” or “paris”.',
  timezoneNoMatch: 'No time zone matches.',
  timezoneMore: '{count, plural, one {# more: keep typing.} other {# more: keep typing.}}',
  language: 'Language',
  languageDefault: 'Platform default',

  contactsHint: 'Optional. Empty fields are not saved.',
  technical: 'Technical contact',
  billing: 'Billing contact',
  contactName: 'Name',
  email: 'E-mail',
  phone: 'Phone',
  street: 'Street address',
  streetExtra: 'Address line 2',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',

  adminsIntro: 'Admins manage the new account and sign in with their e-mail address.',
  adminLegend: 'Admin {n}',
  firstName: 'First name',
  lastName: 'Last name',
  password: 'Password',
  passwordHint: 'At least {min} characters.',
  showPassword: 'Show password',
  generate: 'Generate a password',
  copy: 'Copy password',
  copied: 'Password copied to the clipboard.',
  copyFailed: 'Could not copy. Select the password and copy it by hand.',
  strength: 'Strength: {level}',
  'strength.weak': 'weak',
  'strength.fair': 'fair',
  'strength.strong': 'strong',
  'strength.very-strong': 'very strong',
  sendEmail: 'E-mail the credentials to this admin',
  addAdmin: 'Add an admin',
  removeAdmin: 'Remove admin {n}',
  noAdmins: 'With no admin, nobody can sign in to the new account until one is added later.',

  plansIntro: 'Plans your reseller offers. Choose any number, or none.',
  plansNone: 'Your reseller offers no service plans, so there is nothing to choose here.',
  plansForbidden: "You don't have permission to see the service plans; the account is created without one.",

  trunks: 'Trunks',
  twowayTrunks: 'Two-way trunks',
  inboundTrunks: 'Inbound trunks',
  outboundTrunks: 'Outbound trunks',
  trunksHint: 'Whole numbers, 0 or more. Empty: no limit set. Starting values come from {parent}.',
  allowPerMinute: 'Allow per-minute calls',
  limitsForbidden: 'Only the reseller of the new account can set its trunk limits.',
  callClasses: 'Calls allowed',
  callClassesNone: 'No call types are defined for this parent.',

  credit: 'Initial credit',
  creditHint: 'Optional, for example 25.00.',
  creditForbidden: 'Only a reseller can add credit to an account, so there is nothing to set here.',

  appsLegend: 'Apps the new account may use',
  appsAll: "All of the parent's apps",
  appsOnly: 'Only these…',
  appsUnavailable:
    "The parent's apps cannot be listed here, so the new account gets all of them. You can restrict them once it exists.",
  appsNone: 'No apps are available.',

  editStep: 'Edit {step}',
  edit: 'Edit',
  none: 'None',
  platformRealm: 'Chosen by the platform',
  showPasswords: 'Show passwords',
  credentialsEmailed: 'credentials e-mailed',
  allowed: 'Allowed',
  denied: 'Denied',
  yes: 'Yes',
  no: 'No',

  progress: 'Progress',
  'task.account': 'Account {name}',
  'task.admin': 'Admin {email}',
  'task.plans': 'Service plans',
  'task.limits': 'Limits',
  'task.credit': 'Initial credit',
  'task.apps': 'Apps',
  'status.pending': 'waiting',
  'status.running': 'working…',
  'status.done': 'done',
  failure: '{task}: {reason}',
  'reason.emailTaken': 'e-mail already used',
  'reason.forbidden': "you don't have permission",
  'reason.charges': 'charges declined',
  'reason.validation': 'some values were refused',
  retryTask: 'Retry {task}',
  retry: 'Retry',
  retryFailed: 'Retry failed steps',
  finishAnyway: 'Finish anyway',
  fixEmail: 'New e-mail for {email}',
  partialTitle: 'The account was created, but some steps failed',
  partialHelp: 'Retry a step, or finish anyway and fix it later. Nothing that succeeded is done again.',
  accountFailed: 'The account was not created: {reason}',

  doneTitle: '{name} was created.',
  doneFailures: 'These steps did not succeed:',
  createAnother: 'Create another account',

  discardTitle: 'Discard this new account?',
  discardMessage: 'What you entered will be lost.',
  discard: 'Discard',
  finishTitle: 'Finish with failed steps?',
  finishMessage: 'The account exists; the failed steps can be done later from its settings.',

  'err.required': 'Required.',
  'err.nameLength': 'At most 128 characters.',
  'err.realmLength': 'A realm has 4 to 253 characters.',
  'err.realmFormat': 'Use only letters, digits, dots, hyphens and underscores.',
  'err.realmTaken': 'This realm is already used by another account.',
  'err.timezone': 'Choose a time zone from the list.',
  'err.email': 'Enter an e-mail address such as name@example.com.',
  'err.emailDuplicate': 'Another admin in this wizard has this e-mail.',
  'err.emailTaken': 'This e-mail is already used.',
  'err.taken': 'This value is already used.',
  'err.refused': 'The server did not accept this value.',
  'err.phone': 'Use digits, spaces and + ( ) - . only.',
  'err.passwordLength': 'At least 12 characters.',
  'err.trunks': 'A whole number, 0 or more.',
  'err.credit': 'Enter an amount of 0 or more, such as 25.00.',
};

type Key = keyof typeof en;
/** The wizard's strings; every locale file holds every key. */
export type AccountCreateMessages = Record<Key, string>;

registerTranslations('account-create', {
  'en-US': en,
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

type TaskKind = AccountCreateFailure['step'];
interface Task {
  kind: TaskKind;
  adminKey?: number;
  status: 'pending' | 'running' | 'done' | 'failed';
  error?: AccountApiError;
}
type Phase = 'editing' | 'submitting' | 'partial' | 'done';
/** Failures after which the server may still have done the work. */
const AMBIGUOUS = new Set(['network', 'timeout', 'server']);
type RealmState = 'checking' | 'free' | 'taken' | 'failed';

const LANGUAGE_NAMES: Record<string, string> = {
  'en-US': 'English (United States)',
  'fr-FR': 'Français (France)',
  'de-DE': 'Deutsch (Deutschland)',
  'es-ES': 'Español (España)',
  'ru-RU': 'Русский (Россия)',
};

const MAX_ZONES_SHOWN = 50;
let zoneList: string[] | undefined;
/** Every IANA zone the browser knows, plus UTC (Chromium lists only the Etc names). */
function allZones(): string[] {
  if (!zoneList) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      // Older engines: the user's own zone and UTC still work.
    }
    zoneList = [...new Set(['UTC', ...zones])].sort();
  }
  return zoneList;
}
const zoneWords = (z: string) => z.toLowerCase().replace(/[_/]/g, ' ');
const offsets = new Map<string, string>();
function zoneOffset(zone: string): string {
  let o = offsets.get(zone);
  if (o === undefined) {
    try {
      o =
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
          .formatToParts(new Date())
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      o = '';
    }
    offsets.set(zone, o);
  }
  return o;
}

/**
 * A wizard that creates an account under a parent: name, realm (generated from the reseller's suffix or typed,
 * checked for format and uniqueness), time zone, language, contacts, admins with generated or typed passwords,
 * service plans, trunk limits and allowed calls, initial credit, apps, then a review with "Edit" links.
 *
 * Submitting creates the account first, then the admins, plans, limits, credit and apps in parallel. A step
 * that fails is named with its reason and its own Retry, which never creates anything twice. Works inline, or
 * as a modal dialog with `show()` / `close()`; leaving with unsaved input asks first.
 *
 * @summary The new-account wizard.
 * @tag account-create
 *
 * @csspart modal - The native `<dialog>` around the wizard after `show()`.
 * @csspart base - The wizard's frame.
 * @csspart header - Title and parent name.
 * @csspart steps - The step list (`<nav>`).
 * @csspart step - One entry of the step list; the current one has `aria-current="step"`.
 * @csspart panel - The current step's content.
 * @csspart actions - Back, Next, Create, Cancel.
 * @csspart progress - The list of creation steps and their state while submitting or after a failure.
 * @csspart review - The summary on the last step.
 * @csspart done - What shows once the account is created.
 * @csspart error - Loading the parent's settings failed.
 * @csspart skeleton - Placeholder while the parent's settings load.
 * @csspart status - Live region (copy to clipboard, creation result).
 * @csspart dialog - The confirm dialog (discard input, finish with failures).
 *
 * @cssproperty --am-account-create-max-width - Widest the wizard grows (default `60rem`).
 * @cssproperty --am-account-create-steps-width - Width of the step list beside the panel (default `14rem`).
 * @cssproperty --am-account-create-background - Wizard background (default `--am-color-surface`).
 * @cssproperty --am-account-create-border-color - Frame and separators (default `--am-color-border`).
 * @cssproperty --am-account-create-step-current-color - Marker of the current step (default `--am-color-accent`).
 * @cssproperty --am-account-create-step-done-color - Marker of a completed step (default `--am-color-success-text`).
 *
 * @event account-created - The account exists and the wizard is done. `detail: { account, failures }`.
 * @event account-create-cancel - The user left without creating an account. `detail: { parentId }`.
 */
export class AccountCreate extends AmElement {
  static override styles = [
    tokens,
    controlStyles,
    errorPanelStyles,
    skeletonStyles,
    statusStyles,
    confirmDialogStyles,
    styles,
  ];

  /** The account the new one is created under (default: the provider's acting account). */
  @property({ attribute: 'parent-id' }) parentId?: string;

  /**
   * The reseller's realm suffix (`sip.reseller.example`): when set, the realm is generated as
   * `<7 random characters>.<suffix>` and required; otherwise it is optional and the platform picks one.
   */
  @property({ attribute: 'realm-suffix' }) realmSuffix?: string;

  /** Length of generated passwords (at least 12, default 16). */
  @property({ type: Number, attribute: 'password-length' }) passwordLength = DEFAULT_PASSWORD_LENGTH;

  /** The wizard lives in a modal dialog, hidden until `show()`. `show()` sets it. */
  @property({ type: Boolean, reflect: true }) modal = false;

  /** A backend of its own instead of the provider's. */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides single labels, by key (`{ create: 'Add customer' }`). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  @state() private values?: WizardValues;
  @state() private stepIndex = 0;
  @state() private reached = 0;
  @state() private errors: FieldErrors = {};
  @state() private realmStatus?: { realm: string; state: RealmState };
  @state() private tzQuery?: string;
  @state() private tzOpen = false;
  @state() private tzActive = -1;
  @state() private revealed = new Set<number>();
  @state() private revealAll = false;
  @state() private phase: Phase = 'editing';
  @state() private created?: Account;
  @state() private tasks: Task[] = [];
  @state() private accountError?: AccountApiError;
  @state() private finalFailures: AccountCreateFailure[] = [];
  @state() private isOpen = false;

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<Key>(this, { namespace: 'account-create', locale: () => this.am.locale });
  private readonly status = new StatusController(this);
  private readonly confirmer = new ConfirmController(this);
  private readonly defaults = new DefaultsController(
    this,
    { store: () => this.am.store, parentId: () => this.am.accountId, active: () => !this.modal || this.isOpen },
    (d) => {
      this.start(d);
      // A dialog opened before the parent loaded had nothing to focus but its close button.
      if (this.isOpen) void this.updateComplete.then(() => this.focusFirstField());
    },
  );
  private readonly dialog = createRef<HTMLDialogElement>();
  private initial = '';
  private adminKeys = 0;
  private realmTimer?: ReturnType<typeof setTimeout>;
  private realmCheck?: Promise<RealmState | undefined>;
  private inflight?: Promise<boolean>;
  private closing = false;
  private guarded = false;
  private zones?: { own: string; set: Set<string> };

  /**
   * Read by the context controller: the parent is the account this element is bound to.
   * @internal
   */
  get accountId(): string | undefined {
    return this.parentId;
  }

  /** Whether the user entered anything not yet created. */
  get dirty(): boolean {
    return !!this.values && JSON.stringify(this.values) !== this.initial;
  }

  /** Whether the wizard is shown as a modal dialog. */
  get open(): boolean {
    return this.isOpen;
  }

  /** The step on screen. */
  get step(): StepId {
    return STEPS[this.stepIndex]!;
  }

  private get store(): AccountStore | undefined {
    return this.am.store;
  }

  private get rules(): WizardRules {
    const session = this.am.session;
    const d = this.defaults.value;
    const own = d?.parent.timezone ?? '';
    // The parent's zone may be an alias the browser does not list; it stays valid.
    if (this.zones?.own !== own) this.zones = { own, set: new Set(own ? [...allZones(), own] : allZones()) };
    const zones = this.zones.set;
    return {
      realmRequired: !!this.realmSuffix?.trim(),
      timezones: zones,
      canSetLimits: !!session && (session.isSuperduper || (!!d?.resellerId && d.resellerId === session.accountId)),
      canCredit: !!session && (session.isReseller || session.isSuperduper),
      locale: this.l.locale,
    };
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.l.t(key as Key, params);
  }

  // ---- public methods

  /** Opens the wizard as a modal dialog (a finished wizard starts over). */
  async show(): Promise<void> {
    if (!this.isConnected) return;
    if (this.phase === 'done') this.reset();
    this.modal = true;
    this.isOpen = true;
    await this.updateComplete;
    const d = this.dialog.value;
    if (d && !d.open) d.showModal();
    this.focusFirstField();
  }

  /** Closes the dialog without asking (the host decides); the input stays for the next `show()`. */
  close(): void {
    if (!this.isConnected || !this.isOpen) return;
    this.closing = true;
    this.dialog.value?.close();
    this.closing = false;
    this.isOpen = false;
  }

  /** Starts over with the parent's defaults (nothing is asked). */
  reset(): void {
    if (this.defaults.value) this.start(this.defaults.value);
  }

  /**
   * Validates every step and creates the account, then everything else; after a partial failure, retries the
   * failed steps. Resolves `true` once everything succeeded. One submission at a time.
   */
  submit(): Promise<boolean> {
    if (!this.isConnected || !this.values || !this.store) return Promise.resolve(false);
    this.inflight ??= this.run().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  // ---- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page with unsaved input: the next update puts the unload guard back.
    if (this.values) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.realmTimer);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.guarded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A suffix given after the defaults loaded still fills an untouched realm.
    if (changed.has('realmSuffix') && this.values && !this.dirty && this.phase === 'editing') {
      const suffix = this.realmSuffix?.trim();
      this.values = { ...this.values, realm: suffix ? generateRealm(suffix) : '' };
      this.initial = JSON.stringify(this.values);
    }
  }

  protected override updated(): void {
    const guard = (this.dirty && this.phase === 'editing') || this.phase === 'submitting' || this.phase === 'partial';
    if (guard !== this.guarded) {
      this.guarded = guard;
      if (guard) window.addEventListener('beforeunload', this.onBeforeUnload);
      else window.removeEventListener('beforeunload', this.onBeforeUnload);
    }
    const d = this.defaults;
    this.setCustomState('loading', d.state === 'loading');
    this.setCustomState('error', d.state === 'error');
    this.setCustomState('submitting', this.phase === 'submitting');
    this.setCustomState('partial', this.phase === 'partial');
    this.setCustomState('done', this.phase === 'done');
    this.setCustomState('dirty', this.dirty);
    this.setCustomState('open', this.isOpen);
  }

  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    event.returnValue = '';
  };

  /** Fresh values from the parent's defaults. */
  private start(d: WizardDefaults): void {
    const suffix = this.realmSuffix?.trim();
    const zones = allZones();
    let tz = d.parent.timezone;
    if (!tz) {
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      tz = zones.includes(own) ? own : 'UTC';
    }
    this.adminKeys = 0;
    this.values = initialValues(d, suffix ? generateRealm(suffix) : '', tz, this.blankAdmin());
    this.initial = JSON.stringify(this.values);
    this.stepIndex = this.reached = 0;
    this.errors = {};
    this.realmStatus = undefined;
    this.tzQuery = undefined;
    this.tzOpen = false;
    this.revealed = new Set();
    this.revealAll = false;
    this.phase = 'editing';
    this.created = undefined;
    this.tasks = [];
    this.accountError = undefined;
    this.finalFailures = [];
  }

  private blankAdmin(): AdminDraft {
    return newAdmin(++this.adminKeys, generatePassword(this.passwordLength));
  }

  // ---- editing

  private set(path: string, value: unknown): void {
    if (!this.values || this.phase !== 'editing') return;
    this.values = setPath(this.values, path, value);
    this.clearError(path);
  }

  private clearError(path: string): void {
    if (!(path in this.errors)) return;
    const { [path]: _gone, ...rest } = this.errors;
    this.errors = rest;
  }

  /** Adds or removes one id of a list field, from the values at event time (clicks can outrun renders). */
  private toggle(field: 'plans' | 'apps', id: string, on: boolean): void {
    const list = this.values?.[field] ?? [];
    this.set(field, on ? [...new Set([...list, id])] : list.filter((x) => x !== id));
  }

  private setAdmin(key: number, field: keyof AdminDraft, value: unknown): void {
    if (!this.values) return;
    // After the account exists only a failed admin's e-mail can change (to retry it).
    if (this.phase !== 'editing' && !(this.phase === 'partial' && field === 'email')) return;
    this.values = {
      ...this.values,
      admins: this.values.admins.map((a) => (a.key === key ? { ...a, [field]: value } : a)),
    };
    this.clearError(`admins.${key}.${field}`);
  }

  private onRealmInput(value: string): void {
    this.set('realm', value);
    clearTimeout(this.realmTimer);
    this.realmTimer = setTimeout(() => void this.checkRealm(), 400);
  }

  private regenerateRealm(): void {
    const suffix = this.realmSuffix?.trim();
    if (suffix) this.onRealmInput(generateRealm(suffix));
  }

  /** Searches the server for an account with exactly this realm; the result shows on the field. */
  private checkRealm(): Promise<RealmState | undefined> {
    const store = this.store;
    const realm = this.values?.realm.trim().toLowerCase() ?? '';
    if (!store || !realm || realmProblem(realm, false)) return Promise.resolve(undefined);
    const known = this.realmStatus;
    if (known?.realm === realm && known.state !== 'checking') return Promise.resolve(known.state);
    if (known?.realm === realm && this.realmCheck) return this.realmCheck;
    this.realmStatus = { realm, state: 'checking' };
    const check = store.searchAccounts(realm, { pageSize: 20 }).then(
      (page): RealmState => (page.items.some((a) => a.realm?.toLowerCase() === realm) ? 'taken' : 'free'),
      (): RealmState => 'failed',
    );
    this.realmCheck = check.then((state) => {
      if (this.realmStatus?.realm !== realm) return undefined;
      this.realmStatus = { realm, state };
      if (state === 'taken') this.errors = { ...this.errors, realm: 'err.realmTaken' };
      return state;
    });
    return this.realmCheck;
  }

  // ---- time zone combobox

  private zoneMatches(): string[] {
    const q = (this.tzQuery ?? '').trim();
    const zones = [...this.rules.timezones].sort();
    if (!q) return zones;
    const words = zoneWords(q).split(/\s+/).filter(Boolean);
    return zones.filter((z) => {
      const w = zoneWords(z);
      return words.every((x) => w.includes(x));
    });
  }

  private pickZone(zone: string): void {
    this.set('timezone', zone);
    this.tzQuery = undefined;
    this.tzOpen = false;
    this.tzActive = -1;
  }

  private onZoneKey(e: KeyboardEvent): void {
    const shown = this.zoneMatches().slice(0, MAX_ZONES_SHOWN);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.tzOpen) {
        this.tzOpen = true;
        this.tzActive = Math.max(0, shown.indexOf(this.values!.timezone));
        return;
      }
      const d = e.key === 'ArrowDown' ? 1 : -1;
      this.tzActive = Math.min(shown.length - 1, Math.max(0, this.tzActive + d));
    } else if (e.key === 'Enter' && this.tzOpen) {
      e.preventDefault();
      const z = shown[this.tzActive] ?? (shown.length === 1 ? shown[0] : undefined);
      if (z) this.pickZone(z);
    } else if (e.key === 'Escape' && this.tzOpen) {
      // Closes the list only, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      this.tzOpen = false;
      this.tzQuery = undefined;
    }
  }

  private onZoneBlur(): void {
    const q = this.tzQuery?.trim().toLowerCase();
    const exact = q ? [...this.rules.timezones].find((z) => z.toLowerCase() === q) : undefined;
    if (exact) this.pickZone(exact);
    else {
      this.tzQuery = undefined;
      this.tzOpen = false;
    }
  }

  // ---- navigation

  private async goTo(index: number): Promise<void> {
    if (!this.values || this.phase !== 'editing' || index === this.stepIndex) return;
    for (let i = this.stepIndex; i < index; i++) {
      if (!(await this.validateAt(i))) {
        if (i !== this.stepIndex) this.stepIndex = i;
        await this.focusFirstError();
        return;
      }
    }
    this.stepIndex = index;
    this.reached = Math.max(this.reached, index);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  private async validateAt(i: number): Promise<boolean> {
    const step = STEPS[i]!;
    const found = validateStep(step, this.values!, this.rules);
    if (step === 'general' && !found.realm && this.values!.realm.trim()) {
      if ((await this.checkRealm()) === 'taken') found.realm = 'err.realmTaken';
    }
    const kept = Object.fromEntries(Object.entries(this.errors).filter(([p]) => stepOf(p) !== step));
    this.errors = { ...kept, ...found };
    return Object.keys(found).length === 0;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private focusFirstField(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="panel"] input, [part~="panel"] button')?.focus();
  }

  // ---- leaving

  private async requestCancel(): Promise<void> {
    if (this.phase === 'submitting') return;
    if (this.phase === 'done') return this.close();
    if (this.phase === 'partial') {
      const ok = await this.confirmer.confirm({
        title: this.t('finishTitle'),
        message: this.t('finishMessage'),
        confirmLabel: this.t('finishAnyway'),
      });
      if (ok) this.finish();
      return;
    }
    if (this.dirty) {
      const ok = await this.confirmer.confirm({
        title: this.t('discardTitle'),
        message: this.t('discardMessage'),
        confirmLabel: this.t('discard'),
        danger: true,
      });
      if (!ok) return;
    }
    this.reset();
    this.close();
    this.emit('account-create-cancel', { parentId: this.am.accountId });
  }

  private onDialogCancel = (e: Event): void => {
    if (e.target !== this.dialog.value) return;
    e.preventDefault();
    void this.requestCancel();
  };

  private onDialogClose = (e: Event): void => {
    if (e.target !== this.dialog.value || this.closing || !this.isOpen) return;
    // The browser closed it anyway (an Escape it would not let us cancel): reopen and ask.
    this.dialog.value?.showModal();
    void this.requestCancel();
  };

  // ---- submission

  private async run(): Promise<boolean> {
    if (this.phase === 'partial') return this.runTasks(this.tasks.filter((t) => t.status === 'failed'));
    if (this.phase !== 'editing') return false;
    const review = STEPS.indexOf('review');
    for (let i = 0; i < review; i++) {
      if (!(await this.validateAt(i))) {
        this.stepIndex = i;
        await this.focusFirstError();
        return false;
      }
    }
    const store = this.store!;
    const parentId = this.am.accountId!;
    const values = this.values!;
    const input = accountInput(values);
    const unsure = this.accountError && AMBIGUOUS.has(this.accountError.kind);
    this.phase = 'submitting';
    this.accountError = undefined;
    try {
      // The last attempt may have reached the server before the answer was lost: never create it twice.
      this.created = (unsure && (await this.findCreated(store, parentId, input))) || undefined;
      this.created ??= await store.createAccount(parentId, input);
    } catch (e) {
      const err = toAccountApiError(e);
      this.phase = 'editing';
      const fields = err.kind === 'validation' ? serverFieldErrors(err) : {};
      const first = Object.keys(fields)[0];
      // Also told on the review step, in case a refused field is not one the wizard shows.
      this.accountError = err;
      if (first) {
        this.errors = { ...this.errors, ...fields };
        if (fields.realm) this.realmStatus = { realm: values.realm.trim().toLowerCase(), state: 'taken' };
        this.stepIndex = STEPS.indexOf(stepOf(first));
        await this.focusFirstError();
      }
      return false;
    }
    this.tasks = this.plannedTasks();
    return this.runTasks(this.tasks);
  }

  /** The account a lost answer created, found by its realm (unique) under this parent with this name. */
  private async findCreated(store: AccountStore, parentId: string, input: AccountInput): Promise<Account | undefined> {
    if (!input.realm) return undefined;
    const page = await store.searchAccounts(input.realm, { pageSize: 20, force: true });
    const hit = page.items.find((a) => a.realm?.toLowerCase() === input.realm && a.name === input.name);
    if (!hit) return undefined;
    const ancestors = await store.getAncestors(hit.id, { force: true });
    if (ancestors[ancestors.length - 1]?.id !== parentId) return undefined;
    // The store never saw this creation: listings of the parent ask again.
    store.invalidate(`children:${parentId}`);
    return store.getAccount(hit.id, { force: true });
  }

  private plannedTasks(): Task[] {
    const v = this.values!;
    const d = this.defaults.value!;
    const rules = this.rules;
    const tasks: Task[] = v.admins.map((a) => ({ kind: 'admin', adminKey: a.key, status: 'pending' }));
    const add = (kind: TaskKind) => tasks.push({ kind, status: 'pending' });
    if (v.plans.length && d.plans?.length) add('plans');
    if (rules.canSetLimits) add('limits');
    const credit = parseCredit(v.credit, rules.locale);
    if (rules.canCredit && credit && credit.units > 0) add('credit');
    if (v.appsMode === 'only' && d.apps) add('apps');
    return tasks;
  }

  private async runTasks(list: Task[]): Promise<boolean> {
    this.phase = 'submitting';
    await Promise.all(list.map((t) => this.runTask(t)));
    return this.settle();
  }

  private async runTask(task: Task): Promise<void> {
    const store = this.store;
    const id = this.created?.id;
    if (!store || !id || task.status === 'done' || task.status === 'running') return;
    task.status = 'running';
    task.error = undefined;
    this.tasks = [...this.tasks];
    try {
      await this.perform(store, id, task);
      task.status = 'done';
    } catch (e) {
      task.status = 'failed';
      task.error = toAccountApiError(e);
    }
    this.tasks = [...this.tasks];
  }

  private async perform(store: AccountStore, id: string, task: Task): Promise<void> {
    const v = this.values!;
    switch (task.kind) {
      case 'admin': {
        const admin = v.admins.find((a) => a.key === task.adminKey);
        if (admin) await store.createUser(id, adminInput(admin));
        return;
      }
      case 'plans':
        await store.setAccountServicePlans(id, v.plans);
        return;
      case 'limits': {
        // Written only where the choice differs from what the platform gave the new account.
        const changes = limitsChanges(v, await store.getLimits(id, { force: true }));
        if (changes) await store.updateLimits(id, changes);
        return;
      }
      case 'credit':
        await store.adjustBalance(id, { amount: parseCredit(v.credit, this.l.locale)!, direction: 'credit' });
        return;
      case 'apps':
        await store.setEnabledApps(id, v.apps);
        return;
    }
  }

  private settle(): boolean {
    if (this.tasks.some((t) => t.status === 'running')) return false;
    if (this.tasks.every((t) => t.status === 'done')) {
      this.finish();
      return true;
    }
    this.phase = 'partial';
    const failed = this.tasks.filter((t) => t.status === 'failed');
    void this.status.announce(failed.map((t) => this.failureText(t)).join(' '), { tone: 'error' });
    return false;
  }

  private retryTask(task: Task): void {
    if (this.phase !== 'partial' || task.status !== 'failed' || this.inflight) return;
    if (task.kind === 'admin' && !this.checkAdminEmail(task.adminKey!)) return;
    this.inflight = this.runTasks([task]).finally(() => (this.inflight = undefined));
  }

  private retryFailed(): void {
    const failed = this.tasks.filter((t) => t.status === 'failed');
    if (failed.some((t) => t.kind === 'admin' && !this.checkAdminEmail(t.adminKey!))) return;
    void this.submit();
  }

  private checkAdminEmail(key: number): boolean {
    const errs = validateStep('admins', this.values!, this.rules);
    const path = `admins.${key}.email`;
    if (!errs[path]) return true;
    this.errors = { ...this.errors, [path]: errs[path]! };
    return false;
  }

  private finish(): void {
    const account = this.created;
    if (!account) return;
    this.finalFailures = this.tasks
      .filter((t) => t.status !== 'done')
      .map((t) => ({
        step: t.kind,
        name: this.taskName(t),
        message: this.failureText(t),
        error: t.error ?? new AccountApiError({ kind: 'aborted', message: 'Not done.' }),
      }));
    this.phase = 'done';
    this.emit('account-created', { account, failures: this.finalFailures });
    void this.status.announce(this.t('doneTitle', { name: account.name }), { tone: 'success' });
  }

  private admin(key: number | undefined): AdminDraft | undefined {
    return this.values?.admins.find((a) => a.key === key);
  }

  private taskName(t: Task): string {
    if (t.kind === 'admin') return this.t('task.admin', { email: this.admin(t.adminKey)?.email.trim() ?? '' });
    return this.t(`task.${t.kind}`);
  }

  private reason(t: Task): string {
    const e = t.error;
    if (!e) return '';
    if (t.kind === 'admin' && isEmailTaken(e)) return this.t('reason.emailTaken');
    if (e.kind === 'forbidden') return this.t('reason.forbidden');
    if (e.kind === 'charges-required') return this.t('reason.charges');
    if (e.kind === 'validation') return this.t('reason.validation');
    return this.l.errorMessage(e);
  }

  private failureText(t: Task): string {
    return this.t('failure', { task: this.taskName(t), reason: this.reason(t) });
  }

  // ---- copy

  private async copy(password: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(password);
      void this.status.announce(this.t('copied'), { tone: 'success' });
    } catch {
      void this.status.announce(this.t('copyFailed'), { tone: 'error' });
    }
  }

  // ---- render

  protected override render(): unknown {
    if (!this.modal) return this.renderBase();
    return html`<dialog
      class="modal"
      part="modal"
      aria-labelledby="title"
      ${ref(this.dialog)}
      @cancel=${this.onDialogCancel}
      @close=${this.onDialogClose}
    >
      ${this.isOpen ? this.renderBase() : nothing}
    </dialog>`;
  }

  private renderBase(): TemplateResult {
    const d = this.defaults;
    const parent = d.value?.parent;
    return html`<div class="base" part="base">
      <header class="header" part="header">
        <div>
          <h2 class="title" id="title">${this.t('title')}</h2>
          ${
            parent
              ? html`<p class="parent">
                  ${this.t('under', { parent: '\u0001' })
                    .split('\u0001')
                    .map((s, i) => (i ? html`<bdi>${parent.name}</bdi>${s}` : s))}
                </p>`
              : nothing
          }
        </div>
        ${
          this.modal
            ? html`<button
                type="button"
                class="am-button close"
                aria-label=${this.l.t('close')}
                @click=${() => this.requestCancel()}
              >
                <span aria-hidden="true">×</span>
              </button>`
            : nothing
        }
      </header>
      ${
        d.state === 'loading'
          ? d.showSkeleton
            ? renderSkeleton(this.l, 6)
            : nothing
          : d.state === 'error'
            ? renderErrorPanel(d.error, this.l, { title: this.t('loadFailed'), onRetry: () => d.retry() })
            : this.values
              ? this.phase === 'done'
                ? this.renderDone()
                : this.renderWizard(this.values)
              : nothing
      }
      ${this.status.render(this.l)} ${this.confirmer.render(this.l)}
    </div>`;
  }

  private renderWizard(v: WizardValues): TemplateResult {
    const step = this.step;
    const locked = this.phase !== 'editing';
    return html`<div class="layout">
        <nav class="steps" part="steps" aria-label=${this.t('stepsLabel')}>
          <ol>
            ${STEPS.map((s, i) => {
              const current = i === this.stepIndex;
              const done = i < this.reached && !current;
              return html`<li part="step">
                <button
                  type="button"
                  class="step"
                  data-state=${current ? 'current' : done ? 'done' : 'todo'}
                  aria-current=${current ? 'step' : nothing}
                  ?disabled=${locked}
                  @click=${() => this.goTo(i)}
                >
                  <span class="marker" aria-hidden="true">${i + 1}</span>
                  <span>${this.t(`step.${s}`)}</span>
                  ${done ? html`<span class="am-visually-hidden">${this.t('stepDone')}</span>` : nothing}
                </button>
              </li>`;
            })}
          </ol>
        </nav>
        <form
          class="panel"
          part="panel"
          novalidate
          aria-labelledby="step-heading"
          @submit=${(e: Event) => {
            e.preventDefault();
            if (step === 'review') void this.submit();
            else void this.goTo(this.stepIndex + 1);
          }}
        >
          <h3 class="step-heading" id="step-heading" tabindex="-1">
            ${this.t('stepOf', { n: this.stepIndex + 1, total: STEPS.length, step: this.t(`step.${step}`) })}
          </h3>
          ${this.renderStep(step, v)}
          <button type="submit" hidden tabindex="-1" aria-hidden="true"></button>
        </form>
      </div>
      ${this.renderActions(step)}`;
  }

  private renderStep(step: StepId, v: WizardValues): unknown {
    switch (step) {
      case 'general':
        return this.renderGeneral(v);
      case 'contacts':
        return this.renderContacts(v);
      case 'admins':
        return this.renderAdmins(v);
      case 'plans':
        return this.renderPlans(v);
      case 'limits':
        return this.renderLimits(v);
      case 'credit':
        return this.renderCredit(v);
      case 'apps':
        return this.renderApps(v);
      default:
        return this.renderReview(v);
    }
  }

  private renderActions(step: StepId): TemplateResult {
    const p = this.phase;
    const first = this.stepIndex === 0;
    return html`<div class="actions" part="actions">
      ${
        p === 'partial'
          ? html`<button type="button" class="am-button" @click=${() => this.finish()}>
                ${this.t('finishAnyway')}
              </button>
              <span class="spacer"></span>
              <button type="button" class="am-button" data-variant="primary" @click=${() => this.retryFailed()}>
                ${this.t('retryFailed')}
              </button>`
          : html`<button
                type="button"
                class="am-button"
                ?disabled=${p !== 'editing'}
                @click=${() => this.requestCancel()}
              >
                ${this.l.t('cancel')}
              </button>
              <span class="spacer"></span>
              <button
                type="button"
                class="am-button"
                ?disabled=${first || p !== 'editing'}
                @click=${() => this.goTo(this.stepIndex - 1)}
              >
                ${this.t('back')}
              </button>
              ${
                step === 'review'
                  ? html`<button
                      type="button"
                      class="am-button"
                      data-variant="primary"
                      ?disabled=${p !== 'editing'}
                      @click=${() => this.submit()}
                    >
                      ${p === 'submitting' ? this.t('creating') : this.t('create')}
                    </button>`
                  : html`<button
                      type="button"
                      class="am-button"
                      data-variant="primary"
                      ?disabled=${p !== 'editing'}
                      @click=${() => this.goTo(this.stepIndex + 1)}
                    >
                      ${this.t('next')}
                    </button>`
              }`
      }
    </div>`;
  }

  // ---- fields

  private fieldId(path: string): string {
    return `f-${path.replace(/\./g, '-')}`;
  }

  private describedBy(id: string, path: string, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${id}-hint` : '', this.errors[path] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderError(path: string): unknown {
    const err = this.errors[path];
    return err ? html`<p class="am-field-error" id="${this.fieldId(path)}-error">${this.t(err)}</p>` : nothing;
  }

  private textField(
    path: string,
    label: string,
    value: string,
    opts: {
      type?: string;
      autocomplete?: string;
      required?: boolean;
      hint?: unknown;
      inputmode?: string;
      onInput?: (value: string) => void;
      extra?: unknown;
      wide?: boolean;
    } = {},
  ): TemplateResult {
    const id = this.fieldId(path);
    return html`<div class="am-field ${opts.wide ? 'wide' : ''}">
      <label class="am-label" for=${id}
        >${label}${opts.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label
      >
      <div class="control">
        <input
          id=${id}
          class="am-input"
          type=${opts.type ?? 'text'}
          name=${path}
          autocomplete=${opts.autocomplete ?? 'off'}
          inputmode=${opts.inputmode ?? nothing}
          aria-required=${opts.required ? 'true' : nothing}
          aria-invalid=${this.errors[path] ? 'true' : 'false'}
          aria-describedby=${this.describedBy(id, path, !!opts.hint)}
          .value=${live(value)}
          @input=${(e: Event) => {
            const next = (e.target as HTMLInputElement).value;
            if (opts.onInput) opts.onInput(next);
            else this.set(path, next);
          }}
        />
        ${opts.extra ?? nothing}
      </div>
      ${opts.hint ? html`<span class="am-hint" id="${id}-hint">${opts.hint}</span>` : nothing} ${this.renderError(path)}
    </div>`;
  }

  private checkbox(label: unknown, checked: boolean, onChange: (on: boolean) => void, hint?: string): TemplateResult {
    return html`<label class="check">
      <input
        type="checkbox"
        .checked=${live(checked)}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
      />
      <span>${label}${hint ? html`<span class="am-hint block">${hint}</span>` : nothing}</span>
    </label>`;
  }

  // ---- steps

  private renderGeneral(v: WizardValues): TemplateResult {
    const suffix = this.realmSuffix?.trim();
    const rs = this.realmStatus;
    const sameRealm = rs?.realm === v.realm.trim().toLowerCase();
    const realmNote =
      sameRealm && rs.state === 'checking'
        ? this.t('realmChecking')
        : sameRealm && rs.state === 'free'
          ? this.t('realmFree')
          : sameRealm && rs.state === 'failed'
            ? this.t('realmCheckFailed')
            : '';
    return html`<div class="grid">
      ${this.textField('name', this.t('name'), v.name, { required: true, autocomplete: 'organization' })}
      ${this.textField('realm', this.t('realm'), v.realm, {
        required: !!suffix,
        wide: true,
        hint: html`${suffix ? this.t('realmHintGenerated', { suffix }) : this.t('realmHintOptional')}
          <span role="status" class="realm-status">${realmNote}</span>`,
        onInput: (x) => this.onRealmInput(x),
        extra: suffix
          ? html`<button type="button" class="am-button" @click=${() => this.regenerateRealm()}>
              ${this.t('regenerate')}
            </button>`
          : nothing,
      })}
      ${this.renderZone(v)}
      <div class="am-field">
        <label class="am-label" for="f-language">${this.t('language')}</label>
        <select
          id="f-language"
          class="am-input"
          aria-invalid=${this.errors.language ? 'true' : 'false'}
          @change=${(e: Event) => this.set('language', (e.target as HTMLSelectElement).value)}
        >
          ${LANGUAGES.map(
            (code) =>
              html`<option value=${code} ?selected=${code === v.language} lang=${code || nothing}>
                ${code ? LANGUAGE_NAMES[code] : this.t('languageDefault')}
              </option>`,
          )}
        </select>
        ${this.renderError('language')}
      </div>
    </div>`;
  }

  private renderZone(v: WizardValues): TemplateResult {
    const open = this.tzOpen;
    const matches = open ? this.zoneMatches() : [];
    const shown = matches.slice(0, MAX_ZONES_SHOWN);
    const active = open && this.tzActive >= 0 && this.tzActive < shown.length ? this.tzActive : -1;
    const id = 'f-timezone';
    return html`<div class="am-field combo">
      <label class="am-label" id="${id}-label" for=${id}>${this.t('timezone')}<span aria-hidden="true"> *</span></label>
      <input
        id=${id}
        class="am-input"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-required="true"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="${id}-list"
        aria-activedescendant=${active >= 0 ? `${id}-opt-${active}` : nothing}
        aria-invalid=${this.errors.timezone ? 'true' : 'false'}
        aria-describedby=${this.describedBy(id, 'timezone', true)}
        .value=${live(this.tzQuery ?? v.timezone)}
        @input=${(e: Event) => {
          this.tzQuery = (e.target as HTMLInputElement).value;
          this.tzOpen = true;
          this.tzActive = 0;
        }}
        @keydown=${(e: KeyboardEvent) => this.onZoneKey(e)}
        @blur=${() => this.onZoneBlur()}
        @click=${() => (this.tzOpen = !this.tzOpen)}
      />
      <ul id="${id}-list" class="listbox" role="listbox" aria-labelledby="${id}-label" ?hidden=${!open}>
        ${
          open
            ? shown.map(
                (z, i) =>
                  html`<li
                    id="${id}-opt-${i}"
                    role="option"
                    class="option"
                    aria-selected=${z === v.timezone ? 'true' : 'false'}
                    data-active=${i === active ? 'true' : nothing}
                    @mousedown=${(e: Event) => {
                      e.preventDefault();
                      this.pickZone(z);
                    }}
                  >
                    <span>${z}</span> <span class="am-hint">${zoneOffset(z)}</span>
                  </li>`,
              )
            : nothing
        }
      </ul>
      ${open && !shown.length ? html`<p class="am-hint" role="status">${this.t('timezoneNoMatch')}</p>` : nothing}
      ${
        open && matches.length > shown.length
          ? html`<p class="am-hint">${this.t('timezoneMore', { count: matches.length - shown.length })}</p>`
          : nothing
      }
      <span class="am-hint" id="${id}-hint">${this.t('timezoneHint')}</span> ${this.renderError('timezone')}
    </div>`;
  }

  private renderContacts(v: WizardValues): TemplateResult {
    const c = (prefix: 'technical' | 'billing', field: string, label: string, autocomplete: string, type = 'text') =>
      this.textField(`${prefix}.${field}`, label, (v[prefix] as unknown as Record<string, string>)[field]!, {
        autocomplete: `section-${prefix} ${autocomplete}`,
        type,
      });
    return html`<p class="am-hint">${this.t('contactsHint')}</p>
      <fieldset class="group">
        <legend>${this.t('technical')}</legend>
        <div class="grid">
          ${c('technical', 'name', this.t('contactName'), 'name')}
          ${c('technical', 'email', this.t('email'), 'email', 'email')}
          ${c('technical', 'number', this.t('phone'), 'tel', 'tel')}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${this.t('billing')}</legend>
        <div class="grid">
          ${c('billing', 'name', this.t('contactName'), 'name')}
          ${c('billing', 'email', this.t('email'), 'email', 'email')}
          ${c('billing', 'number', this.t('phone'), 'tel', 'tel')}
          ${c('billing', 'streetAddress', this.t('street'), 'address-line1')}
          ${c('billing', 'streetAddressExtra', this.t('streetExtra'), 'address-line2')}
          ${c('billing', 'locality', this.t('city'), 'address-level2')}
          ${c('billing', 'region', this.t('region'), 'address-level1')}
          ${c('billing', 'postalCode', this.t('postalCode'), 'postal-code')}
          ${c('billing', 'country', this.t('country'), 'country')}
        </div>
      </fieldset>`;
  }

  private renderAdmins(v: WizardValues): TemplateResult {
    return html`<p class="am-hint">${this.t('adminsIntro')}</p>
      ${v.admins.map((a, i) => this.renderAdmin(a, i + 1))}
      ${v.admins.length ? nothing : html`<p class="warning" role="status">${this.t('noAdmins')}</p>`}
      <div>
        <button
          type="button"
          class="am-button"
          @click=${() => {
            this.values = { ...this.values!, admins: [...this.values!.admins, this.blankAdmin()] };
            void this.updateComplete.then(() =>
              this.renderRoot
                .querySelector<HTMLElement>(`#${this.fieldId(`admins.${this.adminKeys}.firstName`)}`)
                ?.focus(),
            );
          }}
        >
          ${this.t('addAdmin')}
        </button>
      </div>`;
  }

  private renderAdmin(a: AdminDraft, n: number): TemplateResult {
    const p = `admins.${a.key}`;
    const shown = this.revealed.has(a.key);
    const strength = passwordStrength(a.password);
    const pwId = this.fieldId(`${p}.password`);
    return html`<fieldset class="group admin">
      <legend>${this.t('adminLegend', { n })}</legend>
      <div class="grid">
        ${this.textField(`${p}.firstName`, this.t('firstName'), a.firstName, {
          required: true,
          onInput: (x) => this.setAdmin(a.key, 'firstName', x),
        })}
        ${this.textField(`${p}.lastName`, this.t('lastName'), a.lastName, {
          required: true,
          onInput: (x) => this.setAdmin(a.key, 'lastName', x),
        })}
        ${this.textField(`${p}.email`, this.t('email'), a.email, {
          required: true,
          type: 'email',
          onInput: (x) => this.setAdmin(a.key, 'email', x),
        })}
        ${this.textField(`${p}.password`, this.t('password'), a.password, {
          required: true,
          type: shown ? 'text' : 'password',
          autocomplete: 'new-password',
          wide: true,
          onInput: (x) => this.setAdmin(a.key, 'password', x),
          hint: html`${this.t('passwordHint', { min: MIN_PASSWORD_LENGTH })}
            <span class="strength" data-level=${strength}>
              ${this.t('strength', { level: this.t(`strength.${strength}`) })}
            </span>`,
          extra: html`<span class="buttons"
            ><button
              type="button"
              class="am-button"
              aria-pressed=${shown ? 'true' : 'false'}
              aria-controls=${pwId}
              @click=${() => {
                const next = new Set(this.revealed);
                if (shown) next.delete(a.key);
                else next.add(a.key);
                this.revealed = next;
              }}
            >
              ${this.t('showPassword')}
            </button>
            <button
              type="button"
              class="am-button"
              @click=${() => this.setAdmin(a.key, 'password', generatePassword(this.passwordLength))}
            >
              ${this.t('generate')}
            </button>
            <button type="button" class="am-button" @click=${() => this.copy(a.password)}>
              ${this.t('copy')}
            </button></span
          >`,
        })}
      </div>
      ${this.checkbox(this.t('sendEmail'), a.sendEmail, (on) => this.setAdmin(a.key, 'sendEmail', on))}
      <div>
        <button
          type="button"
          class="am-button"
          data-variant="link"
          @click=${() => {
            const v = this.values!;
            this.values = { ...v, admins: v.admins.filter((x) => x.key !== a.key) };
            for (const k of Object.keys(this.errors)) if (k.startsWith(`${p}.`)) this.clearError(k);
          }}
        >
          ${this.t('removeAdmin', { n })}
        </button>
      </div>
    </fieldset>`;
  }

  private renderPlans(v: WizardValues): TemplateResult {
    const plans = this.defaults.value?.plans;
    if (!plans) return html`<p class="note">${this.t('plansForbidden')}</p>`;
    if (!plans.length) return html`<p class="note">${this.t('plansNone')}</p>`;
    return html`<fieldset class="group">
      <legend>${this.t('step.plans')}</legend>
      <p class="am-hint">${this.t('plansIntro')}</p>
      <div class="checks">
        ${plans.map((plan) =>
          this.checkbox(
            plan.name,
            v.plans.includes(plan.id),
            (on) => this.toggle('plans', plan.id, on),
            plan.description,
          ),
        )}
      </div>
    </fieldset>`;
  }

  private renderLimits(v: WizardValues): TemplateResult {
    const d = this.defaults.value!;
    const classes = d.callClasses ?? [];
    const trunk = (f: 'twowayTrunks' | 'inboundTrunks' | 'outboundTrunks') =>
      this.textField(f, this.t(f), v[f], { inputmode: 'numeric' });
    return html`${
        this.rules.canSetLimits
          ? html`<fieldset class="group">
              <legend>${this.t('trunks')}</legend>
              <p class="am-hint">${this.t('trunksHint', { parent: d.parent.name })}</p>
              <div class="grid">${trunk('twowayTrunks')} ${trunk('inboundTrunks')} ${trunk('outboundTrunks')}</div>
              ${this.checkbox(this.t('allowPerMinute'), v.allowPerMinute, (on) => this.set('allowPerMinute', on))}
            </fieldset>`
          : html`<p class="note">${this.t('limitsForbidden')}</p>`
      }
      <fieldset class="group">
        <legend>${this.t('callClasses')}</legend>
        ${
          classes.length
            ? html`<div class="checks">
                ${classes.map((c) =>
                  this.checkbox(c.friendlyName, v.callClasses[c.name] ?? true, (on) =>
                    this.set(`callClasses.${c.name}`, on),
                  ),
                )}
              </div>`
            : html`<p class="note">${this.t('callClassesNone')}</p>`
        }
      </fieldset>`;
  }

  private renderCredit(v: WizardValues): TemplateResult {
    if (!this.rules.canCredit) return html`<p class="note">${this.t('creditForbidden')}</p>`;
    return this.textField('credit', this.t('credit'), v.credit, {
      inputmode: 'decimal',
      hint: this.t('creditHint'),
    });
  }

  private renderApps(v: WizardValues): TemplateResult {
    const apps = this.defaults.value?.apps?.filter((a) => a.enabled);
    if (!apps) return html`<p class="note">${this.t('appsUnavailable')}</p>`;
    const radio = (mode: 'all' | 'only', label: string) =>
      html`<label class="check">
        <input
          type="radio"
          name="apps-mode"
          .checked=${live(v.appsMode === mode)}
          @change=${() => this.set('appsMode', mode)}
        />
        <span>${label}</span>
      </label>`;
    return html`<fieldset class="group">
      <legend>${this.t('appsLegend')}</legend>
      ${radio('all', this.t('appsAll'))} ${radio('only', this.t('appsOnly'))}
      ${
        v.appsMode === 'only'
          ? apps.length
            ? html`<div class="checks nested" role="group" aria-label=${this.t('appsOnly')}>
                ${apps.map((app) =>
                  this.checkbox(
                    app.label ?? app.name,
                    v.apps.includes(app.id),
                    (on) => this.toggle('apps', app.id, on),
                    app.description,
                  ),
                )}
              </div>`
            : html`<p class="note">${this.t('appsNone')}</p>`
          : nothing
      }
    </fieldset>`;
  }

  // ---- review

  private renderReview(v: WizardValues): TemplateResult {
    const d = this.defaults.value!;
    const rules = this.rules;
    const none = this.t('none');
    const join = (...xs: (string | undefined)[]) =>
      xs
        .map((x) => x?.trim())
        .filter(Boolean)
        .join(' · ') || none;
    const section = (step: StepId, rows: [string, unknown][]) =>
      html`<section class="review-section" aria-labelledby="review-${step}">
        <div class="review-head">
          <h4 id="review-${step}">${this.t(`step.${step}`)}</h4>
          ${
            this.phase === 'editing'
              ? html`<button
                  type="button"
                  class="am-button"
                  data-variant="link"
                  aria-label=${this.t('editStep', { step: this.t(`step.${step}`) })}
                  @click=${() => this.goTo(STEPS.indexOf(step))}
                >
                  ${this.t('edit')}
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
    const credit = parseCredit(v.credit, rules.locale);
    const plans = (d.plans ?? []).filter((p) => v.plans.includes(p.id)).map((p) => p.name);
    const classes = d.callClasses ?? [];
    const apps = (d.apps ?? []).filter((a) => v.apps.includes(a.id)).map((a) => a.label ?? a.name);
    const trunk = (s: string) => s.trim() || none;
    return html`${this.renderProgress()}
      <div class="review" part="review">
        ${section('general', [
          [this.t('name'), v.name.trim()],
          [this.t('realm'), v.realm.trim() || this.t('platformRealm')],
          [this.t('timezone'), v.timezone],
          [this.t('language'), v.language ? LANGUAGE_NAMES[v.language] : this.t('languageDefault')],
        ])}
        ${section('contacts', [
          [this.t('technical'), join(v.technical.name, v.technical.email, v.technical.number)],
          [
            this.t('billing'),
            join(
              b.name,
              b.email,
              b.number,
              b.streetAddress,
              b.streetAddressExtra,
              b.postalCode,
              b.locality,
              b.region,
              b.country,
            ),
          ],
        ])}
        ${section('admins', [
          [
            this.t('step.admins'),
            v.admins.length
              ? html`<ul class="plain">
                    ${v.admins.map(
                      (a) =>
                        html`<li>
                          <bdi>${a.firstName.trim()} ${a.lastName.trim()}</bdi> · <bdi>${a.email.trim()}</bdi> ·
                          <span class="mono">${this.revealAll ? a.password : '•'.repeat(12)}</span>
                          ${a.sendEmail ? html` · ${this.t('credentialsEmailed')}` : nothing}
                        </li>`,
                    )}
                  </ul>
                  <button
                    type="button"
                    class="am-button"
                    aria-pressed=${this.revealAll ? 'true' : 'false'}
                    @click=${() => (this.revealAll = !this.revealAll)}
                  >
                    ${this.t('showPasswords')}
                  </button>`
              : this.t('noAdmins'),
          ],
        ])}
        ${section('plans', [[this.t('step.plans'), plans.join(', ') || none]])}
        ${section('limits', [
          ...(rules.canSetLimits
            ? ([
                [this.t('twowayTrunks'), trunk(v.twowayTrunks)],
                [this.t('inboundTrunks'), trunk(v.inboundTrunks)],
                [this.t('outboundTrunks'), trunk(v.outboundTrunks)],
                [this.t('allowPerMinute'), v.allowPerMinute ? this.t('yes') : this.t('no')],
              ] as [string, unknown][])
            : []),
          [
            this.t('allowed'),
            classes
              .filter((c) => v.callClasses[c.name] !== false)
              .map((c) => c.friendlyName)
              .join(', ') || none,
          ],
          [
            this.t('denied'),
            classes
              .filter((c) => v.callClasses[c.name] === false)
              .map((c) => c.friendlyName)
              .join(', ') || none,
          ],
        ])}
        ${section('credit', [[this.t('credit'), rules.canCredit && credit && credit.units > 0 ? this.l.money(credit) : none]])}
        ${section('apps', [[this.t('step.apps'), v.appsMode === 'only' && d.apps ? apps.join(', ') || none : this.t('appsAll')]])}
      </div>`;
  }

  private renderProgress(): unknown {
    if (this.accountError) {
      return html`<div class="am-error-panel" role="alert">
        <p>${this.t('accountFailed', { reason: this.l.errorMessage(this.accountError) })}</p>
      </div>`;
    }
    if (!this.created && this.phase !== 'submitting') return nothing;
    const account = this.created;
    const partial = this.phase === 'partial';
    return html`<section class="progress-box" aria-labelledby="progress-title">
      <h4 id="progress-title">${partial ? this.t('partialTitle') : this.t('progress')}</h4>
      ${partial ? html`<p class="am-hint">${this.t('partialHelp')}</p>` : nothing}
      <ul class="progress" part="progress">
        <li data-status=${account ? 'done' : 'running'}>
          ${this.t('task.account', { name: this.values?.name.trim() })}:
          ${this.t(account ? 'status.done' : 'status.running')}
        </li>
        ${this.tasks.map((t) => this.renderTask(t))}
      </ul>
    </section>`;
  }

  private renderTask(t: Task): TemplateResult {
    if (t.status !== 'failed') {
      return html`<li data-status=${t.status}>${this.taskName(t)}: ${this.t(`status.${t.status}`)}</li>`;
    }
    const admin = t.kind === 'admin' ? this.admin(t.adminKey) : undefined;
    const fix = admin && (isEmailTaken(t.error) || this.errors[`admins.${admin.key}.email`]);
    return html`<li data-status="failed">
      <span class="failure">${this.failureText(t)}</span>
      ${
        fix
          ? this.textField(
              `admins.${admin.key}.email`,
              this.t('fixEmail', { email: admin.email.trim() }),
              admin.email,
              {
                type: 'email',
                onInput: (x) => this.setAdmin(admin.key, 'email', x),
              },
            )
          : nothing
      }
      <button
        type="button"
        class="am-button"
        aria-label=${this.t('retryTask', { task: this.taskName(t) })}
        ?disabled=${!!this.inflight}
        @click=${() => this.retryTask(t)}
      >
        ${this.t('retry')}
      </button>
    </li>`;
  }

  private renderDone(): TemplateResult {
    const account = this.created!;
    return html`<div class="done" part="done">
      <p class="done-title">
        ${this.t('doneTitle', { name: '\u0001' })
          .split('\u0001')
          .map((s, i) => (i ? html`<bdi>${account.name}</bdi>${s}` : s))}
      </p>
      ${
        this.finalFailures.length
          ? html`<p>${this.t('doneFailures')}</p>
              <ul>
                ${this.finalFailures.map((f) => html`<li>${f.message}</li>`)}
              </ul>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="am-button" @click=${() => this.reset()}>${this.t('createAnother')}</button>
        ${this.modal ? html`<button type="button" class="am-button" data-variant="primary" @click=${() => this.close()}>${this.l.t('close')}</button>` : nothing}
      </div>
    </div>`;
  }
}

import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../src/api/api.js';
import type { Account, AccountSummary } from '../../src/api/model.js';
import { AmElement } from '../../src/base/am-element.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { guardUnload } from '../../src/base/draft-controller.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { AmDialog } from '../../src/base/elements/am-dialog.js';
import { AmLanguageSelect } from '../../src/base/elements/am-language-select.js';
import { AmTimezoneField, timeZones } from '../../src/base/elements/am-timezone-field.js';
import { defineTranslations } from '../../src/base/localize.js';
import { LocalizeController } from '../../src/base/localize-controller.js';
import { renderErrorPanel, renderSkeleton } from '../../src/base/primitives.js';
import { DEFAULT_PASSWORD_LENGTH, generateRealm } from '../../src/base/random.js';
import { StatusController } from '../../src/base/status.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-create.styles.js';
import { DefaultsController } from './defaults-controller.js';
import en, { type CreateKey } from './locales/en-US.js';
import { renderFrame } from './frame.js';
import { WizardForm } from './form.js';
import { addRegistry, afterPaint, laterSteps, loadLaterSteps, type LaterSteps } from './later-steps-loader.js';
import type { WizardParts } from './later-steps.js';
import { StepController } from './step-controller.js';
import { withBdi, type StepContext } from './steps/context.js';
import { RealmCheck, renderGeneral } from './steps/general.js';
import type { AccountCreateFailure, Phase, SubmitController, SubmitJob } from './submit.js';
import { STEPS, initialValues, type StepId, type WizardDefaults, type WizardRules } from './values.js';

export type { AccountCreateFailure } from './submit.js';
export type { StepId, WizardValues } from './values.js';
export type { CreateMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The account exists and the wizard is done; `failures` lists steps the user chose to leave failed. */
    'account-created': { account: Account; failures: AccountCreateFailure[] };
    /** The user left the wizard without creating an account. */
    'account-create-cancel': { parentId: string | undefined };
    /** The user chose an account (here: "Open account" on the new one). */
    'account-select': { account: AccountSummary };
  }
}

defineTranslations('account-create', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

/**
 * A wizard that creates an account under a parent, one step at a time: name, realm (generated from the
 * reseller's suffix or typed, checked for format and uniqueness), time zone, language, contacts, admins with
 * generated or typed passwords, service plans, trunk limits, allowed calls and carriers, initial credit, apps,
 * then a review with "Edit" links. Moving on checks every step passed. The plans, limits, carriers and apps are
 * the elements that edit them on an account (`<service-plan-picker>`, `<account-limits>`, `<carrier-picker>`,
 * `<app-exchange-toggle>`) in their form mode, reading the parent's data through the same store.
 *
 * Submitting creates the account first, then the admins, plans, limits, carriers (the `no_match` callflow, always
 * written, as Monster does), credit and apps in parallel. A step that fails is named with its reason and its own
 * Retry, which never creates anything twice. The last screen offers "Open account" and "Create another". Works
 * inline, or as a modal dialog with `show()` / `close()`; leaving with unsaved input asks first.
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
 * @csspart error - Loading the parent's settings, or a step's content, failed.
 * @csspart skeleton - Placeholder while the parent's settings, or a step's content, load.
 * @csspart status - Live region (creation failures).
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
 * @event account-select - "Open account" on the last screen. `detail: { account }` (the new account).
 *
 * @cssstate loading - The parent's settings are loading.
 * @cssstate error - Loading them failed.
 * @cssstate dirty - Something was entered.
 * @cssstate submitting - The account is being created.
 * @cssstate partial - The account exists; some steps failed.
 * @cssstate done - Finished.
 * @cssstate open - Shown as a modal dialog.
 */
export class AccountCreate extends AmElement {
  static override styles = [tokens, draftStyles, styles];
  /** The elements of the first step and the dialogs; those of the other steps are defined as they load. */
  static override dependencies = {
    'am-dialog': AmDialog,
    'am-timezone-field': AmTimezoneField,
    'am-language-select': AmLanguageSelect,
  };

  static override define(tagName: string | undefined = this.tagName, registry: CustomElementRegistry = customElements) {
    super.define(tagName, registry);
    addRegistry(registry);
  }

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

  @state() private isOpen = false;
  /** Loading the steps after the first failed: a step that needs them says so, with Retry. */
  @state() private laterFailed = false;

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<CreateKey>(this, {
    namespace: 'account-create',
    locale: () => this.am.locale,
  });
  private readonly status = new StatusController(this);
  private readonly confirmer = new ConfirmController(this);
  private readonly defaults = new DefaultsController(
    this,
    { store: () => this.am.store, parentId: () => this.am.accountId, active: () => !this.modal || this.isOpen },
    (d) => {
      this.start(d);
      // A dialog opened before the parent loaded had nothing to focus but its close button.
      if (this.isOpen) void this.updateComplete.then(() => this.steps.focusFirst());
    },
  );
  private readonly form: WizardForm = new WizardForm(this, {
    l: this.l,
    phase: () => this.phase,
    rules: () => this.rules,
    realmTaken: async (realm) => (await this.realm.check(realm)) === 'taken',
    checks: () => this.loadLater().then((m) => m.validateStep),
    changed: (path) => {
      if (path === 'realm') this.realm.schedule(() => this.form.values?.realm ?? '');
    },
  });
  private readonly realm = new RealmCheck(
    this,
    () => this.am.store,
    (realm) => {
      if (this.form.values?.realm.trim().toLowerCase() === realm) this.form.add({ realm: { code: 'taken' } });
    },
  );
  private readonly steps = new StepController<StepId>(this, {
    steps: STEPS,
    validate: (step) => laterSteps()?.checkStep(this.parts, step) ?? this.form.check(step),
    canMove: () => !!this.form.values && this.phase === 'editing',
    shown: (step) => laterSteps()?.reportStep(this.parts, step),
    load: (step) => (step === 'general' || laterSteps() ? undefined : this.loadLater()),
  });
  /** What the steps after the first read and drive (see `later-steps.ts`). */
  private readonly parts: WizardParts = {
    el: this,
    l: this.l,
    form: this.form,
    steps: this.steps,
    status: this.status,
    confirmer: this.confirmer,
    realm: this.realm,
    store: () => this.am.store,
    job: () => this.job(),
    revealed: false,
  };
  private guarded = false;
  /** The steps after the first were asked for, once the wizard showed. */
  private prefetched = false;
  /** The later steps' styles are in the shadow root. */
  private laterStyled = false;

  /**
   * Read by the context controller: the parent is the account this element is bound to.
   * @internal
   */
  get accountId(): string | undefined {
    return this.parentId;
  }

  /** Whether the user entered anything not yet created. */
  get dirty(): boolean {
    return this.form.dirty;
  }

  /** Whether the wizard is shown as a modal dialog. */
  get open(): boolean {
    return this.isOpen;
  }

  /** The step on screen. */
  get step(): StepId {
    return this.steps.current;
  }

  private get phase(): Phase {
    return this.parts.submission?.phase ?? 'editing';
  }

  private get rules(): WizardRules {
    const session = this.am.session;
    const d = this.defaults.value;
    return {
      realmRequired: !!this.realmSuffix?.trim(),
      canSetLimits: !!session && (session.isSuperduper || (!!d?.resellerId && d.resellerId === session.accountId)),
      canCredit: !!session && (session.isReseller || session.isSuperduper),
      locale: this.l.locale,
    };
  }

  // ---- public methods

  /** Opens the wizard as a modal dialog (a finished wizard starts over). */
  async show(): Promise<void> {
    if (!this.isConnected) return;
    if (this.phase === 'done') this.reset();
    this.modal = true;
    this.isOpen = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<AmDialog>('am-dialog')?.updateComplete;
    this.steps.focusFirst();
  }

  /** Closes the dialog without asking (the host decides); the input stays for the next `show()`. */
  close(): void {
    if (!this.isConnected || !this.isOpen) return;
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
  async submit(): Promise<boolean> {
    if (!this.isConnected || !this.job()) return false;
    let submission: SubmitController;
    try {
      submission = (await this.loadLater()).submission(this.parts);
    } catch {
      return false;
    }
    return submission.submit();
  }

  // ---- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page with unsaved input: the next update puts the unload guard back.
    if (this.form.values) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    guardUnload(this, false);
    this.guarded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A suffix given after the defaults loaded still fills an untouched realm.
    const v = this.form.values;
    if (changed.has('realmSuffix') && v && !this.dirty && this.phase === 'editing') {
      const suffix = this.realmSuffix?.trim();
      this.form.start({ ...v, realm: suffix ? generateRealm(suffix) : '' });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const later = laterSteps();
    if (later && !this.laterStyled) {
      // The later steps' styles join the shadow root's (before it paints them).
      this.laterStyled = true;
      const root = this.renderRoot as ShadowRoot;
      adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, later.styles] : [later.styles]);
    }
    // The wizard is on screen: the other steps load while its parent's settings do, and the user fills them in.
    if (!this.prefetched && (!this.modal || this.isOpen)) {
      this.prefetched = true;
      afterPaint(() => void this.loadLater().catch(() => undefined));
    }
    const phase = this.phase;
    // A wizard out of the page (updated after it left) never guards it.
    const guard =
      this.isConnected && ((this.dirty && phase === 'editing') || phase === 'submitting' || phase === 'partial');
    if (guard !== this.guarded) {
      this.guarded = guard;
      guardUnload(this, guard);
    }
    const d = this.defaults;
    this.setCustomState('loading', d.state === 'loading');
    this.setCustomState('error', d.state === 'error');
    this.setCustomState('submitting', phase === 'submitting');
    this.setCustomState('partial', phase === 'partial');
    this.setCustomState('done', phase === 'done');
    this.setCustomState('dirty', this.dirty);
    this.setCustomState('open', this.isOpen);
  }

  /** Fresh values from the parent's defaults. */
  private start(d: WizardDefaults): void {
    const suffix = this.realmSuffix?.trim();
    let zone = d.parent.timezone;
    if (!zone) {
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      zone = timeZones().includes(own) ? own : 'Etc/UTC';
    }
    this.form.start(
      initialValues(d, suffix ? generateRealm(suffix) : '', zone, this.form.newAdmin(this.passwordLength)),
    );
    this.parts.revealed = false;
    this.realm.reset();
    this.steps.reset();
    this.parts.submission?.reset();
    this.status.clear();
  }

  // ---- leaving

  private async requestCancel(): Promise<void> {
    const phase = this.phase;
    if (phase === 'submitting') return;
    if (phase === 'done') return this.close();
    if (phase === 'partial') return laterSteps()?.askFinish(this.parts);
    if (this.dirty) {
      const ok = await this.confirmer.confirm({
        title: this.l.t('discardTitle'),
        message: this.l.t('discardMessage'),
        confirmLabel: this.l.t('discard'),
        danger: true,
      });
      if (!ok) return;
    }
    this.reset();
    this.close();
    this.emit('account-create-cancel', { parentId: this.am.accountId });
  }

  private onDialogClose = (e: Event): void => {
    // The confirm dialog inside asks its own way.
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    void this.requestCancel();
  };

  // ---- the steps after the first

  /** Loads the steps after the first (see `later-steps.ts`); a failure is shown by the step that needs them. */
  private loadLater(): Promise<LaterSteps> {
    const loaded = laterSteps();
    if (loaded) return Promise.resolve(loaded);
    this.laterFailed = false;
    return loadLaterSteps().then(
      (m) => {
        this.requestUpdate();
        return m;
      },
      (e: unknown) => {
        this.laterFailed = true;
        throw e;
      },
    );
  }

  /** Retry after the steps failed to load: once they show, focus is on the step's heading. */
  private async retryLater(): Promise<void> {
    try {
      await this.loadLater();
    } catch {
      return;
    }
    await this.updateComplete;
    if (!this.shadowRoot?.activeElement) this.steps.focus('#step-heading');
  }

  // ---- submission

  private job(): SubmitJob | undefined {
    const store = this.am.store;
    const parentId = this.am.accountId;
    const defaults = this.defaults.value;
    const values = this.form.values;
    if (!store || !parentId || !defaults || !values) return undefined;
    return { store, parentId, values, defaults, rules: this.rules };
  }

  // ---- render

  protected override render(): unknown {
    if (!this.modal) return this.renderBase();
    return html`<am-dialog
      part="modal"
      exportparts="dialog: modal"
      label=${this.l.t('title')}
      ?open=${this.isOpen}
      @am-dialog-request-close=${this.onDialogClose}
    >
      ${this.isOpen ? this.renderBase() : nothing}
    </am-dialog>`;
  }

  private renderBase(): TemplateResult {
    const d = this.defaults;
    const parent = d.value?.parent;
    return html`<div class="base" part="base">
      <header class="header" part="header">
        ${this.modal ? nothing : html`<h2 class="title" id="title">${this.l.t('title')}</h2>`}
        ${parent ? html`<p class="parent">${withBdi(this.l, 'under', 'parent', parent.name)}</p>` : nothing}
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
            ? renderErrorPanel(d.error, this.l, { title: this.l.t('loadFailed'), onRetry: () => d.retry() })
            : this.form.values && d.value
              ? this.renderWizard({
                  host: this.form,
                  values: this.form.values,
                  defaults: d.value,
                  rules: this.rules,
                  l: this.l,
                })
              : nothing
      }
      ${this.status.render(this.l)} ${this.confirmer.render(this.l)}
    </div>`;
  }

  private renderWizard(ctx: StepContext): TemplateResult {
    const m = laterSteps();
    const phase = this.phase;
    if (phase === 'done' && m) return m.renderDone(ctx, this.parts);
    const step = this.steps.current;
    return renderFrame(this.l, {
      steps: this.steps,
      phase,
      body: this.renderStep(step, ctx, m),
      onSubmit: () => void (step === 'review' || phase === 'partial' ? this.submit() : this.steps.next()),
      onCancel: () => void this.requestCancel(),
      onFinish: () => m?.finish(this.parts),
    });
  }

  /** The first step; another while its code loads: a placeholder, or what failed with Retry. */
  private renderStep(step: StepId, ctx: StepContext, m: LaterSteps | undefined): unknown {
    if (step === 'general') {
      return renderGeneral(ctx, { suffix: this.realmSuffix?.trim(), realm: this.realm.stateOf(ctx.values.realm) });
    }
    if (m) return m.renderStep(step, ctx, this.parts);
    return this.laterFailed
      ? renderErrorPanel({ kind: 'network' }, this.l, {
          title: this.l.t('stepFailed'),
          onRetry: () => void this.retryLater(),
        })
      : renderSkeleton(this.l, 4);
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../src/api/api.js';
import type { Account, AccountSummary } from '../../src/api/model.js';
import { AmElement } from '../../src/base/am-element.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { askCharges } from '../../src/base/charges.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { guardUnload } from '../../src/base/draft-controller.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { AmDialog } from '../../src/base/elements/am-dialog.js';
import { AmLanguageSelect } from '../../src/base/elements/am-language-select.js';
import { AmPasswordField } from '../../src/base/elements/am-password-field.js';
import { AmTimezoneField, timeZones } from '../../src/base/elements/am-timezone-field.js';
import { fieldId } from '../../src/base/fields.js';
import { defineTranslations, LocalizeController } from '../../src/base/localize.js';
import { renderErrorPanel, renderSkeleton } from '../../src/base/primitives.js';
import { DEFAULT_PASSWORD_LENGTH, generateRealm } from '../../src/base/random.js';
import { StatusController } from '../../src/base/status.js';
import { storeKey } from '../../src/data/keys.js';
import { tokens } from '../../src/themes/tokens.js';
import { AccountLimits } from '../account-limits/account-limits.js';
import { AppExchangeToggle } from '../app-exchange-toggle/app-exchange-toggle.js';
import { CarrierPicker } from '../carrier-picker/carrier-picker.js';
import { ServicePlanPicker } from '../service-plan-picker/service-plan-picker.js';
import { styles } from './account-create.styles.js';
import { DefaultsController } from './defaults-controller.js';
import en, { type CreateKey } from './locales/en-US.js';
import { renderFrame } from './frame.js';
import { failureLine, failureText, renderDone, renderProgress, taskName } from './progress.js';
import { WizardForm } from './form.js';
import { StepController } from './step-controller.js';
import { renderAdmins } from './steps/admins.js';
import { renderApps } from './steps/apps.js';
import { withBdi, type StepContext } from './steps/context.js';
import { renderContacts } from './steps/contacts.js';
import { renderCredit } from './steps/credit.js';
import { RealmCheck, renderGeneral } from './steps/general.js';
import { renderLimits } from './steps/limits.js';
import { renderPlans } from './steps/plans.js';
import { renderReview } from './steps/review.js';
import { SubmitController, type AccountCreateFailure, type SubmitJob } from './submit.js';
import {
  STEPS,
  initialValues,
  serverProblems,
  stepOf,
  type StepId,
  type WizardDefaults,
  type WizardRules,
} from './wizard.js';

export type { AccountCreateFailure } from './submit.js';
export type { StepId, WizardValues } from './wizard.js';
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
 * @csspart error - Loading the parent's settings failed.
 * @csspart skeleton - Placeholder while the parent's settings load.
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
  static override dependencies = {
    'am-dialog': AmDialog,
    'am-password-field': AmPasswordField,
    'am-timezone-field': AmTimezoneField,
    'am-language-select': AmLanguageSelect,
    'service-plan-picker': ServicePlanPicker,
    'account-limits': AccountLimits,
    'carrier-picker': CarrierPicker,
    'app-exchange-toggle': AppExchangeToggle,
  };

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

  @state() private revealed = false;
  @state() private isOpen = false;

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
      if (this.isOpen) void this.updateComplete.then(() => this.focusFirstField());
    },
  );
  private readonly form: WizardForm = new WizardForm(this, {
    l: this.l,
    phase: () => this.submission.phase,
    rules: () => this.rules,
    realmTaken: async (realm) => (await this.realm.check(realm)) === 'taken',
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
    validate: (step) => this.checkStep(step),
    canMove: () => !!this.form.values && this.submission.phase === 'editing',
    shown: (step) => this.reportStep(step),
  });
  private readonly submission: SubmitController = new SubmitController(this, {
    job: () => this.job(),
    validateAll: () => this.steps.checkUpTo(STEPS.indexOf('review'), 0),
    checkEmail: (key) => this.form.checkAdminEmail(key),
    refused: (job) => this.refused(job),
    partial: (failed) => {
      const said = failed.map((t, i) => html`${i ? ' ' : ''}${failureLine(this.l, this.form.values!, t)}`);
      void this.status.announce(said, { tone: 'error' });
      // The Create button that had focus is gone: the list of what failed takes it.
      void this.updateComplete.then(() => this.shadowRoot?.activeElement || this.steps.focus('#progress-title'));
    },
    done: () => this.finish(),
    askCharges: (charges) => askCharges(this.confirmer, this.l as unknown as LocalizeController<string>, charges),
  });
  private guarded = false;

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
    if (this.submission.phase === 'done') this.reset();
    this.modal = true;
    this.isOpen = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<AmDialog>('am-dialog')?.updateComplete;
    this.focusFirstField();
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
  submit(): Promise<boolean> {
    if (!this.isConnected || !this.job()) return Promise.resolve(false);
    return this.submission.submit();
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
    if (changed.has('realmSuffix') && v && !this.dirty && this.submission.phase === 'editing') {
      const suffix = this.realmSuffix?.trim();
      this.form.start({ ...v, realm: suffix ? generateRealm(suffix) : '' });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const phase = this.submission.phase;
    const guard = (this.dirty && phase === 'editing') || phase === 'submitting' || phase === 'partial';
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
    this.revealed = false;
    this.realm.reset();
    this.steps.reset();
    this.submission.reset();
    this.status.clear();
  }

  // ---- steps held by form-mode elements

  /** The limits step's fields are `<account-limits>`' own: on screen, it checks them and says what is wrong. */
  private checkStep(step: StepId): Promise<boolean> {
    const checked = this.form.check(step);
    const limits = step === 'limits' && this.renderRoot.querySelector<AccountLimits>('account-limits');
    return limits ? checked.then(() => limits.reportValidity()) : checked;
  }

  /** A limits step refused while it was not on screen: its element, now shown, says what is wrong. */
  private reportStep(step: StepId): Promise<void> | undefined {
    const limits = step === 'limits' && this.renderRoot.querySelector<AccountLimits>('account-limits');
    return limits ? limits.updateComplete.then(() => void limits.reportValidity()) : undefined;
  }

  /** The new account's reseller by name, when the parent is it or the store read it (the carriers step did). */
  private resellerName(): string | undefined {
    const d = this.defaults.value;
    const id = d?.resellerId;
    if (!id) return undefined;
    return id === d.parent.id ? d.parent.name : this.am.store?.peek<Account>(storeKey.account(id))?.name;
  }

  private focusFirstField(): void {
    this.steps.focus('[part~="panel"] input, [part~="panel"] button');
  }

  // ---- leaving

  private async requestCancel(): Promise<void> {
    const phase = this.submission.phase;
    if (phase === 'submitting') return;
    if (phase === 'done') return this.close();
    if (phase === 'partial') {
      const ok = await this.confirmer.confirm({
        title: this.l.t('finishTitle'),
        message: this.l.t('finishMessage'),
        confirmLabel: this.l.t('finishAnyway'),
      });
      if (ok) this.finish();
      return;
    }
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

  // ---- submission

  private job(): SubmitJob | undefined {
    const store = this.am.store;
    const parentId = this.am.accountId;
    const defaults = this.defaults.value;
    const values = this.form.values;
    if (!store || !parentId || !defaults || !values) return undefined;
    return { store, parentId, values, defaults, rules: this.rules };
  }

  /** The account was refused: the server's problems go on their fields (also told on the review step). */
  private async refused(job: SubmitJob): Promise<void> {
    const err = this.submission.accountError;
    const found = err?.kind === 'validation' ? serverProblems(err) : {};
    this.form.add(found);
    const realm = found.realm;
    if (realm && typeof realm !== 'string' && realm.code === 'taken') this.realm.taken(job.values.realm);
    const first = Object.keys(found).map(stepOf).find(Boolean);
    if (first) await this.steps.show(first);
  }

  private finish(): void {
    const account = this.submission.created;
    if (!account) return;
    const v = this.form.values!;
    const failures = this.submission.finish((t) => ({
      name: taskName(this.l, v, t),
      message: failureText(this.l, v, t),
    }));
    // The last screen says it: no toast repeats it, and focus goes to its heading so it is read out.
    this.status.clear();
    this.emit('account-created', { account, failures });
    void this.updateComplete.then(() => this.steps.focus('#done-title'));
  }

  private openAccount(): void {
    const a = this.submission.created;
    if (!a) return;
    this.emit('account-select', {
      account: { id: a.id, name: a.name, realm: a.realm, enabled: a.enabled, isReseller: a.isReseller },
    });
    if (this.modal) this.close();
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
    const s = this.submission;
    if (s.phase === 'done') {
      return renderDone(ctx, s, {
        modal: this.modal,
        onOpen: () => this.openAccount(),
        onAnother: () => {
          this.reset();
          void this.updateComplete.then(() => this.focusFirstField());
        },
        onClose: () => this.close(),
      });
    }
    const step = this.steps.current;
    return renderFrame(this.l, {
      steps: this.steps,
      phase: s.phase,
      body: this.renderStep(step, ctx),
      onSubmit: () => void (step === 'review' || s.phase === 'partial' ? this.submit() : this.steps.next()),
      onCancel: () => void this.requestCancel(),
      onFinish: () => this.finish(),
    });
  }

  private renderStep(step: StepId, ctx: StepContext): unknown {
    switch (step) {
      case 'general':
        return renderGeneral(ctx, { suffix: this.realmSuffix?.trim(), realm: this.realm.stateOf(ctx.values.realm) });
      case 'contacts':
        return renderContacts(ctx);
      case 'admins':
        return renderAdmins(ctx, {
          passwordLength: this.passwordLength,
          onAdd: () => {
            const key = this.form.addAdmin(this.passwordLength);
            void this.updateComplete.then(() => this.steps.focus(`#${fieldId(`admins.${key}.firstName`)}`));
          },
          onRemove: (key) => this.form.removeAdmin(key),
        });
      case 'plans':
        return renderPlans(ctx, { api: this.api });
      case 'limits':
        return renderLimits(ctx, { api: this.api });
      case 'credit':
        return renderCredit(ctx);
      case 'apps':
        return renderApps(ctx, { api: this.api });
      case 'review':
        return html`${renderProgress(ctx, this.submission, (task) => this.submission.retryTask(task))}
        ${renderReview(ctx, {
          editable: this.submission.phase === 'editing',
          onEdit: (to) => this.steps.goTo(to),
          revealed: this.revealed,
          onReveal: () => (this.revealed = !this.revealed),
          resellerName: this.resellerName(),
        })}`;
    }
  }
}

/**
 * What `<account-create>` needs once its first step is on screen: the other steps, the review, the creation of
 * the account and what it runs after (`SubmitController`), the last screen, their styles, their English strings
 * and the elements they show. The wizard loads it when idle after its first paint.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../../src/api/model.js';
import { askCharges } from '../../src/base/charges.js';
import type { ConfirmController } from '../../src/base/confirm-dialog.js';
import { tagOf } from '../../src/base/am-element.js';
import { AmPasswordField } from '../../src/base/elements/am-password-field.js';
import { fieldId } from '../../src/base/fields.js';
import { registerTranslations } from '../../src/base/localize.js';
import type { LocalizeController } from '../../src/base/localize-controller.js';
import type { StatusController } from '../../src/base/status.js';
import type { AccountStore } from '../../src/data/store.js';
import { storeKey } from '../../src/data/keys.js';
import { AccountLimits } from '../account-limits/account-limits.js';
import { AppExchangeToggle } from '../app-exchange-toggle/app-exchange-toggle.js';
import { CarrierPicker } from '../carrier-picker/carrier-picker.js';
import { ServicePlanPicker } from '../service-plan-picker/service-plan-picker.js';
import type { AccountCreate } from './account-create.js';
import type { WizardForm } from './form.js';
import type { CreateKey } from './locales/en-US.js';
import en from './locales/en-US.later-steps.js';
import { serverProblems } from './payload.js';
import { failureLine, failureText, renderDone as renderDoneScreen, renderProgress, taskName } from './progress.js';
import type { StepController } from './step-controller.js';
import { renderAdmins } from './steps/admins.js';
import { renderApps } from './steps/apps.js';
import type { StepContext } from './steps/context.js';
import { renderContacts } from './steps/contacts.js';
import { renderCredit } from './steps/credit.js';
import type { RealmCheck } from './steps/general.js';
import { renderLimits } from './steps/limits.js';
import { renderPlans } from './steps/plans.js';
import { renderReview } from './steps/review.js';
import { SubmitController, type SubmitJob } from './submit.js';
import { STEPS, stepOf, type StepId } from './values.js';
import { validateStep } from './wizard.js';

export { styles } from './later-steps.styles.js';
export { validateStep };

registerTranslations('account-create', { 'en-US': en });

/**
 * The elements these steps show, by default tag: defined in every registry the wizard is, unless the registry holds
 * one under a name of the page's already (the steps then show it under that name, `tagOf`).
 */
export const dependencies = {
  'am-password-field': AmPasswordField,
  'service-plan-picker': ServicePlanPicker,
  'account-limits': AccountLimits,
  'carrier-picker': CarrierPicker,
  'app-exchange-toggle': AppExchangeToggle,
};

/** The wizard's inner parts these steps read and drive. */
export interface WizardParts {
  el: AccountCreate;
  l: LocalizeController<CreateKey>;
  form: WizardForm;
  steps: StepController<StepId>;
  status: StatusController;
  confirmer: ConfirmController;
  realm: RealmCheck;
  store(): AccountStore | undefined;
  /** What to send, read now; `undefined` while the wizard is not ready. */
  job(): SubmitJob | undefined;
  /** Passwords in clear on the review step. */
  revealed: boolean;
  /** Made the first time the user asks to create the account. */
  submission?: SubmitController;
}

/** The limits step's `<account-limits>` (under whatever name it is defined), when on screen: its fields are its own. */
const limitsOf = (p: WizardParts, step: StepId) =>
  step === 'limits' ? p.el.renderRoot.querySelector<AccountLimits>(tagOf(p.el, AccountLimits, 'account-limits')) : null;

/** Checks a step; on screen, the limits step's element checks its own fields and says what is wrong. */
export function checkStep(p: WizardParts, step: StepId): Promise<boolean> {
  const checked = p.form.check(step);
  const limits = limitsOf(p, step);
  return limits ? checked.then(() => limits.reportValidity()) : checked;
}

/** A limits step refused while it was not on screen: its element, now shown, says what is wrong. */
export function reportStep(p: WizardParts, step: StepId): Promise<void> | undefined {
  const limits = limitsOf(p, step);
  return limits?.updateComplete.then(() => void limits.reportValidity());
}

/**
 * The submission (made once): every step checked first (the first with a problem shown), the server's refusal of
 * the account put on the fields it names, what failed after it announced with focus on the list, charges put to
 * the user.
 */
export function submission(p: WizardParts): SubmitController {
  if (p.submission) return p.submission;
  const { el, l, form, steps } = p;
  const s: SubmitController = new SubmitController(el, {
    job: p.job,
    validateAll: () => steps.checkUpTo(STEPS.indexOf('review'), 0),
    checkEmail: (key) => form.checkAdminEmail(key, validateStep),
    refused: async (job) => {
      // The server's problems go on their fields (also told on the review step).
      const err = s.accountError;
      const found = err?.kind === 'validation' ? serverProblems(err) : {};
      form.add(found);
      const realm = found.realm;
      if (realm && typeof realm !== 'string' && realm.code === 'taken') p.realm.taken(job.values.realm);
      const first = Object.keys(found).map(stepOf).find(Boolean);
      if (first) await steps.show(first);
    },
    partial: (failed) => {
      const said = failed.map((t, i) => html`${i ? ' ' : ''}${failureLine(l, form.values!, t)}`);
      void p.status.announce(said, { tone: 'error' });
      // The Create button that had focus is gone: the list of what failed takes it.
      void el.updateComplete.then(() => el.shadowRoot?.activeElement || steps.focus('#progress-title'));
    },
    done: () => finish(p),
    askCharges: (charges) => askCharges(p.confirmer, l as unknown as LocalizeController<string>, charges),
  });
  return (p.submission = s);
}

/** Ends the submission (what is left failed is listed) and shows the last screen, its heading focused. */
export function finish(p: WizardParts): void {
  const s = p.submission;
  const account = s?.created;
  if (!account) return;
  const v = p.form.values!;
  const failures = s.finish((t) => ({ name: taskName(p.l, v, t), message: failureText(p.l, v, t) }));
  // The last screen says it: no toast repeats it, and focus goes to its heading so it is read out.
  p.status.clear();
  p.el.emit('account-created', { account, failures });
  void p.el.updateComplete.then(() => p.steps.focus('#done-title'));
}

/** Some steps failed after the account was created: asks whether to finish anyway, and does. */
export async function askFinish(p: WizardParts): Promise<void> {
  const ok = await p.confirmer.confirm({
    title: p.l.t('finishTitle'),
    message: p.l.t('finishMessage'),
    confirmLabel: p.l.t('finishAnyway'),
  });
  if (ok) finish(p);
}

/** The last screen: "Open account", "Create another" and, in a dialog, "Close". */
export function renderDone(ctx: StepContext, p: WizardParts): TemplateResult {
  const { el } = p;
  const s = p.submission!;
  return renderDoneScreen(ctx, s, {
    modal: el.modal,
    onOpen: () => {
      const a = s.created;
      if (!a) return;
      el.emit('account-select', {
        account: { id: a.id, name: a.name, realm: a.realm, enabled: a.enabled, isReseller: a.isReseller },
      });
      if (el.modal) el.close();
    },
    onAnother: () => {
      el.reset();
      void el.updateComplete.then(() => p.steps.focusFirst());
    },
    onClose: () => el.close(),
  });
}

/** The new account's reseller by name, when the parent is it or the store read it (the carriers step did). */
function resellerName({ defaults: d }: StepContext, store: AccountStore | undefined): string | undefined {
  const id = d.resellerId;
  if (!id) return undefined;
  return id === d.parent.id ? d.parent.name : store?.peek<Account>(storeKey.account(id))?.name;
}

/** The content of a step after the first. */
export function renderStep(step: Exclude<StepId, 'general'>, ctx: StepContext, p: WizardParts): unknown {
  const { el, form, steps } = p;
  const s = p.submission;
  switch (step) {
    case 'contacts':
      return renderContacts(ctx);
    case 'admins':
      return renderAdmins(ctx, {
        passwordLength: el.passwordLength,
        onAdd: () => {
          const key = form.addAdmin(el.passwordLength);
          void el.updateComplete.then(() => steps.focus(`#${fieldId(`admins.${key}.firstName`)}`));
        },
        onRemove: (key) => form.removeAdmin(key),
      });
    case 'plans':
      return renderPlans(ctx, { api: el.api, tag: tagOf(el, ServicePlanPicker, 'service-plan-picker') });
    case 'limits':
      return renderLimits(ctx, {
        api: el.api,
        limitsTag: tagOf(el, AccountLimits, 'account-limits'),
        carrierTag: tagOf(el, CarrierPicker, 'carrier-picker'),
      });
    case 'credit':
      return renderCredit(ctx);
    case 'apps':
      return renderApps(ctx, { api: el.api, tag: tagOf(el, AppExchangeToggle, 'app-exchange-toggle') });
    case 'review':
      return html`${s ? renderProgress(ctx, s, (task) => s.retryTask(task)) : nothing}
      ${renderReview(ctx, {
        editable: (s?.phase ?? 'editing') === 'editing',
        onEdit: (to) => steps.goTo(to),
        revealed: p.revealed,
        onReveal: () => {
          p.revealed = !p.revealed;
          el.requestUpdate();
        },
        resellerName: resellerName(ctx, p.store()),
      })}`;
  }
}

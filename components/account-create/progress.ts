import { html, nothing, type TemplateResult } from 'lit';
import { textField } from '../../src/base/fields.js';
import type { CreateKey } from './locales/en-US.js';
import { withBdi, type StepContext } from './steps/context.js';
import type { SubmitController, Task } from './submit.js';
import { isEmailTaken } from './payload.js';
import type { WizardValues } from './values.js';

type L = StepContext['l'];

/** A task in words: "Admin jane@acme.example", "Limits". */
export function taskName(l: L, values: WizardValues, t: Task): string {
  if (t.kind === 'admin') {
    const email = values.admins.find((a) => a.key === t.adminKey)?.email.trim() ?? '';
    return l.t('task.admin', { email });
  }
  return l.t(`task.${t.kind}` as CreateKey);
}

function reason(l: L, t: Task): string {
  const e = t.error;
  if (!e) return '';
  if (t.kind === 'admin' && isEmailTaken(e)) return l.t('reason.emailTaken');
  if (e.kind === 'forbidden') return l.t('reason.forbidden');
  if (e.kind === 'charges-required') return l.t('reason.charges');
  if (e.kind === 'validation') return l.t('reason.validation');
  return l.errorMessage(e);
}

/** What failed, in words: "Limits: you don't have permission". */
export function failureText(l: L, values: WizardValues, t: Task): string {
  return l.t('failure', { task: taskName(l, values, t), reason: reason(l, t) });
}

/** A task's name on screen, with an admin's e-mail isolated in `<bdi>`. */
function taskLabel(l: L, values: WizardValues, t: Task): unknown {
  if (t.kind !== 'admin') return taskName(l, values, t);
  return withBdi(l, 'task.admin', 'email', values.admins.find((a) => a.key === t.adminKey)?.email.trim() ?? '');
}

/** What failed, on screen (and said in the live region). */
export function failureLine(l: L, values: WizardValues, t: Task): unknown[] {
  return l
    .t('failure', { task: '\u0001', reason: reason(l, t) })
    .split('\u0001')
    .map((s, i) => (i ? html`${taskLabel(l, values, t)}${s}` : s));
}

/**
 * On the review step: why the account was not created, or each creation task with its state; a failed task has
 * its own Retry, and a failed admin whose e-mail is taken a field to give another.
 */
export function renderProgress(
  ctx: StepContext,
  submit: SubmitController,
  onRetry: (t: Task) => void,
): TemplateResult | typeof nothing {
  const { l, values, host } = ctx;
  const t = l.t.bind(l);
  if (submit.accountError) {
    return html`<div class="am-error-panel" role="alert">
      <p>${t('accountFailed', { reason: l.errorMessage(submit.accountError) })}</p>
    </div>`;
  }
  const account = submit.created;
  if (!account && submit.phase !== 'submitting') return nothing;
  const partial = submit.phase === 'partial';
  const task = (k: Task) => {
    const name = taskName(l, values, k);
    if (k.status !== 'failed') {
      return html`<li data-status=${k.status}>${taskLabel(l, values, k)}: ${t(`status.${k.status}`)}</li>`;
    }
    const admin = k.kind === 'admin' ? values.admins.find((a) => a.key === k.adminKey) : undefined;
    const path = admin && `admins.${admin.key}.email`;
    const fix = path && (isEmailTaken(k.error) || host.fieldError(path));
    return html`<li data-status="failed">
      <span class="failure">${failureLine(l, values, k)}</span>
      ${fix ? textField(host, path, t('fixEmail', { email: admin.email.trim() }), { type: 'email', rule: 'email' }) : nothing}
      <button
        type="button"
        class="am-button"
        aria-label=${t('retryTask', { task: name })}
        ?disabled=${submit.busy}
        @click=${() => onRetry(k)}
      >
        ${t('retry')}
      </button>
    </li>`;
  };
  return html`<section class="progress-box" aria-labelledby="progress-title">
    <h4 id="progress-title" tabindex="-1">${partial ? t('partialTitle') : t('progress')}</h4>
    ${partial ? html`<p class="am-hint">${t('partialHelp')}</p>` : nothing}
    <ul class="progress" part="progress">
      <li data-status=${account ? 'done' : 'running'}>
        ${withBdi(l, 'task.account', 'name', values.name.trim())}: ${t(account ? 'status.done' : 'status.running')}
      </li>
      ${submit.tasks.map(task)}
    </ul>
  </section>`;
}

export interface DoneOptions {
  modal: boolean;
  onOpen(): void;
  onAnother(): void;
  onClose(): void;
}

/** Once the account exists: its name, what was left failed, and where to go next. */
export function renderDone({ l, values }: StepContext, submit: SubmitController, o: DoneOptions): TemplateResult {
  const t = l.t.bind(l);
  const account = submit.created!;
  return html`<div class="done" part="done">
    <h3 class="done-title" id="done-title" tabindex="-1">${withBdi(l, 'doneTitle', 'name', account.name)}</h3>
    ${
      submit.failures.length
        ? html`<p>${t('doneFailures')}</p>
            <ul>
              ${submit.tasks.filter((k) => k.status !== 'done').map((k) => html`<li>${failureLine(l, values, k)}</li>`)}
            </ul>`
        : nothing
    }
    <div class="actions">
      <button type="button" class="am-button" data-variant="primary" @click=${o.onOpen}>${t('openAccount')}</button>
      <button type="button" class="am-button" @click=${o.onAnother}>${t('createAnother')}</button>
      ${o.modal ? html`<button type="button" class="am-button" @click=${o.onClose}>${t('close')}</button>` : nothing}
    </div>
  </div>`;
}

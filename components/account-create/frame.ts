import { html, nothing, type TemplateResult } from 'lit';
import type { StepController } from './step-controller.js';
import { stepName, type StepContext } from './steps/context.js';
import type { Phase } from './submit.js';
import { STEPS, type StepId } from './values.js';

export interface FrameOptions {
  steps: StepController<StepId>;
  phase: Phase;
  /** The current step's content. */
  body: unknown;
  /** Next, or Create on the review step (also Enter in a field). */
  onSubmit(): void;
  onCancel(): void;
  /** "Finish anyway" after a partial failure. */
  onFinish(): void;
}

/** Around the current step: the step list, the step's heading and form, and the actions under it. */
export function renderFrame(l: StepContext['l'], o: FrameOptions): TemplateResult {
  const t = l.t.bind(l);
  const { steps, phase } = o;
  const step = steps.current;
  return html`<div class="layout">
      <nav class="steps" part="steps" aria-label=${t('stepsLabel')}>
        <ol>
          ${STEPS.map((id, i) => {
            const state = steps.stateOf(i);
            return html`<li part="step">
              <button
                type="button"
                class="step"
                data-state=${state}
                aria-current=${state === 'current' ? 'step' : nothing}
                ?disabled=${phase !== 'editing'}
                @click=${() => steps.goTo(i)}
              >
                <span class="marker" aria-hidden="true">${i + 1}</span>
                <span class="step-name">${stepName(l, id)}</span>
                ${state === 'done' ? html`<span class="am-visually-hidden">${t('stepDone')}</span>` : nothing}
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
          o.onSubmit();
        }}
      >
        <h3 class="step-heading" id="step-heading" tabindex="-1">
          ${t('stepOf', { n: steps.index + 1, total: STEPS.length, step: stepName(l, step) })}
        </h3>
        ${o.body}
        <button type="submit" hidden tabindex="-1" aria-hidden="true"></button>
      </form>
    </div>
    ${renderActions(l, o)}`;
}

function renderActions(l: StepContext['l'], o: FrameOptions): TemplateResult {
  const t = l.t.bind(l);
  const { steps, phase } = o;
  if (phase === 'partial') {
    return html`<div class="actions" part="actions">
      <button type="button" class="am-button" @click=${o.onFinish}>${t('finishAnyway')}</button>
      <span class="spacer"></span>
      <button type="button" class="am-button" data-variant="primary" @click=${o.onSubmit}>${t('retryFailed')}</button>
    </div>`;
  }
  const editing = phase === 'editing';
  const review = steps.current === 'review';
  return html`<div class="actions" part="actions">
    <button type="button" class="am-button" ?disabled=${!editing} @click=${o.onCancel}>${t('cancel')}</button>
    <span class="spacer"></span>
    <button type="button" class="am-button" ?disabled=${steps.first || !editing} @click=${() => steps.back()}>
      ${t('back')}
    </button>
    <button type="button" class="am-button" data-variant="primary" ?disabled=${!editing} @click=${o.onSubmit}>
      ${review ? (phase === 'submitting' ? t('creating') : t('create')) : t('next')}
    </button>
  </div>`;
}

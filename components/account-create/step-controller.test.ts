import { aTimeout, expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { StepController } from './step-controller.js';

const STEPS = ['one', 'two', 'three'] as const;
type Step = (typeof STEPS)[number];

/** A deferred promise: the load of a step's content, settled by the test. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Steps whose content loads on demand: a placeholder until it is there, an invalid field in step three. */
class LazyStepsHost extends LitElement {
  loaded = new Set<Step>(['one']);
  failed = false;
  pending?: ReturnType<typeof deferred>;
  /** What each render showed: the step, and whether it was its content or the placeholder. */
  seen: string[] = [];
  readonly steps: StepController<Step> = new StepController<Step>(this, {
    steps: STEPS,
    validate: () => true,
    canMove: () => true,
    load: (step) => {
      if (this.loaded.has(step)) return undefined;
      this.pending ??= deferred();
      return this.pending.promise.then(
        () => {
          this.loaded.add(step);
          this.requestUpdate();
        },
        (e: Error) => {
          this.failed = true;
          this.requestUpdate();
          throw e;
        },
      );
    },
  });

  protected override render() {
    const step = this.steps.current;
    const shown = this.loaded.has(step) ? 'content' : this.failed ? 'error' : 'placeholder';
    this.seen.push(`${step}:${shown}`);
    return html`<h3 id="step-heading" tabindex="-1">${step}</h3>
      ${
        shown === 'content'
          ? html`<input aria-label="field" aria-invalid=${step === 'three' ? 'true' : 'false'} />`
          : html`<p part=${shown}>${shown}</p>`
      }`;
  }
}
customElements.define('lazy-steps-host', LazyStepsHost);

const active = (el: LazyStepsHost) => el.shadowRoot!.activeElement;

describe('StepController with steps that load', () => {
  it('moves once a step that loads quickly is there: no placeholder shows, the heading takes focus', async () => {
    const el = await fixture<LazyStepsHost>(html`<lazy-steps-host></lazy-steps-host>`);
    const moved = el.steps.goTo(1);
    await aTimeout(0);
    await el.updateComplete;
    expect(el.steps.current).to.equal('one');
    el.pending!.resolve();
    expect(await moved).to.equal(true);
    expect(el.steps.current).to.equal('two');
    expect(el.seen).to.not.include('two:placeholder');
    expect(el.seen).to.include('two:content');
    expect(active(el)?.id).to.equal('step-heading');
  });

  it('shows a step that loads slowly with its placeholder and the heading focused, then its content', async () => {
    const el = await fixture<LazyStepsHost>(html`<lazy-steps-host></lazy-steps-host>`);
    expect(await el.steps.goTo(1)).to.equal(true);
    expect(el.steps.current).to.equal('two');
    expect(el.shadowRoot!.querySelector('[part=placeholder]')).to.exist;
    expect(active(el)?.id).to.equal('step-heading');
    el.pending!.resolve();
    await el.pending!.promise;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')).to.exist;
    expect(active(el)?.id).to.equal('step-heading');
  });

  it('shows a step whose content failed to load (the host says so), focus on its heading', async () => {
    const el = await fixture<LazyStepsHost>(html`<lazy-steps-host></lazy-steps-host>`);
    const moved = el.steps.goTo(1);
    await aTimeout(0);
    el.pending!.reject(new Error('offline'));
    expect(await moved).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.exist;
    expect(active(el)?.id).to.equal('step-heading');
  });

  it('shows a refused step once its content is there, with its problem focused', async () => {
    const el = await fixture<LazyStepsHost>(html`<lazy-steps-host></lazy-steps-host>`);
    const shown = el.steps.show('three');
    setTimeout(() => el.pending!.resolve(), 400);
    await shown;
    expect(el.steps.current).to.equal('three');
    expect(active(el)?.getAttribute('aria-invalid')).to.equal('true');
  });
});

import type { ReactiveControllerHost } from 'lit';

/** Where a step stands in the list. */
export type StepState = 'current' | 'done' | 'todo';

export interface StepOptions<S extends string> {
  steps: readonly S[];
  /** Checks one step and shows its problems; `false` keeps the user on it. */
  validate(step: S): boolean | Promise<boolean>;
  /** Whether the user may move now (not while the account is being created). */
  canMove(): boolean;
  /** A step shown after a refusal is on screen: problems inside a form-mode element are shown by the element. */
  shown?(step: S): void | Promise<void>;
  /** A step whose content is not loaded yet: the load, to wait for; `undefined` when it can show now. */
  load?(step: S): Promise<unknown> | undefined;
}

/** How long a move waits for a step's content before showing the step with a placeholder. */
const GRACE_MS = 150;

/** What a problem looks like in the wizard's DOM, inner elements included. */
const INVALID =
  '[aria-invalid="true"], am-timezone-field[error]:not([error=""]), am-password-field[error]:not([error=""])';

/**
 * The wizard's steps (after Lion's LionSteps): the current one, how far the user got, and moves that check
 * every step they pass. Moving focuses the new step's heading (`#step-heading`) so it is read out; a step
 * that stops the move becomes current with its first problem focused. A step whose content is still loading
 * shows after a short wait, with a placeholder until it arrives.
 */
export class StepController<S extends string> {
  index = 0;
  /** The furthest step reached. */
  reached = 0;

  private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  private readonly o: StepOptions<S>;

  constructor(host: StepController<S>['host'], options: StepOptions<S>) {
    this.host = host;
    this.o = options;
  }

  get current(): S {
    return this.o.steps[this.index]!;
  }

  get first(): boolean {
    return this.index === 0;
  }

  stateOf(i: number): StepState {
    return i === this.index ? 'current' : i < this.reached ? 'done' : 'todo';
  }

  /** Back to the first step. */
  reset(): void {
    this.index = this.reached = 0;
    this.host.requestUpdate();
  }

  /** Goes to a step (by position or id); going forward checks each step on the way. Resolves whether it moved. */
  async goTo(target: number | S): Promise<boolean> {
    const to = typeof target === 'number' ? target : this.o.steps.indexOf(target);
    if (to < 0 || to >= this.o.steps.length || to === this.index || !this.o.canMove()) return false;
    if (!(await this.checkUpTo(to))) return false;
    await this.ready(to);
    if (!this.o.canMove()) return false;
    this.index = to;
    this.reached = Math.max(this.reached, to);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focus('#step-heading');
    return true;
  }

  next(): Promise<boolean> {
    return this.goTo(this.index + 1);
  }

  back(): Promise<boolean> {
    return this.goTo(this.index - 1);
  }

  /**
   * Checks the steps from the current one up to (not including) `to`; at the first with a problem, that step
   * becomes current and its problem gets focus.
   */
  async checkUpTo(to: number, from = this.index): Promise<boolean> {
    for (let i = from; i < to; i++) {
      if (await this.o.validate(this.o.steps[i]!)) continue;
      await this.show(i);
      return false;
    }
    return true;
  }

  /** Makes step `i` current and focuses its first problem (after a refusal). */
  async show(i: number | S): Promise<void> {
    const index = typeof i === 'number' ? i : this.o.steps.indexOf(i);
    const { loading } = index >= 0 ? await this.ready(index) : {};
    if (index >= 0) this.index = index;
    this.host.requestUpdate();
    await loading;
    await this.host.updateComplete;
    const shown = this.o.shown?.(this.current);
    if (shown) await shown;
    this.focus(INVALID);
  }

  /** Waits a little for step `i`'s content; gives the whole load when it was not there yet. */
  private async ready(i: number): Promise<{ loading?: Promise<unknown> }> {
    const loading = this.o.load?.(this.o.steps[i]!)?.catch(() => undefined);
    if (loading) await Promise.race([loading, new Promise((r) => setTimeout(r, GRACE_MS))]);
    return { loading };
  }

  /** Focuses the first field (or button) of the step on screen. */
  focusFirst(): void {
    this.focus('[part~="panel"] input, [part~="panel"] button');
  }

  /** Focuses the first element matching `selector` in the host's shadow root. */
  focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

import { LitElement } from 'lit';
import { warnOnce } from './warn.js';

/**
 * Every event a widget emits, by name → `detail` type. Widgets add theirs with
 *
 * ```ts
 * declare module '../../src/base/am-element.js' {
 *   interface AmEventMap { 'account-select': { accountId: string } }
 * }
 * ```
 *
 * so `emit()` checks both the name and the detail.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AmEventMap {}

/** Options of `emit()`. */
export interface EmitOptions {
  /** Lets a listener veto the action with `preventDefault()` (`*-request` events). */
  cancelable?: boolean;
}

/**
 * The base of every element of the library: an idempotent `define()` that accepts a scoped registry,
 * a typed `emit()`, and custom states (`:state(loading)`) through ElementInternals.
 */
export class AmElement extends LitElement {
  /** Tag used when `define()` is called without one. */
  static tagName?: string;

  /** Elements this one renders; `define()` registers them first, in the same registry. */
  static dependencies: Record<string, typeof AmElement> = {};

  private _internals?: ElementInternals;

  /**
   * Registers the class as `tagName` in `registry` (default: the global one). Calling it again, or for a tag
   * this class already holds, does nothing; a tag held by another class is left alone with one warning.
   */
  static define(tagName: string | undefined = this.tagName, registry: CustomElementRegistry = customElements): void {
    if (!tagName) {
      warnOnce(`define:${this.name}`, `${this.name}.define() needs a tag name.`);
      return;
    }
    for (const [tag, dep] of Object.entries(this.dependencies)) dep.define(tag, registry);
    const existing = registry.get(tagName);
    if (existing === this || (existing && Object.getPrototypeOf(existing) === this && !existing.name)) return;
    if (existing) {
      warnOnce(`define:${tagName}`, `<${tagName}> is already defined by another class; keeping that one.`);
      return;
    }
    try {
      registry.define(tagName, this);
    } catch {
      // One constructor can hold only one tag per registry: a second tag gets a subclass.
      registry.define(tagName, class extends this {});
    }
  }

  /**
   * Dispatches a bubbling, composed `CustomEvent` and returns `false` when a listener called
   * `preventDefault()` on a cancelable event.
   */
  emit<K extends keyof AmEventMap>(name: K, detail: AmEventMap[K], options: EmitOptions = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /** Sets or clears a custom state, matched in CSS by `:host(:state(name))`. */
  setCustomState(name: string, on: boolean): void {
    try {
      this._internals ??= this.attachInternals();
      const states = this._internals.states;
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the state is cosmetic.
    }
  }
}

/** `AmEventMap` as DOM events, so `addEventListener('account-select', (e) => e.detail.accountId)` type-checks. */
export type AmEvents = { [K in keyof AmEventMap]: CustomEvent<AmEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends AmEvents {}
}

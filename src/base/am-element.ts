import { isServer, LitElement } from 'lit';
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

/** The registry `el` was created from: a scoped one where the browser has them, else the page's. */
export function registryOf(el: Element): CustomElementRegistry {
  return (
    (el as Element & { customElementRegistry?: CustomElementRegistry | null }).customElementRegistry ?? customElements
  );
}

/**
 * The tag `cls` is defined under where `el` lives, else `fallback` (its default tag). An element renders or finds
 * another of ours through this, never by a written tag: a page may define them under names of its own.
 */
export function tagOf(el: Element, cls: CustomElementConstructor, fallback: string): string {
  return registryOf(el).getName(cls) ?? fallback;
}

/**
 * The base of every element of the library: an idempotent `define()` that accepts a scoped registry,
 * a typed `emit()`, and custom states (`:state(loading)`) through ElementInternals.
 */
export class AmElement extends LitElement {
  /** Tag used when `define()` is called without one. */
  static tagName?: string;

  /**
   * Elements this one renders, by their default tag; `define()` registers them first, in the same registry, under
   * that tag, unless the registry holds the class under a name of the page's already: it is then rendered under
   * that name (see `tagOf`). Internal elements (those with a `tagName` of their own) always get their tag.
   */
  static dependencies: Record<string, typeof AmElement> = {};

  private _internals?: ElementInternals;

  constructor() {
    super();
    // A server renderer routes an event from an element's shadow content or slot through its shadow root, which it
    // never makes: made here, the elements inside reach those around them (the provider answers with its locale).
    if (isServer && !this.shadowRoot) this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
  }

  /**
   * Registers the class as `tagName` in `registry` (default: the global one). Calling it again, or for a tag
   * this class already holds, does nothing; a tag held by another class is left alone with one warning. Without a
   * tag name (and no default `tagName`) it throws, saying what is defined already and how to name another.
   */
  static define(tagName: string | undefined = this.tagName, registry: CustomElementRegistry = customElements): void {
    if (!tagName) {
      const held = registry.getName(this);
      throw new TypeError(
        held
          ? `${this.name}.define() was called without a tag name, and ${this.name} is already defined as <${held}>: ` +
              `nothing was defined. To use it under another name, pass one: ${this.name}.define('my-${held}') ` +
              `(define the elements it renders under your names first, so it renders those).`
          : `${this.name}.define() needs a tag name, e.g. ${this.name}.define('my-${kebab(this.name)}'): nothing ` +
              `was defined.`,
      );
    }
    for (const [tag, dep] of Object.entries(this.dependencies)) {
      if (dep.tagName === tag || !registry.getName(dep)) dep.define(tag, registry);
    }
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
    // Its style sheets are parsed now, as the page loads, not when its first instance connects.
    if (!isServer) for (const s of this.elementStyles) void (s as { styleSheet?: CSSStyleSheet }).styleSheet;
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

const kebab = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase() || 'element';

/** `AmEventMap` as DOM events, so `addEventListener('account-select', (e) => e.detail.accountId)` type-checks. */
export type AmEvents = { [K in keyof AmEventMap]: CustomEvent<AmEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends AmEvents {}
}

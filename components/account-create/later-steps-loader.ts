import type * as LaterStepsModule from './later-steps.js';

export type LaterSteps = typeof LaterStepsModule;

let loaded: LaterSteps | undefined;
let pending: Promise<LaterSteps> | undefined;
/** The module's URL, as the browser named it when its load failed. */
let failedUrl: string | undefined;
let retries = 0;
/** The registries the wizard was defined in. */
const registries = new Set<CustomElementRegistry>();

/** Defines the steps' elements in `registry`, but those it holds under a name of the page's already. */
function defineIn(registry: CustomElementRegistry, m: LaterSteps): void {
  for (const [tag, cls] of Object.entries(m.dependencies)) {
    if (cls.tagName === tag || !registry.getName(cls)) cls.define(tag, registry);
  }
}

/** The module of the steps after the first (see `later-steps.ts`), once loaded. */
export const laterSteps = (): LaterSteps | undefined => loaded;

/** The wizard is defined in `registry`: the elements of its later steps are defined there too. */
export function addRegistry(registry: CustomElementRegistry): void {
  registries.add(registry);
  if (loaded) defineIn(registry, loaded);
}

/**
 * Loads the steps after the first and defines their elements where the wizard is defined; one load at a time,
 * and again after one failed. A browser keeps a module whose fetch failed as failed: a new attempt asks for the
 * URL the failure named with a query of its own (when the browser named one).
 */
export function loadLaterSteps(): Promise<LaterSteps> {
  pending ??= (
    failedUrl
      ? (import(/* @vite-ignore */ `${failedUrl}?retry=${++retries}`) as Promise<LaterSteps>)
      : import('./later-steps.js')
  ).then(
    (m) => {
      for (const registry of registries.size ? registries : [customElements]) defineIn(registry, m);
      loaded = m;
      return m;
    },
    (e: unknown) => {
      pending = undefined;
      failedUrl ??= /\b(?:https?|file):\/\/[^\s?#'"]+/.exec(String(e))?.[0];
      throw e;
    },
  );
  return pending;
}

/** Runs `fn` once the browser is idle after the next paint (at most half a second on). */
export function afterPaint(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
  else requestAnimationFrame(() => setTimeout(fn));
}

/**
 * The CDN loader (`dist/cdn/account-manager-widgets.js`): `createKazooAdapter`, `discover` and the element classes,
 * and no element. Each element's code is a chunk beside this file, fetched and registered the first time its tag appears
 * in the document or in the shadow root of one of our elements (a MutationObserver, as Shoelace's autoloader).
 * A host that renders our tags in its own shadow roots calls `discover(root)` for them.
 * `account-manager-widgets.api.js` exports the rest of the package (`exports/cdn-api.ts`);
 * `account-manager-widgets.all.js` is the one-file build instead (`exports/cdn-all.ts`).
 */
import { AmElement } from '../src/base/am-element.js';
import type * as Elements from './elements.js';

export { createKazooAdapter } from '../src/kazoo/index.js';
export type { KazooAdapterOptions, KazooCredentials } from '../src/kazoo/index.js';

declare global {
  interface ImportMeta {
    /** Vite's `import.meta.glob` (lazy form), the only part of `vite/client` this module uses. */
    glob<T>(pattern: string): Record<string, () => Promise<T>>;
  }
}

// Each element's define module, by tag: one chunk each, found by Vite at build time (a new element joins by itself).
const modules = import.meta.glob<Record<string, unknown>>('../components/*/*.define.ts');
const LOADERS = new Map<string, () => Promise<Record<string, unknown>>>();
for (const [path, load] of Object.entries(modules)) {
  const [, dir, tag] = /\/components\/([^/]+)\/([^/]+)\.define\.ts$/.exec(path) ?? [];
  if (tag && tag === dir) LOADERS.set(tag, load);
}
const SELECTOR = [...LOADERS.keys()].join(',');

/*
 * The element classes, under the names `account-manager-widgets` exports: each is set once its element is defined
 * (by this loader, or by another element that renders it), and `undefined` before. Await
 * `customElements.whenDefined('<tag>')` before using one, or import `account-manager-widgets.all.js`.
 */
export let AccountProvider: typeof Elements.AccountProvider | undefined;
export let AccountTree: typeof Elements.AccountTree | undefined;
export let AccountCreate: typeof Elements.AccountCreate | undefined;
export let AccountOverview: typeof Elements.AccountOverview | undefined;
export let AccountAdmins: typeof Elements.AccountAdmins | undefined;
export let ServicePlanPicker: typeof Elements.ServicePlanPicker | undefined;
export let NumberFeatures: typeof Elements.NumberFeatures | undefined;
export let AccountRestrictions: typeof Elements.AccountRestrictions | undefined;
export let AccountLimits: typeof Elements.AccountLimits | undefined;
export let CarrierPicker: typeof Elements.CarrierPicker | undefined;
export let AppExchangeToggle: typeof Elements.AppExchangeToggle | undefined;
export let AccountNotes: typeof Elements.AccountNotes | undefined;
export let AccountAnnouncement: typeof Elements.AccountAnnouncement | undefined;
export let AccountManager: typeof Elements.AccountManager | undefined;

const CLASSES: Record<string, (cls: never) => unknown> = {
  'account-provider': (c: typeof AccountProvider) => (AccountProvider = c),
  'account-tree': (c: typeof AccountTree) => (AccountTree = c),
  'account-create': (c: typeof AccountCreate) => (AccountCreate = c),
  'account-overview': (c: typeof AccountOverview) => (AccountOverview = c),
  'account-admins': (c: typeof AccountAdmins) => (AccountAdmins = c),
  'service-plan-picker': (c: typeof ServicePlanPicker) => (ServicePlanPicker = c),
  'number-features': (c: typeof NumberFeatures) => (NumberFeatures = c),
  'account-restrictions': (c: typeof AccountRestrictions) => (AccountRestrictions = c),
  'account-limits': (c: typeof AccountLimits) => (AccountLimits = c),
  'carrier-picker': (c: typeof CarrierPicker) => (CarrierPicker = c),
  'app-exchange-toggle': (c: typeof AppExchangeToggle) => (AppExchangeToggle = c),
  'account-notes': (c: typeof AccountNotes) => (AccountNotes = c),
  'account-announcement': (c: typeof AccountAnnouncement) => (AccountAnnouncement = c),
  'account-manager': (c: typeof AccountManager) => (AccountManager = c),
};

if (typeof customElements !== 'undefined') {
  for (const tag of LOADERS.keys()) {
    void customElements.whenDefined(tag).then((cls) => {
      // Ours only: a host may hold the tag with its own class.
      if (cls.prototype instanceof AmElement) CLASSES[tag]?.(cls as never);
    });
  }
}

const loading = new Map<string, Promise<void>>();

/** Fetches and runs `<tag>`'s define module once; nothing when the tag is already defined (by anyone). */
function load(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let p = loading.get(tag);
  if (!p) {
    p = LOADERS.get(tag)!().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag); // a later appearance of the tag tries again
        console.error(`account-manager-widgets: could not load <${tag}>`, error);
        throw error;
      },
    );
    loading.set(tag, p);
  }
  return p;
}

const observer =
  typeof MutationObserver === 'undefined'
    ? undefined
    : new MutationObserver((records) => {
        for (const { addedNodes } of records) {
          for (const node of addedNodes) if (node.nodeType === Node.ELEMENT_NODE) void discover(node as Element);
        }
      });
const watched = new WeakSet<ShadowRoot>();

/** Watches the shadow root of one of our elements: what it renders now, and what it adds later. */
function watch(el: Element): void {
  const root = el.shadowRoot;
  if (!root || watched.has(root)) return;
  watched.add(root);
  observer?.observe(root, { childList: true, subtree: true });
  void discover(root);
}

/**
 * Registers every element of this library found in `root` (itself included), loading each one's chunk on first
 * use, and from then on watches the shadow roots of those elements. The document is watched already: call it for
 * a shadow root of your own that holds our tags. Resolves when the elements found are defined; never rejects.
 */
export async function discover(root: Element | ShadowRoot | Document = document): Promise<void> {
  if (!SELECTOR) return;
  const found = [...root.querySelectorAll(SELECTOR)];
  if (root instanceof Element && root.matches(SELECTOR)) found.unshift(root);
  await Promise.allSettled(found.map((el) => load(el.localName).then(() => watch(el))));
}

if (observer && typeof document !== 'undefined') {
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void discover(document.documentElement);
}

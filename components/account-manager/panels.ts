import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { registryOf, type AmElement } from '../../src/base/am-element.js';
import { renderErrorPanel, renderSkeleton, type Localizer } from '../../src/base/primitives.js';

/** The manager's tabs, in order. */
export const TABS = [
  'overview',
  'admins',
  'limits',
  'numbers',
  'restrictions',
  'carrier',
  'apps',
  'notes',
  'plans',
] as const;

export type AccountManagerTab = (typeof TABS)[number];

export const isTab = (value: unknown): value is AccountManagerTab => TABS.includes(value as AccountManagerTab);

/** The element each tab shows, by its default tag (the key of the manager's dependencies and lazy dependencies). */
export const PANEL_TAGS: Record<AccountManagerTab, string> = {
  overview: 'account-overview',
  admins: 'account-admins',
  limits: 'account-limits',
  numbers: 'number-features',
  restrictions: 'account-restrictions',
  carrier: 'carrier-picker',
  apps: 'app-exchange-toggle',
  notes: 'account-notes',
  plans: 'service-plan-picker',
};

export type Loader = () => Promise<typeof AmElement>;

/**
 * Elements the manager loads on first use (a tab opened, "Add account"), by default tag: none of their code is
 * fetched for the first paint.
 */
export const LAZY: Record<string, Loader> = {
  'account-admins': () => import('../account-admins/account-admins.js').then((m) => m.AccountAdmins),
  'account-limits': () => import('../account-limits/account-limits.js').then((m) => m.AccountLimits),
  'number-features': () => import('../number-features/number-features.js').then((m) => m.NumberFeatures),
  'account-restrictions': () =>
    import('../account-restrictions/account-restrictions.js').then((m) => m.AccountRestrictions),
  'carrier-picker': () => import('../carrier-picker/carrier-picker.js').then((m) => m.CarrierPicker),
  'app-exchange-toggle': () => import('../app-exchange-toggle/app-exchange-toggle.js').then((m) => m.AppExchangeToggle),
  'account-notes': () => import('../account-notes/account-notes.js').then((m) => m.AccountNotes),
  'service-plan-picker': () => import('../service-plan-picker/service-plan-picker.js').then((m) => m.ServicePlanPicker),
  'account-create': () => import('../account-create/account-create.js').then((m) => m.AccountCreate),
};

/** Registries the manager was defined in: what it loads later is defined there too. */
export const REGISTRIES = new Set<CustomElementRegistry>();

/**
 * Registers `cls` under `tag` in every registry the manager was defined in, but where the registry holds it under a
 * name of the page's already (the manager then shows it under that name).
 */
export function defineIn(tag: string, cls: typeof AmElement): void {
  for (const r of REGISTRIES.size ? REGISTRIES : [customElements]) if (!r.getName(cls)) cls.define(tag, r);
}

/** The classes of the elements loaded on first use, once loaded, by loader. */
const LOADED = new WeakMap<Loader, typeof AmElement>();

/** What the manager's class says of the elements it shows: those it imports, those it loads on first use. */
export interface ShownElements {
  readonly dependencies: Record<string, unknown>;
  readonly lazyDependencies: Record<string, Loader>;
}

/**
 * The tag an element the manager shows is defined under, by its default tag (`key`): the page's name for it when
 * the page defined it so, else `key`; `undefined` while a lazy one's code is not loaded.
 */
export function knownTag(host: Element, of: ShownElements, key: string): string | undefined {
  const load = of.lazyDependencies[key];
  const cls = (of.dependencies[key] as typeof AmElement | undefined) ?? (load && LOADED.get(load));
  return cls ? (registryOf(host).getName(cls) ?? undefined) : undefined;
}

/** The tag of a default tag's element (see `knownTag`), once its code is loaded and it is defined. */
export async function defineLazy(host: Element, of: ShownElements, key: string): Promise<string> {
  const known = knownTag(host, of, key);
  if (known) return known;
  const load = of.lazyDependencies[key];
  if (!load) return key;
  const cls = LOADED.get(load) ?? (await load());
  LOADED.set(load, cls);
  defineIn(key, cls);
  return registryOf(host).getName(cls) ?? key;
}

/** The tabs' keyboard (WAI-ARIA tabs): arrows move along the tabs (mirrored right to left), Home and End to the ends. */
function moveAmongTabs(e: KeyboardEvent): void {
  const tabs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]')];
  const i = tabs.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  const step = getComputedStyle(tabs[i]!).direction === 'rtl' ? -1 : 1;
  const to: Record<string, number> = { ArrowRight: i + step, ArrowLeft: i - step, Home: 0, End: tabs.length - 1 };
  const next = to[e.key];
  if (next === undefined) return;
  e.preventDefault();
  tabs[(next + tabs.length) % tabs.length]!.focus();
}

const SKELETON_DELAY_MS = 150;

/** The element of one tab: created when the tab is first opened for an account. */
export interface Panel {
  accountId: string;
  el?: HTMLElement & { dirty?: boolean };
  failed?: boolean;
  /** Its code has taken long enough to show a skeleton. */
  slow?: boolean;
}

/**
 * The tabs' elements: each created (its code loaded on first use) when its tab is first opened for an account,
 * kept while the account stays (drafts and scroll survive a tab switch), dropped when another account is shown
 * unless it holds unsaved edits (it then asks when shown again).
 */
export class Panels {
  private readonly map = new Map<AccountManagerTab, Panel>();

  /**
   * `known(key)`: the tag the element of a default tag is defined under, when its code is loaded already;
   * `define(key)` loads its code, defines it where it is not, and resolves with that tag.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly known: (key: string) => string | undefined,
    private readonly define: (key: string) => Promise<string>,
  ) {}

  get(tab: AccountManagerTab): Panel | undefined {
    return this.map.get(tab);
  }

  clear(): void {
    this.map.clear();
  }

  /** The tab's element shows `id`: created (and its code loaded) the first time. */
  bind(tab: AccountManagerTab, id: string): void {
    const p = this.map.get(tab);
    if (!p) {
      const fresh: Panel = { accountId: id };
      this.map.set(tab, fresh);
      void this.load(tab, fresh);
    } else if (p.accountId !== id) {
      p.accountId = id;
      p.el?.setAttribute('account-id', id);
    }
  }

  /** Another account is shown: the other tabs' elements go, but for those holding unsaved edits. */
  dropAllBut(tab: AccountManagerTab, id: string | undefined): void {
    for (const [t, p] of this.map) if (t !== tab && p.accountId !== id && !p.el?.dirty) this.map.delete(t);
  }

  /** `id` is gone (deleted): its elements go, but the one on screen. */
  dropAccount(id: string, shown: AccountManagerTab): void {
    for (const [t, p] of this.map) if (p.accountId === id && t !== shown) this.map.delete(t);
  }

  private async load(tab: AccountManagerTab, p: Panel): Promise<void> {
    const key = PANEL_TAGS[tab];
    p.failed = false;
    let tag = this.known(key);
    if (!tag) {
      const timer = setTimeout(() => {
        p.slow = true;
        this.host.requestUpdate();
      }, SKELETON_DELAY_MS);
      try {
        tag = await this.define(key);
      } catch {
        p.failed = true;
      } finally {
        clearTimeout(timer);
        p.slow = false;
      }
      if (this.map.get(tab) !== p) return;
      this.host.requestUpdate();
      if (p.failed || !tag) return;
    }
    const el = document.createElement(tag) as Panel['el'] & HTMLElement;
    el.setAttribute('account-id', p.accountId);
    p.el = el;
  }

  /** The WAI-ARIA tab list and one panel per tab (only the selected one shown). */
  renderTabs(
    tab: AccountManagerTab,
    label: string,
    name: (tab: AccountManagerTab) => string,
    l: Localizer & { t(key: 'sectionFailed'): string },
    onSelect: (tab: AccountManagerTab) => void,
  ): TemplateResult {
    return html`<div class="tabs" role="tablist" part="tabs" aria-label=${label} @keydown=${moveAmongTabs}>
        ${TABS.map((t) => {
          const selected = t === tab;
          return html`<button
            type="button"
            role="tab"
            class="tab"
            id="tab-${t}"
            part=${selected ? 'tab tab-selected' : 'tab'}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel-${t}"
            tabindex=${selected ? 0 : -1}
            @click=${() => onSelect(t)}
          >
            ${name(t)}
          </button>`;
        })}
      </div>
      ${TABS.map(
        (t) =>
          html`<div
            class="panel"
            role="tabpanel"
            part="panel"
            id="panel-${t}"
            data-tab=${t}
            aria-labelledby="tab-${t}"
            ?hidden=${t !== tab}
          >
            ${this.render(t, l)}
          </div>`,
      )}`;
  }

  /** The tab's element, a skeleton while its code loads, or what failed with Retry. */
  render(tab: AccountManagerTab, l: Localizer & { t(key: 'sectionFailed'): string }): unknown {
    const p = this.map.get(tab);
    if (!p) return nothing;
    if (p.el) return p.el;
    if (p.failed) {
      return renderErrorPanel({ kind: 'network' }, l, {
        title: l.t('sectionFailed'),
        onRetry: () => void this.load(tab, p).then(() => this.host.requestUpdate()),
      });
    }
    return p.slow ? renderSkeleton(l) : nothing;
  }
}

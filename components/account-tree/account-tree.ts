import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AccountApi } from '../../src/api/api.js';
import type { AccountSummary } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';
import type { Listing } from '../../src/data/listing.js';
import { cssVars } from '../../src/base/css-vars.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { defineTranslations, TextLocalizeController, type SharedKey } from '../../src/base/localize.js';
import en from './locales/en-US.js';
import { basicControlStyles } from '../../src/base/basic-controls.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-tree.styles.js';
import { hasChildren, keyOf, knownName, TreeController, type Row } from './tree-controller.js';
import { TreeViewport, type ViewportHost } from './tree-viewport.js';
import * as treeFocus from './tree-focus.js';
import type { KeyPress } from './tree-keyboard.js';
import type { DeferredParts } from './tree-deferred.js';
import type { InteractiveParts } from './tree-interactive.js';
import { loadDeferred, loadInteractive, renderRow, rootCrumb, type Deferred, type Interactive } from './tree-row.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user chose an account (click, Enter or Space; a search result too). */
    'account-select': { account: AccountSummary };
    /** Before opening the account creation for `parentId`; cancel to handle it yourself. */
    'account-create-request': { parentId: string };
  }
}

defineTranslations('account-tree', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});
type Key = keyof typeof en;

/** How long the first render waits for the root's first page before it draws placeholders. */
const FIRST_ROWS_WAIT = 100;

/** Keys the tree's keyboard handles (and printable characters, for type-ahead). */
const TREE_KEYS = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down)|Enter)$/;

/**
 * The multi-tenant hierarchy below an account, fast at any size: children load a page at a time as they
 * scroll into view (in the backend's order, never re-sorted), only the rows in view are drawn (a few dozen in
 * the DOM whatever the size), and changes saved by any widget on the page show in place with expansion,
 * selection and scroll kept. A search box searches every descendant on the server; a result reveals its place.
 *
 * A level's scrollbar spans all of it: its size is its parent's `descendantsCount` (every level below, so an
 * upper bound), corrected as pages arrive and exact once they meet. Rows near loaded ones are read on by
 * cursor; dragging far into a level reads one page starting at the name that lies there (the names between
 * the loaded neighbours, interpolated), and dragging to the end reads the last page backward, so any row is a
 * request away; `aria-posinset` is that estimate until the pages around it meet. A level whose size is not
 * known grows a page at a time as it is scrolled to.
 *
 * Keyboard: the WAI-ARIA tree pattern (one tab stop; arrows, Home/End, PageUp/PageDown, `*`, Enter/Space,
 * type-ahead). Rows carry `aria-level`, `aria-posinset`, `aria-setsize`, `aria-expanded`, `aria-selected`
 * and `aria-busy` (placeholders).
 *
 * The element's own module draws the rows: its first page is asked for as it connects, and its first render waits
 * for that page (at most 100 ms), so the rows come in the task that brings them. The breadcrumbs and the badges'
 * reads are a module asked for once those rows are shown; the keyboard and the search, one asked for the first
 * time a user focuses or presses the tree (keys pressed before it is here are handled, in order, when it is).
 *
 * @summary Accounts and sub-accounts, with search, breadcrumbs and "Add account".
 *
 * @tag account-tree
 *
 * @csspart toolbar - The bar above the tree (breadcrumbs and "Add account").
 * @csspart breadcrumbs - The `<nav>` of the path from the logged-in account to the root.
 * @csspart crumb - A clickable ancestor in the breadcrumbs.
 * @csspart crumb-current - The root's name, last in the breadcrumbs.
 * @csspart add-button - The "Add account" button.
 * @csspart search - The search field.
 * @csspart tree - The scroll container (`role="tree"`).
 * @csspart row - Every row (`role="treeitem"`); also `row-selected`, `row-placeholder`, `row-error`.
 * @csspart toggle - The expand/collapse caret of a row with sub-accounts.
 * @csspart badge - A status badge; also `badge-disabled`, `badge-reseller`.
 * @csspart retry - The Retry button of a level that failed to load.
 * @csspart empty - "No sub-accounts yet." / "No accounts match".
 *
 * @cssproperty --am-account-tree-height - Height when the host sets none (default `24rem`).
 * @cssproperty --am-account-tree-row-height - Row height (default `2rem`).
 * @cssproperty --am-account-tree-indent - Indent per level (default `1.25rem`).
 * @cssproperty --am-account-tree-background - Tree background (default `--am-color-surface`).
 * @cssproperty --am-account-tree-border-color - Tree border (default `--am-color-border`).
 * @cssproperty --am-account-tree-row-hover-background - Hovered row (default `--am-color-surface-sunken`).
 * @cssproperty --am-account-tree-row-selected-background - Selected row (default `--am-color-accent`).
 * @cssproperty --am-account-tree-row-selected-color - Selected row text (default `--am-color-on-accent`).
 * @cssproperty --am-account-tree-badge-color - Reseller badge (default `--am-color-accent-text`).
 *
 * @event account-select - The user chose an account. `detail: { account: AccountSummary }`.
 * @event account-create-request - Cancelable, on "Add account": the host (or `<account-manager>`) opens the
 * creation of an account under `parentId`. `detail: { parentId }`.
 */
export class AccountTree extends AmElement {
  static override styles = [tokens, basicControlStyles, styles];

  // Declared here rather than with decorators: the element's first load then needs none of their code.
  static override properties = {
    rootId: { attribute: 'root-id' },
    selected: {},
    api: { attribute: false },
    i18n: { attribute: false },
  };

  /** The account whose sub-accounts are shown. Default: the provider's acting account (follows "Use account"). */
  declare rootId?: string;

  /**
   * The selected account's id. Set by the host, the tree reveals it (expands its ancestors, loads what it
   * takes) and scrolls it into view; an id not below the root is kept and shows nothing selected.
   */
  declare selected?: string;

  /** A backend for use without `<account-provider>`. */
  declare api?: AccountApi;

  /** Overrides single labels, e.g. `{ add: 'New customer' }`. */
  declare i18n?: Partial<Record<Key | SharedKey, string>>;

  /** What the live region says (set through `say()`). */
  private note: unknown = '';
  /** A root chosen in the breadcrumbs, until the host's root changes (choosing one asks for an update). */
  private viewRoot?: string;

  private readonly am = new AmContextController(this);
  /** @internal */
  readonly l = new TextLocalizeController<Key>(this, { namespace: 'account-tree', locale: () => this.am.locale });
  /** @internal */
  readonly tree = new TreeController(this);
  /** @internal */
  readonly view = new TreeViewport(this as unknown as ViewportHost);
  /** The breadcrumbs and badges, once their module is here (see `loadDeferred`). */
  private later?: DeferredParts;
  /** The keyboard and search, once their module is here (see `loadInteractive`). */
  private live?: InteractiveParts;
  /** Tree keys pressed before the keyboard was here: handled, in order, when it is. */
  private pressed: KeyPress[] = [];
  /** @internal */
  store?: AccountStore;
  private unsubscribe?: () => void;
  private baseRoot?: string;
  /** @internal */
  activeKey?: string;
  /** @internal */
  activeIndex = 0;
  /** @internal */
  hasFocus = false;
  private selfSelected = false;
  private revealSelected = false;
  private revealSeq = 0;
  private loadQueued = false;

  /** Expands `id`'s ancestors, loads the pages it takes and scrolls to it. Resolves whether it is shown. */
  async reveal(id: string): Promise<boolean> {
    if (!this.isConnected) return false;
    if (this.tree.search) this.live?.search.clear();
    return this.show(id, false);
  }

  /** Expands a loaded row. */
  expand(id: string): void {
    if (this.isConnected) this.tree.expand(id);
  }

  /** Collapses a row. */
  collapse(id: string): void {
    if (this.isConnected) this.tree.collapse(id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncRoot();
    // The store patched its listings while this was detached: only the rows need building again.
    this.requestUpdate();
    if (this.hasUpdated) this.view.attach(this.treeEl!);
    // The breadcrumbs and badges come once the first rows are shown: their module's code does not compete with them.
    if (!this.later) void (this.store?.afterFirstRows() ?? Promise.resolve()).then(loadDeferred).then(this.adopt);
    // Listeners on the element itself: they go with it.
    this.addEventListener('focusin', this.wake);
    this.addEventListener('pointerdown', this.wake);
  }

  /** The breadcrumbs and badges arrived. */
  private adopt = (m: Deferred | undefined): void => {
    if (!m || this.later) return;
    this.later = m.deferredParts(this);
    this.requestUpdate();
  };

  /** A hand on the tree (focus, pointer, key): the keyboard and search are fetched if they are not here. */
  private wake = (): void => {
    if (!this.live) void loadInteractive().then(this.adoptLive);
  };

  /** The keyboard and search arrived: keys pressed meanwhile are handled, a query typed meanwhile is searched. */
  private adoptLive = (m: Interactive | undefined): void => {
    if (!m || this.live) return;
    const live = (this.live = m.interactiveParts(this));
    for (const key of this.pressed.splice(0)) live.keys.onKey(key);
    const query = this.renderRoot.querySelector<HTMLInputElement>('input')?.value;
    if (query?.trim()) live.search.input(query);
    this.requestUpdate();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = this.store = undefined;
    this.live?.search.stop();
    this.later?.badges.stop();
    this.view.detach();
    this.firstRows?.();
  }

  /** @internal */
  get treeEl(): HTMLElement | null {
    // No render root on a server: nothing was drawn yet.
    return this.renderRoot?.querySelector('[role="tree"]') ?? null;
  }

  /** Lets the first render go (see `scheduleUpdate`). */
  private firstRows?: () => void;

  /**
   * While the root's first page is on its way, the first render waits for it (at most `FIRST_ROWS_WAIT` ms): the
   * rows are drawn in the task that brings them, with no placeholder frame before them on a fast network.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const level = this.tree.root;
    if (this.hasUpdated || !level?.loading || level.items.length) return super.scheduleUpdate();
    return new Promise<void>((go) => {
      const timer = setTimeout(go, FIRST_ROWS_WAIT);
      this.firstRows = () => {
        clearTimeout(timer);
        go();
      };
    }).then(() => {
      this.firstRows = undefined;
      super.scheduleUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.syncRoot();
    if (changed.has('selected')) {
      if (this.selfSelected) this.selfSelected = false;
      else this.revealSelected = !!this.selected;
    }
    if (this.hasUpdated && this.tree.stale) this.view.captureAnchor();
    this.tree.sync();
  }

  /**
   * Follows the store and the root, and asks for the root's first page when nothing of it is loaded. Runs on
   * connection too, so the first page leaves before anything renders.
   */
  private syncRoot(): void {
    const store = this.am.store;
    // Only while connected: a detached tree's subscription would keep it alive through the store's listeners.
    if (store !== this.store && this.isConnected) {
      this.unsubscribe?.();
      this.store = store;
      this.unsubscribe = store?.subscribe(this.onStore);
    }
    const base = this.rootId || this.am.actingAccountId;
    const baseChanged = base !== this.baseRoot;
    if (baseChanged) {
      this.baseRoot = base;
      this.viewRoot = undefined;
    }
    const root = this.viewRoot ?? base;
    if (!root || !store) {
      if (this.tree.root) this.tree.clear();
    } else if (store !== this.tree.store || root !== this.tree.rootId) {
      // Moving along the breadcrumbs keeps what is loaded and expanded; a new root starts afresh.
      this.tree.setRoot(store, root, !baseChanged);
      if (this.selected) this.revealSelected = true;
    }
    // The first page is asked first; the breadcrumbs are read once its rows are painted.
    const level = this.tree.root;
    if (level && !level.items.length && !level.done && !level.error) void level.loadTo(0);
    else if (store && root) this.crumbsAfterPaint();
  }

  private crumbsPending = false;

  /** Reads the breadcrumbs' path after the frame that shows the rows, so nothing competes with the first page. */
  private crumbsAfterPaint(): void {
    if (this.crumbsPending) return;
    this.crumbsPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.crumbsPending = false;
        const root = this.tree.rootId;
        if (this.isConnected && this.store && root) this.later?.crumbs.update(this.store, root, this.am.session);
      }),
    );
  }

  protected override firstUpdated(): void {
    this.view.attach(this.treeEl!);
  }

  protected override updated(): void {
    // With no row at all (a first page, a retried or refreshed root, a new search) ask at once; else what is in view decides.
    if (!this.tree.count) this.tree.loadRange(0, 0);
    else this.scheduleLoad();
    this.view.restoreAnchor();
    treeFocus.keepFocus(this);
    if (this.revealSelected && this.tree.root) {
      this.revealSelected = false;
      void this.show(this.selected, false);
    }
    treeFocus.syncTabStop(this);
    this.syncBusy();
  }

  /** `aria-busy` on the tree while a page is on its way (set directly: it changes outside renders). */
  private syncBusy(): void {
    this.treeEl?.setAttribute('aria-busy', String(this.tree.busy || !this.tree.root));
  }

  // ---- rendering

  protected override render(): TemplateResult {
    const { l, tree, later } = this;
    const search = tree.search;
    const shown = search ?? tree.root;
    const empty = !!shown?.done && !shown.items.length;
    treeFocus.resolveActive(this);
    const count = tree.count;
    const [first, last] = this.view.window(count);
    const drawn: number[] = [];
    for (let i = first; i <= last; i++) drawn.push(i);
    const rootName = this.rootName;
    const label = search
      ? l.t('results', { query: tree.query })
      : rootName
        ? l.t('treeOf', { name: rootName })
        : l.t('tree');
    return html`<div class="frame">
      <div class="bar" part="toolbar">
        ${later ? later.crumbs.render(l.t('path'), this.onCrumb) : rootCrumb(l.t('path'), rootName)}
        <button
          type="button"
          class="am-button add"
          part="add-button"
          title=${ifDefined(this.parentName() ? l.t('addUnder', { name: this.parentName() }) : undefined)}
          ?disabled=${!tree.root}
          @click=${this.requestCreate}
        >
          ${l.t('add')}
        </button>
      </div>
      <input
        type="search"
        class="am-input search"
        part="search"
        dir="auto"
        autocomplete="off"
        aria-label=${l.t('search')}
        placeholder=${l.t('searchHint')}
        @input=${this.live?.search.onInput}
        @keydown=${this.live?.search.onKey}
      />
      ${
        empty
          ? html`<p class="am-note" part="empty">${search ? this.live?.search.noMatch() : l.t('noChildren')}</p>`
          : nothing
      }
      <div
        role="tree"
        part="tree"
        class="tree"
        aria-label=${label}
        aria-busy="true"
        ?hidden=${empty}
        @keydown=${this.onKey}
        @click=${this.onClick}
        @dblclick=${this.onDblClick}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        <div class="sizer" ${cssVars({ '--extent': `${this.view.extent(count)}px` })}></div>
        <div class="rows" role="none" ${cssVars({ '--offset': `${this.view.offset(count, first)}px` })}>
          ${drawn.map((i) => renderRow(this, tree.rowAt(i), i))}
        </div>
      </div>
      <div class="am-visually-hidden" role="status">${this.note}</div>
    </div>`;
  }

  /** The root's name: the breadcrumbs', or until they are here what is known of it without asking. */
  private get rootName(): string | undefined {
    const { later, store, tree } = this;
    if (later) return later.crumbs.rootName;
    return store && tree.rootId ? knownName(store, tree.rootId, this.am.session) : undefined;
  }

  // ---- data

  private onStore = (c: StoreChange): void => {
    this.firstRows?.();
    this.tree.onStoreChange(c);
    if (c.type === 'listing-updated') {
      const t = this.tree;
      const L = t.search?.key === c.key ? t.search : this.store?.peekListing(c.key.slice('children:'.length));
      if (L && !L.loading) this.settled(L);
      this.syncBusy();
    }
    const root = this.tree.rootId;
    if (c.type === 'account-deleted' && c.id === this.selected) {
      this.selfSelected = true;
      this.selected = undefined;
    }
    if (this.store) this.later?.crumbs.onStoreChange(c, this.store, root, this.am.session);
    // Reads teach the store whether an account is enabled or a reseller: badges follow.
    if (c.type === 'resource-updated') this.requestUpdate();
  };

  /** The failure the live region says, until a page comes back. */
  private failure?: unknown;

  private settled(level: Listing): void {
    const { l } = this;
    if (level.error) this.say((this.failure = l.t('pageFailed', { reason: l.errorMessage(level.error) })));
    else if (this.note === this.failure) this.say('');
    if (!level.error && level === this.tree.search) {
      const note = this.live?.search.announce(level);
      if (note !== undefined) this.say(note);
    }
  }

  // ---- focus, selection and scrolling (the DOM side in tree-focus.ts)

  /** @internal */
  say(note: unknown): void {
    if (note === this.note) return;
    this.note = note;
    this.requestUpdate();
  }

  /** @internal */
  setActive(key: string | undefined, index?: number): void {
    this.activeKey = key;
    if (index !== undefined) this.activeIndex = index;
  }

  private onFocusIn(e: FocusEvent): void {
    treeFocus.onFocusIn(this, e);
  }

  private onFocusOut(e: FocusEvent): void {
    treeFocus.onFocusOut(this, e);
  }

  /** Asks for what the rows in view need, right after the rows were drawn. */
  private scheduleLoad(): void {
    if (this.loadQueued) return;
    this.loadQueued = true;
    queueMicrotask(() => {
      this.loadQueued = false;
      const [first, last] = this.view.inView();
      if (last >= 0) this.tree.loadRange(first, last);
      const store = this.store;
      const badges = this.later?.badges;
      if (badges && store && last >= 0 && !this.tree.busy) {
        badges.request(store, () => this.view.keysInView().filter((key) => this.tree.indexOf(key) >= 0));
      }
    });
  }

  /** Reveals `id`, makes it the active row and scrolls to it (and focuses it when asked). */
  private async show(id: string | undefined, focus: boolean): Promise<boolean> {
    if (!id) return false;
    const seq = ++this.revealSeq;
    let ok: boolean;
    try {
      const m = await loadDeferred();
      ok = m ? await m.reveal(this.tree, id) : false;
    } catch {
      ok = false;
    }
    if (!ok || seq !== this.revealSeq) return ok;
    this.activeKey = id;
    this.requestUpdate();
    await this.updateComplete;
    requestAnimationFrame(() => {
      this.view.anchor = undefined;
      this.view.scrollToIndex(this.tree.indexOf(id));
      if (focus || this.hasFocus) {
        this.hasFocus = true;
        treeFocus.focusActive(this);
      }
    });
    return true;
  }

  /** @internal The user chose `s`: selects it and says so (`account-select`). */
  choose(s: AccountSummary): void {
    if (s.id !== this.selected) {
      this.selfSelected = true;
      this.selected = s.id;
    }
    this.emit('account-select', { account: s });
    if (this.tree.search) {
      this.live?.search.clear();
      void this.show(s.id, true);
    }
  }

  /** @internal Rows in one page of the tree's height. */
  pageRows(): number {
    return Math.floor((this.treeEl?.clientHeight ?? 0) / this.view.rowH);
  }

  /** @internal */
  get locale(): string {
    return this.l.locale;
  }

  /** @internal */
  toggle(r: Row, i: number): void {
    const s = r.level.item(r.pos);
    if (!s || r.level === this.tree.search || !hasChildren(s)) return;
    if (!this.tree.isOpen(s.id)) return this.tree.expand(s.id);
    // The focus inside a collapsing subtree moves to its root.
    if (this.activeIndex > i && this.activeIndex < this.tree.subtreeEnd(i)) this.activeKey = s.id;
    this.tree.collapse(s.id);
  }

  // ---- user input

  private onClick(e: MouseEvent): void {
    const hit = treeFocus.rowOf(this, e);
    if (!hit) return;
    const target = e.target as HTMLElement;
    this.activeKey = keyOf(hit.row);
    this.activeIndex = hit.i;
    if (target.closest('.toggle')) this.toggle(hit.row, hit.i);
    else if (target.closest('.retry')) this.tree.retry(hit.row.level);
    else {
      const s = hit.row.level.item(hit.row.pos);
      if (s) this.choose(s);
    }
    this.requestUpdate();
  }

  private onDblClick(e: MouseEvent): void {
    const hit = treeFocus.rowOf(this, e);
    if (hit && !(e.target as HTMLElement).closest('.toggle')) this.toggle(hit.row, hit.i);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.live) return this.live.keys.onKey(e);
    this.wake();
    const { key, target, timeStamp } = e;
    if (e.altKey || e.ctrlKey || e.metaKey || (target as HTMLElement).closest('button')) return;
    if (key.length !== 1 && !TREE_KEYS.test(key)) return;
    // Until the keyboard is here: the key is kept, and the page does not scroll.
    this.pressed.push({ key, target, timeStamp, altKey: false, ctrlKey: false, metaKey: false, preventDefault() {} });
    e.preventDefault();
  }

  private onCrumb(e: Event): void {
    const id = (e.currentTarget as HTMLElement).dataset.id;
    const from = this.tree.rootId;
    if (!id || id === from) return;
    if (this.tree.search) this.live?.search.clear();
    this.viewRoot = id === this.baseRoot ? undefined : id;
    this.requestUpdate();
    // Show where we came from: the previous root, revealed and focused.
    if (from) void this.updateComplete.then(() => this.show(from, true));
  }

  private parentName(): string | undefined {
    const sel = this.selected;
    const i = sel ? this.tree.indexOf(sel) : -1;
    const r = this.tree.rowAt(i);
    return r ? r.level.item(r.pos)?.name : this.rootName;
  }

  /** "Add account" asks: the host (or `<account-manager>`) opens the creation for `parentId`. */
  private requestCreate(): void {
    const sel = this.selected;
    const parentId = sel && this.tree.indexOf(sel) >= 0 && !this.tree.search ? sel : this.tree.rootId;
    if (parentId) this.emit('account-create-request', { parentId }, { cancelable: true });
  }
}

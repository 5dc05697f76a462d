import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { Account, AccountSummary, Page } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';

/** Rows asked per page when the rows in view follow the loaded ones (Kazoo's own default page). */
export const PAGE_SIZE = 50;
/** Largest page asked when the rows in view lie far past the loaded ones: cursor paging has to walk there. */
const WALK_SIZE = 500;
/** A first page that takes longer than this shows placeholder rows (a fast one shows none: no flash, no cost). */
const PLACEHOLDER_DELAY = 150;
const SEARCH = '\u0001search';
const SEP = '\u0002';

type Fetch = (cursor: string | undefined, pageSize: number, signal: AbortSignal) => Promise<Page<AccountSummary>>;

const weight = (s: AccountSummary | undefined) => (s ? 1 + (s.descendantsCount ?? 0) : 0);

/** Insert order of live additions, as the store orders them (the backend's order between loaded rows is kept). */
const byName = (a: AccountSummary, b: AccountSummary) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether the account has sub-accounts (unknown counts as yes: expanding finds out). */
export const hasChildren = (s: AccountSummary) => (s.descendantsCount ?? 1) > 0;

/** The children of one account (or the results of a search), loaded a page at a time in the backend's order. */
export class Level {
  readonly items: AccountSummary[] = [];
  /** id → index in `items`. */
  readonly index = new Map<string, number>();
  cursor?: string;
  done = false;
  error?: AccountApiError;
  ctrl?: AbortController;
  pending?: Promise<void>;
  /** Asks nothing until resumed (a search while the user is still typing). */
  paused = false;
  /** The first page is taking a while: show its placeholders. */
  slow = false;
  /** Σ (1 + descendantsCount) over the loaded items. */
  used = 0;

  constructor(
    readonly id: string,
    /** The parent's descendantsCount: all levels below it, so an upper bound of its children. */
    public hint: number | undefined,
    readonly fetch: Fetch,
  ) {}

  /**
   * Rows after the loaded items: placeholders for what is not loaded yet, or one error row. With a known
   * descendantsCount the count is an upper bound (exact when the children left are leaves); unknown: as many
   * as are loaded, between one page and one walk.
   */
  get tail(): number {
    if (this.done) return 0;
    if (this.error) return 1;
    if (!this.items.length) return this.slow ? Math.min(this.hint ?? PAGE_SIZE, PAGE_SIZE) : 0;
    // Unknown size: as many placeholders as are loaded (up to one walk), so scrolling on asks for bigger pages.
    return this.hint === undefined
      ? Math.min(WALK_SIZE, Math.max(PAGE_SIZE, this.items.length))
      : Math.max(1, this.hint - this.used);
  }

  get size(): number {
    return this.items.length + this.tail;
  }

  /** Inserts `s` at `at` (default: the end) unless it is listed already. */
  put(s: AccountSummary, at = this.items.length): void {
    if (this.index.has(s.id)) return;
    this.items.splice(at, 0, s);
    this.used += weight(s);
    this.reindex(at);
  }

  take(id: string): AccountSummary | undefined {
    const i = this.index.get(id);
    if (i === undefined) return undefined;
    const [s] = this.items.splice(i, 1);
    this.index.delete(id);
    this.used -= weight(s);
    this.reindex(i);
    return s;
  }

  set(i: number, s: AccountSummary): void {
    this.used += weight(s) - weight(this.items[i]);
    this.items[i] = s;
  }

  private reindex(from: number): void {
    for (let i = from; i < this.items.length; i++) this.index.set(this.items[i]!.id, i);
  }
}

/** One visible row: position `pos` of `level` (an item, or past the items a placeholder / the error row). */
export interface Row {
  level: Level;
  pos: number;
  depth: number;
}

/** A run of consecutive rows of one level in the flattened tree. */
interface Seg extends Row {
  start: number;
  end: number;
}

/** The row's identity: the account id, or its level and position for a placeholder. */
export const keyOf = (r: Row): string => r.level.items[r.pos]?.id ?? `${SEP}${r.level.id}${SEP}${r.pos}`;

const summaryOf = (a: Account, base?: AccountSummary): AccountSummary => ({
  descendantsCount: 0,
  ...base,
  id: a.id,
  name: a.name,
  realm: a.realm,
  enabled: a.enabled,
  isReseller: a.isReseller,
});

/**
 * The tree's data: per-parent levels loaded a page at a time (only pages in view, one request per level in
 * flight), expansion, search results, and the flattened visible rows. The flat list is not materialised: it is
 * a short list of runs (one per expanded node), and `rows` resolves an index with a binary search, so a level of
 * 100,000 children costs the same as one of ten.
 */
export class TreeController implements ReactiveController {
  store?: AccountStore;
  root?: Level;
  search?: Level;
  query = '';
  /** Visible row count. */
  count = 0;
  /** The visible rows as an array for the virtualizer (resolved on access); a new array after each rebuild. */
  rows: Row[] = [];
  /** Requests in flight. */
  busy = 0;
  /** Called when a page arrived or failed. */
  onSettled?: (level: Level) => void;
  /** Called when `busy` changed. */
  onBusy?: () => void;
  private readonly levels = new Map<string, Level>();
  /** Expanded account → the account whose children list holds it. */
  private readonly open = new Map<string, string>();
  private segs: Seg[] = [];
  /** Levels with no row yet (first page on its way, placeholders not shown yet), at the index they will take. */
  private starts: { index: number; level: Level }[] = [];
  private dirty = true;
  private connected = false;
  private readonly host: ReactiveControllerHost;
  private readonly access: ProxyHandler<Row[]> = {
    get: (target, key) => {
      if (key === 'length') return this.count;
      if (typeof key === 'string') {
        const i = +key;
        if (i >= 0 && i === (i | 0)) return this.rowAt(i);
      }
      return Reflect.get(target, key);
    },
  };

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const L of this.all()) L.ctrl?.abort();
  }

  get rootId(): string | undefined {
    return this.root?.id;
  }

  /** Shows the children of `rootId`; `keep` keeps loaded levels and expansion (moving within one tree). */
  setRoot(store: AccountStore, rootId: string, keep = false): void {
    for (const L of this.all()) L.ctrl?.abort();
    if (!keep || store !== this.store) {
      this.levels.clear();
      this.open.clear();
    }
    this.store = store;
    this.root = this.level(rootId);
    this.root.hint ??= store.peekSummary(rootId)?.descendantsCount;
    if (this.query) this.setQuery(this.query);
    this.changed();
  }

  /**
   * Shows the results of a search of every descendant of the root (empty: back to the tree); the previous
   * search is aborted. `paused`: nothing is asked until `resume()` (the user is still typing).
   */
  setQuery(query: string, paused = false): void {
    this.search?.ctrl?.abort();
    this.query = query;
    const { store, rootId } = this;
    this.search =
      query && store
        ? new Level(SEARCH, undefined, (cursor, pageSize, signal) =>
            store.searchAccounts(query, { rootId, cursor, pageSize, signal }),
          )
        : undefined;
    if (this.search) this.search.paused = paused;
    this.changed();
  }

  resume(): void {
    if (this.search) this.search.paused = false;
    this.host.requestUpdate();
  }

  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** Expands a row; its first page is asked at once (the row was in view, so its first children are). */
  expand(id: string): void {
    const at = this.locate(id);
    if (!at) return;
    this.openIn(at.level, at.level.items[at.pos]!);
    const level = this.levels.get(id);
    if (level && this.open.has(id)) void this.load(level, 0);
  }

  /** `*`: expands every loaded sibling that has sub-accounts. */
  expandAll(level: Level): void {
    if (level !== this.search) for (const s of level.items) this.openIn(level, s);
  }

  collapse(id: string): void {
    if (this.open.delete(id)) this.changed();
  }

  /** Forgets what was loaded (expansion stays): pages are asked again as they come into view. */
  refresh(): void {
    for (const L of this.all()) {
      L.ctrl?.abort();
      L.items.length = L.used = 0;
      L.index.clear();
      L.cursor = L.error = undefined;
      L.done = L.slow = false;
    }
    this.changed();
  }

  retry(level: Level): void {
    level.error = undefined;
    this.changed();
  }

  /** Whether the structure changed since the last `sync()`. */
  get stale(): boolean {
    return this.dirty;
  }

  /** Rebuilds the flat list if the structure changed since the last call. */
  sync(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const segs: Seg[] = [];
    let n = 0;
    const starts: { index: number; level: Level }[] = [];
    const push = (level: Level, pos: number, end: number, depth: number) => {
      if (!level.size && !level.done) starts.push({ index: n, level });
      if (end > pos) segs.push({ start: n, level, pos, end, depth });
      n += Math.max(0, end - pos);
    };
    if (this.search) push(this.search, 0, this.search.size, 1);
    else if (this.root) {
      const kids = new Map<string, number[]>();
      for (const [id, parent] of this.open) {
        const p = this.levels.get(parent)?.index.get(id);
        if (p === undefined || !this.levels.has(id)) continue;
        const list = kids.get(parent);
        if (list) list.push(p);
        else kids.set(parent, [p]);
      }
      const seen = new Set<Level>();
      const walk = (L: Level, depth: number) => {
        seen.add(L);
        let from = 0;
        for (const p of (kids.get(L.id) ?? []).sort((a, b) => a - b)) {
          const child = this.levels.get(L.items[p]!.id)!;
          if (seen.has(child)) continue;
          push(L, from, p + 1, depth);
          walk(child, depth + 1);
          from = p + 1;
        }
        push(L, from, L.size, depth);
      };
      walk(this.root, 1);
    }
    this.segs = segs;
    this.starts = starts;
    this.count = n;
    this.rows = new Proxy([], this.access);
    return true;
  }

  rowAt(i: number): Row | undefined {
    const s = this.segAt(i);
    return s && { level: s.level, pos: s.pos + i - s.start, depth: s.depth };
  }

  /** Flat index of an account's row, or -1 when it is not a visible row. */
  indexOf(id: string): number {
    for (const s of this.segs) {
      const p = s.level.index.get(id);
      if (p !== undefined && p >= s.pos && p < s.end) return s.start + p - s.pos;
    }
    return -1;
  }

  indexAt(level: Level, pos: number): number {
    for (const s of this.segs) if (s.level === level && pos >= s.pos && pos < s.end) return s.start + pos - s.pos;
    return -1;
  }

  indexOfKey(key: string | undefined): number {
    if (!key) return -1;
    if (!key.startsWith(SEP)) return this.indexOf(key);
    const [, id, pos] = key.split(SEP);
    const level = id === SEARCH ? this.search : this.levels.get(id!);
    return level ? this.indexAt(level, Number(pos)) : -1;
  }

  /** End (exclusive) of the rows below the expanded row `i`. */
  subtreeEnd(i: number): number {
    const r = this.rowAt(i);
    if (!r || !this.open.has(keyOf(r))) return i + 1;
    for (const s of this.segs) if (s.start > i && s.depth <= r.depth) return s.start;
    return this.count;
  }

  /** The first loaded row from `from` on (wrapping) whose name passes `test`, or -1. */
  find(from: number, test: (name: string) => boolean): number {
    const n = this.count;
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      const r = this.rowAt(i)!;
      const s = r.level.items[r.pos];
      if (s && test(s.name)) return i;
    }
    return -1;
  }

  /** Asks for what the rows [first, last] need and is not loaded: one request per level in view. */
  loadRange(first: number, last: number): void {
    for (const s of this.starts) if (s.index >= first && s.index <= last + 1) void this.load(s.level, 0);
    const segs = this.segs;
    const at = this.segAt(Math.max(0, first));
    for (let k = at ? segs.indexOf(at) : segs.length; k < segs.length && segs[k]!.start <= last; k++) {
      const s = segs[k]!;
      const pos = s.pos + Math.min(last, s.start + s.end - s.pos - 1) - s.start;
      if (pos >= s.level.items.length) void this.load(s.level, pos);
    }
  }

  /** Loads `level` up to its item `upTo` (walking pages from the last cursor); joins a request in flight. */
  load(level: Level, upTo: number, pageSize?: number): Promise<void> {
    if (level.pending) return level.pending;
    if (level.done || level.error || level.paused || upTo < level.items.length) return Promise.resolve();
    const size = pageSize ?? Math.min(WALK_SIZE, Math.ceil((upTo + 1 - level.items.length) / PAGE_SIZE) * PAGE_SIZE);
    const ctrl = (level.ctrl = new AbortController());
    this.busy++;
    this.onBusy?.();
    const timer = level.items.length
      ? undefined
      : setTimeout(() => {
          level.slow = true;
          this.changed();
        }, PLACEHOLDER_DELAY);
    return (level.pending = level
      .fetch(level.cursor, size, ctrl.signal)
      .then(
        (page) => {
          if (ctrl.signal.aborted) return;
          for (const s of page.items) level.put(s);
          level.cursor = page.nextCursor;
          level.done = !page.nextCursor;
        },
        (e: unknown) => {
          const error = toAccountApiError(e);
          if (!ctrl.signal.aborted && error.kind !== 'aborted') level.error = error;
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.busy--;
        this.onBusy?.();
        if (level.ctrl === ctrl) level.ctrl = level.pending = undefined;
        this.changed();
        this.onSettled?.(level);
      }));
  }

  /**
   * Makes `id` a visible row: reads its ancestors, then under the root loads each level until the next one
   * on the path shows up and expands it. Resolves whether `id` is now a row (false when it is not below the root).
   */
  async reveal(id: string, ancestors?: string[]): Promise<boolean> {
    const { store, root } = this;
    if (!store || !root || id === root.id) return false;
    this.sync();
    if (this.indexOf(id) >= 0) return true;
    const chain = ancestors ?? (await store.getAncestors(id)).map((a) => a.id);
    const at = chain.indexOf(root.id);
    if (at < 0) return false;
    let level = root;
    for (const step of [...chain.slice(at + 1), id]) {
      while (!level.index.has(step)) {
        if (this.root !== root || !this.connected || level.done || level.error) return false;
        await this.load(level, level.items.length, WALK_SIZE);
      }
      if (step === id) break;
      this.expand(step);
      level = this.levels.get(step)!;
    }
    this.changed();
    return this.root === root;
  }

  /** Applies a change saved anywhere on the page; rows keep their place (only additions find theirs). */
  apply(c: StoreChange): void {
    if (c.type === 'account-updated') {
      for (const L of this.all()) {
        const i = L.index.get(c.account.id);
        if (i !== undefined) L.set(i, summaryOf(c.account, L.items[i]));
      }
      this.host.requestUpdate();
      return;
    }
    if (c.type === 'account-created') {
      this.adjust(c.parentId, 1);
      this.insert(c.parentId, summaryOf(c.account));
    } else if (c.type === 'account-deleted') {
      const gone = this.remove(c.id);
      this.drop(c.id);
      this.adjust(gone?.parent ?? c.parentId, -Math.max(1, weight(gone?.s)));
    } else if (c.type === 'account-moved') {
      const id = c.account.id;
      const gone = this.remove(id);
      const s = summaryOf(c.account, gone?.s ?? this.store?.peekSummary(id));
      this.adjust(gone?.parent ?? c.fromParentId, -weight(s));
      this.adjust(c.toParentId, weight(s));
      this.insert(c.toParentId, s);
      if (this.open.has(id)) this.open.set(id, c.toParentId);
    } else return;
    this.changed();
  }

  private changed(): void {
    this.dirty = true;
    this.host.requestUpdate();
  }

  private *all(): Generator<Level> {
    yield* this.levels.values();
    if (this.search) yield this.search;
  }

  private level(id: string, hint?: number): Level {
    let L = this.levels.get(id);
    if (!L) {
      const store = this.store!;
      L = new Level(id, hint, (cursor, pageSize, signal) => store.listChildren(id, { cursor, pageSize, signal }));
      this.levels.set(id, L);
    }
    return L;
  }

  private openIn(level: Level, s: AccountSummary): void {
    if (level === this.search || !hasChildren(s)) return;
    this.open.set(s.id, level.id);
    this.level(s.id).hint = s.descendantsCount;
    this.changed();
  }

  private segAt(i: number): Seg | undefined {
    const segs = this.segs;
    if (i < 0 || i >= this.count || !segs.length) return undefined;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo];
  }

  /** The tree level listing `id`. */
  private locate(id: string): { level: Level; pos: number } | undefined {
    for (const level of this.levels.values()) {
      const pos = level.index.get(id);
      if (pos !== undefined) return { level, pos };
    }
    return undefined;
  }

  /** Adds `delta` to the descendant counts of `id` and its loaded ancestors. */
  private adjust(id: string | undefined, delta: number): void {
    for (let hops = 0; id && hops < 100; hops++) {
      const own = this.levels.get(id);
      if (own?.hint !== undefined) own.hint = Math.max(0, own.hint + delta);
      const at = this.locate(id);
      if (!at) return;
      const s = at.level.items[at.pos]!;
      at.level.set(at.pos, { ...s, descendantsCount: Math.max(0, (s.descendantsCount ?? 0) + delta) });
      id = at.level.id;
    }
  }

  /** Inserts a new row in its place among the loaded rows; one that sorts past them comes with a later page. */
  private insert(parentId: string, s: AccountSummary): void {
    const L = this.levels.get(parentId);
    if (!L || L.index.has(s.id) || (!L.items.length && !L.done)) return;
    let lo = 0;
    let hi = L.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byName(L.items[mid]!, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < L.items.length || L.done) L.put(s, lo);
  }

  private remove(id: string): { s: AccountSummary; parent: string } | undefined {
    let out: { s: AccountSummary; parent: string } | undefined;
    for (const L of [...this.all()]) {
      const s = L.take(id);
      if (s && L !== this.search) out = { s, parent: L.id };
    }
    return out;
  }

  /** Forgets the levels and expansion of a deleted subtree. */
  private drop(id: string): void {
    const L = this.levels.get(id);
    this.open.delete(id);
    if (!L) return;
    this.levels.delete(id);
    L.ctrl?.abort();
    for (const s of L.items) this.drop(s.id);
  }
}

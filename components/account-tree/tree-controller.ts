import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountSummary, Session } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';
import type { Listing } from '../../src/data/listing.js';

const SEP = '\u0002';
const SEARCH = '\u0001search';

/** Whether the account has sub-accounts (unknown counts as yes: expanding finds out). */
export const hasChildren = (s: AccountSummary) => (s.descendantsCount ?? 1) > 0;

/** An account's name as far as it is known without asking: the session's own account's, or a row's read. */
export const knownName = (store: AccountStore, id: string, session: Session | undefined): string | undefined =>
  (id === session?.accountId && session?.accountName) || store.summaryFacts(id)?.name;

/** Rows of a level: its loaded items and the placeholders of what is still to load (an estimate until done). */
export const sizeOf = (L: Listing): number => L.size;

/** One visible row: position `pos` of `level` (an item, or past the items a placeholder / the error row). */
export interface Row {
  level: Listing;
  pos: number;
  depth: number;
}

/** A run of consecutive rows of one level in the flattened tree. */
interface Seg extends Row {
  start: number;
  end: number;
}

/** The row's identity: the account id, or its level and position for a placeholder. */
export const keyOf = (r: Row | undefined, i = 0): string =>
  // A row index past the rows (they shrank under a pending draw) gets a key, not a throw.
  !r
    ? `${SEP}${SEP}${i}`
    : (r.level.item(r.pos)?.id ?? `${SEP}${r.level.key.startsWith('search:') ? SEARCH : r.level.id}${SEP}${r.pos}`);

/**
 * The tree's view of the store's listings: which accounts are expanded, the search shown, and the flattened
 * visible rows. The pages themselves (loaded a page at a time, one request per listing in flight, patched by
 * every write) belong to the store. The flat list is not materialised: it is a short list of runs (one per
 * expanded node), and `rows` resolves an index with a binary search, so a level of 100,000 children costs the
 * same as one of ten.
 */
export class TreeController implements ReactiveController {
  store?: AccountStore;
  root?: Listing;
  search?: Listing;
  query = '';
  /** Visible row count. */
  count = 0;
  /** Expanded account → the account whose children list holds it. */
  private readonly open = new Map<string, string>();
  private segs: Seg[] = [];
  /** Listings with no row yet (first page on its way, placeholders not shown yet), at the index they will take. */
  private starts: { index: number; level: Listing }[] = [];
  private dirty = true;
  /** @internal */
  connected = false;
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

  get rootId(): string | undefined {
    return this.root?.id;
  }

  /** A request of a shown listing is on its way. */
  get busy(): boolean {
    if (this.search) return this.search.loading;
    if (this.root?.loading) return true;
    for (const id of this.open.keys()) if (this.store?.peekListing(id)?.loading) return true;
    return false;
  }

  /** Shows the children of `rootId`; `keep` keeps the expansion (moving within one tree). */
  setRoot(store: AccountStore, rootId: string, keep = false): void {
    if (!keep || store !== this.store) this.open.clear();
    this.store = store;
    this.root = store.listing(rootId);
    this.root.hint ??= store.peekSummary(rootId)?.descendantsCount;
    if (this.query) this.setQuery(this.query);
    this.changed();
  }

  /** Shows nothing (no session, or another identity whose root is not known yet). */
  clear(): void {
    this.open.clear();
    this.root = this.search = undefined;
    this.query = '';
    this.changed();
  }

  /**
   * Shows the results of a search of every descendant of the root (empty: back to the tree). `paused`: nothing
   * is asked until `resume()` (the user is still typing).
   */
  setQuery(query: string, paused = false): void {
    this.search?.abort();
    this.query = query;
    const { store, rootId } = this;
    this.search = query && store ? store.searchListing(query, rootId, paused) : undefined;
    this.changed();
  }

  resume(): void {
    this.search?.resume();
  }

  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** Expands a row; its first page is asked at once (the row was in view, so its first children are). */
  expand(id: string): void {
    const at = this.locate(id);
    if (!at) return;
    this.openIn(at.level, at.level.items[at.index]!);
    if (this.open.has(id)) void this.store?.listing(id).loadTo(0);
  }

  /** `*`: expands every loaded sibling that has sub-accounts. */
  expandAll(level: Listing): void {
    if (level !== this.search) for (const s of level.items) this.openIn(level, s);
  }

  collapse(id: string): void {
    if (this.open.delete(id)) this.changed();
  }

  retry(level: Listing): void {
    level.retry();
  }

  /** Follows a change saved anywhere on the page (the store already patched its listings). */
  onStoreChange(c: StoreChange): void {
    if (c.type === 'account-deleted') this.open.delete(c.id);
    else if (c.type === 'account-moved' && this.open.has(c.account.id)) this.open.set(c.account.id, c.toParentId);
    else if (c.type === 'cleared') this.clear();
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
    const starts: { index: number; level: Listing }[] = [];
    const push = (level: Listing, pos: number, end: number, depth: number) => {
      if (!sizeOf(level) && !level.done) starts.push({ index: n, level });
      if (end > pos) segs.push({ start: n, level, pos, end, depth });
      n += Math.max(0, end - pos);
    };
    const store = this.store;
    if (this.search) push(this.search, 0, sizeOf(this.search), 1);
    else if (this.root && store) {
      const kids = new Map<string, number[]>();
      for (const [id, parent] of this.open) {
        const p = store.peekListing(parent)?.posOf(id) ?? -1;
        if (p < 0 || !store.peekListing(id)) continue;
        const list = kids.get(parent);
        if (list) list.push(p);
        else kids.set(parent, [p]);
      }
      const seen = new Set<Listing>();
      const walk = (L: Listing, depth: number) => {
        seen.add(L);
        let from = 0;
        for (const p of (kids.get(L.id) ?? []).sort((a, b) => a - b)) {
          const child = store.peekListing(L.item(p)!.id)!;
          if (seen.has(child)) continue;
          push(L, from, p + 1, depth);
          walk(child, depth + 1);
          from = p + 1;
        }
        push(L, from, sizeOf(L), depth);
      };
      walk(this.root, 1);
    }
    this.segs = segs;
    this.starts = starts;
    this.count = n;
    return true;
  }

  rowAt(i: number): Row | undefined {
    const s = this.segAt(i);
    return s && { level: s.level, pos: s.pos + i - s.start, depth: s.depth };
  }

  /** Flat index of an account's row, or -1 when it is not a visible row. */
  indexOf(id: string): number {
    for (const s of this.segs) {
      const p = s.level.posOf(id);
      if (p >= s.pos && p < s.end) return s.start + p - s.pos;
    }
    return -1;
  }

  indexAt(level: Listing, pos: number): number {
    for (const s of this.segs) if (s.level === level && pos >= s.pos && pos < s.end) return s.start + pos - s.pos;
    return -1;
  }

  indexOfKey(key: string | undefined): number {
    if (!key) return -1;
    if (!key.startsWith(SEP)) return this.indexOf(key);
    const [, id, pos] = key.split(SEP);
    const level = id === SEARCH ? this.search : this.store?.peekListing(id!);
    return level ? this.indexAt(level, Number(pos)) : -1;
  }

  /** End (exclusive) of the rows below the expanded row `i`. */
  subtreeEnd(i: number): number {
    const r = this.rowAt(i);
    if (!r || !this.open.has(keyOf(r))) return i + 1;
    for (const s of this.segs) if (s.start > i && s.depth <= r.depth) return s.start;
    return this.count;
  }

  /** Asks for what the rows [first, last] need and is not loaded: one request per listing in view. */
  loadRange(first: number, last: number): void {
    for (const s of this.starts) if (s.index >= first && s.index <= last + 1) void s.level.loadTo(0);
    const segs = this.segs;
    const at = this.segAt(Math.max(0, first));
    // A level split by expanded rows shows in several runs: ask once for all its rows in view.
    const want = new Map<Listing, [number, number]>();
    for (let k = at ? segs.indexOf(at) : segs.length; k < segs.length && segs[k]!.start <= last; k++) {
      const s = segs[k]!;
      const a = s.pos + Math.max(first, s.start) - s.start;
      const b = s.pos + Math.min(last, s.start + s.end - s.pos - 1) - s.start;
      const w = want.get(s.level);
      want.set(s.level, w ? [Math.min(w[0], a), Math.max(w[1], b)] : [a, b]);
    }
    for (const [level, [a, b]] of want) void level.want(a, b);
  }

  /** @internal */
  changed(): void {
    this.dirty = true;
    this.host.requestUpdate();
  }

  /** @internal */
  openIn(level: Listing, s: AccountSummary): void {
    if (level === this.search || !hasChildren(s) || !this.store) return;
    this.open.set(s.id, level.id);
    this.store.listing(s.id).hint ??= s.descendantsCount;
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

  /** The listing of the tree holding `id`: the root's or an expanded account's. */
  private locate(id: string): { level: Listing; index: number } | undefined {
    const store = this.store;
    if (!store) return undefined;
    for (const L of [this.root, ...[...this.open.keys()].map((o) => store.peekListing(o))]) {
      const index = L?.index.get(id);
      if (L && index !== undefined) return { level: L, index };
    }
    return undefined;
  }
}

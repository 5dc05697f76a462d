import { toAccountApiError, type AccountApiError } from '../api/errors.js';
import type { AccountSummary, Page } from '../api/model.js';

/** Rows asked per page while reading on from a loaded row (Kazoo's own default page). */
export const PAGE_SIZE = 50;
/** Largest page asked when the rows wanted lie further from the loaded ones: cursor paging walks there. */
export const WALK_SIZE = 500;
/** Rows in view further than this from any loaded row are reached by a jump (a listing started at a name). */
const JUMP_AFTER = 2 * PAGE_SIZE;
/** A first page slower than this marks the listing `slow` (a view may then show placeholders). */
const SLOW_MS = 150;

/** What a listing asks of the backend: a page forward or backward, from a cursor, from a name, or from an end. */
export interface ListingRequest {
  cursor?: string;
  pageSize: number;
  /** Backward (`descending`): the page comes last name first. */
  direction?: 'descending';
  /** The first name of the page (at or after it in the direction asked). */
  startName?: string;
  signal: AbortSignal;
}

export type ListingFetch = (request: ListingRequest) => Promise<Page<AccountSummary>>;

/** The backend's order of a listing, as near as the client can tell it: by name, case and accents aside, then id. */
export function byName(a: AccountSummary, b: AccountSummary): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

const weight = (s: AccountSummary | undefined) => (s ? 1 + (s.descendantsCount ?? 0) : 0);

/**
 * Rows not loaded yet between two loaded items, or before the first, or after the last. A listing starts as
 * one gap (the whole level) and ends with none (every item loaded).
 */
export interface Gap {
  /** Index in `items` of the item right after the gap (`items.length`: the gap ends the level). */
  at: number;
  /** Estimated rows (at least 1), kept in proportion when the listing's size estimate is corrected. */
  size: number;
  /** Cursor to read on forward from the item before the gap, when a page there gave one. */
  fwd?: string;
  /** Cursor to read on backward from the item after the gap. */
  back?: string;
}

type Job = { gap: Gap; kind: 'fwd' | 'back' | 'jump'; from: number; to: number };

/**
 * The paged listing of one parent's children (or of one search), owned by the store: the items loaded so far
 * in the backend's order, and the gaps between them still to load, each with an estimated size, so a view can
 * show the whole level with placeholders and load any part of it. Reading on from a loaded row follows the
 * backend's cursor; rows far from every loaded one are reached by a listing started at a name (a jump), and
 * the last rows by reading backward from the end; pages that reach loaded rows close the gap, so where the
 * windows meet no row is shown twice or missed. One request at a time: asking while one is on its way joins it,
 * or replaces it when it no longer serves the rows in view. The store patches it when an account is created,
 * renamed, moved or deleted anywhere on the page, so every view of it (the tree, a picker) agrees.
 */
export class Listing {
  readonly items: AccountSummary[] = [];
  /** id → index in `items`. */
  readonly index = new Map<string, number>();
  /** The gaps, in order; none once the whole listing is loaded. */
  readonly gaps: Gap[] = [{ at: 0, size: 1 }];
  error?: AccountApiError;
  /** The gap whose page failed (it shows as one error row). */
  failed?: Gap;
  /** The first page is taking a while. */
  slow = false;
  /** Asks nothing until `resume()` (a search while the user is still typing). */
  paused = false;
  /** Σ (1 + descendantsCount) over the loaded items: with `hint`, how much can still come. */
  used = 0;
  private hintValue?: number;
  private ctrl?: AbortController;
  private pending?: Promise<void>;
  private job?: Job;
  private sized = -1;
  private rowsOf = new Map<Gap, number>();

  constructor(
    /** Store key of the listing (`children:<id>`, or `search:<root>?q=…`). */
    readonly key: string,
    /** The parent whose children these are (the search root for a search). */
    readonly id: string,
    private readonly fetch: ListingFetch,
    private readonly changed: (listing: Listing) => void,
    hint?: number,
  ) {
    this.hintValue = hint;
  }

  /**
   * An upper bound of the number of items (the parent's `descendantsCount`: every level below it), corrected as
   * pages arrive; `undefined` when unknown (then the level grows as it is read, and far rows are walked to).
   */
  get hint(): number | undefined {
    return this.hintValue;
  }

  set hint(n: number | undefined) {
    this.hintValue = n;
    this.sized = -1;
  }

  /** A request is on its way. */
  get loading(): boolean {
    return !!this.pending;
  }

  /** Every item is loaded. */
  get done(): boolean {
    return !this.gaps.length;
  }

  /** Rows of the level: the loaded items and the estimated rows of every gap. */
  get size(): number {
    if (!this.items.length && this.gaps.length && !this.error) {
      return this.slow ? Math.min(this.hintValue ?? PAGE_SIZE, PAGE_SIZE) : 0;
    }
    let n = this.items.length;
    for (const g of this.gaps) n += this.rows(g);
    return n;
  }

  /** The loaded item at row `pos`, or undefined for a row of a gap. */
  item(pos: number): AccountSummary | undefined {
    const hit = this.locate(pos);
    return 'item' in hit ? this.items[hit.item] : undefined;
  }

  /** Row of an item, or -1. */
  posOf(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) return -1;
    let pos = i;
    for (const g of this.gaps) {
      if (g.at > i) break;
      pos += this.rows(g);
    }
    return pos;
  }

  /** Whether row `pos` is the row that says the last page failed. */
  errorAt(pos: number): boolean {
    const hit = this.locate(pos);
    return !!this.error && 'gap' in hit && hit.gap === this.failed && hit.offset === 0;
  }

  /**
   * Loads what rows `first`…`last` (rows of this level in view) need, one request at a time: reads on from the
   * loaded rows beside them, or jumps there when they are far from every loaded row and the size is known.
   * A request on its way for rows no longer in view is stopped. Does nothing after a failure until `retry()`.
   */
  want(first: number, last: number): Promise<void> {
    if (this.error || this.paused || this.done) return this.pending ?? Promise.resolve();
    if (!this.items.length) return this.loadTo(0);
    const job = this.plan(first, last);
    if (!job) return this.pending ?? Promise.resolve();
    if (this.pending) {
      const busy = this.job;
      // Joins a request that serves these rows; stops one that does not.
      const same = busy && busy.kind !== 'jump' && busy.gap === job.gap && busy.kind === job.kind;
      if (!busy || same || this.serves(busy, first, last)) {
        return this.pending;
      }
      this.abort();
    }
    return this.run(job);
  }

  /**
   * Loads until item `upTo` is loaded from the start on (or the end): from the last cursor, in pages of 50 when
   * reading on and up to 500 when the wanted item lies far past the loaded ones. Joins a request in flight; does
   * nothing after a failure until `retry()`, or while paused.
   */
  loadTo(upTo: number, pageSize?: number): Promise<void> {
    if (this.pending) return this.pending;
    const g = this.gaps[0];
    if (!g || this.error || this.paused || upTo < g.at) return Promise.resolve();
    const size = pageSize ?? Math.min(WALK_SIZE, Math.ceil((upTo + 1 - g.at) / PAGE_SIZE) * PAGE_SIZE);
    return this.run({ gap: g, kind: 'fwd', from: g.at, to: g.at + size - 1 }, size);
  }

  /**
   * Loads the part of the listing where `name` sorts (one jump when the size is known), then reads on from there
   * until `id` is loaded or the listing ends. Resolves whether `id` is loaded.
   */
  async seek(name: string, id: string, stillWanted: () => boolean = () => true): Promise<boolean> {
    let jumped = false;
    if (!this.items.length) await this.loadTo(0);
    while (!this.index.has(id) && !this.done && !this.error && stillWanted()) {
      const probe = { id, name } as AccountSummary;
      const lo = this.placeIn(probe);
      const gap = this.gaps.find((g) => g.at === lo);
      if (this.pending) {
        await this.pending;
        continue;
      }
      if (!jumped && gap && this.hintValue !== undefined && gap.at > 0) {
        jumped = true;
        await this.run({ gap, kind: 'jump', from: -1, to: -1 }, PAGE_SIZE, name);
      } else if (gap) {
        await this.run({ gap, kind: 'fwd', from: -1, to: -1 }, WALK_SIZE);
      } else return false;
    }
    return this.index.has(id);
  }

  /** After a failure: loading may go on from where it stopped. */
  retry(): void {
    this.error = this.failed = undefined;
    this.sized = -1;
    this.changed(this);
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.changed(this);
  }

  /** Stops a request on its way (nothing is lost; the next `want` asks again). */
  abort(): void {
    this.ctrl?.abort();
    this.ctrl = this.pending = this.job = undefined;
  }

  /** Forgets what was loaded (read again as it is asked for). */
  reset(): void {
    this.abort();
    this.items.length = this.used = 0;
    this.index.clear();
    this.gaps.length = 0;
    this.gaps.push({ at: 0, size: 1 });
    this.error = this.failed = undefined;
    this.slow = false;
    this.sized = -1;
  }

  /** Inserts `s` at `at` (default: the end) unless it is listed already. */
  put(s: AccountSummary, at = this.items.length): void {
    if (this.index.has(s.id)) return;
    this.insert(at, [s]);
  }

  take(id: string): AccountSummary | undefined {
    const i = this.index.get(id);
    if (i === undefined) return undefined;
    const [s] = this.items.splice(i, 1);
    this.index.delete(id);
    this.used -= weight(s);
    for (const g of this.gaps) if (g.at > i) g.at--;
    this.joinGaps();
    this.reindex(i);
    return s;
  }

  set(i: number, s: AccountSummary): void {
    this.used += weight(s) - weight(this.items[i]);
    this.items[i] = s;
    this.sized = -1;
  }

  /**
   * Where `s` goes among the loaded items by the backend's order; `undefined` when that place is a gap (it
   * arrives with the page that loads there).
   */
  placeOf(s: AccountSummary): number | undefined {
    const lo = this.placeIn(s);
    return this.gaps.some((g) => g.at === lo) ? undefined : lo;
  }

  // ---- internals

  private placeIn(s: AccountSummary): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byName(this.items[mid]!, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rows a gap shows: its share of what can still come, at least one. */
  private rows(g: Gap): number {
    if (this.error && g === this.failed) return 1;
    if (this.sized !== this.items.length) this.fit();
    return this.rowsOf.get(g) ?? 1;
  }

  /**
   * Sizes the gaps: with a size hint, what can still come (hint − used) shared among them in proportion to
   * their estimates; without one, only the gap ending the level is more than a row, growing with what is
   * loaded (between one page and one walk), so scrolling on asks for bigger pages.
   */
  private fit(): void {
    this.sized = this.items.length;
    this.rowsOf = new Map();
    const gaps = this.gaps;
    if (!gaps.length) return;
    const hint = this.hintValue;
    if (hint === undefined) {
      const n = Math.min(WALK_SIZE, Math.max(PAGE_SIZE, this.items.length));
      for (const g of gaps) this.rowsOf.set(g, g.at === this.items.length ? n : 1);
      return;
    }
    const left = Math.max(gaps.length, hint - this.used);
    let total = 0;
    for (const g of gaps) total += g.size;
    let given = 0;
    gaps.forEach((g, k) => {
      const n = k === gaps.length - 1 ? Math.max(1, left - given) : Math.max(1, Math.round((g.size / total) * left));
      given += n;
      this.rowsOf.set(g, n);
    });
  }

  private locate(pos: number): { item: number } | { gap: Gap; offset: number } {
    let start = 0;
    for (const g of this.gaps) {
      const gapStart = start + g.at;
      if (pos < gapStart) return { item: pos - start };
      const n = this.rows(g);
      if (pos < gapStart + n) return { gap: g, offset: pos - gapStart };
      start += n;
    }
    return { item: pos - start };
  }

  /** Row where a gap starts. */
  private gapStart(gap: Gap): number {
    let start = 0;
    for (const g of this.gaps) {
      if (g === gap) return start + g.at;
      start += this.rows(g);
    }
    return -1;
  }

  /** What to load for rows `first`…`last`: the first gap among them, read from its nearer side or jumped into. */
  private plan(first: number, last: number): Job | undefined {
    for (const g of this.gaps) {
      const start = this.gapStart(g);
      const end = start + this.rows(g) - 1;
      if (end < first || start > last) continue;
      const a = Math.max(first, start);
      const b = Math.min(last, end);
      const left = a - start;
      const right = end - b;
      const fwd: Job = { gap: g, kind: 'fwd', from: start, to: start + Math.min(WALK_SIZE, b - start + 1) - 1 };
      const back: Job = { gap: g, kind: 'back', from: end - Math.min(WALK_SIZE, end - a + 1) + 1, to: end };
      // A level of unknown size reads on from the left; a known one from the nearer loaded rows, or jumps.
      if (this.hintValue === undefined || (left <= JUMP_AFTER && left <= right)) return fwd;
      if (right <= JUMP_AFTER) return back;
      if (left <= JUMP_AFTER) return fwd;
      // A jump needs a name on either side to aim between: the level's last page comes first.
      if (g.at === this.items.length) return { ...back, from: end - PAGE_SIZE + 1 };
      return { gap: g, kind: 'jump', from: a, to: a + PAGE_SIZE - 1 };
    }
    return undefined;
  }

  /** Whether the request on its way still loads rows among `first`…`last`. */
  private serves(job: Job, first: number, last: number): boolean {
    // A seek (from −1) is not the view's to stop.
    return job.from < 0 || (job.to >= first && job.from <= last);
  }

  private run(job: Job, pageSize?: number, name?: string): Promise<void> {
    const { gap, kind } = job;
    const size =
      pageSize ?? Math.min(WALK_SIZE, Math.max(PAGE_SIZE, Math.ceil((job.to - job.from + 1) / PAGE_SIZE) * PAGE_SIZE));
    const before = this.items[gap.at - 1];
    const after = this.items[gap.at];
    let request: Omit<ListingRequest, 'signal'> | Promise<Omit<ListingRequest, 'signal'>>;
    let offset = 0;
    if (kind === 'fwd') {
      request = gap.fwd ? { cursor: gap.fwd, pageSize: size } : { pageSize: size, startName: before?.name };
    } else if (kind === 'back') {
      request = gap.back
        ? { cursor: gap.back, pageSize: size, direction: 'descending' }
        : { pageSize: size, direction: 'descending', startName: after?.name };
    } else {
      const start = this.gapStart(gap);
      const rows = this.rows(gap);
      // A jump's name is made by name-between.ts, loaded on the first jump (a level of a few pages never jumps).
      request = import('./name-between.js').then(({ nameBetween, nameFraction }) => {
        // A seek places its page where its name lies between the neighbours; the view, where it looks.
        offset =
          job.from < 0
            ? Math.round(nameFraction(before?.name, after?.name, name ?? '') * (rows - 1))
            : Math.max(0, Math.min(rows - 1, job.from - start));
        return {
          pageSize: size,
          startName: name ?? nameBetween(before?.name, after?.name, rows > 1 ? offset / (rows - 1) : 0),
        };
      });
    }
    const ctrl = (this.ctrl = new AbortController());
    this.job = job;
    const timer = this.items.length
      ? undefined
      : setTimeout(() => {
          this.slow = true;
          this.changed(this);
        }, SLOW_MS);
    const send = ({ startName, ...rest }: Omit<ListingRequest, 'signal'>): Promise<Page<AccountSummary>> => {
      if (ctrl.signal.aborted)
        return Promise.reject(new DOMException('The listing stopped this request.', 'AbortError'));
      return this.fetch({ ...rest, ...(startName ? { startName } : {}), signal: ctrl.signal });
    };
    const p = (request instanceof Promise ? request.then(send) : send(request))
      .then(
        (page) => {
          if (ctrl.signal.aborted || !this.gaps.includes(gap)) return;
          if (kind === 'back') this.fillBack(gap, page);
          else if (kind === 'fwd') this.fillFwd(gap, page);
          else this.fillJump(gap, page, offset);
          this.sized = -1;
        },
        (e: unknown) => {
          const error = toAccountApiError(e);
          if (!ctrl.signal.aborted && error.kind !== 'aborted') {
            this.error = error;
            this.failed = gap;
            this.sized = -1;
          }
        },
      )
      .finally(() => {
        clearTimeout(timer);
        if (this.ctrl === ctrl) this.ctrl = this.pending = this.job = undefined;
        this.slow = false;
        this.changed(this);
      });
    this.pending = p;
    return p;
  }

  /**
   * The items of a page not loaded yet, in its order (each once), up to the first one already loaded on the far side
   * of the gap (`met`): after it when reading forward, before it when reading backward.
   */
  private newItems(page: Page<AccountSummary>, gap: Gap, forward: boolean): { add: AccountSummary[]; met: boolean } {
    const add: AccountSummary[] = [];
    const seen = new Set<string>();
    for (const s of page.items) {
      const i = this.index.get(s.id);
      if (i !== undefined) {
        if (forward === i >= gap.at) return { add, met: true };
        continue;
      }
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      add.push(s);
    }
    return { add, met: false };
  }

  /** A page read forward from the item before the gap: it fills the gap from the left until it meets loaded rows. */
  private fillFwd(gap: Gap, page: Page<AccountSummary>): void {
    const { add, met } = this.newItems(page, gap, true);
    const at = gap.at;
    this.insert(at, add);
    gap.at = at + add.length;
    gap.size = Math.max(1, gap.size - add.length);
    gap.fwd = page.nextCursor;
    if (met || !page.nextCursor) this.close(gap);
  }

  /** A page read backward from the item after the gap: it fills the gap from the right. */
  private fillBack(gap: Gap, page: Page<AccountSummary>): void {
    const { add, met } = this.newItems(page, gap, false);
    add.reverse();
    // The new items go right after the gap, which stays where it is.
    this.insert(gap.at, add);
    gap.size = Math.max(1, gap.size - add.length);
    gap.back = page.nextCursor;
    if (met || !page.nextCursor) this.close(gap);
  }

  /**
   * A page read from a name inside the gap: its rows go where the view looked (`offset` rows into the gap), which
   * splits the gap in two; the part after them closes when the page reached loaded rows or the end.
   */
  private fillJump(gap: Gap, page: Page<AccountSummary>, offset: number): void {
    const { add, met } = this.newItems(page, gap, true);
    if (!add.length) {
      // Nothing from that name to the loaded rows after the gap: the gap holds only what lies before it.
      if (met || !page.nextCursor) {
        if (offset === 0) this.close(gap);
        else gap.size = Math.max(1, offset);
      }
      return;
    }
    const rows = this.rows(gap);
    const at = gap.at;
    const k = this.gaps.indexOf(gap);
    this.insert(at, add);
    gap.at = at;
    gap.fwd = undefined;
    gap.back = undefined;
    gap.size = Math.max(1, offset);
    if (!met && page.nextCursor) {
      this.gaps.splice(k + 1, 0, {
        at: at + add.length,
        size: Math.max(1, rows - offset - add.length),
        fwd: page.nextCursor,
      });
    }
  }

  private close(gap: Gap): void {
    const k = this.gaps.indexOf(gap);
    if (k >= 0) this.gaps.splice(k, 1);
  }

  /** Two gaps with no item between them are one. */
  private joinGaps(): void {
    for (let k = this.gaps.length - 1; k > 0; k--) {
      const a = this.gaps[k - 1]!;
      const b = this.gaps[k]!;
      if (a.at === b.at) {
        a.size += b.size;
        a.back = b.back;
        this.gaps.splice(k, 1);
      }
    }
    this.sized = -1;
  }

  /** Splices `add` in at `at`; gaps after `at` move along (a gap at `at` stays before the new items). */
  private insert(at: number, add: AccountSummary[]): void {
    if (!add.length) return;
    this.items.splice(at, 0, ...add);
    for (const s of add) this.used += weight(s);
    for (const g of this.gaps) if (g.at > at) g.at += add.length;
    this.sized = -1;
    this.reindex(at);
  }

  private reindex(from: number): void {
    for (let i = from; i < this.items.length; i++) this.index.set(this.items[i]!.id, i);
  }
}

import { toAccountApiError, type AccountApiError } from '../api/errors.js';
import type { AccountSummary, Page } from '../api/model.js';

/** Rows asked per page while reading on from the last loaded row (Kazoo's own default page). */
export const PAGE_SIZE = 50;
/** Largest page asked when the rows wanted lie far past the loaded ones: cursor paging walks there. */
export const WALK_SIZE = 500;
/** A first page slower than this marks the listing `slow` (a view may then show placeholders). */
const SLOW_MS = 150;

export type ListingFetch = (
  cursor: string | undefined,
  pageSize: number,
  signal: AbortSignal,
) => Promise<Page<AccountSummary>>;

const weight = (s: AccountSummary | undefined) => (s ? 1 + (s.descendantsCount ?? 0) : 0);

/**
 * The paged listing of one parent's children (or of one search), owned by the store: the pages loaded so far
 * in the backend's order, the cursor to go on from, whether the end was reached, the last failure, and a size
 * hint. One request at a time: asking while one is on its way joins it. The store patches it when an account is
 * created, renamed, moved or deleted anywhere on the page, so every view of it (the tree, a picker) agrees.
 */
export class Listing {
  readonly items: AccountSummary[] = [];
  /** id → index in `items`. */
  readonly index = new Map<string, number>();
  cursor?: string;
  done = false;
  error?: AccountApiError;
  /** The first page is taking a while. */
  slow = false;
  /** Asks nothing until `resume()` (a search while the user is still typing). */
  paused = false;
  /**
   * An upper bound of the number of items (the parent's `descendantsCount`: every level below it), corrected as
   * pages arrive; `undefined` when unknown.
   */
  hint?: number;
  /** Σ (1 + descendantsCount) over the loaded items: with `hint`, how much can still come. */
  used = 0;
  private ctrl?: AbortController;
  private pending?: Promise<void>;

  constructor(
    /** Store key of the listing (`children:<id>`, or `search:<root>?q=…`). */
    readonly key: string,
    /** The parent whose children these are (the search root for a search). */
    readonly id: string,
    private readonly fetch: ListingFetch,
    private readonly changed: (listing: Listing) => void,
    hint?: number,
  ) {
    this.hint = hint;
  }

  /** A request is on its way. */
  get loading(): boolean {
    return !!this.pending;
  }

  /**
   * Loads until item `upTo` is loaded (or the end): from the last cursor, in pages of 50 when reading on and up
   * to 500 when the wanted item lies far past the loaded ones. Joins a request in flight; does nothing after a
   * failure until `retry()`, or while paused.
   */
  loadTo(upTo: number, pageSize?: number): Promise<void> {
    if (this.pending) return this.pending;
    if (this.done || this.error || this.paused || upTo < this.items.length) return Promise.resolve();
    const size = pageSize ?? Math.min(WALK_SIZE, Math.ceil((upTo + 1 - this.items.length) / PAGE_SIZE) * PAGE_SIZE);
    const ctrl = (this.ctrl = new AbortController());
    const timer = this.items.length
      ? undefined
      : setTimeout(() => {
          this.slow = true;
          this.changed(this);
        }, SLOW_MS);
    const p = this.fetch(this.cursor, size, ctrl.signal)
      .then(
        (page) => {
          if (ctrl.signal.aborted) return;
          for (const s of page.items) this.put(s);
          this.cursor = page.nextCursor;
          this.done = !page.nextCursor;
        },
        (e: unknown) => {
          const error = toAccountApiError(e);
          if (!ctrl.signal.aborted && error.kind !== 'aborted') this.error = error;
        },
      )
      .finally(() => {
        clearTimeout(timer);
        if (this.ctrl === ctrl) this.ctrl = this.pending = undefined;
        this.slow = false;
        this.changed(this);
      });
    this.pending = p;
    return p;
  }

  /** After a failure: loading may go on from where it stopped. */
  retry(): void {
    this.error = undefined;
    this.changed(this);
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.changed(this);
  }

  /** Stops a request on its way (nothing is lost; the next `loadTo` asks again). */
  abort(): void {
    this.ctrl?.abort();
    this.ctrl = this.pending = undefined;
  }

  /** Forgets what was loaded (read again as it is asked for). */
  reset(): void {
    this.abort();
    this.items.length = this.used = 0;
    this.index.clear();
    this.cursor = this.error = undefined;
    this.done = this.slow = false;
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

  /**
   * Where `s` goes among the loaded items by `compare`; `undefined` when it sorts past them and more pages are
   * still to come (it arrives with a later page).
   */
  placeOf(s: AccountSummary, compare: (a: AccountSummary, b: AccountSummary) => number): number | undefined {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.items[mid]!, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.items.length || this.done ? lo : undefined;
  }

  private reindex(from: number): void {
    for (let i = from; i < this.items.length; i++) this.index.set(this.items[i]!.id, i);
  }
}

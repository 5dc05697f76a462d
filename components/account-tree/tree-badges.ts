import type { AccountStore } from '../../src/data/store.js';

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 1000 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 200);
  return () => clearTimeout(t);
};

/**
 * Disabled and reseller badges for the rows in view. Crossbar's children listing does not say whether an
 * account is enabled, so once the rows are painted and the page is idle, the accounts in view whose status is
 * unknown are read, a few at a time, at low priority, through the store (nothing read twice); a row scrolled
 * away before its turn is dropped and one on its way is cancelled. The first rows never wait for these reads.
 */
export class TreeBadges {
  /** Requests on their way at most at once. */
  readonly concurrency: number;
  private queue: string[] = [];
  private readonly running = new Map<string, AbortController>();
  private cancelIdle?: () => void;
  private store?: AccountStore;
  /** Accounts whose read failed: not asked again by this tree. */
  private readonly failed = new Set<string>();

  constructor(concurrency = 2) {
    this.concurrency = concurrency;
  }

  /** The accounts now in view: once idle, the unknown ones are read (what left the view is dropped). */
  request(store: AccountStore, ids: () => string[]): void {
    this.cancelIdle?.();
    this.cancelIdle = idle(() => {
      this.cancelIdle = undefined;
      if (store !== this.store) this.stop();
      this.store = store;
      const unknown = ids().filter((id) => !this.failed.has(id) && store.summaryFacts(id)?.enabled === undefined);
      const wanted = new Set(unknown);
      for (const [id, c] of this.running) {
        if (!wanted.has(id)) {
          c.abort();
          this.running.delete(id);
        }
      }
      this.queue = unknown.filter((id) => !this.running.has(id));
      this.pump();
    });
  }

  /** Cancels everything (the tree left the page, or shows another root). */
  stop(): void {
    this.failed.clear();
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    for (const c of this.running.values()) c.abort();
    this.running.clear();
    this.queue = [];
  }

  private pump(): void {
    const store = this.store;
    while (store && this.running.size < this.concurrency && this.queue.length) {
      const id = this.queue.shift()!;
      if (store.summaryFacts(id)?.enabled !== undefined) continue;
      const ctrl = new AbortController();
      this.running.set(id, ctrl);
      void store
        .getAccount(id, { signal: ctrl.signal })
        .catch((e: { kind?: string }) => {
          if (e?.kind !== 'aborted') this.failed.add(id);
        })
        .finally(() => {
          if (this.running.get(id) === ctrl) this.running.delete(id);
          if (store === this.store) this.pump();
        });
    }
  }
}

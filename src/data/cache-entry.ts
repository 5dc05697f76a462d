/** A read on its way, shared by every caller of one key. */
export interface Flight {
  promise: Promise<unknown>;
  ctrl: AbortController;
  waiters: number;
}

/** One cached key of the store. */
export interface CacheEntry {
  value?: unknown;
  has: boolean;
  at: number;
  stale: boolean;
  /** Bumped by writes: a read that started before a write must not overwrite it. */
  gen: number;
  flight?: Flight;
}

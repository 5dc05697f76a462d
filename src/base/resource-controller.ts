import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountApiError } from '../api/errors.js';
import { toAccountApiError } from '../api/errors.js';
import type { AccountStore, StoreChange } from '../data/store.js';
import { RETRY_EVENT } from './error-panel.js';

/** What a resource shows: nothing asked yet, loading, data, no data, a failure, or no right to see it. */
export type ResourceState = 'idle' | 'loading' | 'loaded' | 'empty' | 'error' | 'forbidden';

/** Where a ResourceController finds its store (an `AmContextController`, or anything with a `store`). */
export interface StoreSource {
  readonly store: AccountStore | undefined;
  /** Why no key can be known yet (e.g. the element's own session failed). */
  readonly error?: AccountApiError;
  /** Who is signed in: a load refused for want of a session is asked again once a new one is there. */
  readonly session?: unknown;
}

export interface ResourceOptions<T> {
  /** The store key the load reads (`storeKey.account(id)`); `undefined` while not ready (state `idle`). */
  key(): string | undefined;
  /** Reads through the store (so reads are shared and cached); pass the options on to the store method. */
  load(store: AccountStore, options: { signal: AbortSignal; force: boolean }): Promise<T>;
  /** Whether a value counts as empty (default: an empty array or page). */
  isEmpty?(value: T): boolean;
  /** Skeleton only after this long, so fast loads do not flash (ms, default 150). */
  skeletonDelay?: number;
  /** Set the host's custom states from this resource (default true; off where the host sums several up). */
  states?: boolean;
}

function defaultEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  const items = (value as { items?: unknown })?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * Loads one store resource for an element: aborts with the element's life, drops stale answers, reloads when
 * its key changes, follows store changes to its key (another widget's save shows here at once), and tells
 * the state in words the render can branch on. Sets the custom states `:state(loading)`, `:state(error)`,
 * `:state(empty)`, `:state(forbidden)` on hosts that support them (AmElement).
 */
export class ResourceController<T> implements ReactiveController {
  state: ResourceState = 'idle';
  value: T | undefined;
  error: AccountApiError | undefined;
  /** True once a load has lasted longer than the skeleton delay. */
  showSkeleton = false;
  /** Loading again while the last value stays on screen. */
  refreshing = false;

  private readonly host: ReactiveControllerHost;
  private readonly source: StoreSource;
  private readonly options: ResourceOptions<T>;
  private store?: AccountStore;
  private key?: string;
  private ctrl?: AbortController;
  private seq = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;
  private wasConnected = false;
  /** The session when a load failed for want of one (`auth`). */
  private refusedSession?: unknown;

  constructor(host: ReactiveControllerHost, source: StoreSource, options: ResourceOptions<T>) {
    this.host = host;
    this.source = source;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.wasConnected) this.host.requestUpdate();
    this.wasConnected = true;
  }

  hostUpdate(): void {
    this.sync();
    if (this.options.states === false) return;
    const h = this.host as { setCustomState?(name: string, on: boolean): void };
    for (const s of ['loading', 'error', 'empty', 'forbidden'] as const) h.setCustomState?.(s, this.state === s);
  }

  hostDisconnected(): void {
    this.stop();
    this.store = undefined;
    this.key = undefined;
  }

  /** Ask the backend again (after an error, or to refresh). */
  retry(): void {
    this.start(true);
    // What else failed on the page (the provider's session) is tried again with it.
    (this.host as Partial<EventTarget>).dispatchEvent?.(new Event(RETRY_EVENT, { bubbles: true, composed: true }));
  }

  private sync(): void {
    // An update of a detached host (a late reply, a property set) subscribes to nothing: it would keep the host
    // alive through the store's listeners. Connecting again updates it.
    if ((this.host as { isConnected?: boolean }).isConnected === false) return;
    const store = this.source.store;
    const key = store ? this.options.key() : undefined;
    if (store === this.store && key === this.key) {
      if (!key && this.source.error && this.state !== 'error') this.fail(this.source.error);
      // Signed in again (the provider's Retry): what failed for want of a session is asked again.
      const session = this.source.session;
      if (this.state === 'error' && this.error?.kind === 'auth' && session && session !== this.refusedSession)
        this.start(true, true);
      return;
    }
    this.stop();
    this.store = store;
    this.key = key;
    if (!store || !key) {
      this.value = undefined;
      this.refreshing = this.showSkeleton = false;
      if (this.source.error) this.fail(this.source.error);
      else [this.state, this.error] = ['idle', undefined];
      return;
    }
    this.unsubscribe = store.subscribeKey(key, this.onChange);
    this.start(false, true);
  }

  private stop(): void {
    this.seq++;
    this.ctrl?.abort();
    this.ctrl = undefined;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private start(force: boolean, inUpdate = false): void {
    const { store, key } = this;
    if (!store || !key) return;
    this.ctrl?.abort();
    clearTimeout(this.timer);
    const ctrl = (this.ctrl = new AbortController());
    const seq = ++this.seq;
    const cached = store.peek<T>(key);
    if (cached !== undefined) this.settle(cached);
    if (!force && cached !== undefined && store.isFresh(key)) return;
    if (cached === undefined) {
      this.value = this.error = undefined;
      this.state = 'loading';
      this.showSkeleton = false;
      this.timer = setTimeout(() => {
        if (seq !== this.seq || this.state !== 'loading') return;
        this.showSkeleton = true;
        this.host.requestUpdate();
      }, this.options.skeletonDelay ?? 150);
    } else this.refreshing = true;
    if (!inUpdate) this.host.requestUpdate();
    this.options.load(store, { signal: ctrl.signal, force }).then(
      (value) => {
        if (seq !== this.seq) return;
        this.refreshing = false;
        this.settle(value);
        this.host.requestUpdate();
      },
      (e: unknown) => {
        const err = toAccountApiError(e);
        if (seq !== this.seq || err.kind === 'aborted') return;
        this.refreshing = false;
        // A failed refresh keeps the data on screen, unless the user may no longer see it.
        if (this.value !== undefined && err.kind !== 'auth' && err.kind !== 'forbidden') this.error = err;
        else this.fail(err);
        this.host.requestUpdate();
      },
    );
  }

  private settle(value: T): void {
    clearTimeout(this.timer);
    this.value = value;
    this.error = undefined;
    this.showSkeleton = false;
    this.state = (this.options.isEmpty ?? defaultEmpty)(value) ? 'empty' : 'loaded';
  }

  private fail(error: AccountApiError): void {
    clearTimeout(this.timer);
    this.refusedSession = this.source.session;
    this.error = error;
    this.value = undefined;
    this.showSkeleton = false;
    this.state = error.kind === 'forbidden' ? 'forbidden' : 'error';
  }

  private onChange = (_change: StoreChange): void => {
    const { store, key } = this;
    if (!store || !key) return;
    const value = store.peek<T>(key);
    // Dropped from the cache (deleted, moved): ask again, so a deleted account shows "not found".
    if (value === undefined) return this.start(false);
    if (value !== this.value) {
      this.settle(value);
      this.host.requestUpdate();
    }
    if (!store.isFresh(key)) this.start(false);
  };
}

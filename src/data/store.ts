import type { AccountApi, CallOptions } from '../api/api.js';
import { collectPages } from '../api/api.js';
import { AccountApiError, toAccountApiError } from '../api/errors.js';
import type {
  Account,
  AccountChanges,
  AccountInput,
  AccountSummary,
  App,
  Balance,
  BalanceAdjustment,
  CallClass,
  CarrierSetting,
  CarrierStrategy,
  Limits,
  LimitsChanges,
  Page,
  PrivLevel,
  ServicePlan,
  Session,
  User,
  UserChanges,
  UserInput,
} from '../api/model.js';
import type { CacheEntry, Flight } from './cache-entry.js';
import { resourceOf, storeKey } from './keys.js';
import { byName, Listing } from './listing.js';
import type { StoreKit } from './store-writes.js';

/** What changed in the store, broadcast after every successful write (and after a read replaced data). */
export type StoreChange =
  | { type: 'account-updated'; account: Account }
  | { type: 'account-created'; account: Account; parentId: string }
  | { type: 'account-deleted'; id: string; parentId?: string }
  | { type: 'account-moved'; account: Account; fromParentId?: string; toParentId: string }
  | { type: 'resource-updated'; key: string }
  /** Everything was forgotten (another identity, or signed out): read again what you show. */
  | { type: 'cleared' }
  /** A listing got a page, failed, or was patched (`key`: `children:<id>` or a search key). */
  | { type: 'listing-updated'; key: string };

export type StoreListener = (change: StoreChange) => void;

export interface StoreOptions {
  /** How long a cached answer is served without asking again (ms). Default 30 000. */
  staleMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Options of a cached read. */
export interface ReadOptions {
  /** Aborts this caller's wait only; the shared request goes on while another caller still waits. */
  signal?: AbortSignal;
  /** Ask the backend even when the cache is fresh. */
  force?: boolean;
}

export interface PageReadOptions extends ReadOptions {
  cursor?: string;
  pageSize?: number;
}

/** What is known of an account from any read, for badges in listings that lack it (Kazoo's children lists). */
export interface SummaryFacts {
  name?: string;
  enabled?: boolean;
  isReseller?: boolean;
}

function aborted(): AccountApiError {
  return new AccountApiError({ kind: 'aborted', message: 'The request was cancelled.' });
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isPage(v: unknown): v is Page<AccountSummary> {
  return typeof v === 'object' && v !== null && Array.isArray((v as Page<unknown>).items);
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAccountApiError(err);
  }
}

type Writes = ReturnType<typeof import('./store-writes.js').storeWrites>;

/** The longest reads wait for first rows (see `AccountStore.afterFirstRows`). */
const FIRST_ROWS_CAP = 300;

const kit: StoreKit = { call, storeKey, resourceOf, byName };

/** The writes' module, once `loadWrites()` has brought it. */
let writesModule: typeof import('./store-writes.js') | undefined;

/** Loads the writes' module (once; a failed load is tried again on the next write). Rejects with a `network` error. */
function loadWrites(): Promise<unknown> {
  return import('./store-writes.js').then(
    (m) => (writesModule = m),
    (cause: unknown) => {
      throw new AccountApiError({
        kind: 'network',
        message: 'The code that saves changes could not be loaded. Check the connection and try again.',
        cause,
      });
    },
  );
}

/**
 * The client-side store shared by every widget under one provider. Reads are keyed resources
 * (see `storeKey`): concurrent reads of one key make one request, answers are cached for `staleMs`,
 * errors are not cached. Writes go to the backend first; on success the cache is updated (the account
 * document and its summary in every cached listing) and a `StoreChange` is broadcast. The writes' code
 * (`./store-writes.ts`) is loaded on the first write, which waits for it (and rejects with `network` when it cannot
 * be loaded).
 */
export class AccountStore {
  readonly api: AccountApi;
  private readonly staleMs: number;
  private readonly now: () => number;
  /** @internal */
  readonly entries = new Map<string, CacheEntry>();
  /** @internal */
  readonly facts = new Map<string, SummaryFacts>();
  private readonly listeners = new Set<StoreListener>();
  private readonly keyListeners = new Map<string, Set<StoreListener>>();
  /** @internal The paged children of each parent: the one copy every view reads. */
  readonly listings = new Map<string, Listing>();
  /** @internal Recent searches (a few, the oldest dropped). */
  readonly searches = new Map<string, Listing>();
  /**
   * Bumped by `clear()`. A caller that awaited something can compare it before acting on the answer:
   * a different epoch means the answer belongs to an identity that is gone.
   */
  epoch = 0;
  private writes?: Writes;

  constructor(api: AccountApi, options: StoreOptions = {}) {
    this.api = api;
    this.staleMs = options.staleMs ?? 30_000;
    this.now = options.now ?? Date.now;
    api.onIdentityChange?.(() => void this.checkIdentity());
  }

  /**
   * The backend's credential changed (a new token, a logout): reads the session again and, when the user or
   * the account is not the one cached (or cannot be read), forgets everything, so nothing of the previous user
   * stays on screen or is written as them.
   */
  private async checkIdentity(): Promise<void> {
    const before = this.peek<Session>(storeKey.session());
    const epoch = this.epoch;
    let after: Session | undefined;
    try {
      after = await this.api.getSession();
    } catch {
      after = undefined;
    }
    if (epoch !== this.epoch) return;
    const same = !!before && !!after && before.accountId === after.accountId && before.userId === after.userId;
    if (same) return;
    if (!before && !this.entries.size && after) {
      this.set(storeKey.session(), after, false);
      return;
    }
    this.clear(after);
  }

  // ---- subscriptions

  /** Hear every change. Returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hear changes that touch `key` (matched on its resource part, so every page of a listing). */
  subscribeKey(key: string, listener: StoreListener): () => void {
    const k = resourceOf(key);
    let set = this.keyListeners.get(k);
    if (!set) this.keyListeners.set(k, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.keyListeners.delete(k);
    };
  }

  /**
   * Forgets everything: reads on their way are aborted (their callers get `aborted`), the cache and what is
   * known of accounts are emptied (but for `session`, the new identity's, when given), and every subscriber
   * hears `cleared`. Used when the signed-in identity
   * changes or signs out, so nothing of the last one stays on screen.
   */
  clear(session?: Session): void {
    this.epoch++;
    const flights = [...this.entries.values()].map((e) => e.flight).filter((f): f is Flight => !!f);
    this.entries.clear();
    this.facts.clear();
    for (const f of flights) f.ctrl.abort();
    for (const l of [...this.listings.values(), ...this.searches.values()]) l.abort();
    this.listings.clear();
    this.searches.clear();
    // The session of the identity now signed in, read to decide: no widget needs to ask for it again.
    if (session) {
      this.set(storeKey.session(), session, false);
      if (session.account) this.putAccount(session.account, false);
    }
    const keys = [...this.keyListeners.keys()];
    this.emit({ type: 'cleared' }, keys);
  }

  // ---- cache access

  /** The cached value of `key`, fresh or not, without asking the backend. */
  peek<T = unknown>(key: string): T | undefined {
    const e = this.entries.get(key);
    return e?.has ? (e.value as T) : undefined;
  }

  /** Whether `key` holds a value young enough to be served without asking again. */
  isFresh(key: string): boolean {
    const e = this.entries.get(key);
    return !!e?.has && !e.stale && this.now() - e.at < this.staleMs;
  }

  /** Marks every cached key whose resource is `resource` (or starts with `resource` when it ends with `:`) stale and tells subscribers. */
  invalidate(resource: string): void {
    const hit = new Set<string>();
    for (const [k, e] of this.entries) {
      const r = resourceOf(k);
      if (r === resource || (resource.endsWith(':') && r.startsWith(resource))) {
        e.stale = true;
        hit.add(r);
      }
    }
    for (const r of hit) this.emit({ type: 'resource-updated', key: r }, [r]);
  }

  /** Marks everything cached stale and tells every subscriber (the data changed behind the store's back). */
  invalidateAll(): void {
    const hit = new Set<string>();
    for (const [k, e] of this.entries) {
      e.stale = true;
      hit.add(resourceOf(k));
    }
    for (const l of [...this.listings.values(), ...this.searches.values()]) {
      l.reset();
      hit.add(l.key);
    }
    for (const r of hit) this.emit({ type: 'resource-updated', key: r }, [r]);
  }

  /** What any read told about the account: name, enabled, reseller tier. */
  summaryFacts(id: string): SummaryFacts | undefined {
    return this.facts.get(id);
  }

  /** The account's row in any cached listing (children or search), e.g. for its `descendantsCount`. */
  peekSummary(id: string): AccountSummary | undefined {
    return this.findSummary(id);
  }

  /**
   * The cached read every typed method is built on: serves a fresh cached value, otherwise shares one
   * in-flight request among all callers. Rejects with `AccountApiError` only.
   */
  read<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const { signal, force } = options;
    if (signal?.aborted) return Promise.reject(aborted());
    const e = this.entry(key);
    if (!force && this.isFresh(key)) return Promise.resolve(e.value as T);
    let flight = e.flight;
    // An in-flight request is as fresh as a forced one: join it.
    if (!flight) {
      const ctrl = new AbortController();
      const gen = e.gen;
      let p: Promise<T>;
      try {
        p = fetcher(ctrl.signal);
      } catch (err) {
        p = Promise.reject(err);
      }
      const epoch = this.epoch;
      const f: Flight = { ctrl, waiters: 0, promise: Promise.resolve() };
      f.promise = p.then(
        (value) => {
          if (e.flight === f) e.flight = undefined;
          if (epoch !== this.epoch) throw aborted();
          if (e.gen !== gen || this.entries.get(key) !== e) return e.has ? e.value : value;
          this.stored(key, value);
          return this.peek(key) ?? value;
        },
        (err: unknown) => {
          if (e.flight === f) e.flight = undefined;
          throw toAccountApiError(err);
        },
      );
      f.promise.catch(() => undefined); // callers that left must not leave an unhandled rejection
      e.flight = flight = f;
    }
    return this.join(e, flight, signal) as Promise<T>;
  }

  private join(e: CacheEntry, f: Flight, signal?: AbortSignal): Promise<unknown> {
    f.waiters++;
    if (!signal) return f.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(aborted());
        if (--f.waiters === 0) {
          if (e.flight === f) e.flight = undefined;
          f.ctrl.abort();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
        (err) => (signal.removeEventListener('abort', onAbort), reject(err)),
      );
    });
  }

  // ---- typed reads

  getSession(options?: ReadOptions): Promise<Session> {
    return this.read(
      storeKey.session(),
      async (signal) => {
        const session = await this.api.getSession({ signal });
        // The backend read the logged-in account to answer: keep it, so no widget asks for it again.
        if (session.account) this.putAccount(session.account, false);
        return session;
      },
      options,
    );
  }

  getAccount(id: string, options?: ReadOptions): Promise<Account> {
    return this.read(storeKey.account(id), (signal) => this.api.getAccount(id, { signal }), options);
  }

  /**
   * One page of `parentId`'s children, read once (not cached: views read `listing(parentId)`); what it tells
   * of each account is learnt.
   */
  async listChildren(parentId: string, options: PageReadOptions = {}): Promise<Page<AccountSummary>> {
    const { cursor, pageSize, signal } = options;
    return this.learnPage(await call(() => this.api.listChildren(parentId, { cursor, pageSize, signal })));
  }

  searchAccounts(query: string, options: PageReadOptions & { rootId?: string } = {}): Promise<Page<AccountSummary>> {
    const { cursor, pageSize, rootId } = options;
    return this.read(
      storeKey.search(query, { rootId, cursor, pageSize }),
      (signal) => this.api.searchAccounts(query, { rootId, cursor, pageSize, signal }),
      options,
    );
  }

  /**
   * The paged children of `parentId`, shared by every view on the page: load with `loadTo(index)`, hear its
   * pages and patches through `subscribeKey(listing.key, …)` or `subscribe`. Writes made through the store
   * patch it in place (a new child takes its place by name, a moved or deleted one leaves), so no view applies
   * a write a second time.
   */
  /** First pages of listings on their way. */
  private firstPages = 0;
  private firstRowsWaiting: (() => void)[] = [];

  /**
   * Resolves once no listing's first page is on its way and the frame after the one that painted the last of them has
   * begun (at most `FIRST_ROWS_CAP` ms later): reads no first rows need (who is logged in, when an element was given
   * its root) go after the rows rather than beside them.
   */
  afterFirstRows(): Promise<void> {
    if (!this.firstPages) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(go, FIRST_ROWS_CAP);
      this.firstRowsWaiting.push(go);
    });
  }

  private firstRowsShown(): void {
    const waiting = this.firstRowsWaiting.splice(0);
    if (!waiting.length) return;
    // The page's rows are drawn in the microtasks after it lands and the next frame paints them; the reads that
    // waited go once that frame is out (a frame later), so their code does not hold back the frame after it either.
    const release = () => setTimeout(() => waiting.forEach((go) => go()));
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(release));
    else release();
  }

  listing(parentId: string): Listing {
    let l = this.listings.get(parentId);
    if (!l) {
      const key = `children:${parentId}`;
      l = new Listing(
        key,
        parentId,
        async (request) => {
          // A first page (no cursor, no name to start at) holds back the reads that wait on `afterFirstRows`.
          const first = !request.cursor && !request.startName && !request.direction;
          if (first) this.firstPages++;
          try {
            return this.learnPage(await this.api.listChildren(parentId, request));
          } finally {
            if (first && --this.firstPages === 0) this.firstRowsShown();
          }
        },
        (x) => this.emit({ type: 'listing-updated', key: x.key }, [x.key]),
        this.findSummary(parentId)?.descendantsCount ??
          this.peek<Account>(storeKey.account(parentId))?.descendantsCount,
      );
      this.listings.set(parentId, l);
    }
    return l;
  }

  /** The listing of `parentId` when one exists (no request). */
  peekListing(parentId: string): Listing | undefined {
    return this.listings.get(parentId);
  }

  /** A paged search of the descendants of `rootId` (created paused when `paused`: resume it to ask). */
  searchListing(query: string, rootId: string | undefined, paused = false): Listing {
    const key = storeKey.search(query, { rootId });
    let l = this.searches.get(key);
    if (l && l.error) {
      this.searches.delete(key);
      l = undefined;
    }
    if (!l) {
      l = new Listing(
        key,
        rootId ?? '',
        async ({ cursor, pageSize, signal }) =>
          this.learnPage(await this.api.searchAccounts(query, { rootId, cursor, pageSize, signal })),
        (x) => this.emit({ type: 'listing-updated', key: x.key }, [x.key]),
      );
      l.paused = paused;
      this.searches.set(key, l);
      while (this.searches.size > 8) this.searches.delete(this.searches.keys().next().value!);
    } else if (!paused) l.resume();
    return l;
  }

  private learnPage(page: Page<AccountSummary>): Page<AccountSummary> {
    return { ...page, items: page.items.map((x) => this.learn(x)) };
  }

  getAncestors(id: string, options?: ReadOptions): Promise<AccountSummary[]> {
    return this.read(storeKey.ancestors(id), (signal) => this.api.getAncestors(id, { signal }), options);
  }

  /** Every user of the account, following every page (no silent truncation). */
  listAllUsers(accountId: string, options: ReadOptions & { privLevel?: PrivLevel } = {}): Promise<User[]> {
    const { privLevel } = options;
    return this.read(
      storeKey.users(accountId, privLevel),
      (signal) => collectPages((cursor) => this.api.listUsers(accountId, { privLevel, cursor, signal })),
      options,
    );
  }

  getLimits(id: string, options?: ReadOptions): Promise<Limits> {
    return this.read(storeKey.limits(id), (signal) => this.api.getLimits(id, { signal }), options);
  }

  listCallClasses(id: string, options?: ReadOptions): Promise<CallClass[]> {
    return this.read(storeKey.callClasses(id), (signal) => this.api.listCallClasses(id, { signal }), options);
  }

  getBalance(id: string, options?: ReadOptions): Promise<Balance> {
    return this.read(storeKey.balance(id), (signal) => this.api.getBalance(id, { signal }), options);
  }

  listServicePlans(resellerId: string, options?: ReadOptions): Promise<ServicePlan[]> {
    return this.read(
      storeKey.plans(resellerId),
      (signal) => this.api.listServicePlans(resellerId, { signal }),
      options,
    );
  }

  getAccountServicePlans(id: string, options?: ReadOptions): Promise<ServicePlan[]> {
    return this.read(storeKey.accountPlans(id), (signal) => this.api.getAccountServicePlans(id, { signal }), options);
  }

  getCarrierStrategy(id: string, options?: ReadOptions): Promise<CarrierSetting> {
    return this.read(storeKey.carrier(id), (signal) => this.api.getCarrierStrategy(id, { signal }), options);
  }

  listApps(id: string, options?: ReadOptions): Promise<App[]> {
    return this.read(storeKey.apps(id), (signal) => this.api.listApps(id, { signal }), options);
  }

  /** The icon of an app `listApps(accountId)` lists, as data; `undefined` when it has none or the backend gives none. */
  getAppIcon(accountId: string, appId: string, options?: ReadOptions): Promise<Blob | undefined> {
    const api = this.api;
    if (!api.getAppIcon) return Promise.resolve(undefined);
    return this.read(
      storeKey.appIcon(accountId, appId),
      (signal) => api.getAppIcon!(accountId, appId, { signal }),
      options,
    );
  }

  // ---- writes (in ./store-writes.ts, loaded on the first one)

  /** The writes of this store, once their module is loaded. */
  private loadedWrites(): Writes | undefined {
    return (this.writes ??= writesModule?.storeWrites(this, kit));
  }

  /**
   * Runs a write from `./store-writes.ts`: at once when that module is loaded, else once it is (a write asked
   * before `clear()` is then not sent: it rejects with `aborted`).
   */
  private write<T>(run: (w: Writes) => Promise<T>): Promise<T> {
    const w = this.loadedWrites();
    if (w) return run(w);
    const epoch = this.epoch;
    return loadWrites().then(() => {
      if (epoch !== this.epoch) throw aborted();
      return run(this.loadedWrites()!);
    });
  }

  /**
   * Writes account changes. A `conflict` whose details carry the current account updates the cache with
   * it (every widget shows the newer revision) before the rejection reaches the caller.
   */
  updateAccount(
    id: string,
    changes: AccountChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Account> {
    return this.write((w) => w.updateAccount(id, changes, options));
  }

  setReseller(id: string, isReseller: boolean, options?: CallOptions): Promise<Account> {
    return this.write((w) => w.setReseller(id, isReseller, options));
  }

  createAccount(parentId: string, input: AccountInput, options?: CallOptions): Promise<Account> {
    return this.write((w) => w.createAccount(parentId, input, options));
  }

  /**
   * Records an account created under `parentId` whose creation reply was lost (found again afterwards): it
   * joins its parent's listing and every view hears `account-created`, as if the reply had arrived.
   */
  adoptCreated(parentId: string, account: Account): Account {
    const w = this.loadedWrites();
    if (w) return w.adoptCreated(parentId, account);
    // Not loaded yet (the write that created it never ran here): recorded once it is; if it cannot be loaded,
    // everything cached is read again.
    const epoch = this.epoch;
    loadWrites().then(
      () => epoch === this.epoch && this.loadedWrites()!.adoptCreated(parentId, account),
      () => epoch === this.epoch && this.invalidateAll(),
    );
    return account;
  }

  deleteAccount(id: string, options?: CallOptions): Promise<void> {
    return this.write((w) => w.deleteAccount(id, options));
  }

  moveAccount(id: string, toParentId: string, options?: CallOptions): Promise<Account> {
    return this.write((w) => w.moveAccount(id, toParentId, options));
  }

  createUser(accountId: string, input: UserInput, options?: CallOptions): Promise<User> {
    return this.write((w) => w.createUser(accountId, input, options));
  }

  updateUser(accountId: string, userId: string, changes: UserChanges, options?: CallOptions): Promise<User> {
    return this.write((w) => w.updateUser(accountId, userId, changes, options));
  }

  deleteUser(accountId: string, userId: string, options?: CallOptions): Promise<void> {
    return this.write((w) => w.deleteUser(accountId, userId, options));
  }

  /** Writes limits; a `conflict` carrying the current limits puts them in the cache before the rejection. */
  updateLimits(
    id: string,
    changes: LimitsChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Limits> {
    return this.write((w) => w.updateLimits(id, changes, options));
  }

  adjustBalance(id: string, adjustment: BalanceAdjustment, options?: CallOptions): Promise<Balance> {
    return this.write((w) => w.adjustBalance(id, adjustment, options));
  }

  setAccountServicePlans(id: string, planIds: string[], options?: CallOptions): Promise<ServicePlan[]> {
    return this.write((w) => w.setAccountServicePlans(id, planIds, options));
  }

  setCarrierStrategy(id: string, strategy: CarrierStrategy, options?: CallOptions): Promise<CarrierSetting> {
    return this.write((w) => w.setCarrierStrategy(id, strategy, options));
  }

  setEnabledApps(id: string, appIds: string[], options?: CallOptions): Promise<App[]> {
    return this.write((w) => w.setEnabledApps(id, appIds, options));
  }

  // ---- internals

  private entry(key: string): CacheEntry {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { has: false, at: 0, stale: false, gen: 0 }));
    return e;
  }

  /** @internal */
  set(key: string, value: unknown, write: boolean): boolean {
    const e = this.entry(key);
    const changed = e.has && !same(e.value, value);
    if (write) e.gen++;
    Object.assign(e, { value, has: true, at: this.now(), stale: false });
    return changed;
  }

  /** A read answered: store it (with known facts merged in) and tell subscribers when it replaced other data. */
  private stored(key: string, value: unknown): void {
    const r = resourceOf(key);
    if (r.startsWith('account:')) {
      const keys = this.putAccount(value as Account, false);
      for (const k of keys) this.emit({ type: 'resource-updated', key: k }, [k]);
      return;
    }
    if (r.startsWith('children:') || r.startsWith('search:') || r.startsWith('ancestors:')) {
      const items = isPage(value) ? value.items : (value as AccountSummary[]);
      const merged = items.map((s) => this.learn(s));
      value = isPage(value) ? { ...value, items: merged } : merged;
    }
    if (this.set(key, value, false)) this.emit({ type: 'resource-updated', key: r }, [r]);
  }

  /** @internal Record facts a summary carries and fill the ones it lacks from what is known. */
  learn(s: AccountSummary): AccountSummary {
    const known = this.facts.get(s.id);
    const f: SummaryFacts = { ...known, name: s.name };
    if (s.enabled !== undefined) f.enabled = s.enabled;
    if (s.isReseller !== undefined) f.isReseller = s.isReseller;
    this.facts.set(s.id, f);
    return { ...s, enabled: s.enabled ?? f.enabled, isReseller: s.isReseller ?? f.isReseller };
  }

  /**
   * @internal Stores the account document and patches its summary everywhere; returns the keys whose data changed.
   */
  putAccount(account: Account, write = true): Set<string> {
    const key = storeKey.account(account.id);
    const keys = new Set<string>();
    if (this.set(key, account, write) || write) keys.add(key);
    this.facts.set(account.id, { name: account.name, enabled: account.enabled, isReseller: account.isReseller });
    // The account's own count sizes its children's listing (the top of a tree is in no listing to tell it).
    const children = this.listings.get(account.id);
    if (children && children.hint === undefined && account.descendantsCount !== undefined) {
      children.hint = account.descendantsCount;
      keys.add(children.key);
    }
    const patch = {
      name: account.name,
      realm: account.realm,
      enabled: account.enabled,
      isReseller: account.isReseller,
    };
    const differs = (s: AccountSummary) =>
      (Object.keys(patch) as (keyof typeof patch)[]).some((k) => s[k] !== patch[k]);
    this.mapSummaries((s) => (s.id === account.id && differs(s) ? { ...s, ...patch } : s), keys);
    return keys;
  }

  /** @internal Applies `fn` to every cached summary (listings and breadcrumbs); records the keys it changed. */
  mapSummaries(fn: (s: AccountSummary) => AccountSummary | undefined, keys: Set<string>, prefix?: string): void {
    for (const l of [...this.listings.values(), ...this.searches.values()]) {
      if (prefix && !l.key.startsWith(prefix)) continue;
      for (let i = l.items.length - 1; i >= 0; i--) {
        const s = l.items[i]!;
        const n = fn(s);
        if (n === s) continue;
        if (n) l.set(i, n);
        else l.take(s.id);
        keys.add(l.key);
      }
    }
    for (const [k, e] of this.entries) {
      if (!e.has || !/^(children|search|ancestors):/.test(k) || (prefix && !k.startsWith(prefix))) continue;
      const list = isPage(e.value) ? e.value.items : (e.value as AccountSummary[]);
      let hit = false;
      const next: AccountSummary[] = [];
      for (const s of list) {
        const n = fn(s);
        if (n !== s) hit = true;
        if (n) next.push(n);
      }
      if (!hit) continue;
      const removed = list.length - next.length;
      e.value = isPage(e.value)
        ? { ...e.value, items: next, total: e.value.total === undefined ? undefined : e.value.total - removed }
        : next;
      keys.add(resourceOf(k));
    }
  }

  /** @internal */
  findSummary(id: string): AccountSummary | undefined {
    for (const l of [...this.listings.values(), ...this.searches.values()]) {
      const i = l.index.get(id);
      if (i !== undefined) return l.items[i];
    }
    for (const [k, e] of this.entries) {
      if (!e.has || !/^(children|search):/.test(k)) continue;
      const s = (e.value as Page<AccountSummary>).items.find((x) => x.id === id);
      if (s) return s;
    }
    return undefined;
  }

  /** @internal */
  emit(change: StoreChange, keys: Iterable<string>): void {
    const hit = new Set([...keys].map(resourceOf));
    const targets = [...this.listeners];
    for (const k of hit) targets.push(...(this.keyListeners.get(k) ?? []));
    for (const l of new Set(targets)) {
      try {
        l(change);
      } catch (err) {
        // One faulty listener must not keep the others from hearing the change.
        console.error(err);
      }
    }
  }
}

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
import { resourceOf, storeKey } from './keys.js';
import { byName, Listing } from './listing.js';

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

interface Flight {
  promise: Promise<unknown>;
  ctrl: AbortController;
  waiters: number;
}

interface Entry {
  value?: unknown;
  has: boolean;
  at: number;
  stale: boolean;
  /** Bumped by writes: a read that started before a write must not overwrite it. */
  gen: number;
  flight?: Flight;
}

const ID_SCOPED = [
  'account',
  'ancestors',
  'users',
  'limits',
  'callClasses',
  'balance',
  'accountPlans',
  'carrier',
  'apps',
  'children',
];

function aborted(): AccountApiError {
  return new AccountApiError({ kind: 'aborted', message: 'The request was cancelled.' });
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isPage(v: unknown): v is Page<AccountSummary> {
  return typeof v === 'object' && v !== null && Array.isArray((v as Page<unknown>).items);
}

/**
 * The client-side store shared by every widget under one provider. Reads are keyed resources
 * (see `storeKey`): concurrent reads of one key make one request, answers are cached for `staleMs`,
 * errors are not cached. Writes go to the backend first; on success the cache is updated (the account
 * document and its summary in every cached listing) and a `StoreChange` is broadcast.
 */
export class AccountStore {
  readonly api: AccountApi;
  private readonly staleMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly facts = new Map<string, SummaryFacts>();
  private readonly listeners = new Set<StoreListener>();
  private readonly keyListeners = new Map<string, Set<StoreListener>>();
  /** The paged children of each parent: the one copy every view reads. */
  private readonly listings = new Map<string, Listing>();
  /** Recent searches (a few, the oldest dropped). */
  private readonly searches = new Map<string, Listing>();
  /**
   * Bumped by `clear()`. A caller that awaited something can compare it before acting on the answer:
   * a different epoch means the answer belongs to an identity that is gone.
   */
  epoch = 0;

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

  private join(e: Entry, f: Flight, signal?: AbortSignal): Promise<unknown> {
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
    return this.learnPage(await this.call(() => this.api.listChildren(parentId, { cursor, pageSize, signal })));
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
  listing(parentId: string): Listing {
    let l = this.listings.get(parentId);
    if (!l) {
      const key = `children:${parentId}`;
      l = new Listing(
        key,
        parentId,
        async (request) => this.learnPage(await this.api.listChildren(parentId, request)),
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

  // ---- writes

  /**
   * Writes account changes. A `conflict` whose details carry the current account updates the cache with
   * it (every widget shows the newer revision) before the rejection reaches the caller.
   */
  async updateAccount(
    id: string,
    changes: AccountChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Account> {
    const epoch = this.epoch;
    let account: Account;
    try {
      account = await this.call(() => this.api.updateAccount(id, changes, options));
    } catch (err) {
      const current = (err as AccountApiError).details as { current?: Account } | undefined;
      if (AccountApiError.is(err, 'conflict') && current?.current?.id === id && epoch === this.epoch) {
        this.emit({ type: 'account-updated', account: current.current }, this.putAccount(current.current, false));
      }
      throw err;
    }
    if (epoch === this.epoch) this.emit({ type: 'account-updated', account }, this.putAccount(account));
    return account;
  }

  async setReseller(id: string, isReseller: boolean, options?: CallOptions): Promise<Account> {
    const account = await this.call(() => this.api.setReseller(id, isReseller, options));
    this.emit({ type: 'account-updated', account }, this.putAccount(account));
    return account;
  }

  async createAccount(parentId: string, input: AccountInput, options?: CallOptions): Promise<Account> {
    const account = await this.call(() => this.api.createAccount(parentId, input, options));
    return this.adoptCreated(parentId, account);
  }

  /**
   * Records an account created under `parentId` whose creation reply was lost (found again afterwards): it
   * joins its parent's listing and every view hears `account-created`, as if the reply had arrived.
   */
  adoptCreated(parentId: string, account: Account): Account {
    if (this.listings.get(parentId)?.index.has(account.id)) return account;
    const keys = this.putAccount(account);
    this.insertChild(parentId, account, keys);
    this.adjustDescendants(parentId, 1, keys);
    this.markStale('search:', keys);
    this.resetSearches(keys);
    this.emit({ type: 'account-created', account, parentId }, keys);
    return account;
  }

  async deleteAccount(id: string, options?: CallOptions): Promise<void> {
    await this.call(() => this.api.deleteAccount(id, options));
    const parentId = this.parentOf(id);
    const keys = new Set<string>();
    if (parentId) this.adjustDescendants(parentId, -1, keys);
    this.removeSummary(id, keys);
    for (const k of [...this.entries.keys()]) {
      const r = resourceOf(k);
      if (ID_SCOPED.some((p) => r === `${p}:${id}`)) {
        this.entries.get(k)!.gen++;
        this.entries.delete(k);
        keys.add(r);
      }
    }
    this.facts.delete(id);
    this.dropListing(id, keys);
    this.emit({ type: 'account-deleted', id, parentId }, keys);
  }

  async moveAccount(id: string, toParentId: string, options?: CallOptions): Promise<Account> {
    const fromParentId = this.parentOf(id);
    const account = await this.call(() => this.api.moveAccount(id, toParentId, options));
    const moved = this.findSummary(id);
    const size = 1 + (moved?.descendantsCount ?? 0);
    const keys = this.putAccount(account);
    if (fromParentId) this.adjustDescendants(fromParentId, -size, keys);
    this.removeSummary(id, keys, 'children:');
    this.insertChild(toParentId, { ...moved, ...account }, keys);
    this.adjustDescendants(toParentId, size, keys);
    // Breadcrumbs of the whole moved subtree changed; which ones are cached is unknown.
    for (const k of [...this.entries.keys()]) {
      if (k.startsWith('ancestors:')) {
        this.entries.get(k)!.gen++;
        this.entries.delete(k);
        keys.add(resourceOf(k));
      }
    }
    this.markStale('search:', keys);
    this.resetSearches(keys);
    this.emit({ type: 'account-moved', account, fromParentId, toParentId }, keys);
    return account;
  }

  async createUser(accountId: string, input: UserInput, options?: CallOptions): Promise<User> {
    const user = await this.call(() => this.api.createUser(accountId, input, options));
    this.patchUsers(accountId, (list, priv) => (priv && priv !== user.privLevel ? list : [...list, user]));
    return user;
  }

  async updateUser(accountId: string, userId: string, changes: UserChanges, options?: CallOptions): Promise<User> {
    const user = await this.call(() => this.api.updateUser(accountId, userId, changes, options));
    this.patchUsers(accountId, (list, priv) => {
      const rest = list.filter((u) => u.id !== userId);
      if (priv && priv !== user.privLevel) return rest;
      const i = list.findIndex((u) => u.id === userId);
      return i < 0 ? [...rest, user] : list.map((u) => (u.id === userId ? user : u));
    });
    return user;
  }

  async deleteUser(accountId: string, userId: string, options?: CallOptions): Promise<void> {
    await this.call(() => this.api.deleteUser(accountId, userId, options));
    this.patchUsers(accountId, (list) => list.filter((u) => u.id !== userId));
  }

  /** Writes limits; a `conflict` carrying the current limits puts them in the cache before the rejection. */
  async updateLimits(
    id: string,
    changes: LimitsChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Limits> {
    const epoch = this.epoch;
    try {
      return this.putResource(storeKey.limits(id), await this.call(() => this.api.updateLimits(id, changes, options)));
    } catch (err) {
      const current = (err as AccountApiError).details as { current?: Limits } | undefined;
      if (AccountApiError.is(err, 'conflict') && current?.current && epoch === this.epoch) {
        this.putResource(storeKey.limits(id), current.current);
      }
      throw err;
    }
  }

  async adjustBalance(id: string, adjustment: BalanceAdjustment, options?: CallOptions): Promise<Balance> {
    return this.putResource(
      storeKey.balance(id),
      await this.call(() => this.api.adjustBalance(id, adjustment, options)),
    );
  }

  async setAccountServicePlans(id: string, planIds: string[], options?: CallOptions): Promise<ServicePlan[]> {
    return this.putResource(
      storeKey.accountPlans(id),
      await this.call(() => this.api.setAccountServicePlans(id, planIds, options)),
    );
  }

  async setCarrierStrategy(id: string, strategy: CarrierStrategy, options?: CallOptions): Promise<CarrierSetting> {
    return this.putResource(
      storeKey.carrier(id),
      await this.call(() => this.api.setCarrierStrategy(id, strategy, options)),
    );
  }

  async setEnabledApps(id: string, appIds: string[], options?: CallOptions): Promise<App[]> {
    return this.putResource(storeKey.apps(id), await this.call(() => this.api.setEnabledApps(id, appIds, options)));
  }

  // ---- internals

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toAccountApiError(err);
    }
  }

  private entry(key: string): Entry {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { has: false, at: 0, stale: false, gen: 0 }));
    return e;
  }

  private set(key: string, value: unknown, write: boolean): boolean {
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

  /** Record facts a summary carries and fill the ones it lacks from what is known. */
  private learn(s: AccountSummary): AccountSummary {
    const known = this.facts.get(s.id);
    const f: SummaryFacts = { ...known, name: s.name };
    if (s.enabled !== undefined) f.enabled = s.enabled;
    if (s.isReseller !== undefined) f.isReseller = s.isReseller;
    this.facts.set(s.id, f);
    return { ...s, enabled: s.enabled ?? f.enabled, isReseller: s.isReseller ?? f.isReseller };
  }

  /** Stores the account document and patches its summary everywhere; returns the keys whose data changed. */
  private putAccount(account: Account, write = true): Set<string> {
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

  /** Applies `fn` to every cached summary (listings and breadcrumbs); records the keys it changed. */
  private mapSummaries(
    fn: (s: AccountSummary) => AccountSummary | undefined,
    keys: Set<string>,
    prefix?: string,
  ): void {
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

  private findSummary(id: string): AccountSummary | undefined {
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

  private parentOf(id: string): string | undefined {
    for (const l of this.listings.values()) if (l.index.has(id)) return l.id;
    const anc = this.peek<AccountSummary[]>(storeKey.ancestors(id));
    if (anc?.length) return anc[anc.length - 1]!.id;
    for (const [k, e] of this.entries) {
      if (e.has && k.startsWith('children:') && (e.value as Page<AccountSummary>).items.some((s) => s.id === id)) {
        return resourceOf(k).slice('children:'.length);
      }
    }
    const tree = this.findSummary(id)?.tree;
    return tree?.length ? tree[tree.length - 1] : undefined;
  }

  private removeSummary(id: string, keys: Set<string>, prefix?: string): void {
    this.mapSummaries((s) => (s.id === id ? undefined : s), keys, prefix);
  }

  /** Inserts the new child in a complete cached listing; a partial one (several pages) is marked stale instead. */
  private insertChild(parentId: string, summary: AccountSummary, keys: Set<string>): void {
    const base = storeKey.children(parentId);
    const s = this.learn({
      id: summary.id,
      name: summary.name,
      realm: summary.realm,
      descendantsCount: summary.descendantsCount ?? 0,
      enabled: summary.enabled,
      isReseller: summary.isReseller,
    });
    const listing = this.listings.get(parentId);
    if (listing && !listing.index.has(s.id)) {
      // Among the loaded rows it takes its place by name; past them it comes with a later page.
      const at = listing.placeOf(s);
      if (at !== undefined) listing.put(s, at);
      keys.add(listing.key);
    }
    for (const [k, e] of this.entries) {
      if (resourceOf(k) !== base || !e.has) continue;
      const page = e.value as Page<AccountSummary>;
      if (page.nextCursor === undefined && !k.includes('cursor=')) {
        const items = [...page.items.filter((x) => x.id !== s.id), s].sort(byName);
        e.value = { ...page, items, total: page.total === undefined ? undefined : page.total + 1 };
      } else e.stale = true;
      keys.add(base);
    }
  }

  private adjustDescendants(parentId: string, delta: number, keys: Set<string>): void {
    const chain = new Set([
      parentId,
      ...(this.peek<AccountSummary[]>(storeKey.ancestors(parentId)) ?? []).map((a) => a.id),
    ]);
    for (let id = this.parentOf(parentId), hops = 0; id && hops < 100 && !chain.has(id); hops++) {
      chain.add(id);
      id = this.parentOf(id);
    }
    for (const id of chain) {
      const l = this.listings.get(id);
      if (l?.hint !== undefined) l.hint = Math.max(0, l.hint + delta);
    }
    this.mapSummaries(
      (s) =>
        chain.has(s.id) && s.descendantsCount !== undefined
          ? { ...s, descendantsCount: Math.max(0, s.descendantsCount + delta) }
          : s,
      keys,
    );
  }

  /** Searches may now find more, or in another place: they are asked again as they are shown. */
  private resetSearches(keys: Set<string>): void {
    for (const l of this.searches.values()) {
      l.reset();
      keys.add(l.key);
    }
  }

  /** Forgets the listings of a deleted account and of every account below it. */
  private dropListing(id: string, keys: Set<string>): void {
    const l = this.listings.get(id);
    if (!l) return;
    this.listings.delete(id);
    l.abort();
    keys.add(l.key);
    for (const s of l.items) this.dropListing(s.id, keys);
  }

  private markStale(prefix: string, keys: Set<string>): void {
    for (const [k, e] of this.entries) {
      if (k.startsWith(prefix)) {
        e.stale = true;
        keys.add(resourceOf(k));
      }
    }
  }

  private patchUsers(accountId: string, fn: (list: User[], privLevel: string | undefined) => User[]): void {
    const r = storeKey.users(accountId);
    for (const [k, e] of this.entries) {
      if (resourceOf(k) !== r || !e.has) continue;
      const priv = /privLevel=([^&]+)/.exec(k)?.[1];
      e.value = fn(e.value as User[], priv);
      e.gen++;
    }
    this.emit({ type: 'resource-updated', key: r }, [r]);
  }

  private putResource<T>(key: string, value: T): T {
    this.set(key, value, true);
    this.emit({ type: 'resource-updated', key }, [key]);
    return value;
  }

  private emit(change: StoreChange, keys: Iterable<string>): void {
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

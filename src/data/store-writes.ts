// The store's writes and the cache patching only they need, loaded by `AccountStore` on its first write.
import type { CallOptions } from '../api/api.js';
import type { AccountApiError } from '../api/errors.js';
import type {
  Account,
  AccountChanges,
  AccountInput,
  AccountSummary,
  App,
  Balance,
  BalanceAdjustment,
  CarrierSetting,
  CarrierStrategy,
  Limits,
  LimitsChanges,
  Page,
  ServicePlan,
  User,
  UserChanges,
  UserInput,
} from '../api/model.js';
import type { resourceOf, storeKey } from './keys.js';
import type { byName } from './listing.js';
import type { AccountStore } from './store.js';

/**
 * What the writes use of the store's own module and its imports. The store hands it over, so this module imports
 * nothing at run time and its chunk holds only the writes.
 */
export interface StoreKit {
  /** Runs a backend call; any rejection becomes an `AccountApiError`. */
  call<T>(fn: () => Promise<T>): Promise<T>;
  storeKey: typeof storeKey;
  resourceOf: typeof resourceOf;
  byName: typeof byName;
}

/** The resources named after one account (`<resource>:<id>`), forgotten with it. */
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

/**
 * The write methods of the store `s` (each documented on the `AccountStore` method of the same name): the backend is
 * asked first; on success the cache is patched and a `StoreChange` is broadcast.
 */
export function storeWrites(s: AccountStore, { call, storeKey, resourceOf, byName }: StoreKit) {
  async function updateAccount(
    id: string,
    changes: AccountChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Account> {
    const epoch = s.epoch;
    let account: Account;
    try {
      account = await call(() => s.api.updateAccount(id, changes, options));
    } catch (err) {
      const current = (err as AccountApiError).details as { current?: Account } | undefined;
      if ((err as AccountApiError).kind === 'conflict' && current?.current?.id === id && epoch === s.epoch) {
        s.emit({ type: 'account-updated', account: current.current }, s.putAccount(current.current, false));
      }
      throw err;
    }
    if (epoch === s.epoch) s.emit({ type: 'account-updated', account }, s.putAccount(account));
    return account;
  }

  async function setReseller(id: string, isReseller: boolean, options?: CallOptions): Promise<Account> {
    const account = await call(() => s.api.setReseller(id, isReseller, options));
    s.emit({ type: 'account-updated', account }, s.putAccount(account));
    return account;
  }

  async function createAccount(parentId: string, input: AccountInput, options?: CallOptions): Promise<Account> {
    const account = await call(() => s.api.createAccount(parentId, input, options));
    return adoptCreated(parentId, account);
  }

  function adoptCreated(parentId: string, account: Account): Account {
    if (s.listings.get(parentId)?.index.has(account.id)) return account;
    const keys = s.putAccount(account);
    insertChild(parentId, account, keys);
    adjustDescendants(parentId, 1, keys);
    markStale('search:', keys);
    resetSearches(keys);
    s.emit({ type: 'account-created', account, parentId }, keys);
    return account;
  }

  async function deleteAccount(id: string, options?: CallOptions): Promise<void> {
    await call(() => s.api.deleteAccount(id, options));
    const parentId = parentOf(id);
    const keys = new Set<string>();
    if (parentId) adjustDescendants(parentId, -1, keys);
    removeSummary(id, keys);
    for (const k of [...s.entries.keys()]) {
      const r = resourceOf(k);
      if (ID_SCOPED.some((p) => r === `${p}:${id}`)) {
        s.entries.get(k)!.gen++;
        s.entries.delete(k);
        keys.add(r);
      }
    }
    s.facts.delete(id);
    dropListing(id, keys);
    s.emit({ type: 'account-deleted', id, parentId }, keys);
  }

  async function moveAccount(id: string, toParentId: string, options?: CallOptions): Promise<Account> {
    const fromParentId = parentOf(id);
    const account = await call(() => s.api.moveAccount(id, toParentId, options));
    const moved = s.findSummary(id);
    const size = 1 + (moved?.descendantsCount ?? 0);
    const keys = s.putAccount(account);
    if (fromParentId) adjustDescendants(fromParentId, -size, keys);
    removeSummary(id, keys, 'children:');
    insertChild(toParentId, { ...moved, ...account }, keys);
    adjustDescendants(toParentId, size, keys);
    // Breadcrumbs of the whole moved subtree changed; which ones are cached is unknown.
    for (const k of [...s.entries.keys()]) {
      if (k.startsWith('ancestors:')) {
        s.entries.get(k)!.gen++;
        s.entries.delete(k);
        keys.add(resourceOf(k));
      }
    }
    markStale('search:', keys);
    resetSearches(keys);
    s.emit({ type: 'account-moved', account, fromParentId, toParentId }, keys);
    return account;
  }

  async function createUser(accountId: string, input: UserInput, options?: CallOptions): Promise<User> {
    const user = await call(() => s.api.createUser(accountId, input, options));
    patchUsers(accountId, (list, priv) => (priv && priv !== user.privLevel ? list : [...list, user]));
    return user;
  }

  async function updateUser(
    accountId: string,
    userId: string,
    changes: UserChanges,
    options?: CallOptions,
  ): Promise<User> {
    const user = await call(() => s.api.updateUser(accountId, userId, changes, options));
    patchUsers(accountId, (list, priv) => {
      const rest = list.filter((u) => u.id !== userId);
      if (priv && priv !== user.privLevel) return rest;
      const i = list.findIndex((u) => u.id === userId);
      return i < 0 ? [...rest, user] : list.map((u) => (u.id === userId ? user : u));
    });
    return user;
  }

  async function deleteUser(accountId: string, userId: string, options?: CallOptions): Promise<void> {
    await call(() => s.api.deleteUser(accountId, userId, options));
    patchUsers(accountId, (list) => list.filter((u) => u.id !== userId));
  }

  async function updateLimits(
    id: string,
    changes: LimitsChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Limits> {
    const epoch = s.epoch;
    try {
      return putResource(storeKey.limits(id), await call(() => s.api.updateLimits(id, changes, options)));
    } catch (err) {
      const current = (err as AccountApiError).details as { current?: Limits } | undefined;
      if ((err as AccountApiError).kind === 'conflict' && current?.current && epoch === s.epoch) {
        putResource(storeKey.limits(id), current.current);
      }
      throw err;
    }
  }

  async function adjustBalance(id: string, adjustment: BalanceAdjustment, options?: CallOptions): Promise<Balance> {
    return putResource(storeKey.balance(id), await call(() => s.api.adjustBalance(id, adjustment, options)));
  }

  async function setAccountServicePlans(id: string, planIds: string[], options?: CallOptions): Promise<ServicePlan[]> {
    return putResource(storeKey.accountPlans(id), await call(() => s.api.setAccountServicePlans(id, planIds, options)));
  }

  async function setCarrierStrategy(
    id: string,
    strategy: CarrierStrategy,
    options?: CallOptions,
  ): Promise<CarrierSetting> {
    return putResource(storeKey.carrier(id), await call(() => s.api.setCarrierStrategy(id, strategy, options)));
  }

  async function setEnabledApps(id: string, appIds: string[], options?: CallOptions): Promise<App[]> {
    return putResource(storeKey.apps(id), await call(() => s.api.setEnabledApps(id, appIds, options)));
  }

  // ---- cache patching

  function parentOf(id: string): string | undefined {
    for (const l of s.listings.values()) if (l.index.has(id)) return l.id;
    const anc = s.peek<AccountSummary[]>(storeKey.ancestors(id));
    if (anc?.length) return anc[anc.length - 1]!.id;
    for (const [k, e] of s.entries) {
      if (e.has && k.startsWith('children:') && (e.value as Page<AccountSummary>).items.some((x) => x.id === id)) {
        return resourceOf(k).slice('children:'.length);
      }
    }
    const tree = s.findSummary(id)?.tree;
    return tree?.length ? tree[tree.length - 1] : undefined;
  }

  function removeSummary(id: string, keys: Set<string>, prefix?: string): void {
    s.mapSummaries((x) => (x.id === id ? undefined : x), keys, prefix);
  }

  /** Inserts the new child in a complete cached listing; a partial one (several pages) is marked stale instead. */
  function insertChild(parentId: string, summary: AccountSummary, keys: Set<string>): void {
    const base = storeKey.children(parentId);
    const child = s.learn({
      id: summary.id,
      name: summary.name,
      realm: summary.realm,
      descendantsCount: summary.descendantsCount ?? 0,
      enabled: summary.enabled,
      isReseller: summary.isReseller,
    });
    const listing = s.listings.get(parentId);
    if (listing && !listing.index.has(child.id)) {
      // Among the loaded rows it takes its place by name; past them it comes with a later page.
      const at = listing.placeOf(child);
      if (at !== undefined) listing.put(child, at);
      keys.add(listing.key);
    }
    for (const [k, e] of s.entries) {
      if (resourceOf(k) !== base || !e.has) continue;
      const page = e.value as Page<AccountSummary>;
      if (page.nextCursor === undefined && !k.includes('cursor=')) {
        const items = [...page.items.filter((x) => x.id !== child.id), child].sort(byName);
        e.value = { ...page, items, total: page.total === undefined ? undefined : page.total + 1 };
      } else e.stale = true;
      keys.add(base);
    }
  }

  function adjustDescendants(parentId: string, delta: number, keys: Set<string>): void {
    const chain = new Set([
      parentId,
      ...(s.peek<AccountSummary[]>(storeKey.ancestors(parentId)) ?? []).map((a) => a.id),
    ]);
    for (let id = parentOf(parentId), hops = 0; id && hops < 100 && !chain.has(id); hops++) {
      chain.add(id);
      id = parentOf(id);
    }
    for (const id of chain) {
      const l = s.listings.get(id);
      if (l?.hint !== undefined) l.hint = Math.max(0, l.hint + delta);
    }
    s.mapSummaries(
      (x) =>
        chain.has(x.id) && x.descendantsCount !== undefined
          ? { ...x, descendantsCount: Math.max(0, x.descendantsCount + delta) }
          : x,
      keys,
    );
  }

  /** Searches may now find more, or in another place: they are asked again as they are shown. */
  function resetSearches(keys: Set<string>): void {
    for (const l of s.searches.values()) {
      l.reset();
      keys.add(l.key);
    }
  }

  /** Forgets the listings of a deleted account and of every account below it. */
  function dropListing(id: string, keys: Set<string>): void {
    const l = s.listings.get(id);
    if (!l) return;
    s.listings.delete(id);
    l.abort();
    keys.add(l.key);
    for (const x of l.items) dropListing(x.id, keys);
  }

  function markStale(prefix: string, keys: Set<string>): void {
    for (const [k, e] of s.entries) {
      if (k.startsWith(prefix)) {
        e.stale = true;
        keys.add(resourceOf(k));
      }
    }
  }

  function patchUsers(accountId: string, fn: (list: User[], privLevel: string | undefined) => User[]): void {
    const r = storeKey.users(accountId);
    for (const [k, e] of s.entries) {
      if (resourceOf(k) !== r || !e.has) continue;
      const priv = /privLevel=([^&]+)/.exec(k)?.[1];
      e.value = fn(e.value as User[], priv);
      e.gen++;
    }
    s.emit({ type: 'resource-updated', key: r }, [r]);
  }

  function putResource<T>(key: string, value: T): T {
    s.set(key, value, true);
    s.emit({ type: 'resource-updated', key }, [key]);
    return value;
  }

  return {
    updateAccount,
    setReseller,
    createAccount,
    adoptCreated,
    deleteAccount,
    moveAccount,
    createUser,
    updateUser,
    deleteUser,
    updateLimits,
    adjustBalance,
    setAccountServicePlans,
    setCarrierStrategy,
    setEnabledApps,
  };
}

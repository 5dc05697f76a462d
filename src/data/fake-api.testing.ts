// An in-memory AccountApi for the tests of the store, the controllers and the provider. Not shipped.
import type { AccountApi } from '../api/api.js';
import { AccountApiError } from '../api/errors.js';
import type { Account, AccountSummary, App, Limits, Page, ServicePlan, Session, User } from '../api/model.js';

export interface FakeAccount {
  id: string;
  name: string;
  parentId?: string;
  enabled?: boolean;
  isReseller?: boolean;
}

export interface FakeApi {
  api: AccountApi;
  /** Every call, as `method:firstArg`. */
  calls: string[];
  /** Calls whose signal was aborted while they waited. */
  aborted: string[];
  /** Calls wait for this before answering, when set. */
  gate?: Promise<void>;
  /** Holds every call until `release()`. */
  hold(): void;
  release(): void;
  /** The next call of `method` rejects with `error`. */
  failNext(method: keyof AccountApi, error: AccountApiError): void;
  /** Changes an account behind the store's back (another user's save). */
  touch(id: string, changes: Partial<Account>): Account;
  count(prefix: string): number;
  accounts: Map<string, Account & { parentId?: string }>;
  users: Map<string, User[]>;
  session: Session;
}

function doc(a: FakeAccount, rev = 1): Account & { parentId?: string } {
  return {
    id: a.id,
    name: a.name,
    realm: `${a.id}.example.net`,
    enabled: a.enabled ?? true,
    isReseller: a.isReseller ?? false,
    isSuperduper: false,
    contacts: {},
    callRestrictions: {},
    uiRestrictions: {},
    numberFeatures: { e911: false, cnam: false },
    notes: {},
    revision: `${rev}-r`,
    parentId: a.parentId,
  };
}

/** A small tree: `root` (the session) → `a` (Acme), `b` (Beta) → `b1` (Beta One); plus `x` in another tree. */
export function createFakeApi(seed?: FakeAccount[], options: { usersPageSize?: number } = {}): FakeApi {
  const list = seed ?? [
    { id: 'root', name: 'Root Reseller', isReseller: true },
    { id: 'a', name: 'Acme', parentId: 'root' },
    { id: 'b', name: 'Beta', parentId: 'root' },
    { id: 'b1', name: 'Beta One', parentId: 'b', enabled: false },
    { id: 'x', name: 'Elsewhere' },
  ];
  const accounts = new Map(list.map((a) => [a.id, doc(a)]));
  const users = new Map<string, User[]>();
  const limits = new Map<string, Limits>();
  const plans = new Map<string, string[]>();
  const apps = new Map<string, string[]>();
  const failures = new Map<string, AccountApiError>();
  let release: () => void = () => undefined;
  const session: Session = {
    accountId: list[0]!.id,
    accountName: list[0]!.name,
    userId: 'u0',
    isReseller: true,
    isSuperduper: false,
    language: 'en-US',
  };

  const fake: FakeApi = {
    api: undefined as unknown as AccountApi,
    calls: [],
    aborted: [],
    accounts,
    users,
    session,
    hold() {
      fake.gate = new Promise((r) => (release = r));
    },
    release() {
      fake.gate = undefined;
      release();
    },
    failNext(method, error) {
      failures.set(method, error);
    },
    touch(id, changes) {
      const a = get(id);
      const rev = Number(a.revision!.split('-')[0]) + 1;
      const next = { ...a, ...changes, revision: `${rev}-r` };
      accounts.set(id, next);
      return strip(next);
    },
    count(prefix) {
      return fake.calls.filter((c) => c.startsWith(prefix)).length;
    },
  };

  const notFound = () => new AccountApiError({ kind: 'not-found', message: 'No such account', status: 404 });
  function get(id: string) {
    const a = accounts.get(id);
    if (!a) throw notFound();
    return a;
  }
  function strip(a: Account & { parentId?: string }): Account {
    const { parentId: _p, ...rest } = a;
    return structuredClone(rest);
  }
  function chain(id: string): string[] {
    const out: string[] = [];
    for (let p = get(id).parentId; p; p = accounts.get(p)?.parentId) out.unshift(p);
    return out;
  }
  function summary(a: Account & { parentId?: string }): AccountSummary {
    const descendants = [...accounts.values()].filter((d) => d.id !== a.id && chain(d.id).includes(a.id)).length;
    return { id: a.id, name: a.name, realm: a.realm, descendantsCount: descendants };
  }
  function page<T>(items: T[], cursor: string | undefined, size: number): Page<T> {
    const start = Number(cursor ?? 0);
    const next = start + size;
    return {
      items: items.slice(start, next),
      nextCursor: next < items.length ? String(next) : undefined,
      total: items.length,
    };
  }
  const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);

  const impl: AccountApi = {
    async getSession() {
      return { ...session };
    },
    async listChildren(parentId, o = {}) {
      const kids = [...accounts.values()].filter((a) => a.parentId === parentId).sort(byName);
      return page(kids.map(summary), o.cursor, o.pageSize ?? 50);
    },
    async searchAccounts(query, o = {}) {
      const root = o.rootId ?? session.accountId;
      const q = query.trim().toLowerCase();
      const below = [...accounts.values()].filter((a) => q && chain(a.id).includes(root));
      const named = below.filter((a) => a.name.toLowerCase().includes(q));
      // No name matches: the start of a realm does, as the Kazoo adapter searches.
      const hits = (named.length ? named : below.filter((a) => a.realm?.toLowerCase().startsWith(q))).sort(byName);
      return page(
        hits.map((a) => ({ ...summary(a), tree: chain(a.id) })),
        o.cursor,
        o.pageSize ?? 50,
      );
    },
    async getAncestors(id) {
      return chain(id).map((p) => summary(get(p)));
    },
    async getAccount(id) {
      return strip(get(id));
    },
    async createAccount(parentId, input) {
      get(parentId);
      const id = `n${accounts.size}`;
      const a = { ...doc({ id, name: input.name, parentId }), realm: input.realm ?? `${id}.example.net` };
      accounts.set(id, a);
      return strip(a);
    },
    async updateAccount(id, changes, o = {}) {
      const a = get(id);
      if (o.expectedRevision && o.expectedRevision !== a.revision) {
        throw new AccountApiError({
          kind: 'conflict',
          message: 'Conflict',
          status: 409,
          details: { current: strip(a) },
        });
      }
      if (changes.name === '') {
        throw new AccountApiError({
          kind: 'validation',
          message: 'Invalid',
          status: 400,
          fieldErrors: { name: ['Required'] },
        });
      }
      const { contacts, notes, numberFeatures, ...flat } = changes;
      const next = { ...a, ...(flat as Partial<Account>) };
      if (contacts) next.contacts = { ...a.contacts, ...(contacts as Account['contacts']) };
      if (notes) next.notes = { ...a.notes, ...(notes as Account['notes']) };
      if (numberFeatures) next.numberFeatures = { ...a.numberFeatures, ...numberFeatures };
      accounts.set(id, next);
      return fake.touch(id, {});
    },
    async deleteAccount(id) {
      get(id);
      if ([...accounts.values()].some((a) => a.parentId === id)) {
        throw new AccountApiError({ kind: 'has-descendants', message: 'Has children', status: 400 });
      }
      accounts.delete(id);
    },
    async moveAccount(id, toParentId) {
      get(toParentId);
      accounts.set(id, { ...get(id), parentId: toParentId });
      return strip(get(id));
    },
    async setReseller(id, isReseller) {
      return fake.touch(id, { isReseller });
    },
    async listUsers(accountId, o = {}) {
      const all = (users.get(accountId) ?? []).filter((u) => !o.privLevel || u.privLevel === o.privLevel);
      return page(all, o.cursor, options.usersPageSize ?? 2);
    },
    async createUser(accountId, input) {
      const u: User = {
        id: `u${Math.random().toString(36).slice(2, 8)}`,
        firstName: input.firstName,
        lastName: input.lastName,
        privLevel: input.privLevel,
      };
      users.set(accountId, [...(users.get(accountId) ?? []), u]);
      return u;
    },
    async updateUser(accountId, userId, changes) {
      const list = users.get(accountId) ?? [];
      const u = { ...list.find((x) => x.id === userId)!, ...changes } as User;
      users.set(
        accountId,
        list.map((x) => (x.id === userId ? u : x)),
      );
      return u;
    },
    async deleteUser(accountId, userId) {
      users.set(
        accountId,
        (users.get(accountId) ?? []).filter((x) => x.id !== userId),
      );
    },
    async getLimits(id) {
      get(id);
      return (
        limits.get(id) ?? {
          twowayTrunks: null,
          inboundTrunks: null,
          outboundTrunks: null,
          allowPerMinute: false,
          postpay: { allowed: false },
        }
      );
    },
    async updateLimits(id, changes) {
      const next = { ...(await impl.getLimits(id)), ...changes };
      limits.set(id, next);
      return next;
    },
    async listCallClasses() {
      return [{ name: 'emergency', friendlyName: 'Emergency' }];
    },
    async getBalance() {
      return { amount: { units: 0, currency: 'USD' } };
    },
    async adjustBalance(_id, adj) {
      return {
        amount: typeof adj.amount === 'string' ? { units: Number(adj.amount) * 10000, currency: 'USD' } : adj.amount,
      };
    },
    async listServicePlans() {
      return [{ id: 'p1', name: 'Basic' }] as ServicePlan[];
    },
    async getAccountServicePlans(id) {
      return (plans.get(id) ?? []).map((p) => ({ id: p, name: p }));
    },
    async setAccountServicePlans(id, planIds) {
      plans.set(id, planIds);
      return planIds.map((p) => ({ id: p, name: p }));
    },
    async getCarrierStrategy() {
      return { strategy: 'system', source: 'default' };
    },
    async setCarrierStrategy(_id, strategy) {
      return { strategy, source: 'saved' };
    },
    async listApps(id) {
      const on = apps.get(id) ?? [];
      return ['voip', 'pbx'].map((a): App => ({ id: a, name: a, enabled: on.includes(a) }));
    },
    async setEnabledApps(id, appIds) {
      apps.set(id, appIds);
      return impl.listApps(id);
    },
  };

  // Every call: logged, gated, abortable, and failing on demand.
  fake.api = Object.fromEntries(
    Object.entries(impl).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        const label = `${name}:${typeof args[0] === 'string' ? args[0] : ''}`;
        fake.calls.push(label);
        const signal = (
          args.find((a) => a && typeof a === 'object' && 'signal' in (a as object)) as
            { signal?: AbortSignal } | undefined
        )?.signal;
        const abort = new Promise<never>((_, reject) => {
          signal?.addEventListener('abort', () => {
            fake.aborted.push(label);
            reject(new AccountApiError({ kind: 'aborted', message: 'aborted' }));
          });
        });
        abort.catch(() => undefined);
        await Promise.race([Promise.resolve(fake.gate).then(() => new Promise((r) => setTimeout(r))), abort]);
        const failure = failures.get(name);
        if (failure) {
          failures.delete(name);
          throw failure;
        }
        return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as AccountApi;
  return fake;
}

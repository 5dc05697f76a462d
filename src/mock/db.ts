// In-memory Kazoo datastore: account docs plus the indices Crossbar's CouchDB views provide.
import { secureHex } from './random.js';
import { collationKey, SortedIds } from './sorted.js';
import type { EmulatorState, LedgerEntry, SeedOptions, ServicePlan, StoredDoc, TokenRecord } from './types.js';

/** Gregorian seconds (Kazoo's clock) = Unix seconds + 62167219200. */
export const GREGORIAN_OFFSET = 62167219200;

export function gregorian(ms: number): number {
  return Math.floor(ms / 1000) + GREGORIAN_OFFSET;
}

export function isPrivateKey(key: string): boolean {
  return key.startsWith('_') || key.startsWith('pvt_');
}

/** The public part of a stored doc (what Crossbar returns), without `id`. */
export function publicFields(doc: StoredDoc): StoredDoc {
  const out: StoredDoc = {};
  for (const key of Object.keys(doc)) if (!isPrivateKey(key)) out[key] = doc[key];
  return out;
}

export function privateFields(doc: StoredDoc): StoredDoc {
  const out: StoredDoc = {};
  for (const key of Object.keys(doc)) if (isPrivateKey(key)) out[key] = doc[key];
  return out;
}

export function nextRev(rev: unknown): string {
  const n = typeof rev === 'string' ? parseInt(rev, 10) || 0 : 0;
  return `${n + 1}-${secureHex(16)}`;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Lazily derives per-account data for seeded accounts (so 100k accounts need no users up front). */
export interface LazyGenerator {
  users(db: Db, account: StoredDoc): StoredDoc[];
  limits(db: Db, account: StoredDoc): StoredDoc;
  ledgers(db: Db, account: StoredDoc): LedgerEntry[];
  services(db: Db, account: StoredDoc): StoredDoc;
  callflows(db: Db, account: StoredDoc): StoredDoc[];
  /** The account's own carriers (`pvt_type: resource`). */
  resources(db: Db, account: StoredDoc): StoredDoc[];
  blacklist(db: Db, account: StoredDoc): string[];
  apiKey(db: Db, account: StoredDoc): string;
  /** Monster UI keys of a seeded account (contacts, restrictions, notes), added on first full read. */
  accountExtras(db: Db, account: StoredDoc): StoredDoc;
}

export class Db {
  readonly accounts = new Map<string, StoredDoc>();
  /** `collationKey(name)`: the sort key of every account listing. */
  readonly sortKey = new Map<string, string>();
  readonly children = new Map<string, SortedIds>();
  readonly byName = new SortedIds((id) => this.sortKey.get(id) ?? '');
  readonly descendants = new Map<string, number>();
  readonly realms = new Map<string, string>();
  readonly apiKeys = new Map<string, string>();
  readonly users = new Map<string, Map<string, StoredDoc>>();
  readonly limits = new Map<string, StoredDoc>();
  readonly ledgers = new Map<string, LedgerEntry[]>();
  readonly services = new Map<string, StoredDoc>();
  readonly callflows = new Map<string, Map<string, StoredDoc>>();
  readonly resources = new Map<string, Map<string, StoredDoc>>();
  readonly blacklists = new Map<string, string[]>();
  readonly plans = new Map<string, ServicePlan[]>();
  readonly tokens = new Map<string, TokenRecord>();
  ids = { master: '', root: '', foreign: '' };
  private realmOrder: string[] | null = null;
  private idOrder: string[] | null = null;

  constructor(
    readonly seed: Required<SeedOptions>,
    readonly gen: LazyGenerator,
    readonly now: () => number,
  ) {}

  account(id: string): StoredDoc | undefined {
    return this.accounts.get(id);
  }

  /** The whole document: seeded accounts get their optional keys on first read (`pvt_lazy`). */
  full(id: string): StoredDoc | undefined {
    const doc = this.accounts.get(id);
    if (!doc || doc.pvt_lazy !== true) return doc;
    const pub = publicFields(doc);
    const priv = privateFields(doc);
    delete priv.pvt_lazy;
    const full: StoredDoc = { ...pub };
    for (const [k, v] of Object.entries(this.gen.accountExtras(this, doc))) if (!(k in full)) full[k] = v;
    Object.assign(full, priv);
    this.accounts.set(id, full);
    return full;
  }

  tree(doc: StoredDoc): string[] {
    return (doc.pvt_tree as string[] | undefined) ?? [];
  }

  parentId(doc: StoredDoc): string | undefined {
    const t = this.tree(doc);
    return t[t.length - 1];
  }

  isReseller(doc: StoredDoc): boolean {
    return doc.pvt_reseller === true;
  }

  /** The nearest reseller above the account; the master when none; "undefined" for the master itself. */
  resellerOf(doc: StoredDoc): string {
    const tree = this.tree(doc);
    for (let i = tree.length - 1; i >= 0; i--) {
      const a = this.accounts.get(tree[i]!);
      if (a && this.isReseller(a)) return tree[i]!;
    }
    return tree.length ? this.ids.master : 'undefined';
  }

  /** True when `ancestorId` is strictly above `doc`. */
  isAncestor(ancestorId: string, doc: StoredDoc): boolean {
    return this.tree(doc).includes(ancestorId);
  }

  childList(parentId: string): SortedIds {
    let list = this.children.get(parentId);
    if (!list) {
      list = new SortedIds((id) => this.sortKey.get(id) ?? '');
      this.children.set(parentId, list);
    }
    return list;
  }

  childCount(id: string): number {
    return this.children.get(id)?.size ?? 0;
  }

  /** Bulk load after seeding or restoring: indices built with one sort each. */
  loadAccounts(docs: StoredDoc[]): void {
    const byParent = new Map<string, string[]>();
    const all: string[] = [];
    for (const doc of docs) {
      const id = doc._id as string;
      this.accounts.set(id, doc);
      this.sortKey.set(id, collationKey(String(doc.name ?? '')));
      if (typeof doc.realm === 'string') this.realms.set(doc.realm.toLowerCase(), id);
      if (typeof doc.pvt_api_key === 'string') this.apiKeys.set(doc.pvt_api_key, id);
      all.push(id);
      const tree = this.tree(doc);
      const parent = tree[tree.length - 1];
      if (parent !== undefined) {
        let arr = byParent.get(parent);
        if (!arr) byParent.set(parent, (arr = []));
        arr.push(id);
      }
      for (const anc of tree) this.descendants.set(anc, (this.descendants.get(anc) ?? 0) + 1);
    }
    for (const [parent, ids] of byParent) this.childList(parent).load(ids);
    this.byName.load(all);
    this.realmOrder = null;
    this.idOrder = null;
  }

  /** Accounts sorted by lower-cased realm (built on demand, dropped on writes). */
  realmIndex(): string[] {
    if (!this.realmOrder) {
      const keyed = [...this.accounts.values()].map((d) => [String(d.realm ?? '').toLowerCase(), d._id as string]);
      keyed.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
      this.realmOrder = keyed.map((k) => k[1]!);
    }
    return this.realmOrder;
  }

  idIndex(): string[] {
    if (!this.idOrder) this.idOrder = [...this.accounts.keys()].sort();
    return this.idOrder;
  }

  insertAccount(doc: StoredDoc): void {
    const id = doc._id as string;
    this.accounts.set(id, doc);
    this.sortKey.set(id, collationKey(String(doc.name ?? '')));
    if (typeof doc.realm === 'string') this.realms.set(doc.realm.toLowerCase(), id);
    const tree = this.tree(doc);
    const parent = tree[tree.length - 1];
    if (parent !== undefined) this.childList(parent).insert(id);
    this.byName.insert(id);
    for (const anc of tree) this.descendants.set(anc, (this.descendants.get(anc) ?? 0) + 1);
    this.realmOrder = null;
    this.idOrder = null;
  }

  /** Swap in a new version of an account doc, keeping every index in step. */
  replaceAccount(next: StoredDoc): void {
    const id = next._id as string;
    const prev = this.accounts.get(id)!;
    const oldKey = this.sortKey.get(id) ?? '';
    const newKey = collationKey(String(next.name ?? ''));
    if (oldKey !== newKey) {
      const parent = this.parentId(prev);
      if (parent !== undefined) this.childList(parent).remove(id, oldKey);
      this.byName.remove(id, oldKey);
      this.sortKey.set(id, newKey);
      if (parent !== undefined) this.childList(parent).insert(id);
      this.byName.insert(id);
    }
    if (prev.realm !== next.realm) {
      if (typeof prev.realm === 'string') this.realms.delete(prev.realm.toLowerCase());
      if (typeof next.realm === 'string') this.realms.set(next.realm.toLowerCase(), id);
      this.realmOrder = null;
    }
    if (prev.pvt_api_key !== next.pvt_api_key) {
      if (typeof prev.pvt_api_key === 'string') this.apiKeys.delete(prev.pvt_api_key);
      if (typeof next.pvt_api_key === 'string') this.apiKeys.set(next.pvt_api_key, id);
    }
    this.accounts.set(id, next);
  }

  removeAccount(id: string): void {
    const doc = this.accounts.get(id);
    if (!doc) return;
    const tree = this.tree(doc);
    const parent = tree[tree.length - 1];
    const key = this.sortKey.get(id) ?? '';
    if (parent !== undefined) this.childList(parent).remove(id, key);
    this.byName.remove(id, key);
    for (const anc of tree) this.descendants.set(anc, (this.descendants.get(anc) ?? 1) - 1);
    if (typeof doc.realm === 'string') this.realms.delete(doc.realm.toLowerCase());
    if (typeof doc.pvt_api_key === 'string') this.apiKeys.delete(doc.pvt_api_key);
    this.accounts.delete(id);
    this.sortKey.delete(id);
    this.children.delete(id);
    this.descendants.delete(id);
    this.users.delete(id);
    this.limits.delete(id);
    this.ledgers.delete(id);
    this.services.delete(id);
    this.callflows.delete(id);
    this.resources.delete(id);
    this.blacklists.delete(id);
    this.plans.delete(id);
    for (const [token, rec] of this.tokens) if (rec.accountId === id) this.tokens.delete(token);
    this.realmOrder = null;
    this.idOrder = null;
  }

  /** Every account below `id`, depth first. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      const kids = this.children.get(cur);
      if (!kids) continue;
      for (const k of kids.ids) {
        out.push(k);
        stack.push(k);
      }
    }
    return out;
  }

  /** Re-parent `id` (and rewrite the tree of all its descendants). */
  move(id: string, to: string): void {
    const doc = this.accounts.get(id)!;
    const oldTree = this.tree(doc);
    const newTree = [...this.tree(this.accounts.get(to)!), to];
    const below = this.subtree(id);
    const moved = below.length + 1;
    for (const anc of oldTree) this.descendants.set(anc, (this.descendants.get(anc) ?? moved) - moved);
    for (const anc of newTree) this.descendants.set(anc, (this.descendants.get(anc) ?? 0) + moved);
    const key = this.sortKey.get(id) ?? '';
    this.childList(oldTree[oldTree.length - 1]!).remove(id, key);
    const modified = gregorian(this.now());
    const rewrite = (d: StoredDoc, tree: string[]): StoredDoc => ({
      ...d,
      pvt_tree: tree,
      _rev: nextRev(d._rev),
      pvt_modified: modified,
    });
    this.accounts.set(id, rewrite(doc, newTree));
    this.childList(to).insert(id);
    for (const d of below) {
      const cur = this.accounts.get(d)!;
      const t = this.tree(cur);
      this.accounts.set(d, rewrite(cur, [...newTree, ...t.slice(t.indexOf(id))]));
    }
  }

  // Lazily materialized per-account collections.

  usersOf(accountId: string): Map<string, StoredDoc> {
    let users = this.users.get(accountId);
    if (!users) {
      users = new Map();
      for (const u of this.gen.users(this, this.accounts.get(accountId)!)) users.set(u._id as string, u);
      this.users.set(accountId, users);
    }
    return users;
  }

  limitsOf(accountId: string): StoredDoc {
    let doc = this.limits.get(accountId);
    if (!doc) this.limits.set(accountId, (doc = this.gen.limits(this, this.accounts.get(accountId)!)));
    return doc;
  }

  ledgersOf(accountId: string): LedgerEntry[] {
    let list = this.ledgers.get(accountId);
    if (!list) this.ledgers.set(accountId, (list = this.gen.ledgers(this, this.accounts.get(accountId)!)));
    return list;
  }

  servicesOf(accountId: string): StoredDoc {
    let doc = this.services.get(accountId);
    if (!doc) this.services.set(accountId, (doc = this.gen.services(this, this.accounts.get(accountId)!)));
    return doc;
  }

  callflowsOf(accountId: string): Map<string, StoredDoc> {
    let map = this.callflows.get(accountId);
    if (!map) {
      map = new Map();
      for (const cf of this.gen.callflows(this, this.accounts.get(accountId)!)) map.set(cf._id as string, cf);
      this.callflows.set(accountId, map);
    }
    return map;
  }

  resourcesOf(accountId: string): Map<string, StoredDoc> {
    let map = this.resources.get(accountId);
    if (!map) {
      map = new Map();
      for (const r of this.gen.resources(this, this.accounts.get(accountId)!)) map.set(r._id as string, r);
      this.resources.set(accountId, map);
    }
    return map;
  }

  /** How many carriers the account has, without keeping generated ones (directory listings of big seeds). */
  resourceCount(accountId: string): number {
    const doc = this.accounts.get(accountId);
    return this.resources.get(accountId)?.size ?? (doc ? this.gen.resources(this, doc).length : 0);
  }

  blacklistOf(accountId: string): string[] {
    let list = this.blacklists.get(accountId);
    if (!list) this.blacklists.set(accountId, (list = this.gen.blacklist(this, this.accounts.get(accountId)!)));
    return list;
  }

  apiKeyOf(accountId: string): string {
    const doc = this.accounts.get(accountId)!;
    if (typeof doc.pvt_api_key === 'string') return doc.pvt_api_key;
    const key = this.gen.apiKey(this, doc);
    this.replaceAccount({ ...doc, pvt_api_key: key });
    return key;
  }

  /** Plans offered to `accountId`: its own when it is a reseller, else its reseller's. */
  offeringReseller(doc: StoredDoc): string {
    return this.isReseller(doc) ? (doc._id as string) : this.resellerOf(doc);
  }

  snapshot(): EmulatorState {
    const mapOfLists = <T>(m: Map<string, Map<string, T>>): Record<string, T[]> => {
      const out: Record<string, T[]> = {};
      for (const [k, v] of m) out[k] = [...v.values()];
      return out;
    };
    return clone({
      format: 'crossbar-emulator/1',
      seed: this.seed,
      ids: this.ids,
      accounts: [...this.accounts.values()],
      users: mapOfLists(this.users),
      limits: Object.fromEntries(this.limits),
      ledgers: Object.fromEntries(this.ledgers),
      services: Object.fromEntries(this.services),
      callflows: mapOfLists(this.callflows),
      resources: mapOfLists(this.resources),
      blacklists: Object.fromEntries(this.blacklists),
      plans: Object.fromEntries(this.plans),
      tokens: [...this.tokens.values()],
    } satisfies EmulatorState);
  }

  static fromState(raw: EmulatorState, gen: LazyGenerator, now: () => number): Db {
    if (!raw || raw.format !== 'crossbar-emulator/1') throw new Error('not a crossbar-emulator/1 snapshot');
    const state = clone(raw);
    const db = new Db(state.seed, gen, now);
    db.ids = state.ids;
    db.loadAccounts(state.accounts);
    for (const [acc, list] of Object.entries(state.users)) {
      db.users.set(acc, new Map(list.map((u) => [u._id as string, u])));
    }
    for (const [acc, doc] of Object.entries(state.limits)) db.limits.set(acc, doc);
    for (const [acc, list] of Object.entries(state.ledgers)) db.ledgers.set(acc, list);
    for (const [acc, doc] of Object.entries(state.services)) db.services.set(acc, doc);
    for (const [acc, list] of Object.entries(state.callflows)) {
      db.callflows.set(acc, new Map(list.map((c) => [c._id as string, c])));
    }
    for (const [acc, list] of Object.entries(state.resources ?? {})) {
      db.resources.set(acc, new Map(list.map((r) => [r._id as string, r])));
    }
    for (const [acc, list] of Object.entries(state.blacklists)) db.blacklists.set(acc, list);
    for (const [acc, list] of Object.entries(state.plans)) db.plans.set(acc, list);
    for (const t of state.tokens) db.tokens.set(t.token, t);
    return db;
  }
}

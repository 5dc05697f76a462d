// What every route handler gets: the parsed request, the environment, and the shared rules
// (authentication, authorization, paging) that Crossbar applies before its modules run.
import type { CatalogApp } from './catalog.js';
import type { Db } from './db.js';
import { collationKey } from './sorted.js';
import { errors, success, type Reply, type ReplyMeta, type SuccessExtras } from './http.js';
import { decodeStartKey, encodeStartKey } from './start-key.js';
import type { StoredDoc, TokenRecord } from './types.js';
import type { Validator } from './validate.js';

export interface Env {
  readonly db: Db;
  readonly validator: Validator;
  readonly kazooVersion: '5' | '4';
  readonly classifierShape: 'object' | 'array';
  readonly maxPageSize: number;
  readonly tokenTtlMs: number;
  /** How `start_key` / `next_start_key` go out: Crossbar's opaque encoding, or the raw view key. */
  readonly startKeys: 'opaque' | 'raw';
  /** crossbar.accounts `allow_move`: who may move an account. */
  readonly allowMove: 'superduper_admin' | 'tree';
  /** The platform's apps: the seeded catalog plus `extraApps`. */
  readonly catalog: readonly CatalogApp[];
  now(): number;
  issueToken(accountId: string, ownerId: string | undefined, method: string): TokenRecord;
}

export interface Ctx {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body when it is an object (`{data, accept_charges, ...}`), else {}. */
  envelope: Record<string, unknown>;
  data: unknown;
  acceptCharges: boolean;
  ifMatch: string | undefined;
  origin: string;
  token: string;
  auth?: TokenRecord;
}

export type Handler = (ctx: Ctx, env: Env, params: string[]) => Reply;

export function meta(ctx: Ctx, env: Env): ReplyMeta {
  return { authToken: ctx.token, version: env.kazooVersion === '4' ? '4.3.142' : '5.0.0', now: env.now() };
}

export function ok(ctx: Ctx, env: Env, data: unknown, extras?: SuccessExtras, status?: number): Reply {
  return success(meta(ctx, env), data, extras, status);
}

/** 401 unless the request carries a live token; refreshes its idle timer. */
export function authenticate(ctx: Ctx, env: Env): TokenRecord {
  if (ctx.auth) return ctx.auth;
  if (!ctx.token) throw errors.unauthorized();
  const rec = env.db.tokens.get(ctx.token);
  if (!rec) throw errors.unauthorized();
  const now = env.now();
  if (now - rec.lastUsed > env.tokenTtlMs || !env.db.account(rec.accountId)) {
    env.db.tokens.delete(ctx.token);
    throw errors.unauthorized();
  }
  rec.lastUsed = now;
  ctx.auth = rec;
  return rec;
}

export function callerId(ctx: Ctx): string {
  return ctx.auth!.accountId;
}

export function isSuperduper(ctx: Ctx, env: Env): boolean {
  return env.db.account(callerId(ctx))?.pvt_superduper_admin === true;
}

/** cb_context:is_account_admin: the token's user is an admin of the token's account (an API key has no user). */
export function isAccountAdmin(ctx: Ctx, env: Env): boolean {
  const owner = ctx.auth?.ownerId;
  return owner !== undefined && env.db.usersOf(callerId(ctx)).get(owner)?.priv_level === 'admin';
}

/** 404 for an unknown account (api_resource:malformed_request, before any authorization). */
export function existingAccount(env: Env, id: string | undefined): StoredDoc {
  const doc = id === undefined ? undefined : env.db.account(id);
  if (!doc) throw errors.notFound(id ?? '');
  return doc;
}

/** 404 for an unknown account, 403 unless the token's account is the account, above it, or superduper. */
export function requireAccount(ctx: Ctx, env: Env, id: string | undefined): StoredDoc {
  const doc = id === undefined ? undefined : env.db.full(id);
  if (!doc || id === undefined) throw errors.notFound(id ?? '');
  const caller = callerId(ctx);
  if (id === caller || env.db.isAncestor(caller, doc) || isSuperduper(ctx, env)) return doc;
  throw errors.forbidden('the requested account is not a descendant of the authenticated account');
}

/** 403 unless the caller's account is strictly above `doc` (the reseller side). */
export function requireAncestor(ctx: Ctx, env: Env, doc: StoredDoc, cause: string): void {
  if (!env.db.isAncestor(callerId(ctx), doc)) throw errors.forbidden(cause);
}

export function requireObject(value: unknown, field = 'data'): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw errors.field(field, 'type', 'Value did not match type(s): object', { target: 'object', value });
  }
  return value as Record<string, unknown>;
}

export function checkRevision(ctx: Ctx, doc: StoredDoc): void {
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== '*' && ctx.ifMatch.replace(/^W\/|"/g, '') !== doc._rev) {
    throw errors.conflict(String(doc._id), String(doc._rev));
  }
}

// ---------- paging ----------

export interface Paging {
  all: boolean;
  size: number;
  start: unknown;
  hasStart: boolean;
  /** The walk goes down the view (crossbar_view:direction/2); read only by listings that take a direction. */
  descending: boolean;
}

/**
 * crossbar_view:direction/2: `descending` when the query has `descending=true` or `ascending=false`, exactly those
 * words (kz_term:is_true / is_false); any other value of either is no error and does not turn the walk. Crossbar
 * itself also walks down when neither parameter is there (its stated default, basics.md "Setting sorting order");
 * the emulator keeps walking up then, as it always has, so clients that send nothing see names A to Z.
 */
export function isDescending(query: Record<string, string>): boolean {
  return query.descending === 'true' || query.ascending === 'false';
}

export function paging(ctx: Ctx, env: Env): Paging {
  const all = ctx.query.paginate === 'false';
  let size = 50;
  const rawSize = ctx.query.page_size;
  if (rawSize !== undefined && rawSize !== '') {
    const n = Number(rawSize);
    if (!Number.isInteger(n) || n < 1) {
      throw errors.field('page_size', 'minimum', 'Value must be at least 1', { target: 1, value: rawSize });
    }
    size = n;
  }
  size = Math.min(size, env.maxPageSize);
  const raw = ctx.query.start_key;
  const hasStart = raw !== undefined && raw !== '';
  let start: unknown = raw;
  if (hasStart) {
    const opaque = decodeStartKey(raw);
    if (opaque) start = opaque.key;
    else {
      // A raw JSON view key, as older servers (and this emulator's `startKeys: 'raw'`) send it.
      try {
        start = JSON.parse(raw);
        // A bare id made only of digits must stay the string it was.
        if (typeof start === 'number' && String(start) !== raw) start = raw;
      } catch {
        start = raw;
      }
    }
  }
  return { all, size, start, hasStart, descending: isDescending(ctx.query) };
}

/**
 * Walk a sorted source from `startIndex(start key)`, keeping rows that pass `accept`, and build Crossbar's
 * paged listing (`page_size`, `start_key`, `next_start_key` only when another page exists). A listing given
 * `lastIndex` also takes Crossbar's direction: descending, it walks the rows backwards from the end, or from
 * `lastIndex(start key)`, the start key counting from the other end as CouchDB's `descending=true` does, and its
 * `next_start_key` is the key of the row the next page starts at, in that direction.
 */
export function listPage<T>(
  ctx: Ctx,
  env: Env,
  rows: readonly T[],
  opts: {
    startIndex: (start: unknown) => number;
    /**
     * Descending: the index of the last row at or before the start key in the ascending order (-1 when none).
     * Without it the listing reads no direction (always ascending).
     */
    lastIndex?: (start: unknown) => number;
    /** Where to begin without a start key (and the lowest index a start key may reach). */
    first?: number;
    keyOf: (row: T) => unknown;
    accept?: (row: T) => boolean;
    stop?: (row: T) => boolean;
    present: (row: T) => unknown;
  },
): Reply {
  const p = paging(ctx, env);
  const accept = opts.accept ?? (() => true);
  const picked: T[] = [];
  const first = opts.first ?? 0;
  const down = p.descending && opts.lastIndex !== undefined;
  const step = down ? -1 : 1;
  let from: number;
  if (down) from = p.all || !p.hasStart ? rows.length - 1 : Math.min(rows.length - 1, opts.lastIndex!(p.start));
  else from = p.all || !p.hasStart ? first : Math.max(first, opts.startIndex(p.start));
  const inside = (i: number) => (down ? i >= first : i < rows.length);
  const limit = p.all ? Infinity : p.size + 1;
  let total = 0;
  for (let i = from; inside(i) && picked.length < limit; i += step) {
    const row = rows[i]!;
    if (opts.stop?.(row)) break;
    if (!accept(row)) continue;
    total++;
    if (p.all && total > env.maxPageSize) {
      let more = total;
      for (let j = i + step; inside(j); j += step) {
        if (opts.stop?.(rows[j]!)) break;
        if (accept(rows[j]!)) more++;
      }
      throw errors.range(more, env.maxPageSize);
    }
    picked.push(row);
  }
  let next: unknown;
  if (!p.all && picked.length > p.size) next = opts.keyOf(picked.pop()!);
  const data = picked.map(opts.present);
  const page: { page_size: number; start_key?: unknown; next_start_key?: unknown } = { page_size: data.length };
  if (!p.all) {
    const start = p.hasStart ? p.start : picked.length ? opts.keyOf(picked[0]!) : '';
    page.start_key = startKeyOut(env, start);
    if (next !== undefined) page.next_start_key = startKeyOut(env, next);
  }
  return ok(ctx, env, data, { page });
}

/** A view key as the server sends it back (api_util:encode_start_keys). */
export function startKeyOut(env: Env, key: unknown): unknown {
  return env.startKeys === 'raw' ? key : encodeStartKey(key);
}

/**
 * Decode a start key (`[scope, value, id]`, `[value, id]` or a bare value) into the (sort key, id) lower bound
 * of a listing whose rows sort by `toKey(value)`.
 */
export function decodeStart(start: unknown, toKey: (value: string) => string): [string, string] {
  if (Array.isArray(start)) {
    if (start.length >= 2) return [toKey(String(start[start.length - 2] ?? '')), String(start[start.length - 1] ?? '')];
    return [toKey(String(start[0] ?? '')), ''];
  }
  return [toKey(String(start ?? '')), ''];
}

/** Start keys of name-ordered account listings. */
export function nameKey(start: unknown): [string, string] {
  return decodeStart(start, collationKey);
}

/**
 * Start keys of the account listings under one account (children, descendants, siblings), as (sort key, id).
 * Crossbar's own key is the view key `[ScopeId, Name]` (accounts/listing_by_children, listing_by_descendants):
 * it names no row, so the id is `undefined` and every row of that name is at the key. The emulator's
 * `next_start_key` adds the row's id, `[ScopeId, Name, Id]`, so a page never repeats a row of a shared name.
 * Other shapes are read as `nameKey` reads them.
 */
export function scopedNameKey(start: unknown, scopeId: string): [string, string | undefined] {
  if (Array.isArray(start) && start.length === 2 && start[0] === scopeId) {
    return [collationKey(String(start[1] ?? '')), undefined];
  }
  const [key, id] = nameKey(start);
  return [key, id === '' ? undefined : id];
}

/**
 * Binary search over ids sorted by (key, id): the index of the first row after (key, id), or after every row
 * of `key` when `id` is undefined.
 */
export function upperBound(ids: readonly string[], keyOf: (id: string) => string, key: string, id?: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = ids[mid]!;
    const k = keyOf(m);
    if (k < key || (k === key && (id === undefined || m <= id))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Binary search over ids sorted by (key, id). */
export function lowerBound(ids: readonly string[], keyOf: (id: string) => string, key: string, id = ''): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = ids[mid]!;
    const k = keyOf(m);
    if (k < key || (k === key && m < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Generic `filter_<field>=value` query parameters of Crossbar listings (arrays match by membership). */
export function filters(ctx: Ctx): (doc: StoredDoc) => boolean {
  const rules = Object.entries(ctx.query).filter(([k]) => k.startsWith('filter_'));
  if (!rules.length) return () => true;
  return (doc) =>
    rules.every(([k, v]) => {
      let value: unknown = doc;
      for (const part of k.slice(7).split('.')) {
        value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      }
      if (Array.isArray(value)) return value.some((x) => String(x) === v);
      return value !== undefined && String(value) === v;
    });
}

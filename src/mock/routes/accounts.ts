// /v2/accounts: documents, the tree (children, descendants, tree, parents, siblings), move, reseller, api_key, search.
import {
  callerId,
  checkRevision,
  existingAccount,
  isAccountAdmin,
  isSuperduper,
  listPage,
  decodeStart,
  lowerBound,
  ok,
  paging,
  requireAccount,
  requireObject,
  scopedNameKey,
  upperBound,
  type Ctx,
  type Env,
  type Handler,
} from '../context.js';
import { clone, gregorian, nextRev, privateFields, publicFields } from '../db.js';
import { CrossbarError, errors, type Reply } from '../http.js';
import { Rng, secureHex } from '../random.js';
import { collationKey, collationPrefix } from '../sorted.js';
import type { StoredDoc } from '../types.js';
import type { ValidationErrors } from '../validate.js';

/** Keys Crossbar computes; ignored when a client sends them back. */
const SERVER_KEYS = [
  'id',
  'created',
  'enabled',
  'is_reseller',
  'reseller_id',
  'superduper_admin',
  'billing_mode',
  'wnm_allow_additions',
  'descendants_count',
];

/** Schema defaults Kazoo stores on every account document. */
const DEFAULTS: StoredDoc = {
  call_restriction: {},
  caller_id: {},
  dial_plan: {},
  music_on_hold: {},
  preflow: {},
  ringtones: {},
};

export function accountFlags(env: Env, doc: StoredDoc): StoredDoc {
  return {
    billing_mode: doc.pvt_billing_mode ?? 'manual',
    created: doc.pvt_created,
    enabled: doc.pvt_enabled !== false,
    is_reseller: doc.pvt_reseller === true,
    reseller_id: env.db.resellerOf(doc),
    superduper_admin: doc.pvt_superduper_admin === true,
    wnm_allow_additions: doc.pvt_wnm_allow_additions === true,
  };
}

/** Reply for one account: public fields + id, with the flags placed as the Kazoo version does. */
export function accountReply(ctx: Ctx, env: Env, doc: StoredDoc, status = 200): Reply {
  const data: StoredDoc = { ...clone(DEFAULTS), ...clone(publicFields(doc)), id: doc._id };
  // Kazoo keeps the count of accounts below on the document itself (the listings' `descendants_count`).
  data.descendants_count = env.db.descendants.get(String(doc._id)) ?? 0;
  const flags = accountFlags(env, doc);
  if (env.kazooVersion === '4') return ok(ctx, env, { ...data, ...flags }, { revision: String(doc._rev) }, status);
  return ok(ctx, env, data, { revision: String(doc._rev), metadata: flags }, status);
}

export function listItem(env: Env, id: string): StoredDoc {
  const doc = env.db.account(id)!;
  return { id, name: doc.name, realm: doc.realm, descendants_count: env.db.descendants.get(id) ?? 0 };
}

function cleanInput(data: unknown, keepNulls: boolean): { doc: StoredDoc; enabled: boolean | undefined } {
  const obj = requireObject(data);
  const doc: StoredDoc = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key.startsWith('_') || key.startsWith('pvt_') || SERVER_KEYS.includes(key)) continue;
    if (value === null && !keepNulls) continue;
    doc[key] = value;
  }
  const enabled = typeof obj.enabled === 'boolean' ? obj.enabled : undefined;
  return { doc, enabled };
}

/** Deep merge for PATCH: objects merge, anything else replaces, `null` deletes. */
export function mergePatch(base: StoredDoc, patch: StoredDoc): StoredDoc {
  const out: StoredDoc = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof out[key] === 'object' &&
      out[key] !== null &&
      !Array.isArray(out[key])
    ) {
      out[key] = mergePatch(out[key] as StoredDoc, value as StoredDoc);
    } else out[key] = clone(value);
  }
  return out;
}

function validateAccount(env: Env, id: string | undefined, doc: StoredDoc): void {
  const errs: ValidationErrors = env.validator.validate('accounts', doc);
  if (typeof doc.realm === 'string' && !errs.realm) {
    const owner = env.db.realms.get(doc.realm.toLowerCase());
    if (owner !== undefined && owner !== id) {
      errs.realm = { unique: { message: 'Account realm already in use', cause: doc.realm } };
    }
  }
  if (Object.keys(errs).length) throw errors.validation(errs);
}

function defaultRealm(env: Env, parent: StoredDoc): string {
  const reseller = parent.pvt_reseller === true ? parent : env.db.account(env.db.resellerOf(parent));
  const base = String(reseller?.realm ?? parent.realm ?? 'sip.kazoo.example');
  for (;;) {
    const realm = `${secureHex(3)}.${base}`;
    if (!env.db.realms.has(realm)) return realm;
  }
}

function create(ctx: Ctx, env: Env, parent: StoredDoc): Reply {
  const { doc, enabled } = cleanInput(ctx.data, false);
  doc.realm ??= defaultRealm(env, parent);
  doc.timezone ??= 'America/Los_Angeles';
  doc.language ??= 'en-us';
  validateAccount(env, undefined, doc);
  const now = gregorian(env.now());
  const id = secureHex(16);
  const stored: StoredDoc = {
    ...clone(DEFAULTS),
    ...doc,
    _id: id,
    _rev: nextRev(undefined),
    pvt_type: 'account',
    pvt_tree: [...env.db.tree(parent), parent._id as string],
    pvt_created: now,
    pvt_modified: now,
    pvt_enabled: enabled ?? true,
    pvt_auth_account_id: callerId(ctx),
    pvt_auth_user_id: ctx.auth?.ownerId,
  };
  env.db.insertAccount(stored);
  return accountReply(ctx, env, stored, 201);
}

const putUnderCaller: Handler = (ctx, env) => create(ctx, env, requireAccount(ctx, env, callerId(ctx)));

const getAccount: Handler = (ctx, env, [id]) => accountReply(ctx, env, requireAccount(ctx, env, id));

const putAccount: Handler = (ctx, env, [id]) => create(ctx, env, requireAccount(ctx, env, id));

function save(ctx: Ctx, env: Env, old: StoredDoc, pub: StoredDoc, enabled: boolean | undefined): Reply {
  if (pub.realm === undefined) pub.realm = old.realm; // the realm cannot be removed, only changed
  validateAccount(env, old._id as string, pub);
  const next: StoredDoc = {
    ...pub,
    ...privateFields(old),
    _rev: nextRev(old._rev),
    pvt_modified: gregorian(env.now()),
  };
  // Only an ancestor may enable or disable; on one's own account the key is dropped.
  if (enabled !== undefined && env.db.isAncestor(callerId(ctx), old)) next.pvt_enabled = enabled;
  env.db.replaceAccount(next);
  return accountReply(ctx, env, next);
}

const postAccount: Handler = (ctx, env, [id]) => {
  const old = requireAccount(ctx, env, id);
  checkRevision(ctx, old);
  const { doc, enabled } = cleanInput(ctx.data, false);
  return save(ctx, env, old, doc, enabled);
};

const patchAccount: Handler = (ctx, env, [id]) => {
  const old = requireAccount(ctx, env, id);
  checkRevision(ctx, old);
  const { doc, enabled } = cleanInput(ctx.data, true);
  return save(ctx, env, old, mergePatch(publicFields(old), doc), enabled);
};

// DELETE of the master is a 405 (the router: cb_accounts:allowed_methods_on_account); Crossbar has no guard
// against deleting one's own account, only cb_accounts:validate_delete_request's descendants check.
const deleteAccount: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  checkRevision(ctx, doc);
  if (env.db.childCount(id!) > 0) {
    throw new CrossbarError(500, 'account_has_descendants', { message: 'account has descendants' });
  }
  const reply = accountReply(ctx, env, doc);
  env.db.removeAccount(id!);
  return reply;
};

// ---------- tree listings ----------

/**
 * Where a start key falls in ids sorted by name under `scopeId`: the views `accounts/listing_by_children` and
 * `listing_by_descendants`, keyed `[ScopeId, Name]` and read by crossbar_view:load with Crossbar's direction
 * (`descending=true` / `ascending=false` walk down from the key, `next_start_key` the row the next page starts at).
 */
function byNameUnder(env: Env, scopeId: string, ids: readonly string[]) {
  const keyOf = (x: string) => env.db.sortKey.get(x) ?? '';
  return {
    startIndex: (start: unknown) => {
      const [key, id] = scopedNameKey(start, scopeId);
      return lowerBound(ids, keyOf, key, id ?? '');
    },
    lastIndex: (start: unknown) => {
      const [key, id] = scopedNameKey(start, scopeId);
      return upperBound(ids, keyOf, key, id) - 1;
    },
  };
}

const children: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const list = env.db.childList(id!);
  return listPage(ctx, env, list.ids, {
    ...byNameUnder(env, id!, list.ids),
    keyOf: (cid) => [id, env.db.account(cid)!.name, cid],
    present: (cid) => listItem(env, cid),
  });
};

const descendants: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const db = env.db;
  return listPage(ctx, env, db.byName.ids, {
    ...byNameUnder(env, id!, db.byName.ids),
    keyOf: (did) => [id, db.account(did)!.name, did],
    accept: (did) => db.isAncestor(id!, db.account(did)!),
    present: (did) => ({ ...listItem(env, did), tree: fromCaller(ctx, db.tree(db.account(did)!)) }),
  });
};

/**
 * A path of ancestor ids from the caller's account down (`lists:dropwhile(=/= AuthAccountId)`, as
 * cb_accounts:get_authorized_account_tree): nobody is shown an account above their own, in any answer. `[]` when
 * the path does not pass through the caller (its own account, which is not in its own tree).
 */
function fromCaller(ctx: Ctx, tree: readonly string[]): string[] {
  const at = tree.indexOf(callerId(ctx));
  return at < 0 ? [] : tree.slice(at);
}

function namedList(env: Env, ids: string[]): StoredDoc[] {
  return ids.map((aid) => ({ id: aid, name: env.db.account(aid)?.name }));
}

// cb_accounts:get_authorized_account_tree: the account's tree from the caller down (dropwhile =/= caller),
// so `[]` for the caller's own account, which is not in its own tree.
const tree: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  const data = namedList(env, fromCaller(ctx, env.db.tree(doc)));
  return ok(ctx, env, data, { page: { page_size: data.length } });
};

// cb_accounts:find_accounts_from_tree walks up from the parent and stops at the caller. The caller is not in its
// own tree, so for its own account Crossbar's walk runs on to the master (its `find_accounts_from_tree([], _, _,
// Acc)` clause): the one answer that names accounts above the caller. The emulator holds the line there too, as
// /tree does (`[]`); the Kazoo adapter never reads /parents, and cuts every path at the session's account anyway.
const parents: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  const data = namedList(env, fromCaller(ctx, env.db.tree(doc)));
  return ok(ctx, env, data, { page: { page_size: data.length } });
};

const siblings: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  const parent = env.db.parentId(doc);
  if (parent === undefined) return ok(ctx, env, [], { page: { page_size: 0 } });
  const caller = callerId(ctx);
  const parentDoc = env.db.account(parent)!;
  if (parent !== caller && !env.db.isAncestor(caller, parentDoc) && !isSuperduper(ctx, env)) {
    throw errors.forbidden('sibling listing is not allowed above the authenticated account');
  }
  const list = env.db.childList(parent);
  return listPage(ctx, env, list.ids, {
    ...byNameUnder(env, parent, list.ids),
    keyOf: (cid) => [parent, env.db.account(cid)!.name, cid],
    present: (cid) => listItem(env, cid),
  });
};

// ---------- move and reseller ----------

/** cb_accounts:validate_move: 'superduper_admin' asks only that; 'tree' wants the caller in both trees. */
function mayMove(ctx: Ctx, env: Env, doc: StoredDoc, target: StoredDoc): boolean {
  if (env.allowMove === 'superduper_admin') return isSuperduper(ctx, env);
  const caller = callerId(ctx);
  return env.db.isAncestor(caller, doc) && env.db.isAncestor(caller, target);
}

const move: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  const body = requireObject(ctx.data);
  const to = body.to;
  if (typeof to !== 'string' || !to) throw errors.field('to', 'required', "Field 'to' is required");
  const target = existingAccount(env, to);
  if (!mayMove(ctx, env, doc, target)) throw errors.forbidden('the account may not be moved by the caller');
  // crossbar_util:validate_move: forbidden when the account is in the new parent's tree (itself or below).
  if (to === id || env.db.isAncestor(id!, target)) {
    throw errors.forbidden('an account cannot be moved below itself or one of its descendants');
  }
  const db = env.db;
  const currentReseller = db.resellerOf(doc);
  const newReseller = db.isReseller(target) ? to : db.resellerOf(target);
  if (currentReseller !== newReseller) {
    throw errors.forbidden('accounts cannot be moved across resellers');
  }
  if (db.parentId(doc) !== to) db.move(id!, to);
  return accountReply(ctx, env, db.account(id!)!);
};

function setReseller(flag: boolean): Handler {
  return (ctx, env, [id]) => {
    const doc = requireAccount(ctx, env, id);
    if (!isSuperduper(ctx, env)) throw errors.forbidden('only superduper admins may change the reseller status');
    if (id === env.db.ids.master) throw errors.forbidden('the master account is always a reseller');
    const next: StoredDoc = { ...doc, pvt_reseller: flag, _rev: nextRev(doc._rev), pvt_modified: gregorian(env.now()) };
    env.db.replaceAccount(next);
    return accountReply(ctx, env, next);
  };
}

const getApiKey: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  return ok(ctx, env, { api_key: env.db.apiKeyOf(id!) });
};

// cb_accounts:validate_account_path(API_KEY, PUT): account admins only (cb_context:is_account_admin).
const putApiKey: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  if (!isAccountAdmin(ctx, env)) throw errors.forbidden('only an account admin may create a new API key');
  const key = new Rng(secureHex(16)).hex(32);
  env.db.replaceAccount({ ...doc, pvt_api_key: key, _rev: nextRev(doc._rev) });
  return ok(ctx, env, { api_key: key }, {}, 201);
};

// ---------- search ----------

interface SearchIndex {
  ids: readonly string[];
  /** The sort key of a row; a match starts with `prefix(v)`. */
  keyOf: (id: string) => string;
  prefix: (v: string) => string;
  /** Sort key of a start key's value. */
  toKey: (value: string) => string;
  /** The value shown in a start key. */
  valueOf: (id: string) => unknown;
}

function searchIndex(env: Env, q: string): SearchIndex {
  const db = env.db;
  const lower = (v: string) => v.toLowerCase();
  if (q === 'name') {
    // Kazoo's search_by_name view: names collated like CouchDB, so the match ignores case and accents.
    return {
      ids: db.byName.ids,
      keyOf: (id) => db.sortKey.get(id) ?? '',
      prefix: collationPrefix,
      toKey: collationKey,
      valueOf: (id) => db.account(id)!.name,
    };
  }
  if (q === 'realm') {
    const keyOf = (id: string) => String(db.account(id)?.realm ?? '').toLowerCase();
    return { ids: db.realmIndex(), keyOf, prefix: lower, toKey: lower, valueOf: keyOf };
  }
  return { ids: db.idIndex(), keyOf: (id) => id, prefix: lower, toKey: lower, valueOf: (id) => id };
}

function searchParams(ctx: Ctx): { q: string; v: string } {
  const errs: ValidationErrors = {};
  if (!ctx.query.t) errs.t = { required: { message: 'Field is required but missing' } };
  else if (ctx.query.t !== 'account') {
    errs.t = {
      enum: { message: 'Value not found in enumerated list of values', target: ['account'], value: ctx.query.t },
    };
  }
  const q = ctx.query.q ?? '';
  if (!['name', 'realm', 'id'].includes(q)) {
    errs.q = {
      enum: { message: 'Value not found in enumerated list of values', target: ['name', 'realm', 'id'], value: q },
    };
  }
  const v = ctx.query.v ?? '';
  if (!v) errs.v = { required: { message: 'Field is required but missing' } };
  if (Object.keys(errs).length) throw errors.validation(errs);
  return { q, v };
}

function search(ctx: Ctx, env: Env, scope: string): Reply {
  const { q, v } = searchParams(ctx);
  const index = searchIndex(env, q);
  const db = env.db;
  const prefix = index.prefix(v);
  return listPage(ctx, env, index.ids, {
    first: lowerBound(index.ids, index.keyOf, prefix),
    startIndex: (start) => lowerBound(index.ids, index.keyOf, ...decodeStart(start, index.toKey)),
    keyOf: (id) => [scope, index.valueOf(id), id],
    stop: (id) => !index.keyOf(id).startsWith(prefix),
    accept: (id) => db.isAncestor(scope, db.account(id)!),
    present: (id) => listItem(env, id),
  });
}

// cb_search:authorize/1 grants any token, and cb_search:get_start_key keys the view on the token's account:
// whatever account the path names, the caller's own descendants are searched.
const searchCaller: Handler = (ctx, env) => search(ctx, env, callerId(ctx));

const searchAccount: Handler = (ctx, env, [id]) => {
  existingAccount(env, id);
  return search(ctx, env, callerId(ctx));
};

function searchMulti(ctx: Ctx, env: Env, scope: string): Reply {
  if (ctx.query.t !== 'account') {
    throw errors.field(
      't',
      ctx.query.t ? 'enum' : 'required',
      ctx.query.t ? 'Value not found in enumerated list of values' : 'Field is required but missing',
    );
  }
  const p = paging(ctx, env);
  const db = env.db;
  const data: Record<string, StoredDoc[]> = {};
  for (const q of ['name', 'realm', 'id']) {
    const raw = ctx.query[`by_${q}`];
    if (raw === undefined) continue;
    const index = searchIndex(env, q);
    const v = index.prefix(raw);
    const out: StoredDoc[] = [];
    for (let i = lowerBound(index.ids, index.keyOf, v); i < index.ids.length && out.length < p.size; i++) {
      const id = index.ids[i]!;
      if (!index.keyOf(id).startsWith(v)) break;
      if (db.isAncestor(scope, db.account(id)!)) out.push(listItem(env, id));
    }
    data[q] = out;
  }
  return ok(ctx, env, data);
}

const searchMultiCaller: Handler = (ctx, env) => searchMulti(ctx, env, callerId(ctx));

const searchMultiAccount: Handler = (ctx, env, [id]) => {
  existingAccount(env, id);
  return searchMulti(ctx, env, callerId(ctx));
};

export const accountRoutes = {
  putUnderCaller,
  getAccount,
  putAccount,
  postAccount,
  patchAccount,
  deleteAccount,
  children,
  descendants,
  tree,
  parents,
  siblings,
  move,
  promote: setReseller(true),
  demote: setReseller(false),
  getApiKey,
  putApiKey,
  searchCaller,
  searchAccount,
  searchMultiCaller,
  searchMultiAccount,
};

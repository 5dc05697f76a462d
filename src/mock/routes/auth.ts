// /v2/user_auth, /v2/api_auth, /v2/token_auth.
import { authenticate, ok, requireObject, type Ctx, type Env, type Handler } from '../context.js';
import { errors, type Reply } from '../http.js';
import { collationKey } from '../sorted.js';
import type { StoredDoc, TokenRecord } from '../types.js';
import { availableApps } from './apps.js';

/** Kazoo's account-name lookup key (kzd_accounts:normalize_name): lower case, letters and digits only. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function appsFor(ctx: Ctx, env: Env, accountId: string): StoredDoc[] {
  const available = new Set(availableApps(env, accountId));
  return env.catalog
    .filter((a) => available.has(a.id))
    .map((a) => ({
      id: a.id,
      name: a.name,
      api_url: `${ctx.origin}/v2/`,
      label: a.i18n['en-US']?.label ?? a.name,
    }));
}

function sessionData(ctx: Ctx, env: Env, rec: TokenRecord): StoredDoc {
  const account = env.db.account(rec.accountId)!;
  const data: StoredDoc = {
    account_id: rec.accountId,
    account_name: account.name,
    apps: appsFor(ctx, env, rec.accountId),
    is_reseller: account.pvt_reseller === true,
    language: account.language ?? 'en-us',
    reseller_id: env.db.resellerOf(account),
  };
  if (rec.ownerId) data.owner_id = rec.ownerId;
  return data;
}

function loginReply(ctx: Ctx, env: Env, rec: TokenRecord): Reply {
  ctx.token = rec.token;
  const data = sessionData(ctx, env, rec);
  delete data.account_name;
  return ok(ctx, env, data, {}, 201);
}

function ensureEnabled(doc: StoredDoc): void {
  if (doc.pvt_enabled === false) throw errors.locked();
}

const userAuth: Handler = (ctx, env) => {
  const body = requireObject(ctx.data);
  const errs = env.validator.validate('user_auth', body);
  if (Object.keys(errs).length) throw errors.validation(errs);
  if (body.account_name === undefined && body.account_realm === undefined && body.phone_number === undefined) {
    throw errors.field('account_name', 'required', 'One of account_name, account_realm or phone_number is required');
  }
  if ((body.method ?? 'md5') !== 'md5') throw errors.unauthorized();
  const db = env.db;
  const credentials = String(body.credentials).toLowerCase();
  const tried = new Set<string>();
  const attempt = (account: StoredDoc): Reply | undefined => {
    const id = account._id as string;
    if (tried.has(id)) return undefined;
    tried.add(id);
    const user = [...db.usersOf(id).values()].find((u) => u.pvt_md5_auth === credentials);
    if (!user) return undefined;
    ensureEnabled(account);
    if (user.enabled === false) throw errors.unauthorized();
    return loginReply(ctx, env, env.issueToken(id, user._id as string, 'cb_user_auth'));
  };
  if (typeof body.account_realm === 'string') {
    const id = db.realms.get(body.account_realm.toLowerCase());
    const reply = id ? attempt(db.account(id)!) : undefined;
    if (reply) return reply;
  } else if (typeof body.account_name === 'string') {
    // Exact (case-insensitive) names first through the name index, then Kazoo's normalized-name match.
    const key = collationKey(body.account_name);
    const ids = db.byName.ids;
    for (let i = db.byName.lowerBound(key); i < ids.length && db.sortKey.get(ids[i]!) === key; i++) {
      const reply = attempt(db.account(ids[i]!)!);
      if (reply) return reply;
    }
    const wanted = normalizeName(body.account_name);
    for (const doc of db.accounts.values()) {
      if (normalizeName(String(doc.name ?? '')) !== wanted) continue;
      const reply = attempt(doc);
      if (reply) return reply;
    }
  } else if (typeof body.phone_number === 'string') {
    for (const [accountId, flows] of db.callflows) {
      if ([...flows.values()].some((cf) => (cf.numbers as string[] | undefined)?.includes(String(body.phone_number)))) {
        const reply = attempt(db.account(accountId)!);
        if (reply) return reply;
      }
    }
  }
  throw errors.unauthorized();
};

const apiAuth: Handler = (ctx, env) => {
  const body = requireObject(ctx.data);
  const errs = env.validator.validate('api_auth', body);
  if (Object.keys(errs).length) throw errors.validation(errs);
  const accountId = env.db.apiKeys.get(String(body.api_key));
  if (!accountId) throw errors.unauthorized();
  ensureEnabled(env.db.account(accountId)!);
  return loginReply(ctx, env, env.issueToken(accountId, undefined, 'cb_api_auth'));
};

const tokenInfo: Handler = (ctx, env) => {
  const rec = authenticate(ctx, env);
  return ok(ctx, env, { ...sessionData(ctx, env, rec), id: rec.token, method: rec.method });
};

const tokenRevoke: Handler = (ctx, env) => {
  const rec = authenticate(ctx, env);
  env.db.tokens.delete(rec.token);
  return ok(ctx, env, {});
};

export const authRoutes = { userAuth, apiAuth, tokenInfo, tokenRevoke };

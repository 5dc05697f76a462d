// /v2/accounts/{id}/users: users.json documents; passwords are kept only as md5(username:password).
import {
  checkRevision,
  filters,
  listPage,
  ok,
  requireAccount,
  requireObject,
  type Ctx,
  type Env,
  type Handler,
} from '../context.js';
import { clone, gregorian, nextRev, privateFields, publicFields } from '../db.js';
import { errors, type Reply } from '../http.js';
import { secureHex } from '../random.js';
import { credentialsHash } from '../seed.js';
import type { StoredDoc } from '../types.js';
import { mergePatch } from './accounts.js';

/** Schema defaults Kazoo stores on a new user (users-03). */
const DEFAULTS: StoredDoc = {
  call_restriction: {},
  caller_id: {},
  contact_list: {},
  dial_plan: {},
  enabled: true,
  hotdesk: { enabled: false, keep_logged_in_elsewhere: false, require_pin: false },
  media: { audio: { codecs: ['PCMU'] }, encryption: { enforce_security: false, methods: [] }, video: { codecs: [] } },
  music_on_hold: {},
  priv_level: 'user',
  profile: {},
  require_password_update: false,
  ringtones: {},
  verified: false,
  vm_to_email_enabled: true,
};

function present(doc: StoredDoc): StoredDoc {
  const out = clone(publicFields(doc));
  delete out.password;
  return { ...out, id: doc._id };
}

function userReply(ctx: Ctx, env: Env, doc: StoredDoc, status = 200): Reply {
  return ok(ctx, env, present(doc), { revision: String(doc._rev) }, status);
}

function cleanInput(data: unknown, keepNulls: boolean): StoredDoc {
  const out: StoredDoc = {};
  for (const [k, v] of Object.entries(requireObject(data))) {
    if (k === 'id' || k.startsWith('_') || k.startsWith('pvt_')) continue;
    if (v === null && !keepNulls) continue;
    out[k] = v;
  }
  return out;
}

/** Validate against users.json plus Kazoo's per-account username uniqueness; returns the stored doc. */
function finish(env: Env, accountId: string, userId: string, pub: StoredDoc, old: StoredDoc | undefined): StoredDoc {
  const errs = env.validator.validate('users', pub);
  if (typeof pub.username === 'string' && !errs.username) {
    const wanted = pub.username.toLowerCase();
    for (const u of env.db.usersOf(accountId).values()) {
      if (u._id !== userId && String(u.username ?? '').toLowerCase() === wanted) {
        errs.username = { unique: { message: 'Username already in use', cause: pub.username } };
        break;
      }
    }
  }
  if (Object.keys(errs).length) throw errors.validation(errs);
  const password = typeof pub.password === 'string' ? pub.password : undefined;
  delete pub.password;
  const now = gregorian(env.now());
  const doc: StoredDoc = {
    ...pub,
    ...(old ? privateFields(old) : { pvt_type: 'user', pvt_account_id: accountId, pvt_created: now }),
    _id: userId,
    _rev: nextRev(old?._rev),
    pvt_modified: now,
  };
  if (password !== undefined && typeof pub.username === 'string')
    doc.pvt_md5_auth = credentialsHash(pub.username, password);
  if (typeof pub.username !== 'string') delete doc.pvt_md5_auth;
  env.db.usersOf(accountId).set(userId, doc);
  return doc;
}

function requireUser(env: Env, accountId: string, userId: string | undefined): StoredDoc {
  const user = userId === undefined ? undefined : env.db.usersOf(accountId).get(userId);
  if (!user) throw errors.notFound(userId ?? '');
  return user;
}

const list: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const users = [...env.db.usersOf(id!).values()].sort((a, b) => ((a._id as string) < (b._id as string) ? -1 : 1));
  const accept = filters(ctx);
  return listPage(ctx, env, users, {
    startIndex: (start) => {
      const key = String(Array.isArray(start) ? start[start.length - 1] : start);
      const i = users.findIndex((u) => (u._id as string) >= key);
      return i < 0 ? users.length : i;
    },
    keyOf: (u) => u._id,
    accept,
    present: (u) => ({
      id: u._id,
      first_name: u.first_name,
      last_name: u.last_name,
      username: u.username,
      email: u.email,
      priv_level: u.priv_level ?? 'user',
      features: u.features ?? [],
      timezone: u.timezone,
    }),
  });
};

const create: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const input = cleanInput(ctx.data, false);
  const doc = finish(env, id!, secureHex(16), { ...clone(DEFAULTS), ...input }, undefined);
  return userReply(ctx, env, doc, 201);
};

const get: Handler = (ctx, env, [id, uid]) => {
  requireAccount(ctx, env, id);
  return userReply(ctx, env, requireUser(env, id!, uid));
};

const post: Handler = (ctx, env, [id, uid]) => {
  requireAccount(ctx, env, id);
  const old = requireUser(env, id!, uid);
  checkRevision(ctx, old);
  return userReply(ctx, env, finish(env, id!, uid!, cleanInput(ctx.data, false), old));
};

const patch: Handler = (ctx, env, [id, uid]) => {
  requireAccount(ctx, env, id);
  const old = requireUser(env, id!, uid);
  checkRevision(ctx, old);
  const merged = mergePatch(publicFields(old), cleanInput(ctx.data, true));
  return userReply(ctx, env, finish(env, id!, uid!, merged, old));
};

const remove: Handler = (ctx, env, [id, uid]) => {
  requireAccount(ctx, env, id);
  const old = requireUser(env, id!, uid);
  checkRevision(ctx, old);
  env.db.usersOf(id!).delete(uid!);
  return userReply(ctx, env, old);
};

export const userRoutes = { list, create, get, post, patch, remove };

// /v2/accounts/{id}/callflows: enough of callflows for the carrier strategy (the `no_match` callflow).
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
import type { StoredDoc } from '../types.js';
import type { ValidationErrors } from '../validate.js';
import { mergePatch } from './accounts.js';

function modules(flow: unknown, out: string[] = []): string[] {
  if (!flow || typeof flow !== 'object') return out;
  const f = flow as StoredDoc;
  if (typeof f.module === 'string' && !out.includes(f.module)) out.push(f.module);
  for (const child of Object.values((f.children ?? {}) as StoredDoc)) modules(child, out);
  return out;
}

function present(doc: StoredDoc): StoredDoc {
  return { ...clone(publicFields(doc)), id: doc._id };
}

function reply(ctx: Ctx, env: Env, doc: StoredDoc, status = 200): Reply {
  return ok(ctx, env, present(doc), { revision: String(doc._rev) }, status);
}

function validate(env: Env, accountId: string, selfId: string, doc: StoredDoc): void {
  const errs: ValidationErrors = {};
  const flow = doc.flow as StoredDoc | undefined;
  if (!flow || typeof flow !== 'object' || Array.isArray(flow)) {
    errs.flow = { required: { message: 'Field is required but missing' } };
  } else if (typeof flow.module !== 'string' || !flow.module) {
    errs['flow.module'] = { required: { message: 'Field is required but missing' } };
  }
  for (const key of ['numbers', 'patterns']) {
    const v = doc[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
      errs[key] = { type: { message: 'Value did not match type(s): array', target: 'array', value: v } };
    }
  }
  const numbers = (Array.isArray(doc.numbers) ? doc.numbers : []) as string[];
  const patterns = (Array.isArray(doc.patterns) ? doc.patterns : []) as string[];
  if (!numbers.length && !patterns.length && !errs.numbers) {
    errs.numbers = { required: { message: 'A callflow needs at least one number or pattern' } };
  }
  if (!errs.numbers) {
    for (const other of env.db.callflowsOf(accountId).values()) {
      if (other._id === selfId) continue;
      const clash = numbers.find((n) => (other.numbers as string[] | undefined)?.includes(n));
      if (clash !== undefined) {
        errs.numbers = { unique: { message: `Number ${clash} exists in callflow ${String(other._id)}`, cause: clash } };
        break;
      }
    }
  }
  if (Object.keys(errs).length) throw errors.validation(errs);
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

function store(env: Env, accountId: string, id: string, pub: StoredDoc, old?: StoredDoc): StoredDoc {
  pub.numbers ??= [];
  pub.patterns ??= [];
  validate(env, accountId, id, pub);
  const now = gregorian(env.now());
  const doc: StoredDoc = {
    ...pub,
    ...(old ? privateFields(old) : { pvt_type: 'callflow', pvt_created: now }),
    _id: id,
    _rev: nextRev(old?._rev),
    pvt_modified: now,
  };
  env.db.callflowsOf(accountId).set(id, doc);
  return doc;
}

function requireCallflow(env: Env, accountId: string, id: string | undefined): StoredDoc {
  const doc = id === undefined ? undefined : env.db.callflowsOf(accountId).get(id);
  if (!doc) throw errors.notFound(id ?? '');
  return doc;
}

const list: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const rows = [...env.db.callflowsOf(id!).values()].sort((a, b) => ((a._id as string) < (b._id as string) ? -1 : 1));
  return listPage(ctx, env, rows, {
    startIndex: (start) => {
      const i = rows.findIndex((r) => (r._id as string) >= String(start));
      return i < 0 ? rows.length : i;
    },
    keyOf: (r) => r._id,
    accept: filters(ctx),
    present: (r) => {
      const item: StoredDoc = {
        id: r._id,
        numbers: r.numbers ?? [],
        patterns: r.patterns ?? [],
        modules: modules(r.flow),
      };
      if (r.name !== undefined) item.name = r.name;
      if (r.featurecode !== undefined) item.featurecode = r.featurecode;
      return item;
    },
  });
};

const create: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  return reply(ctx, env, store(env, id!, secureHex(16), cleanInput(ctx.data, false)), 201);
};

const get: Handler = (ctx, env, [id, cf]) => {
  requireAccount(ctx, env, id);
  return reply(ctx, env, requireCallflow(env, id!, cf));
};

const post: Handler = (ctx, env, [id, cf]) => {
  requireAccount(ctx, env, id);
  const old = requireCallflow(env, id!, cf);
  checkRevision(ctx, old);
  return reply(ctx, env, store(env, id!, cf!, cleanInput(ctx.data, false), old));
};

const patch: Handler = (ctx, env, [id, cf]) => {
  requireAccount(ctx, env, id);
  const old = requireCallflow(env, id!, cf);
  checkRevision(ctx, old);
  return reply(ctx, env, store(env, id!, cf!, mergePatch(publicFields(old), cleanInput(ctx.data, true)), old));
};

const remove: Handler = (ctx, env, [id, cf]) => {
  requireAccount(ctx, env, id);
  const old = requireCallflow(env, id!, cf);
  checkRevision(ctx, old);
  env.db.callflowsOf(id!).delete(cf!);
  return reply(ctx, env, old);
};

export const callflowRoutes = { list, create, get, post, patch, remove };

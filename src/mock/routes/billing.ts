// Limits, ledgers, services (plans) and number classifiers: the money side, with Kazoo's 402 dance.
import { CLASSIFIERS } from '../catalog.js';
import {
  callerId,
  isSuperduper,
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
import type { LedgerEntry, ServicePlan, StoredDoc } from '../types.js';

const UNITS_PER_DOLLAR = 10000;

/** Units (1/10,000 dollar, integers) to dollars as a JSON number (kz_currency:units_to_dollars). */
export function toDollars(units: number): number {
  return Number((units / UNITS_PER_DOLLAR).toFixed(4));
}

/** One 402 line item (402.md). */
function chargeItem(category: string, item: string, quantity: number, rate: number, activation = 0): StoredDoc {
  return {
    category,
    item,
    quantity,
    rate,
    single_discount: true,
    single_discount_rate: 0,
    cumulative_discount: 0,
    cumulative_discount_rate: 0,
    activation_charges: activation,
  };
}

function chargesError(items: StoredDoc[]): never {
  const data: Record<string, unknown> = {};
  let activation = 0;
  for (const it of items) {
    const cat = (data[it.category as string] ??= {}) as StoredDoc;
    cat[it.item as string] = it;
    activation += Number(it.activation_charges ?? 0);
  }
  data.activation_charges = activation;
  throw errors.charges(data);
}

// ---------- limits ----------

/** Monthly rate per trunk, charged (402) when a count goes up. */
const TRUNK_RATES: Record<string, number> = {
  twoway_trunks: 29.99,
  inbound_trunks: 6.99,
  outbound_trunks: 19.99,
  burst_trunks: 9.99,
};

function limitsReply(ctx: Ctx, env: Env, doc: StoredDoc): Reply {
  const data = {
    ...clone(publicFields(doc)),
    id: 'limits',
    allow_postpay: doc.pvt_allow_postpay === true,
    max_postpay_amount: Math.abs(Number(doc.pvt_max_postpay_amount ?? 0)),
  };
  return ok(ctx, env, data, { revision: String(doc._rev) });
}

const getLimits: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  return limitsReply(ctx, env, env.db.limitsOf(id!));
};

/** cb_limits is_allowed: the account's reseller, anyone when that reseller is the master, or a superduper admin. */
function mayChangeLimits(ctx: Ctx, env: Env, account: StoredDoc): boolean {
  const reseller = env.db.resellerOf(account);
  return reseller === callerId(ctx) || reseller === env.db.ids.master || isSuperduper(ctx, env);
}

const postLimits: Handler = (ctx, env, [id]) => {
  const account = requireAccount(ctx, env, id);
  if (!mayChangeLimits(ctx, env, account)) throw errors.forbidden('Please contact your phone provider to add limits.');
  const input: StoredDoc = {};
  for (const [k, v] of Object.entries(requireObject(ctx.data))) {
    if (['id', 'allow_postpay', 'max_postpay_amount', 'accept_charges'].includes(k)) continue;
    if (k.startsWith('_') || k.startsWith('pvt_') || v === null) continue;
    input[k] = v;
  }
  const errs = env.validator.validate('limits', input);
  if (Object.keys(errs).length) throw errors.validation(errs);
  const old = env.db.limitsOf(id!);
  const accept = ctx.acceptCharges || (ctx.data as StoredDoc | undefined)?.accept_charges === true;
  const charges: StoredDoc[] = [];
  for (const [key, rate] of Object.entries(TRUNK_RATES)) {
    const increase = Number(input[key] ?? 0) - Number(old[key] ?? 0);
    if (increase > 0) charges.push(chargeItem('limits', key, increase, rate));
  }
  if (charges.length && !accept) chargesError(charges);
  const next: StoredDoc = { ...input, ...privateFields(old), _id: 'limits', _rev: nextRev(old._rev) };
  env.db.limits.set(id!, next);
  return limitsReply(ctx, env, next);
};

// ---------- classifiers ----------

const classifiers: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  if (env.classifierShape === 'array') {
    return ok(
      ctx,
      env,
      Object.entries(CLASSIFIERS).map(([name, c]) => ({ name, ...c })),
    );
  }
  return ok(ctx, env, clone(CLASSIFIERS));
};

// ---------- ledgers ----------

function presentEntry(env: Env, accountId: string, e: LedgerEntry): StoredDoc {
  const out: StoredDoc = {
    id: e.id,
    account: { id: accountId, name: env.db.account(accountId)?.name },
    amount: toDollars(e.units),
    description: e.description,
    source: { ...e.source },
    usage: { ...e.usage },
    period: { start: e.created },
  };
  if (e.metadata) out.metadata = clone(e.metadata);
  return out;
}

const ledgerSummary: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const out: Record<string, { units: number; usage: StoredDoc }> = {};
  for (const e of env.db.ledgersOf(id!)) {
    const s = (out[e.source.service] ??= { units: 0, usage: { type: e.usage.type, quantity: 0, unit: e.usage.unit } });
    s.units += e.units;
    s.usage.quantity = Number(s.usage.quantity) + e.usage.quantity;
  }
  const data: StoredDoc = {};
  for (const [source, s] of Object.entries(out)) data[source] = { amount: toDollars(s.units), usage: s.usage };
  return ok(ctx, env, data);
};

const ledgerTotal: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const units = env.db.ledgersOf(id!).reduce((sum, e) => sum + e.units, 0);
  return ok(ctx, env, { amount: toDollars(units) });
};

const ledgerSource: Handler = (ctx, env, [id, source]) => {
  requireAccount(ctx, env, id);
  const rows = env.db.ledgersOf(id!).filter((e) => e.source.service === source);
  return listPage(ctx, env, rows, {
    startIndex: (start) =>
      Math.max(
        0,
        rows.findIndex((e) => e.id === String(start)),
      ),
    keyOf: (e) => e.id,
    present: (e) => presentEntry(env, id!, e),
  });
};

function adjust(sign: 1 | -1): Handler {
  return (ctx, env, [id]) => {
    const account = requireAccount(ctx, env, id);
    // cb_ledgers authorize_create: the account's own reseller or a superduper admin, no other ancestor.
    if (env.db.resellerOf(account) !== callerId(ctx) && !isSuperduper(ctx, env)) {
      throw errors.forbidden("only the account's reseller may credit or debit it");
    }
    const body = requireObject(ctx.data);
    const errs = env.validator.validate('ledgers', body);
    if (body.amount === undefined && !errs.amount)
      errs.amount = { required: { message: 'Field is required but missing' } };
    if (Object.keys(errs).length) throw errors.validation(errs);
    const source = body.source as { service: string; id: string };
    const usage = body.usage as { type: string; quantity: number; unit: string };
    const entry: LedgerEntry = {
      id: secureHex(16),
      units: sign * Math.round(Number(body.amount) * UNITS_PER_DOLLAR),
      description: typeof body.description === 'string' ? body.description : sign > 0 ? 'credit' : 'debit',
      source: { service: String(source.service), id: String(source.id) },
      usage: { type: String(usage.type), quantity: Number(usage.quantity), unit: String(usage.unit) },
      created: gregorian(env.now()),
    };
    if (body.metadata && typeof body.metadata === 'object') entry.metadata = clone(body.metadata as StoredDoc);
    env.db.ledgersOf(id!).push(entry);
    return ok(ctx, env, presentEntry(env, id!, entry), {}, 201);
  };
}

// ---------- services and plans ----------

function planById(env: Env, planId: string): ServicePlan | undefined {
  for (const plans of env.db.plans.values()) {
    const p = plans.find((x) => x.id === planId);
    if (p) return p;
  }
  return undefined;
}

function quantities(env: Env, accountId: string): StoredDoc {
  let admin = 0;
  let user = 0;
  for (const u of env.db.usersOf(accountId).values()) {
    if (u.priv_level === 'admin') admin++;
    else user++;
  }
  const limits = env.db.limitsOf(accountId);
  return {
    users: { admin, user },
    limits: {
      twoway_trunks: Number(limits.twoway_trunks ?? 0),
      inbound_trunks: Number(limits.inbound_trunks ?? 0),
      outbound_trunks: Number(limits.outbound_trunks ?? 0),
    },
    ui_apps: {},
  };
}

function servicesReply(ctx: Ctx, env: Env, accountId: string): Reply {
  const doc = env.db.servicesOf(accountId);
  const data = { ...clone(publicFields(doc)), id: accountId, quantities: quantities(env, accountId) };
  return ok(ctx, env, data, { revision: String(doc._rev) });
}

const getServices: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  return servicesReply(ctx, env, id!);
};

const available: Handler = (ctx, env, [id]) => {
  const account = requireAccount(ctx, env, id);
  const plans = [...(env.db.plans.get(env.db.offeringReseller(account)) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  return listPage(ctx, env, plans, {
    startIndex: (start) => {
      const i = plans.findIndex((p) => p.id >= String(start));
      return i < 0 ? plans.length : i;
    },
    keyOf: (p) => p.id,
    present: (p) => ({ id: p.id, name: p.name, category: p.category, description: p.description }),
  });
};

function idList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw errors.field(field, 'type', 'Value did not match type(s): array of plan ids', { value });
  }
  return value as string[];
}

const postServices: Handler = (ctx, env, [id]) => {
  const account = requireAccount(ctx, env, id);
  // cb_services:is_allowed: the account's own reseller (kz_services_reseller:get_id) or a superduper admin.
  if (env.db.resellerOf(account) !== callerId(ctx) && !isSuperduper(ctx, env)) {
    throw errors.forbidden("only the account's reseller may change its service plans");
  }
  const body = requireObject(ctx.data);
  const add = idList(body.add, 'add');
  const del = idList(body.delete, 'delete');
  const vendor = env.db.resellerOf(account);
  const offered = env.db.plans.get(vendor) ?? [];
  const doc = env.db.servicesOf(id!);
  const current = (doc.plans ?? {}) as Record<string, StoredDoc>;
  const charges: StoredDoc[] = [];
  const q = quantities(env, id!) as { users: Record<string, number>; limits: Record<string, number> };
  for (const planId of add) {
    const plan = planById(env, planId);
    if (!plan) throw errors.notFound(planId);
    if (!offered.some((p) => p.id === planId)) {
      throw errors.field('add', 'invalid', `Plan ${planId} is not offered by the account's reseller`, {
        value: planId,
      });
    }
    if (current[planId]) continue;
    for (const item of plan.items) {
      const count = (item.category === 'users' ? q.users[item.item] : q.limits[item.item]) ?? 0;
      const qty = Math.max(1, count);
      if (item.rate > 0 || item.activation_charge)
        charges.push(chargeItem(item.category, item.item, qty, item.rate, item.activation_charge));
    }
  }
  if (charges.length && !ctx.acceptCharges) chargesError(charges);
  const plans: Record<string, StoredDoc> = clone(current);
  for (const planId of del) delete plans[planId];
  for (const planId of add) plans[planId] ??= { vendor_id: vendor, name: planById(env, planId)!.name };
  const next: StoredDoc = { ...doc, plans, _rev: nextRev(doc._rev) };
  if (typeof body.billing_id === 'string') next.billing_id = body.billing_id;
  env.db.services.set(id!, next);
  return servicesReply(ctx, env, id!);
};

export const billingRoutes = {
  getLimits,
  postLimits,
  classifiers,
  ledgerSummary,
  ledgerTotal,
  ledgerSource,
  credit: adjust(1),
  debit: adjust(-1),
  getServices,
  available,
  postServices,
};

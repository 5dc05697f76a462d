/**
 * The Kazoo adapter's methods for managing an account: account writes, users, limits, call classes, balance,
 * service plans, carrier strategy and apps. `createKazooAdapter` loads this module the first time one of them is
 * called; reading the tree needs none of it.
 */
import {
  AccountApiError,
  LEDGER_AMOUNT_MIN,
  moneyToNumber,
  parseMoney,
  type AccountApi,
  type CallClass,
  type CarrierSetting,
  type CarrierStrategy,
} from '../api/index.js';
import { sendForBlob } from './blob.js';
import { decodeCursor, enc, invalidField, revisionOf, type Crossbar, type Reader } from './crossbar.js';
import {
  accountChangesTo,
  accountInputTo,
  appFrom,
  limitsFrom,
  planFrom,
  plansOf,
  userFrom,
  userInputTo,
} from './manage-map.js';
import {
  AppList,
  Blacklist,
  CallflowDoc,
  CallflowList,
  Classifiers,
  LedgerTotal,
  LimitsDoc,
  PlanList,
  ResourceList,
  ServicesDoc,
  UserDoc,
  UserList,
} from './manage-wire.js';
import { accountFrom } from './map.js';
import type { RequestSpec } from './transport.js';
import { AccountDoc, AncestorList } from './wire.js';

/** The AccountApi methods this module implements. */
export type ManagedMethod =
  | 'createAccount'
  | 'updateAccount'
  | 'deleteAccount'
  | 'moveAccount'
  | 'setReseller'
  | 'listUsers'
  | 'createUser'
  | 'updateUser'
  | 'deleteUser'
  | 'getLimits'
  | 'updateLimits'
  | 'listCallClasses'
  | 'getBalance'
  | 'adjustBalance'
  | 'listServicePlans'
  | 'getAccountServicePlans'
  | 'setAccountServicePlans'
  | 'getCarrierStrategy'
  | 'setCarrierStrategy'
  | 'listApps'
  | 'setEnabledApps'
  | 'getAppIcon';

export type ManageApi = Required<Pick<AccountApi, ManagedMethod>>;

function randomHex(bytes = 16): string {
  const a = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(a);
  return Array.from(a, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The management methods of one adapter, over its reads and transport. */
export function createManageApi(cb: Crossbar): ManageApi {
  const { http, call, page, readAccountDoc } = cb;
  const currency = http.options.currency ?? 'USD';
  const language = http.options.language ?? 'en-US';

  async function allPages<I, T>(schema: Reader<I[]>, spec: RequestSpec, map: (item: I) => T): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(schema, spec, map, decodeCursor(cursor), 500);
      out.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    return out;
  }

  async function resellerOf(accountId: string, signal?: AbortSignal): Promise<string | undefined> {
    const { account } = await readAccountDoc(accountId, signal);
    return account.resellerId;
  }

  async function findNoMatch(accountId: string, signal?: AbortSignal) {
    const { data } = await call(CallflowList, {
      method: 'GET',
      path: `/accounts/${enc(accountId)}/callflows`,
      query: { filter_numbers: 'no_match' },
      signal,
    });
    const hit = data.find((cf) => (cf.numbers ?? []).includes('no_match')) ?? data[0];
    if (!hit) return undefined;
    const { data: doc } = await call(CallflowDoc, {
      method: 'GET',
      path: `/accounts/${enc(accountId)}/callflows/${enc(hit.id)}`,
      signal,
    });
    return doc;
  }

  async function carrierFrom(
    accountId: string,
    doc: CallflowDoc | undefined,
    signal?: AbortSignal,
  ): Promise<CarrierSetting> {
    if (!doc?.flow) return { strategy: 'system', source: 'default' };
    const module = doc.flow.module;
    const hunt = doc.flow.data?.hunt_account_id ?? undefined;
    if (module === 'offnet') return { strategy: 'system', source: 'saved' };
    if (module === 'resources') {
      if (!hunt || hunt === accountId) return { strategy: 'account', source: 'saved' };
      const reseller = await resellerOf(accountId, signal);
      if (hunt === reseller) return { strategy: 'reseller', source: 'saved', huntAccountId: hunt };
      return { strategy: 'system', source: 'unsupported', huntAccountId: hunt };
    }
    return { strategy: 'system', source: 'unsupported' };
  }

  /** The account's own carriers, every page counted; `undefined` when the user may not list them. */
  async function countCarriers(accountId: string, signal?: AbortSignal): Promise<number | undefined> {
    try {
      const all = await allPages(
        ResourceList,
        { method: 'GET', path: `/accounts/${enc(accountId)}/resources`, signal },
        (r) => r.id,
      );
      return all.length;
    } catch (e) {
      if (AccountApiError.is(e, 'forbidden')) return undefined;
      throw e;
    }
  }

  /** A strategy with the account's carrier count, both read at once. */
  async function withCount(
    accountId: string,
    strategy: Promise<CarrierSetting>,
    signal?: AbortSignal,
  ): Promise<CarrierSetting> {
    const [setting, own] = await Promise.all([strategy, countCarriers(accountId, signal)]);
    return own === undefined ? setting : { ...setting, ownCarriers: own };
  }

  async function parentOf(accountId: string, signal?: AbortSignal): Promise<string | undefined> {
    const { data } = await call(AncestorList, { method: 'GET', path: `/accounts/${enc(accountId)}/tree`, signal });
    const ancestors = data.filter((a) => a.id !== accountId);
    return ancestors[ancestors.length - 1]?.id;
  }

  /** The account whose apps store each account's `listApps` read (its parent's, or its own). */
  const appStores = new Map<string, string>();

  const api: ManageApi = {
    async createAccount(parentId, input, opts) {
      checkName(input?.name);
      const { data, env } = await call(AccountDoc, {
        method: 'PUT',
        path: `/accounts/${enc(parentId)}`,
        data: accountInputTo(input),
        signal: opts?.signal,
        acceptCharges: opts?.acceptCharges,
      });
      return accountFrom(data, revisionOf(env));
    },

    async updateAccount(id, changes, opts) {
      if (changes.name !== undefined) checkName(changes.name);
      const signal = opts?.signal;
      const expected = opts?.expectedRevision;
      let body = changes;
      if (expected || changes.uiRestrictions) {
        // Kazoo does not refuse a stale write by itself: compare revisions first.
        const { account: current } = await readAccountDoc(id, signal);
        if (expected && current.revision !== undefined && current.revision !== expected) {
          throw new AccountApiError({
            kind: 'conflict',
            status: 409,
            message: 'Someone else changed this account in the meantime.',
            details: { current },
            request: { method: 'PATCH', url: `${http.base}/accounts/${id}` },
          });
        }
        // The restrictions are rewritten in the current layout as a whole, so legacy flat keys are not lost.
        if (changes.uiRestrictions) {
          body = { ...changes, uiRestrictions: { ...current.uiRestrictions, ...changes.uiRestrictions } };
        }
      }
      try {
        const { data, env } = await call(AccountDoc, {
          method: 'PATCH',
          path: `/accounts/${enc(id)}`,
          data: accountChangesTo(body),
          headers: expected ? { 'If-Match': expected } : undefined,
          signal,
          acceptCharges: opts?.acceptCharges,
        });
        return accountFrom(data, revisionOf(env));
      } catch (err) {
        if (AccountApiError.is(err, 'conflict') && err.details === undefined) {
          const { account: current } = await readAccountDoc(id, signal);
          throw new AccountApiError({
            kind: 'conflict',
            status: 409,
            message: err.message,
            request: err.request,
            details: { current },
          });
        }
        throw err;
      }
    },

    async deleteAccount(id, opts) {
      await http.send({ method: 'DELETE', path: `/accounts/${enc(id)}`, signal: opts?.signal });
    },

    async moveAccount(id, toParentId, opts) {
      await http.send({
        method: 'POST',
        path: `/accounts/${enc(id)}/move`,
        data: { to: toParentId },
        signal: opts?.signal,
      });
      return (await readAccountDoc(id, opts?.signal)).account;
    },

    async setReseller(id, isReseller, opts) {
      await http.send({
        method: isReseller ? 'PUT' : 'DELETE',
        path: `/accounts/${enc(id)}/reseller`,
        signal: opts?.signal,
      });
      return (await readAccountDoc(id, opts?.signal)).account;
    },

    listUsers(accountId, opts) {
      return page(
        UserList,
        {
          method: 'GET',
          path: `/accounts/${enc(accountId)}/users`,
          query: opts?.privLevel ? { filter_priv_level: opts.privLevel } : undefined,
          signal: opts?.signal,
        },
        userFrom,
        decodeCursor(opts?.cursor),
        opts?.pageSize,
      );
    },

    async createUser(accountId, input, opts) {
      checkUserNames(input, true);
      const { data } = await asEmailErrors(input, () =>
        call(UserDoc, {
          method: 'PUT',
          path: `/accounts/${enc(accountId)}/users`,
          data: userInputTo(input),
          signal: opts?.signal,
          acceptCharges: opts?.acceptCharges,
        }),
      );
      return userFrom(data);
    },

    async updateUser(accountId, userId, changes, opts) {
      checkUserNames(changes, false);
      const { data } = await asEmailErrors(changes, () =>
        call(UserDoc, {
          method: 'PATCH',
          path: `/accounts/${enc(accountId)}/users/${enc(userId)}`,
          data: userInputTo(changes),
          signal: opts?.signal,
          acceptCharges: opts?.acceptCharges,
        }),
      );
      return userFrom(data);
    },

    async deleteUser(accountId, userId, opts) {
      await http.send({
        method: 'DELETE',
        path: `/accounts/${enc(accountId)}/users/${enc(userId)}`,
        signal: opts?.signal,
      });
    },

    async getLimits(accountId, opts) {
      const { data, env } = await call(LimitsDoc, {
        method: 'GET',
        path: `/accounts/${enc(accountId)}/limits`,
        signal: opts?.signal,
      });
      return limitsFrom(data, revisionOf(env));
    },

    async updateLimits(accountId, changes, opts) {
      const signal = opts?.signal;
      const path = `/accounts/${enc(accountId)}/limits`;
      const { data: current, env: currentEnv } = await call(LimitsDoc, { method: 'GET', path, signal });
      const expected = opts?.expectedRevision;
      const revision = revisionOf(currentEnv);
      // Kazoo does not refuse a stale write by itself: compare revisions first.
      if (expected && revision !== undefined && revision !== expected) {
        throw new AccountApiError({
          kind: 'conflict',
          status: 409,
          message: 'Someone else changed these limits in the meantime.',
          details: { current: limitsFrom(current, revision) },
          request: { method: 'POST', url: `${http.base}${path}` },
        });
      }
      // POST replaces the whole document: send it back with the changes, minus the read-only postpay facts.
      const doc: Record<string, unknown> = { ...current };
      delete doc.allow_postpay;
      delete doc.max_postpay_amount;
      const set = (key: string, v: number | null | undefined) => {
        if (v === undefined) return;
        if (v === null) delete doc[key];
        else doc[key] = v;
      };
      for (const [key, v] of [
        ['twoway_trunks', changes.twowayTrunks],
        ['inbound_trunks', changes.inboundTrunks],
        ['outbound_trunks', changes.outboundTrunks],
      ] as const) {
        if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0)) {
          const field = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
          throw v < 0
            ? invalidField(field, 'Trunk counts are 0 or more.', 'too-small', 0)
            : invalidField(field, 'Trunk counts are whole numbers.', 'not-integer');
        }
        set(key, v);
      }
      if (changes.allowPerMinute !== undefined) doc.allow_prepay = changes.allowPerMinute;
      const { data, env } = await call(LimitsDoc, {
        method: 'POST',
        path,
        data: doc,
        signal,
        acceptCharges: opts?.acceptCharges,
      });
      return limitsFrom(data, revisionOf(env));
    },

    async listCallClasses(accountId, opts) {
      const { data } = await call(Classifiers, {
        method: 'GET',
        path: `/accounts/${enc(accountId)}/phone_numbers/classifiers`,
        signal: opts?.signal,
      });
      // Kazoo 4 answers an object keyed by class; newer servers an array of {name, friendly_name}.
      const list: CallClass[] = Array.isArray(data)
        ? data
            .filter((c) => typeof c.name === 'string' && c.name)
            .map((c) => ({
              name: c.name!,
              friendlyName: c.friendly_name ?? c.name!,
              ...(c.regex ? { regex: c.regex } : {}),
            }))
        : Object.entries(data).map(([name, c]) => ({
            name,
            friendlyName: c.friendly_name ?? name,
            ...(c.regex ? { regex: c.regex } : {}),
          }));
      return list;
    },

    async getBalance(accountId, opts) {
      const { data } = await call(LedgerTotal, {
        method: 'GET',
        path: `/accounts/${enc(accountId)}/ledgers/total`,
        signal: opts?.signal,
      });
      const amount = parseMoney(data.amount, currency);
      if (!amount) throw new AccountApiError({ kind: 'invalid-response', message: 'The balance is not a number.' });
      return { amount };
    },

    async adjustBalance(accountId, adjustment, opts) {
      const money = typeof adjustment.amount === 'string' ? parseMoney(adjustment.amount, currency) : adjustment.amount;
      if (!money) throw invalidField('amount', 'Enter an amount such as 12.50.', 'invalid');
      // Kazoo's ledgers schema: `amount` is at least 1 (cb_ledgers validates credits and debits with it).
      if (money.units < LEDGER_AMOUNT_MIN * 10_000) {
        throw invalidField('amount', `An amount is at least ${LEDGER_AMOUNT_MIN}.`, 'too-small', LEDGER_AMOUNT_MIN);
      }
      const direction = adjustment.direction === 'debit' ? 'debit' : 'credit';
      await http.send({
        method: 'PUT',
        path: `/accounts/${enc(accountId)}/ledgers/${direction}`,
        data: {
          amount: moneyToNumber(money),
          description:
            adjustment.reason?.trim() ||
            (direction === 'credit' ? 'Credit added by administrator' : 'Credit removed by administrator'),
          source: { service: 'adjustments', id: randomHex() },
          usage: { type: direction, quantity: 0, unit: money.currency },
          metadata: { ui_request: true, automatic_description: !adjustment.reason?.trim() },
        },
        signal: opts?.signal,
      });
      return api.getBalance(accountId, opts);
    },

    async listServicePlans(resellerId, opts) {
      return allPages(
        PlanList,
        { method: 'GET', path: `/accounts/${enc(resellerId)}/services/available`, signal: opts?.signal },
        planFrom,
      );
    },

    async getAccountServicePlans(accountId, opts) {
      const { data } = await call(ServicesDoc, {
        method: 'GET',
        path: `/accounts/${enc(accountId)}/services`,
        signal: opts?.signal,
      });
      return plansOf(data);
    },

    async setAccountServicePlans(accountId, planIds, opts) {
      const signal = opts?.signal;
      const path = `/accounts/${enc(accountId)}/services`;
      const { data: current } = await call(ServicesDoc, { method: 'GET', path, signal });
      const have = new Set(Object.keys(current.plans ?? {}));
      const want = new Set(planIds);
      const add = [...want].filter((id) => !have.has(id));
      const remove = [...have].filter((id) => !want.has(id));
      if (!add.length && !remove.length) return plansOf(current);
      const body: Record<string, unknown> = {};
      if (add.length) body.add = add;
      if (remove.length) body.delete = remove;
      const { data } = await call(ServicesDoc, {
        method: 'POST',
        path,
        data: body,
        signal,
        acceptCharges: opts?.acceptCharges,
      });
      return plansOf(data);
    },

    async getCarrierStrategy(accountId, opts) {
      const signal = opts?.signal;
      const strategy = findNoMatch(accountId, signal).then((doc) => carrierFrom(accountId, doc, signal));
      return withCount(accountId, strategy, signal);
    },

    async setCarrierStrategy(accountId, strategy: CarrierStrategy, opts) {
      const signal = opts?.signal;
      let data: Record<string, unknown> = {};
      let module = 'resources';
      if (strategy === 'system') module = 'offnet';
      else if (strategy === 'reseller') {
        const reseller = await resellerOf(accountId, signal);
        if (!reseller) {
          throw invalidField('strategy', 'This account has no reseller whose carriers it could use.', 'invalid');
        }
        data = { hunt_account_id: reseller };
      } else if (strategy !== 'account') {
        throw invalidField('strategy', `Unknown carrier strategy "${String(strategy)}".`, 'invalid');
      }
      const flow = { children: {}, data, module };
      const existing = await findNoMatch(accountId, signal);
      let saved: CallflowDoc;
      if (existing) {
        const doc: Record<string, unknown> = { ...existing, flow };
        delete doc.id;
        saved = (
          await call(CallflowDoc, {
            method: 'POST',
            path: `/accounts/${enc(accountId)}/callflows/${enc(existing.id)}`,
            data: doc,
            signal,
            acceptCharges: opts?.acceptCharges,
          })
        ).data;
      } else {
        saved = (
          await call(CallflowDoc, {
            method: 'PUT',
            path: `/accounts/${enc(accountId)}/callflows`,
            data: { numbers: ['no_match'], flow },
            signal,
            acceptCharges: opts?.acceptCharges,
          })
        ).data;
      }
      return withCount(accountId, carrierFrom(accountId, saved, signal), signal);
    },

    async listApps(accountId, opts) {
      const signal = opts?.signal;
      const ownApps = async () => {
        const { data } = await call(AppList, { method: 'GET', path: `/accounts/${enc(accountId)}/apps_store`, signal });
        appStores.set(accountId, accountId);
        return data.map((a) => appFrom(a, true, language));
      };
      // The caller's own account: its blacklist and parent belong to the account above. What it may use is
      // its own apps store, all of it enabled.
      if (http.authReply?.data.account_id === accountId) return ownApps();
      try {
        const [parent, blacklist] = await Promise.all([
          parentOf(accountId, signal),
          call(Blacklist, { method: 'GET', path: `/accounts/${enc(accountId)}/apps_store/blacklist`, signal }),
        ]);
        const { data } = await call(AppList, {
          method: 'GET',
          path: `/accounts/${enc(parent ?? accountId)}/apps_store`,
          signal,
        });
        const blocked = new Set(blacklist.data.blacklist ?? []);
        appStores.set(accountId, parent ?? accountId);
        return data.map((a) => appFrom(a, !blocked.has(a.id), language));
      } catch (err) {
        if (!AccountApiError.is(err, 'forbidden')) throw err;
        return ownApps();
      }
    },

    async setEnabledApps(accountId, appIds, opts) {
      const apps = await api.listApps(accountId, opts);
      const want = new Set(appIds);
      const blacklist = apps.filter((a) => !want.has(a.id)).map((a) => a.id);
      // The reply is the saved blacklist: one that is not says nothing of what was saved.
      await call(Blacklist, {
        method: 'POST',
        path: `/accounts/${enc(accountId)}/apps_store/blacklist`,
        data: { blacklist },
        signal: opts?.signal,
        acceptCharges: opts?.acceptCharges,
      });
      return apps.map((a) => ({ ...a, enabled: want.has(a.id) }));
    },

    async getAppIcon(accountId, appId, opts) {
      // The store `listApps` read the app from: a disabled app is served by the parent's store only.
      const store = appStores.get(accountId) ?? accountId;
      try {
        const blob = await sendForBlob(http, {
          method: 'GET',
          path: `/accounts/${enc(store)}/apps_store/${enc(appId)}/icon`,
          signal: opts?.signal,
        });
        return blob.size ? blob : undefined;
      } catch (err) {
        if (AccountApiError.is(err, 'not-found')) return undefined;
        throw err;
      }
    },
  };

  return api;
}

function checkName(name: unknown): void {
  if (typeof name !== 'string' || !name.trim()) throw invalidField('name', 'A name is required.', 'required');
  // accounts.json counts characters (code points): an emoji is one.
  if ([...name].length > 128) throw invalidField('name', 'A name is at most 128 characters.', 'too-long', 128);
}
function checkUserNames(u: { firstName?: unknown; lastName?: unknown }, creating: boolean): void {
  for (const field of ['firstName', 'lastName'] as const) {
    const v = u[field];
    if (v === undefined && !creating) continue;
    if (typeof v !== 'string' || !v.trim()) throw invalidField(field, 'This field is required.', 'required');
  }
}

/**
 * Users sign in with their e-mail: the adapter stores it as the user name too, so a refusal of the user
 * name (taken, invalid) is a refusal of the e-mail the caller gave.
 */
async function asEmailErrors<T>(input: { email?: string; username?: string }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const sameAsEmail =
      input.email !== undefined && (input.username === undefined || input.username === input.email.toLowerCase());
    if (!sameAsEmail || !AccountApiError.is(e, 'validation') || !e.fieldErrors?.username) throw e;
    const move = <V>(m: Record<string, V> | undefined) => {
      if (!m || !('username' in m)) return m;
      const { username, ...rest } = m;
      return { ...rest, email: rest.email ?? username } as Record<string, V>;
    };
    throw new AccountApiError({
      kind: 'validation',
      status: e.status,
      message: e.message,
      request: e.request,
      details: e.details,
      fieldErrors: move(e.fieldErrors),
      fieldCodes: move(e.fieldCodes),
      fieldLimits: move(e.fieldLimits),
    });
  }
}

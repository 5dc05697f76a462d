/** `createKazooAdapter`: AccountApi over Crossbar v2, as Kazoo and Monster UI use it. */
import { AccountApiError } from '../api/errors.js';
import type { AccountApi, AccountSummary, CallOptions, Page, PageOptions, Session } from '../api/index.js';
import { crossbar, decodeCursor, enc, invalidField, type Crossbar, type PagePosition } from './crossbar.js';
import type { ManageApi } from './manage.js';
import { nameStartKey, summaryFrom } from './map.js';
import { CrossbarTransport, type KazooAdapterOptions } from './transport.js';
import type { Infer } from './check.js';
import { AccountList, AncestorList, AuthData } from './wire.js';

export type { KazooAdapterOptions, KazooCredentials } from './transport.js';

const ID_RE = /^[0-9a-f]{32}$/i;
const REALM_RE = /^[\w-]+(\.[\w-]+)+\.?$/;
/** What a realm may be made of: a query of other characters is no realm's beginning. */
const REALM_CHARS = /^[\w.-]+$/;
const REALM_CURSOR = 'realm:';

/**
 * Where `listChildren` starts. A cursor decides alone; else `startName` becomes the view key `[ParentId, Name]`
 * (`nameStartKey`). Crossbar's direction (crossbar_view:direction/2) is descending when the query has
 * `descending=true` or `ascending=false`, and, without either, descending too (its default; basics.md "Setting
 * sorting order"), so an ascending listing says `ascending=true`. (Kazoo 4.3's children listing, through
 * crossbar_doc:load_view, read neither parameter and took the name alone as `start_key`: there `direction` and
 * `startName` do not work.)
 */
function childrenPosition(parentId: string, opts: PageOptions | undefined): PagePosition {
  if (opts?.cursor) return decodeCursor(opts.cursor);
  const direction: unknown = opts?.direction ?? 'ascending';
  if (direction !== 'ascending' && direction !== 'descending') {
    throw invalidField('direction', 'The direction is "ascending" or "descending".', 'invalid');
  }
  const name: unknown = opts?.startName;
  if (name !== undefined && typeof name !== 'string') {
    throw invalidField('startName', 'The start name is a string.', 'invalid');
  }
  return {
    startKey: name === undefined ? undefined : nameStartKey(parentId, name),
    descending: direction === 'descending',
  };
}

/** What the adapter's methods share: the transport, its Crossbar calls, the token's reply and the management code. */
interface Ctx {
  http: CrossbarTransport;
  cb: Crossbar;
  auth?: { token: string | undefined; reply: Promise<Infer<typeof AuthData>> };
  managed?: Promise<ManageApi>;
}

/**
 * What `GET /token_auth` says of a token (its account, user, reseller), asked once per token: a session read and a
 * check of ancestors at the same time share one request. A failure is not kept.
 */
function tokenInfo(ctx: Ctx, token: string | undefined): Promise<Infer<typeof AuthData>> {
  const { http } = ctx;
  if (http.authReply && http.authReply.token === token) return Promise.resolve(http.authReply.data);
  if (ctx.auth && ctx.auth.token === token) return ctx.auth.reply;
  const reply = ctx.cb.call(AuthData, { method: 'GET', path: '/token_auth' }).then(({ data }) => data);
  ctx.auth = { token, reply };
  reply.catch(() => {
    if (ctx.auth?.reply === reply) ctx.auth = undefined;
  });
  return reply;
}

/** The token's account: Crossbar scopes every account search to it (cb_search:get_start_key). */
async function callerAccountId(ctx: Ctx, signal?: AbortSignal): Promise<string> {
  const info = await tokenInfo(ctx, await ctx.http.currentToken(signal));
  return info.account_id;
}

/**
 * A path of ancestor ids, root first, from the token's account down: nothing above the account the session
 * belongs to, whatever a server lists (Crossbar's /tree drops it, cb_accounts:get_authorized_account_tree; its
 * /parents and descendants' `tree` do not). A path that does not pass through the token's account is empty.
 */
async function fromCaller(ctx: Ctx, ids: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const top = await callerAccountId(ctx, signal);
  const at = ids.indexOf(top);
  return at < 0 ? [] : ids.slice(at);
}

/** Rows whose `tree` a server listed, each cut at the token's account (see `fromCaller`). */
async function treesFromCaller(ctx: Ctx, items: AccountSummary[], signal?: AbortSignal): Promise<AccountSummary[]> {
  if (!items.some((item) => item.tree)) return items;
  return Promise.all(
    items.map(async (item) => (item.tree ? { ...item, tree: await fromCaller(ctx, item.tree, signal) } : item)),
  );
}

/**
 * The search rows below `rootId`. Rows that carry their `tree` are checked on it; Crossbar's search rows carry
 * none, so their `/tree` (the caller's part of it, cb_accounts:get_authorized_account_tree) is read instead.
 */
async function withinRoot(ctx: Ctx, items: AccountSummary[], rootId: string, signal?: AbortSignal) {
  if (!items.length || rootId === (await callerAccountId(ctx, signal))) return items;
  const kept = await Promise.all(
    items.map(async (item): Promise<AccountSummary | undefined> => {
      if (item.tree) return item.tree.includes(rootId) ? item : undefined;
      try {
        const path = `/accounts/${enc(item.id)}/tree`;
        const { data } = await ctx.cb.call(AncestorList, { method: 'GET', path, signal });
        const tree = await fromCaller(
          ctx,
          data.map((a) => a.id).filter((id) => id !== item.id),
          signal,
        );
        return tree.includes(rootId) ? { ...item, tree } : undefined;
      } catch (e) {
        // Gone or out of reach since the search: not below the root either.
        if (AccountApiError.is(e, 'not-found', 'forbidden')) return undefined;
        throw e;
      }
    }),
  );
  return kept.filter((x): x is AccountSummary => x !== undefined);
}

/** The adapter's management methods, their module loaded once (again after a failed load). */
function manage(ctx: Ctx): Promise<ManageApi> {
  ctx.managed ??= import('./manage.js').then(
    (m) => m.createManageApi(ctx.cb),
    (cause: unknown) => {
      ctx.managed = undefined;
      throw new AccountApiError({
        kind: 'network',
        message: `The Kazoo adapter's account management code could not be loaded (${cause instanceof Error ? cause.message : String(cause)}).`,
        cause,
      });
    },
  );
  return ctx.managed;
}

async function getSession(ctx: Ctx, opts?: CallOptions): Promise<Session> {
  const signal = opts?.signal;
  const info = await tokenInfo(ctx, await ctx.http.currentToken(signal));
  const { account } = await ctx.cb.readAccountDoc(info.account_id, signal);
  const reseller = info.reseller_id && info.reseller_id !== 'undefined' ? info.reseller_id : account.resellerId;
  const session: Session = {
    accountId: info.account_id,
    accountName: account.name ?? info.account_name ?? undefined,
    userId: info.owner_id ?? undefined,
    resellerId: reseller,
    isReseller: info.is_reseller ?? account.isReseller,
    isSuperduper: account.isSuperduper,
    language: info.language ?? account.language,
    account,
  };
  if (!session.userId) delete session.userId;
  if (!session.resellerId) delete session.resellerId;
  if (!session.language) delete session.language;
  return session;
}

async function listChildren(ctx: Ctx, parentId: string, opts?: PageOptions): Promise<Page<AccountSummary>> {
  const at = childrenPosition(parentId, opts);
  return ctx.cb.page(
    AccountList,
    {
      method: 'GET',
      path: `/accounts/${enc(parentId)}/children`,
      query: at.descending ? { descending: 'true' } : { ascending: 'true' },
      signal: opts?.signal,
    },
    summaryFrom,
    at,
    opts?.pageSize,
  );
}

async function searchAccounts(
  ctx: Ctx,
  query: string,
  opts?: PageOptions & { rootId?: string },
): Promise<Page<AccountSummary>> {
  const q = query.trim();
  if (!q) return { items: [] };
  // A cursor of the realm search that followed an empty name search says so, to continue it.
  const inRealms = opts?.cursor?.startsWith(REALM_CURSOR) ?? false;
  const cursor = inRealms ? opts!.cursor!.slice(REALM_CURSOR.length) : opts?.cursor;
  const by = inRealms ? 'realm' : ID_RE.test(q) ? 'id' : REALM_RE.test(q) ? 'realm' : 'name';
  const rootId = opts?.rootId;
  const path = rootId ? `/accounts/${enc(rootId)}/search` : '/search';
  const search = async (field: string, at: string | undefined): Promise<Page<AccountSummary>> => {
    const found = await ctx.cb.page(
      AccountList,
      {
        method: 'GET',
        path,
        query: { t: 'account', q: field, v: field === 'name' ? q : q.toLowerCase() },
        signal: opts?.signal,
      },
      summaryFrom,
      decodeCursor(at),
      opts?.pageSize,
    );
    // Crossbar searches the token's whole subtree whatever the path says: keep what lies below the root.
    // A page may come back short (even empty); its cursor still leads on.
    const items = await treesFromCaller(ctx, found.items, opts?.signal);
    return { ...found, items: rootId ? await withinRoot(ctx, items, rootId, opts?.signal) : items };
  };
  const realms = (found: Page<AccountSummary>) =>
    found.nextCursor ? { ...found, nextCursor: REALM_CURSOR + found.nextCursor } : found;
  if (inRealms) return realms(await search('realm', cursor));
  const found = await search(by, cursor);
  // Crossbar matches the start of a name only; a realm need not hold a dot ("brown-winery"): when no name
  // starts so, the realms are searched too.
  if (by === 'name' && !cursor && !found.items.length && !found.nextCursor && REALM_CHARS.test(q)) {
    return realms(await search('realm', undefined));
  }
  return found;
}

async function getAncestors(ctx: Ctx, accountId: string, opts?: CallOptions): Promise<AccountSummary[]> {
  const { data } = await ctx.cb.call(AncestorList, {
    method: 'GET',
    path: `/accounts/${enc(accountId)}/tree`,
    signal: opts?.signal,
  });
  // Never an account above the session's, whatever the server lists.
  const shown = new Set(
    await fromCaller(
      ctx,
      data.map((a) => a.id).filter((id) => id !== accountId),
      opts?.signal,
    ),
  );
  return data.filter((a) => shown.has(a.id)).map((a): AccountSummary => ({ id: a.id, name: a.name ?? a.id }));
}

/**
 * Creates an AccountApi for a Kazoo Crossbar server. Give one of `token`, `getToken`, `credentials` or `apiKey`.
 * Runs in browsers and Node 20 (fetch only). Browsing accounts is in this module; the methods that manage an
 * account load their code on first use.
 */
export function createKazooAdapter(
  options: KazooAdapterOptions,
): AccountApi & { readonly baseUrl: string; setToken(token: string): void } {
  const http = new CrossbarTransport(options);
  const ctx: Ctx = { http, cb: crossbar(http) };
  // The methods' code lives beside this function, each compiled when first called.
  const api = {
    baseUrl: http.base,
    /** Takes another token for the next requests (a host whose own session rotated, or another user). */
    setToken(token: string) {
      if (typeof token === 'string' && token) http.useToken(token);
    },
    logout: (opts) => http.logout(opts?.signal),
    onIdentityChange: (listener) => http.onIdentityChange(listener),
    getSession: (opts) => getSession(ctx, opts),
    listChildren: (parentId, opts) => listChildren(ctx, parentId, opts),
    searchAccounts: (query, opts) => searchAccounts(ctx, query, opts),
    getAncestors: (accountId, opts) => getAncestors(ctx, accountId, opts),
    getAccount: async (id, opts) => (await ctx.cb.readAccountDoc(id, opts?.signal)).account,
    // The management methods: their module is loaded on the first call of one.
    createAccount: (...a) => manage(ctx).then((m) => m.createAccount(...a)),
    updateAccount: (...a) => manage(ctx).then((m) => m.updateAccount(...a)),
    deleteAccount: (...a) => manage(ctx).then((m) => m.deleteAccount(...a)),
    moveAccount: (...a) => manage(ctx).then((m) => m.moveAccount(...a)),
    setReseller: (...a) => manage(ctx).then((m) => m.setReseller(...a)),
    listUsers: (...a) => manage(ctx).then((m) => m.listUsers(...a)),
    createUser: (...a) => manage(ctx).then((m) => m.createUser(...a)),
    updateUser: (...a) => manage(ctx).then((m) => m.updateUser(...a)),
    deleteUser: (...a) => manage(ctx).then((m) => m.deleteUser(...a)),
    getLimits: (...a) => manage(ctx).then((m) => m.getLimits(...a)),
    updateLimits: (...a) => manage(ctx).then((m) => m.updateLimits(...a)),
    listCallClasses: (...a) => manage(ctx).then((m) => m.listCallClasses(...a)),
    getBalance: (...a) => manage(ctx).then((m) => m.getBalance(...a)),
    adjustBalance: (...a) => manage(ctx).then((m) => m.adjustBalance(...a)),
    listServicePlans: (...a) => manage(ctx).then((m) => m.listServicePlans(...a)),
    getAccountServicePlans: (...a) => manage(ctx).then((m) => m.getAccountServicePlans(...a)),
    setAccountServicePlans: (...a) => manage(ctx).then((m) => m.setAccountServicePlans(...a)),
    getCarrierStrategy: (...a) => manage(ctx).then((m) => m.getCarrierStrategy(...a)),
    setCarrierStrategy: (...a) => manage(ctx).then((m) => m.setCarrierStrategy(...a)),
    listApps: (...a) => manage(ctx).then((m) => m.listApps(...a)),
    setEnabledApps: (...a) => manage(ctx).then((m) => m.setEnabledApps(...a)),
    getAppIcon: (...a) => manage(ctx).then((m) => m.getAppIcon(...a)),
  } satisfies AccountApi & { readonly baseUrl: string; setToken(token: string): void };
  return api;
}

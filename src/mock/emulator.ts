// The emulator core: one `handle(Request)` that applies faults and latency, records the request,
// and answers it from the in-memory Kazoo.
import { APP_CATALOG, generatedApps } from './catalog.js';
import { meta, type Ctx, type Env } from './context.js';
import { clone, Db } from './db.js';
import { CrossbarError, defaultErrorBody, errors, failure, type Reply } from './http.js';
import { secureHex } from './random.js';
import { allowedMethods, route, v2Segments } from './router.js';
import { DEFAULT_SEED, DEMO_PASSWORD, lazyGenerator, MASTER_ADMIN, ROOT_ADMIN, seedDb } from './seed.js';
import type {
  CrossbarEmulator,
  DirectoryAccount,
  EmulatorOptions,
  EmulatorState,
  FaultRule,
  Login,
  RecordedRequest,
  SeedOptions,
  StoredDoc,
  TokenRecord,
} from './types.js';
import { Validator } from './validate.js';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Wait `ms`, rejecting with an AbortError if `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function never(signal: AbortSignal | null): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** Compile a fault path: `*` is one segment, `**` any number of them. */
function faultMatcher(path: string | RegExp): (fullPath: string) => boolean {
  if (path instanceof RegExp) return (p) => path.test(p);
  const parts = path.split('/').filter((s) => s !== '');
  let source = '^';
  for (const part of parts) {
    if (part === '**') source += '(?:/[^/]+)*';
    else
      source +=
        '/' +
        part
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*');
  }
  source += '/?$';
  const re = new RegExp(source);
  return (p) => re.test(p.startsWith('/v2') ? p.slice(3) || '/' : p);
}

interface ActiveFault {
  rule: FaultRule;
  matches: (path: string) => boolean;
  remaining: number;
}

/**
 * Create an in-memory Kazoo Crossbar (v2) that answers real wire-format requests.
 * Everything goes through `handle(request)`; see `emulatorFetch`, `mswHandlers` (`/mock/msw`) and
 * `serveEmulator` (`/mock/node`) for transports.
 */
export function createCrossbarEmulator(options: EmulatorOptions = {}): CrossbarEmulator {
  const now = options.now ?? (() => Date.now());
  const seedOpts: Required<SeedOptions> = { ...DEFAULT_SEED, ...options.seed };
  const initialState: EmulatorState | undefined = options.state ? clone(options.state) : undefined;
  const validator = new Validator();

  const build = (): Db => {
    if (initialState) return Db.fromState(initialState, lazyGenerator, now);
    const fresh = new Db(seedOpts, lazyGenerator, now);
    seedDb(fresh, seedOpts);
    return fresh;
  };
  let db = build();

  const issue = (accountId: string, ownerId: string | undefined, method: string): TokenRecord => {
    const t = now();
    const rec: TokenRecord = { token: secureHex(32), accountId, method, issuedAt: t, lastUsed: t };
    if (ownerId) rec.ownerId = ownerId;
    db.tokens.set(rec.token, rec);
    return rec;
  };

  const env: Env = {
    get db() {
      return db;
    },
    validator,
    kazooVersion: options.kazooVersion ?? '5',
    classifierShape: options.classifierShape ?? 'object',
    maxPageSize: Math.max(1, options.maxPageSize ?? 1000),
    tokenTtlMs: options.tokenTtlMs ?? 3_600_000,
    startKeys: options.startKeys ?? 'opaque',
    allowMove: options.allowMove ?? 'tree',
    catalog: [...APP_CATALOG, ...generatedApps(Math.max(0, Math.floor(options.extraApps ?? 0)))],
    now,
    issueToken: issue,
  };

  const faults: ActiveFault[] = [];
  const addFault = (rule: FaultRule): (() => void) => {
    const active: ActiveFault = { rule, matches: faultMatcher(rule.path), remaining: rule.times ?? Infinity };
    faults.push(active);
    return () => {
      const i = faults.indexOf(active);
      if (i >= 0) faults.splice(i, 1);
    };
  };
  for (const rule of options.faults ?? []) addFault(rule);

  const takeFault = (method: string, path: string): FaultRule | undefined => {
    for (let i = 0; i < faults.length; i++) {
      const f = faults[i]!;
      if (f.rule.method && f.rule.method.toUpperCase() !== method) continue;
      if (!f.matches(path)) continue;
      if (--f.remaining <= 0) faults.splice(i, 1);
      return f.rule;
    }
    return undefined;
  };

  const requests: RecordedRequest[] = [];
  const listeners = new Set<() => void>();

  const latency = (): number => {
    const l = options.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return l[0] + Math.random() * Math.max(0, l[1] - l[0]);
  };

  const toResponse = (reply: Reply): Response =>
    new Response(reply.file ? reply.file.body : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': reply.file?.contentType ?? 'application/json', ...(reply.headers ?? {}) },
    });

  const faultResponse = (rule: FaultRule, status: number): Response => {
    const body =
      rule.body === undefined
        ? JSON.stringify(defaultErrorBody(status))
        : typeof rule.body === 'string'
          ? rule.body
          : JSON.stringify(rule.body);
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // Crossbar may sit behind a path prefix (a proxy, or the demo's same-origin mount): read from /v2 on.
    const at = url.pathname.indexOf('/v2/');
    if (at > 0) url.pathname = url.pathname.slice(at);
    const method = request.method.toUpperCase();
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
    };
    requests.push(rec);

    let text = '';
    if (!BODYLESS.has(method)) text = await request.text();
    let parsed: unknown;
    let parseError = false;
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
        rec.body = parsed;
      } catch {
        parseError = true;
      }
    }

    const rule = takeFault(method, url.pathname);
    await sleep((rule?.latencyMs ?? 0) + latency(), request.signal);
    if (rule?.network) throw new TypeError('Failed to fetch (emulated network failure)');
    if (rule?.timeout) return never(request.signal);
    if (rule?.malformed) {
      rec.status = 200;
      return new Response('{"status":"success","data":{"id":"', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    if (rule?.status !== undefined) {
      rec.status = rule.status;
      return faultResponse(rule, rule.status);
    }

    const envelope =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    const tunnelled = url.searchParams.get('verb') ?? (typeof envelope.verb === 'string' ? envelope.verb : undefined);
    const ctx: Ctx = {
      method: (tunnelled ?? method).toUpperCase(),
      path: url.pathname,
      query: rec.query,
      envelope,
      data: envelope.data,
      acceptCharges: envelope.accept_charges === true || url.searchParams.get('accept_charges') === 'true',
      ifMatch: request.headers.get('If-Match') ?? undefined,
      origin: url.origin,
      token:
        request.headers.get('X-Auth-Token') ??
        url.searchParams.get('auth_token') ??
        (typeof envelope.auth_token === 'string' ? envelope.auth_token : ''),
    };

    let reply: Reply;
    const segments = v2Segments(url.pathname);
    if (method === 'OPTIONS') {
      const allowed = segments ? allowedMethods(env, segments) : undefined;
      reply = { status: 200, body: {}, headers: allowed ? { Allow: [...allowed, 'OPTIONS'].join(', ') } : {} };
    } else {
      try {
        if (parseError) throw errors.parse();
        if (!segments) throw errors.noRoute(url.pathname);
        reply = route(ctx, env, segments);
      } catch (e) {
        // A bug in a handler still answers like a server would: a 500 envelope.
        if (!(e instanceof CrossbarError)) console.error('crossbar emulator: unexpected failure', e);
        const error =
          e instanceof CrossbarError ? e : new CrossbarError(500, 'unspecified_fault', { message: String(e) });
        reply = failure(meta(ctx, env), error);
      }
    }
    rec.status = reply.status;
    if (reply.status < 400 && !BODYLESS.has(ctx.method)) {
      for (const l of [...listeners]) {
        try {
          l();
        } catch (err) {
          console.error('crossbar emulator: onChange listener failed', err);
        }
      }
    }
    return toResponse(reply);
  }

  const rootLogin = (): Login => ({
    username: ROOT_ADMIN,
    password: DEMO_PASSWORD,
    accountName: String(db.account(db.ids.root)?.name ?? 'Acme Telecom'),
  });
  const masterLogin = (): Login => ({
    username: MASTER_ADMIN,
    password: DEMO_PASSWORD,
    accountName: String(db.account(db.ids.master)?.name ?? 'Kazoo Platform'),
  });

  const describe = (doc: StoredDoc): DirectoryAccount => {
    const id = doc._id as string;
    const current = db;
    const tree = db.tree(doc);
    const rootAt = tree.indexOf(db.ids.root);
    const out: DirectoryAccount = {
      id,
      name: String(doc.name ?? id),
      realm: String(doc.realm ?? ''),
      ancestors: [...tree],
      depth: id === db.ids.root ? 0 : rootAt < 0 ? -1 : tree.length - rootAt,
      enabled: doc.pvt_enabled !== false,
      isReseller: db.isReseller(doc),
      childCount: db.childCount(id),
      descendantCount: db.descendants.get(id) ?? 0,
      // Counted when read: a directory of 100,000 accounts should not generate every account's carriers.
      get ownCarriers() {
        return current.resourceCount(id);
      },
    };
    const parent = db.parentId(doc);
    if (parent) out.parentId = parent;
    const reseller = db.resellerOf(doc);
    if (reseller !== 'undefined') out.resellerId = reseller;
    return out;
  };

  return {
    handle,
    accounts() {
      return db.byName.ids.map((id) => describe(db.account(id)!));
    },
    account(id: string) {
      const doc = db.account(id);
      return doc ? describe(doc) : undefined;
    },
    loginFor(accountId: string): Login {
      const doc = db.account(accountId);
      if (!doc) throw new Error(`loginFor: unknown account ${accountId}`);
      const users = [...db.usersOf(accountId).values()];
      const admin = users.find((u) => u.priv_level === 'admin') ?? users[0];
      if (!admin) throw new Error(`loginFor: ${String(doc.name)} has no user`);
      return { username: String(admin.username), password: DEMO_PASSWORD, accountName: String(doc.name) };
    },
    get login() {
      return rootLogin();
    },
    get superduperLogin() {
      return masterLogin();
    },
    get rootAccountId() {
      return db.ids.root;
    },
    get masterAccountId() {
      return db.ids.master;
    },
    get foreignAccountId() {
      return db.ids.foreign;
    },
    get apiKey() {
      return db.apiKeyOf(db.ids.root);
    },
    issueToken(accountId = db.ids.root, userId?: string) {
      if (!db.account(accountId)) throw new Error(`issueToken: unknown account ${accountId}`);
      let owner = userId;
      if (owner === undefined) {
        const users = [...db.usersOf(accountId).values()];
        owner = (users.find((u) => u.priv_level === 'admin') ?? users[0])?._id as string | undefined;
      }
      return issue(accountId, owner, 'cb_user_auth').token;
    },
    expireTokens() {
      db.tokens.clear();
    },
    faults: {
      add: addFault,
      clear() {
        faults.length = 0;
      },
    },
    requests,
    clearRequests() {
      requests.length = 0;
    },
    snapshot() {
      return db.snapshot();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      db = build();
    },
  };
}

// Crossbar's routing: path pattern → allowed verbs → (authentication) → module handler.
import { authenticate, type Ctx, type Env, type Handler } from './context.js';
import { errors, type Reply } from './http.js';
import { accountRoutes as a } from './routes/accounts.js';
import { appRoutes as apps } from './routes/apps.js';
import { authRoutes as auth } from './routes/auth.js';
import { billingRoutes as b } from './routes/billing.js';
import { callflowRoutes as cf } from './routes/callflows.js';
import { resourceRoutes as res } from './routes/resources.js';
import { userRoutes as u } from './routes/users.js';

interface Route {
  path: string[];
  methods: Record<string, Handler>;
  /** Answers without a token (login calls). */
  public?: boolean;
  /** Verbs this particular resource does not allow (a 405, before authorization). */
  refuse?: (env: Env, params: string[]) => string[];
}

// Literal segments are listed before `:param` ones at the same place, so they win.
const ROUTES: Route[] = [
  { path: ['user_auth'], methods: { PUT: auth.userAuth }, public: true },
  { path: ['api_auth'], methods: { PUT: auth.apiAuth }, public: true },
  { path: ['token_auth'], methods: { GET: auth.tokenInfo, DELETE: auth.tokenRevoke } },
  { path: ['search'], methods: { GET: a.searchCaller } },
  { path: ['search', 'multi'], methods: { GET: a.searchMultiCaller } },
  { path: ['accounts'], methods: { PUT: a.putUnderCaller } },
  {
    path: ['accounts', ':id'],
    methods: {
      GET: a.getAccount,
      PUT: a.putAccount,
      POST: a.postAccount,
      PATCH: a.patchAccount,
      DELETE: a.deleteAccount,
    },
    // cb_accounts:allowed_methods_on_account: no DELETE on the master account.
    refuse: (env, [id]) => (id === env.db.ids.master ? ['DELETE'] : []),
  },
  { path: ['accounts', ':id', 'children'], methods: { GET: a.children } },
  { path: ['accounts', ':id', 'descendants'], methods: { GET: a.descendants } },
  { path: ['accounts', ':id', 'tree'], methods: { GET: a.tree } },
  { path: ['accounts', ':id', 'parents'], methods: { GET: a.parents } },
  { path: ['accounts', ':id', 'siblings'], methods: { GET: a.siblings } },
  { path: ['accounts', ':id', 'move'], methods: { POST: a.move } },
  { path: ['accounts', ':id', 'reseller'], methods: { PUT: a.promote, DELETE: a.demote } },
  { path: ['accounts', ':id', 'api_key'], methods: { GET: a.getApiKey, PUT: a.putApiKey } },
  { path: ['accounts', ':id', 'search'], methods: { GET: a.searchAccount } },
  { path: ['accounts', ':id', 'search', 'multi'], methods: { GET: a.searchMultiAccount } },
  { path: ['accounts', ':id', 'users'], methods: { GET: u.list, PUT: u.create } },
  {
    path: ['accounts', ':id', 'users', ':uid'],
    methods: { GET: u.get, POST: u.post, PATCH: u.patch, DELETE: u.remove },
  },
  { path: ['accounts', ':id', 'limits'], methods: { GET: b.getLimits, POST: b.postLimits } },
  { path: ['accounts', ':id', 'phone_numbers', 'classifiers'], methods: { GET: b.classifiers } },
  { path: ['accounts', ':id', 'ledgers'], methods: { GET: b.ledgerSummary } },
  { path: ['accounts', ':id', 'ledgers', 'total'], methods: { GET: b.ledgerTotal } },
  { path: ['accounts', ':id', 'ledgers', 'credit'], methods: { PUT: b.credit } },
  { path: ['accounts', ':id', 'ledgers', 'debit'], methods: { PUT: b.debit } },
  { path: ['accounts', ':id', 'ledgers', ':source'], methods: { GET: b.ledgerSource } },
  { path: ['accounts', ':id', 'services'], methods: { GET: b.getServices, POST: b.postServices } },
  { path: ['accounts', ':id', 'services', 'available'], methods: { GET: b.available } },
  { path: ['accounts', ':id', 'callflows'], methods: { GET: cf.list, PUT: cf.create } },
  {
    path: ['accounts', ':id', 'callflows', ':cf'],
    methods: { GET: cf.get, POST: cf.post, PATCH: cf.patch, DELETE: cf.remove },
  },
  { path: ['accounts', ':id', 'resources'], methods: { GET: res.list } },
  { path: ['accounts', ':id', 'apps_store'], methods: { GET: apps.list } },
  {
    path: ['accounts', ':id', 'apps_store', 'blacklist'],
    methods: { GET: apps.getBlacklist, POST: apps.postBlacklist },
  },
  { path: ['accounts', ':id', 'apps_store', ':app'], methods: { GET: apps.getApp } },
  { path: ['accounts', ':id', 'apps_store', ':app', 'icon'], methods: { GET: apps.getIcon } },
];

function match(segments: string[]): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.path.length !== segments.length) continue;
    const params: string[] = [];
    let okay = true;
    for (let i = 0; i < segments.length && okay; i++) {
      const p = route.path[i]!;
      if (p.startsWith(':')) params.push(segments[i]!);
      else okay = p === segments[i];
    }
    if (okay) return { route, params };
  }
  return undefined;
}

/** Segments after `/v2`, or undefined when the path is not under `/v2`. */
export function v2Segments(path: string): string[] | undefined {
  const parts = path.split('/').filter((s) => s !== '');
  if (parts[0] !== 'v2') return undefined;
  return parts.slice(1).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function methodsOf(env: Env, found: { route: Route; params: string[] }): string[] {
  const refused = found.route.refuse?.(env, found.params) ?? [];
  return Object.keys(found.route.methods).filter((m) => !refused.includes(m));
}

export function route(ctx: Ctx, env: Env, segments: string[]): Reply {
  const found = match(segments);
  if (!found) {
    authenticate(ctx, env);
    throw errors.noRoute(ctx.path);
  }
  const allowed = methodsOf(env, found);
  const handler = allowed.includes(ctx.method) ? found.route.methods[ctx.method] : undefined;
  if (!handler) throw errors.method(allowed);
  if (!found.route.public) authenticate(ctx, env);
  return handler(ctx, env, found.params);
}

export function allowedMethods(env: Env, segments: string[]): string[] | undefined {
  const found = match(segments);
  return found && methodsOf(env, found);
}

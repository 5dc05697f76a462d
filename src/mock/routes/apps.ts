// /v2/accounts/{id}/apps_store: the catalog minus every blacklist set along the account's tree.
import { appIconSvg, type CatalogApp } from '../catalog.js';
import { ok, requireAccount, requireAncestor, requireObject, type Ctx, type Env, type Handler } from '../context.js';
import { clone } from '../db.js';
import { errors } from '../http.js';
import type { StoredDoc } from '../types.js';

/** Ids of the apps `accountId` may use, in catalog order. */
export function availableApps(env: Env, accountId: string): string[] {
  const db = env.db;
  const doc = db.account(accountId)!;
  const hidden = new Set<string>();
  for (const id of [...db.tree(doc), accountId]) for (const app of db.blacklistOf(id)) hidden.add(app);
  return env.catalog.filter((a) => !hidden.has(a.id)).map((a) => a.id);
}

function present(ctx: Ctx, app: CatalogApp): StoredDoc {
  return {
    ...clone(app),
    api_url: `${ctx.origin}/v2/`,
    source_url: `${ctx.origin}/monster-apps/${app.name}`,
  };
}

const list: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const allowed = new Set(availableApps(env, id!));
  const data = env.catalog.filter((a) => allowed.has(a.id)).map((a) => present(ctx, a));
  return ok(ctx, env, data, { page: { page_size: data.length } });
};

/** The app as `accountId` may use it: 404 for one it may not. */
function availableApp(ctx: Ctx, env: Env, id: string | undefined, appId: string | undefined): CatalogApp {
  requireAccount(ctx, env, id);
  const app = env.catalog.find((a) => a.id === appId);
  if (!app || !availableApps(env, id!).includes(app.id)) throw errors.notFound(appId ?? '');
  return app;
}

const getApp: Handler = (ctx, env, [id, appId]) => ok(ctx, env, present(ctx, availableApp(ctx, env, id, appId)));

// The catalog keeps only icon file names: every app gets a small generated SVG in their place.
const getIcon: Handler = (ctx, env, [id, appId]) => ({
  status: 200,
  body: {},
  file: { body: appIconSvg(availableApp(ctx, env, id, appId)), contentType: 'image/svg+xml' },
});

const CAUSE = 'only an ancestor of the account may manage its app blacklist';

const getBlacklist: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  requireAncestor(ctx, env, doc, CAUSE);
  return ok(ctx, env, { blacklist: [...env.db.blacklistOf(id!)] });
};

const postBlacklist: Handler = (ctx, env, [id]) => {
  const doc = requireAccount(ctx, env, id);
  requireAncestor(ctx, env, doc, CAUSE);
  const body = requireObject(ctx.data);
  const list = body.blacklist ?? [];
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    throw errors.field('blacklist', 'type', 'Value did not match type(s): array of strings', { value: list });
  }
  const unique = [...new Set(list as string[])];
  env.db.blacklists.set(id!, unique);
  return ok(ctx, env, { blacklist: [...unique] });
};

export const appRoutes = { list, getApp, getIcon, getBlacklist, postBlacklist };

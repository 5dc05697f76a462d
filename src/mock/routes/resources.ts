// /v2/accounts/{id}/resources: an account's own carriers, listed as Crossbar's `crossbar_listing` view emits them.
import { filters, listPage, requireAccount, type Handler } from '../context.js';
import type { StoredDoc } from '../types.js';

const list: Handler = (ctx, env, [id]) => {
  requireAccount(ctx, env, id);
  const rows = [...env.db.resourcesOf(id!).values()]
    .filter((r) => r.pvt_deleted !== true)
    .sort((a, b) => ((a._id as string) < (b._id as string) ? -1 : 1));
  return listPage(ctx, env, rows, {
    startIndex: (start) => {
      const i = rows.findIndex((r) => (r._id as string) >= String(start));
      return i < 0 ? rows.length : i;
    },
    keyOf: (r) => r._id,
    accept: filters(ctx),
    present: (r) => {
      const item: StoredDoc = { id: r._id };
      for (const key of ['name', 'enabled', 'weight_cost', 'template_name', 'classifiers']) {
        if (r[key] !== undefined) item[key] = r[key];
      }
      return item;
    },
  });
};

export const resourceRoutes = { list };

/**
 * Store keys. A key names one resource (`account:<id>`); a paged or filtered read adds a query after `?`
 * (`children:<parentId>?cursor=…&pageSize=…`). Subscriptions match on the resource part, so a listener on
 * `children:p1` hears about every page of `p1`.
 */
export const storeKey = {
  session: () => 'session',
  account: (id: string) => `account:${id}`,
  children: (parentId: string, page: { cursor?: string; pageSize?: number } = {}) =>
    withQuery(`children:${parentId}`, { cursor: page.cursor, pageSize: page.pageSize }),
  search: (query: string, options: { rootId?: string; cursor?: string; pageSize?: number } = {}) =>
    withQuery(`search:${options.rootId ?? ''}`, { q: query, cursor: options.cursor, pageSize: options.pageSize }),
  ancestors: (id: string) => `ancestors:${id}`,
  users: (accountId: string, privLevel?: string) => withQuery(`users:${accountId}`, { privLevel }),
  limits: (id: string) => `limits:${id}`,
  callClasses: (id: string) => `callClasses:${id}`,
  balance: (id: string) => `balance:${id}`,
  plans: (resellerId: string) => `plans:${resellerId}`,
  accountPlans: (id: string) => `accountPlans:${id}`,
  carrier: (id: string) => `carrier:${id}`,
  apps: (id: string) => `apps:${id}`,
  appIcon: (accountId: string, appId: string) => `appIcon:${accountId}:${appId}`,
};

/** The resource part of a key (`children:p1?cursor=2` → `children:p1`). */
export function resourceOf(key: string): string {
  const i = key.indexOf('?');
  return i < 0 ? key : key.slice(0, i);
}

function withQuery(base: string, params: Record<string, string | number | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q ? `${base}?${q}` : base;
}

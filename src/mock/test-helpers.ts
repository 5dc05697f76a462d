// Helpers shared by the emulator's own tests (not exported from the package).
import { md5 } from './md5.js';
import type { CrossbarEmulator, Login } from './types.js';

export const BASE = 'http://crossbar.test:8000/v2';

/** Parsed reply JSON, loosely typed so tests can reach into it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Call {
  status: number;
  json: Loose;
  headers: Headers;
}

export async function call(
  em: CrossbarEmulator,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['X-Auth-Token'] = opts.token;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await em.handle(
    new Request(BASE + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    }),
  );
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {}, headers: res.headers };
}

export function credentials(username: string, password: string): string {
  return md5(`${username.toLowerCase()}:${password}`);
}

export async function login(em: CrossbarEmulator, who: Login = em.login): Promise<string> {
  const r = await call(em, 'PUT', '/user_auth', {
    body: {
      data: { credentials: credentials(who.username, who.password), account_name: who.accountName, method: 'md5' },
    },
  });
  if (r.status !== 201) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.auth_token as string;
}

/** A `next_start_key` sent back as a client does: an opaque string as is, a raw view key as JSON. */
export function startKeyParam(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** Every page of a listing, following `next_start_key`. */
export async function walk(
  em: CrossbarEmulator,
  token: string,
  path: string,
  pageSize: number,
): Promise<{ items: Loose[]; pages: number }> {
  const items: Loose[] = [];
  let key: unknown;
  let pages = 0;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const q =
      `${sep}page_size=${pageSize}` + (key === undefined ? '' : `&start_key=${encodeURIComponent(startKeyParam(key))}`);
    const r = await call(em, 'GET', path + q, { token });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.json)}`);
    items.push(...r.json.data);
    key = r.json.next_start_key;
    pages++;
    if (pages > 100000) throw new Error('paging never ends');
  } while (key !== undefined);
  return { items, pages };
}

/** Reference order for account listings: ICU collation of lower-cased names (as CouchDB does), then id. */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  const c = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
  if (c !== 0) return c;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Case- and accent-insensitive prefix test (CouchDB's primary collation level, for Latin names). */
export function startsWithFolded(name: string, prefix: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return fold(name).startsWith(fold(prefix));
}

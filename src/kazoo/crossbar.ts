/** Checked Crossbar reads over one transport, and the helpers every part of the adapter shares. */
import { AccountApiError } from '../api/errors.js';
import type { Account, FieldErrorCode, Page } from '../api/index.js';
import type { ParseResult } from './check.js';
import { accountFrom, mergeMetadata } from './map.js';
import type { CrossbarTransport, RequestSpec } from './transport.js';
import { AccountDoc, type Envelope } from './wire.js';

export const DEFAULT_PAGE = 50;

export const enc = encodeURIComponent;

/** A reply's shape: any schema with zod's `safeParse`. */
export interface Reader<T> {
  safeParse(value: unknown): ParseResult<T>;
}

/** Where a page starts: the `start_key` to send (none: the listing's end) and the direction to walk in. */
export interface PagePosition {
  startKey: string | undefined;
  descending: boolean;
}

/**
 * Cursors carry the type of Kazoo's `next_start_key` so it goes back exactly as it came, and the direction of the
 * listing (`d` before a descending one's) so a cursor alone continues it the way it was started.
 */
export function encodeCursor(key: unknown, descending: boolean): string | undefined {
  if (key === undefined || key === null || key === '') return undefined;
  return `${descending ? 'd' : ''}${typeof key === 'string' ? `s:${key}` : `j:${JSON.stringify(key)}`}`;
}
export function decodeCursor(cursor: string | undefined): PagePosition {
  if (!cursor) return { startKey: undefined, descending: false };
  const descending = cursor.startsWith('ds:') || cursor.startsWith('dj:');
  const body = descending ? cursor.slice(1) : cursor;
  if (body.startsWith('s:') || body.startsWith('j:')) return { startKey: body.slice(2), descending };
  return { startKey: cursor, descending: false };
}

/** Current Crossbar leaves `revision` out when there is none; older servers sent the string "undefined". */
export const revisionOf = (env: Envelope): string | undefined =>
  env.revision === undefined || env.revision === 'undefined' || env.revision === '' ? undefined : String(env.revision);

/** Refuses locally what Kazoo's schema would refuse, so no request is sent for it. */
export function invalidField(field: string, message: string, code: FieldErrorCode, limit?: number): AccountApiError {
  return new AccountApiError({
    kind: 'validation',
    message,
    fieldErrors: { [field]: [message] },
    fieldCodes: { [field]: code },
    fieldLimits: limit === undefined ? undefined : { [field]: limit },
  });
}

/** The reads of one adapter, over its transport. */
export interface Crossbar {
  readonly http: CrossbarTransport;
  /** Sends `spec` and checks the reply's `data` (Kazoo 5's account flags merged in from `metadata`). */
  call<T>(schema: Reader<T>, spec: RequestSpec): Promise<{ data: T; env: Envelope }>;
  /** One page of a listing from `at`, at most `pageSize` items (default 50, at most 1000). */
  page<I, T>(
    schema: Reader<I[]>,
    spec: RequestSpec,
    map: (item: I) => T,
    at: PagePosition,
    pageSize: number | undefined,
  ): Promise<Page<T>>;
  readAccountDoc(id: string, signal?: AbortSignal): Promise<{ doc: AccountDoc; account: Account }>;
}

export function crossbar(http: CrossbarTransport): Crossbar {
  async function call<T>(schema: Reader<T>, spec: RequestSpec): Promise<{ data: T; env: Envelope }> {
    const env = await http.send(spec);
    // Kazoo 5 moves account flags into `metadata`; older servers keep them in `data`.
    const raw = mergeMetadata(env.data, env.metadata);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path?.length ? ` at ${issue.path.join('.')}` : '';
      throw new AccountApiError({
        kind: 'invalid-response',
        message: `The server sent a reply that could not be understood (${spec.method} ${spec.path}${where}: ${issue?.message ?? 'unexpected shape'}).`,
        request: { method: spec.method, url: http.base + spec.path },
        details: { issues: parsed.error.issues },
      });
    }
    return { data: parsed.data, env };
  }

  return {
    http,
    call,

    async page(schema, spec, map, at, pageSize) {
      const size = Math.max(1, Math.min(pageSize ?? DEFAULT_PAGE, 1000));
      const { data, env } = await call(schema, {
        ...spec,
        query: { ...spec.query, page_size: size, start_key: at.startKey },
      });
      return { items: data.map((x) => map(x)), nextCursor: encodeCursor(env.next_start_key, at.descending) };
    },

    async readAccountDoc(id, signal) {
      const { data, env } = await call(AccountDoc, { method: 'GET', path: `/accounts/${enc(id)}`, signal });
      return { doc: data, account: accountFrom(data, revisionOf(env)) };
    },
  };
}

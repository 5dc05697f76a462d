// Crossbar reply envelopes and errors (api_util.erl / cb_context.erl shapes).
import { md5 } from './md5.js';
import { secureHex } from './random.js';
import type { ValidationErrors } from './validate.js';

/** A Crossbar error: becomes `{status:"error", error:"<code>", message, data}`. */
export class CrossbarError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'invalid request',
  401: 'invalid_credentials',
  402: 'accept charges',
  403: 'forbidden',
  404: 'bad identifier',
  405: 'method not allowed',
  409: 'conflicting documents',
  413: 'request entity too large',
  415: 'unsupported media type',
  416: 'range not satisfiable',
  423: 'locked',
  429: 'too many requests',
  500: 'unspecified fault',
  502: 'bad gateway',
  503: 'datastore fault',
  504: 'gateway timeout',
};

export const errors = {
  validation(data: ValidationErrors): CrossbarError {
    return new CrossbarError(400, 'validation error', data);
  },
  field(field: string, rule: string, message: string, extra: Record<string, unknown> = {}): CrossbarError {
    return new CrossbarError(400, 'validation error', { [field]: { [rule]: { message, ...extra } } });
  },
  parse(): CrossbarError {
    return new CrossbarError(400, 'parse_error', { message: 'failed to parse request body' });
  },
  unauthorized(): CrossbarError {
    return new CrossbarError(401, 'invalid_credentials', { message: 'invalid credentials' });
  },
  forbidden(cause: string): CrossbarError {
    return new CrossbarError(403, 'forbidden', { message: 'forbidden', cause });
  },
  notFound(id: string): CrossbarError {
    return new CrossbarError(404, 'bad identifier', { message: 'bad identifier', cause: id });
  },
  noRoute(path: string): CrossbarError {
    return new CrossbarError(404, 'not found', { message: 'not found', cause: path });
  },
  method(allowed: string[]): CrossbarError {
    return new CrossbarError(
      405,
      'method not allowed',
      { message: 'invalid method', allowed },
      {
        Allow: allowed.join(', '),
      },
    );
  },
  conflict(id: string, revision: string): CrossbarError {
    return new CrossbarError(409, 'conflicting documents', {
      message: 'conflicting documents',
      cause: id,
      revision,
    });
  },
  range(total: number, max: number): CrossbarError {
    return new CrossbarError(416, 'range not satisfiable', {
      message: `the result has ${total} rows, more than the maximum of ${max}; page the request`,
      total,
      maximum: max,
    });
  },
  locked(): CrossbarError {
    return new CrossbarError(423, 'locked', {
      account: { disabled: { message: 'account is disabled' } },
    });
  },
  charges(data: Record<string, unknown>): CrossbarError {
    return new CrossbarError(402, 'accept charges', data);
  },
};

export interface ReplyMeta {
  authToken: string;
  version: string;
  /** The emulator's clock, for `timestamp`. */
  now?: number;
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A file sent as is instead of the JSON `body` (an app's icon). */
  file?: { body: string; contentType: string };
}

export interface SuccessExtras {
  revision?: string;
  metadata?: Record<string, unknown>;
  page?: { page_size: number; start_key?: unknown; next_start_key?: unknown };
  top?: Record<string, unknown>;
}

const NODE = 'kazoo_apps@crossbar-emulator.local';

function common(meta: ReplyMeta): Record<string, unknown> {
  return {
    auth_token: meta.authToken,
    request_id: secureHex(16),
    node: md5(NODE).slice(0, 22),
    timestamp: new Date(meta.now ?? Date.now()).toISOString().replace(/\.\d+Z$/, 'Z'),
    version: meta.version,
  };
}

export function success(meta: ReplyMeta, data: unknown, extras: SuccessExtras = {}, status = 200): Reply {
  const body: Record<string, unknown> = { ...common(meta), status: 'success', data };
  // Crossbar leaves `revision` out when there is none (api_util:create_default_resp_envelope, to_api_binary);
  // a listing's is the md5 of its data (api_resource: an 'automatic' etag).
  const revision = extras.revision ?? (Array.isArray(data) ? md5(JSON.stringify(data)) : undefined);
  if (revision !== undefined) body.revision = revision;
  if (extras.metadata) body.metadata = extras.metadata;
  if (extras.page) Object.assign(body, extras.page);
  if (extras.top) Object.assign(body, extras.top);
  return { status, body };
}

export function failure(meta: ReplyMeta, error: CrossbarError): Reply {
  return {
    status: error.code,
    body: {
      ...common(meta),
      status: 'error',
      error: String(error.code),
      message: error.message,
      data: error.data,
    },
    headers: error.headers,
  };
}

/** The error envelope a fault rule answers with when it gives no body. */
export function defaultErrorBody(status: number): Record<string, unknown> {
  const message = DEFAULT_MESSAGES[status] ?? 'unspecified fault';
  return {
    ...common({ authToken: '', version: '5.0.0' }),
    status: 'error',
    error: String(status),
    message,
    data: { message: message.replace(/_/g, ' ') },
  };
}

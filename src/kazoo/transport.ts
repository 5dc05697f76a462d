/** Crossbar HTTP: auth, envelopes, timeouts, 401 refresh, 402 charges and error kinds. fetch only, no DOM. */
import { AccountApiError } from '../api/errors.js';
import type { AccountApiErrorKind, Charges } from '../api/index.js';
import type { Infer } from './check.js';
import { md5 } from './md5.js';
import { AuthData, Envelope, ErrorEnvelope } from './wire.js';

export interface KazooCredentials {
  username: string;
  password: string;
  /** One of these identifies the account to log in to. */
  accountName?: string;
  accountRealm?: string;
  phoneNumber?: string;
}

export interface KazooAdapterOptions {
  /** Crossbar's address, e.g. `https://kazoo.example.com:8443` (with or without `/v2`). */
  baseUrl: string;
  /** A fixed token. */
  token?: string;
  /** Supplies a token; called again once after a 401 to refresh it. */
  getToken?: () => string | Promise<string>;
  /** Log in with a user's credentials (`PUT /v2/user_auth`). */
  credentials?: KazooCredentials;
  /** Log in with an API key (`PUT /v2/api_auth`). */
  apiKey?: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Decides a 402: resolve `true` to accept the charges and replay. Default: reject with `charges-required`. */
  onChargesRequired?: (charges: Charges, request: { method: string; path: string }) => boolean | Promise<boolean>;
  /** Milliseconds before a request fails with `timeout` (default 30000). */
  timeoutMs?: number;
  /** Currency of ledger amounts (default USD). */
  currency?: string;
  /** Language for app labels (default en-US). */
  language?: string;
}

export interface RequestSpec {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Skip authentication (login calls). */
  anonymous?: boolean;
  /** Send `accept_charges` from the first try (the caller's user accepted them already). */
  acceptCharges?: boolean;
}

export interface AuthReply {
  token: string;
  data: Infer<typeof AuthData>;
}

export const ERROR_MESSAGES: Partial<Record<AccountApiErrorKind, string>> = {
  auth: 'Your session has expired or the credentials are not valid.',
  forbidden: 'You do not have permission to do this.',
  'not-found': 'It no longer exists.',
  conflict: 'Someone else changed this in the meantime.',
  'has-descendants': 'This account still has sub-accounts.',
  'rate-limited': 'Too many requests; try again shortly.',
  network: 'The server cannot be reached.',
  timeout: 'The server took too long to answer.',
  server: 'The server could not complete the request.',
  'invalid-response': 'The server sent a reply that could not be understood.',
};

export class CrossbarTransport {
  readonly base: string;
  /** The fetch every request goes through. */
  readonly fetchFn: typeof fetch;
  private token: string | undefined;
  private loginPromise: Promise<string> | undefined;
  /** The reply of the last login, which also describes the session. */
  authReply: AuthReply | undefined;

  /** The adapter's own copy of its options (logging out forgets the secrets in it, never the host's object). */
  readonly options: KazooAdapterOptions;

  constructor(options: KazooAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
      throw new TypeError(
        'createKazooAdapter: `baseUrl` must be an http(s) URL such as https://kazoo.example.com:8443',
      );
    }
    this.options = { ...options };
    const trimmed = options.baseUrl.replace(/\/+$/, '');
    this.base = /\/v2$/.test(trimmed) ? trimmed : `${trimmed}/v2`;
    this.fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
    this.token = options.token;
  }

  private readonly identityListeners = new Set<() => void>();

  /**
   * The token in use. A host's `getToken()` is asked on every request (it should answer from memory), so a
   * token it swaps for another user's is used at once; credentials or an API key log in first when needed.
   */
  async currentToken(signal?: AbortSignal): Promise<string | undefined> {
    if (this.options.getToken) {
      if (this.loginPromise) return this.loginPromise;
      const t = await this.options.getToken();
      if (typeof t === 'string' && t) {
        this.useToken(t);
        return t;
      }
      return this.refreshToken(signal);
    }
    if (this.token) return this.token;
    if (this.options.credentials || this.options.apiKey) return this.refreshToken(signal);
    return undefined;
  }

  /** The token when it is known without asking anyone (no host `getToken`, no sign-in under way). */
  private tokenInHand(): string | undefined {
    return this.options.getToken || this.loginPromise ? undefined : this.token;
  }

  /** Takes `token` for the next requests; a token other than the last one may belong to someone else. */
  useToken(token: string | undefined): void {
    if (token === this.token) return;
    const had = this.token !== undefined;
    this.token = token;
    if (this.authReply && this.authReply.token !== token) this.authReply = undefined;
    if (had) for (const l of [...this.identityListeners]) l();
  }

  /** Hears every change of token (another user may be signed in now). */
  onIdentityChange(listener: () => void): () => void {
    this.identityListeners.add(listener);
    return () => this.identityListeners.delete(listener);
  }

  /**
   * Revokes the token on the server (`DELETE /v2/token_auth`; a token already expired is fine), then forgets
   * the token, the credentials and the API key, so nothing secret stays in memory.
   */
  async logout(signal?: AbortSignal): Promise<void> {
    const token = this.token;
    try {
      if (token)
        await this.send({
          method: 'DELETE',
          path: '/token_auth',
          signal,
          headers: { 'X-Auth-Token': token },
          anonymous: true,
        });
    } catch (e) {
      if (!AccountApiError.is(e, 'auth', 'not-found')) throw e;
    } finally {
      this.options.credentials = undefined;
      this.options.apiKey = undefined;
      this.options.token = undefined;
      this.loginPromise = undefined;
      this.authReply = undefined;
      this.token = undefined;
      for (const l of [...this.identityListeners]) l();
    }
  }

  /** Gets a new token (one at a time: concurrent callers share the login). */
  refreshToken(signal?: AbortSignal): Promise<string> {
    this.loginPromise ??= this.obtainToken(signal).finally(() => {
      this.loginPromise = undefined;
    });
    return this.loginPromise;
  }

  /** Drops the token the server refused and gets a new one. */
  renewToken(signal?: AbortSignal): Promise<string> {
    this.token = undefined;
    return this.refreshToken(signal);
  }

  private async obtainToken(signal?: AbortSignal): Promise<string> {
    const o = this.options;
    if (o.getToken) {
      const t = await o.getToken();
      if (typeof t !== 'string' || !t) {
        throw new AccountApiError({ kind: 'auth', message: 'getToken() did not return a token.' });
      }
      this.useToken(t);
      return t;
    }
    if (o.credentials) {
      const c = o.credentials;
      const data: Record<string, unknown> = {
        credentials: md5(`${c.username.toLowerCase()}:${c.password}`),
        method: 'md5',
      };
      if (c.accountName) data.account_name = c.accountName;
      else if (c.accountRealm) data.account_realm = c.accountRealm;
      else if (c.phoneNumber) data.phone_number = c.phoneNumber;
      return this.login('/user_auth', data, signal);
    }
    if (o.apiKey) return this.login('/api_auth', { api_key: o.apiKey }, signal);
    throw new AccountApiError({ kind: 'auth', message: 'No token, credentials or API key was given.' });
  }

  private async login(path: string, data: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const env = await this.send({ method: 'PUT', path, data, signal, anonymous: true });
    const parsed = AuthData.safeParse(env.data);
    if (!parsed.success || !env.auth_token) {
      throw invalid('PUT', path, 'The login reply has no token or account.');
    }
    this.token = env.auth_token;
    this.authReply = { token: env.auth_token, data: parsed.data };
    return env.auth_token;
  }

  /** Sends a request and returns the checked envelope; every failure becomes an AccountApiError. */
  async send(spec: RequestSpec): Promise<Envelope> {
    let refreshed = false;
    let acceptCharges = spec.method !== 'GET' && spec.acceptCharges === true;
    // Asked once per request; after a 401 the refreshed token is used as is. A token in hand is used at once, so
    // the request leaves in the caller's own task (a first page goes out before the page renders anything).
    let token = spec.anonymous ? undefined : (this.tokenInHand() ?? (await this.currentToken(spec.signal)));
    if (!spec.anonymous && token === undefined) {
      // Signed out, or never given a credential: nothing is sent without one.
      throw new AccountApiError({
        kind: 'auth',
        message: 'Not signed in.',
        request: { method: spec.method, url: this.base + spec.path },
      });
    }
    for (;;) {
      try {
        return await this.once(spec, token, acceptCharges);
      } catch (err) {
        const e = err as AccountApiError;
        const canRefresh =
          !spec.anonymous && (this.options.getToken || this.options.credentials || this.options.apiKey);
        if (e.kind === 'auth' && canRefresh && !refreshed) {
          refreshed = true;
          token = await this.renewToken(spec.signal);
          continue;
        }
        if (e.kind === 'charges-required' && !acceptCharges && this.options.onChargesRequired) {
          const ok = await this.options.onChargesRequired(e.details as Charges, {
            method: spec.method,
            path: spec.path,
          });
          if (ok) {
            acceptCharges = true;
            continue;
          }
          // The host asked its user and was told no: say so, so no one asks the same question again.
          throw new AccountApiError({
            kind: 'charges-required',
            status: e.status,
            message: e.message,
            request: e.request,
            details: { ...(e.details as Charges), declined: true },
          });
        }
        throw e;
      }
    }
  }

  private async once(spec: RequestSpec, token: string | undefined, acceptCharges: boolean): Promise<Envelope> {
    const url = new URL(this.base + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
    if (token) headers['X-Auth-Token'] = token;
    let body: string | undefined;
    if (spec.data !== undefined || acceptCharges) {
      headers['Content-Type'] = 'application/json';
      const envelope: Record<string, unknown> = { data: spec.data ?? {} };
      if (acceptCharges) envelope.accept_charges = true;
      body = JSON.stringify(envelope);
    }
    const request = { method: spec.method, url: url.toString() };
    const timeoutMs = this.options.timeoutMs ?? 30000;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;

    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(url.toString(), { method: spec.method, headers, body, signal });
      text = await res.text();
    } catch (cause) {
      if (spec.signal?.aborted) {
        throw new AccountApiError({ kind: 'aborted', message: 'The request was cancelled.', request, cause });
      }
      if (timeout.signal.aborted) {
        throw new AccountApiError({
          kind: 'timeout',
          message: `${ERROR_MESSAGES.timeout} (${Math.round(timeoutMs / 1000)} s)`,
          request,
          cause,
        });
      }
      throw new AccountApiError({ kind: 'network', message: ERROR_MESSAGES.network!, request, cause });
    } finally {
      clearTimeout(timer);
    }

    let json: unknown;
    let parsedJson = true;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      parsedJson = false;
    }

    if (res.ok) {
      if (!parsedJson) throw invalid(spec.method, url.toString(), 'The reply is not JSON.');
      const env = Envelope.safeParse(json);
      if (!env.success || (env.data.status !== undefined && env.data.status !== 'success')) {
        throw invalid(spec.method, url.toString(), 'The reply is not a Crossbar envelope.');
      }
      return env.data;
    }
    throw await errorFrom(res, parsedJson ? json : undefined, request);
  }
}

function invalid(method: string, url: string, detail: string): AccountApiError {
  return new AccountApiError({
    kind: 'invalid-response',
    message: `${ERROR_MESSAGES['invalid-response']} ${detail}`,
    request: { method, url },
  });
}

/** The mapping of field errors and charges, loaded with the first refusal that has them; none if it fails to load. */
const replyErrors = () => import('./reply-errors.js').catch(() => undefined);

/** Maps a Crossbar error reply to its kind. */
export async function errorFrom(
  res: Response,
  json: unknown,
  request: { method: string; url: string },
): Promise<AccountApiError> {
  const env = ErrorEnvelope.safeParse(json);
  const e = env.success ? env.data : {};
  const status = res.status;
  const serverMessage = typeof e.message === 'string' ? e.message : '';
  const data = e.data;
  const cause = data && typeof data === 'object' ? (data as { cause?: unknown; message?: unknown }) : undefined;
  // Kazoo puts the reason in data.cause; data.message often repeats the status word ("forbidden").
  const detail =
    typeof cause?.cause === 'string'
      ? cause.cause
      : typeof cause?.message === 'string' && cause.message !== serverMessage
        ? cause.message
        : '';
  const make = (kind: AccountApiErrorKind, extra: Partial<ConstructorParameters<typeof AccountApiError>[0]> = {}) =>
    new AccountApiError({
      kind,
      status,
      request,
      message: ERROR_MESSAGES[kind] ?? (serverMessage || `HTTP ${status}`),
      ...extra,
    });

  switch (status) {
    case 400: {
      const { fieldErrors, fieldCodes, fieldLimits, rules } = (await replyErrors())?.fieldErrorsFrom(data) ?? {
        fieldErrors: {},
        fieldCodes: {},
        fieldLimits: {},
        rules: {},
      };
      const fields = Object.keys(fieldErrors);
      const message = fields.length
        ? `Please check: ${fields.join(', ')}.`
        : detail || serverMessage || 'The request was not accepted.';
      return make('validation', { message, fieldErrors, fieldCodes, fieldLimits, details: { rules, serverMessage } });
    }
    case 401:
      return make('auth');
    case 402:
      return make('charges-required', {
        message: 'This change has charges that must be accepted first.',
        details: (await replyErrors())?.chargesFrom(data) ?? { items: [] },
      });
    case 403:
    case 423:
      return make('forbidden', {
        message: detail ? `${ERROR_MESSAGES.forbidden} ${detail}` : ERROR_MESSAGES.forbidden!,
      });
    case 404:
      return make('not-found');
    case 409:
      return make('conflict');
    case 429: {
      const ra = Number(res.headers.get('Retry-After'));
      return make('rate-limited', { retryAfter: Number.isFinite(ra) && ra > 0 ? ra : undefined });
    }
    case 500:
      if (serverMessage === 'account_has_descendants' || detail === 'account_has_descendants') {
        return make('has-descendants');
      }
      return make('server', {
        message: `${ERROR_MESSAGES.server} (${status}${serverMessage ? `: ${serverMessage}` : ''})`,
      });
    default:
      if (status >= 500 || status === 416 || status === 405) {
        return make('server', {
          message: `${ERROR_MESSAGES.server} (${status}${serverMessage ? `: ${serverMessage}` : ''})`,
        });
      }
      return make('server', { message: serverMessage || `HTTP ${status}` });
  }
}

/** Files over Crossbar (an app's icon), for the management methods. */
import { AccountApiError } from '../api/errors.js';
import { ERROR_MESSAGES, errorFrom, type CrossbarTransport, type RequestSpec } from './transport.js';

/**
 * Reads a file with the same token, refresh and error kinds as `http.send`: its bytes come back as a Blob, so a
 * page never needs a URL that carries the token.
 */
export async function sendForBlob(http: CrossbarTransport, spec: RequestSpec): Promise<Blob> {
  const url = new URL(http.base + spec.path);
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const request = { method: spec.method, url: url.toString() };
  const options = http.options;
  const canRefresh = !!(options.getToken || options.credentials || options.apiKey);
  let token = await http.currentToken(spec.signal);
  for (let refreshed = false; ; refreshed = true) {
    const timeoutMs = options.timeoutMs ?? 30000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'image/*, */*;q=0.5', ...spec.headers };
    if (token) headers['X-Auth-Token'] = token;
    let res: Response;
    let json: unknown;
    try {
      res = await http.fetchFn(url.toString(), { method: spec.method, headers, signal });
      if (res.ok) return await res.blob();
      const text = await res.text();
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
    } catch (cause) {
      if (spec.signal?.aborted) {
        throw new AccountApiError({ kind: 'aborted', message: 'The request was cancelled.', request, cause });
      }
      if (timeout.aborted) {
        const message = `${ERROR_MESSAGES.timeout} (${Math.round(timeoutMs / 1000)} s)`;
        throw new AccountApiError({ kind: 'timeout', message, request, cause });
      }
      throw new AccountApiError({ kind: 'network', message: ERROR_MESSAGES.network!, request, cause });
    }
    const e = await errorFrom(res, json, request);
    if (e.kind === 'auth' && canRefresh && !refreshed) {
      token = await http.renewToken(spec.signal);
      continue;
    }
    throw e;
  }
}

// Node transport: a real HTTP server (with CORS) in front of the emulator's `handle()`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrossbarEmulator } from './types.js';

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Any other than a loopback address is warned about on the console. */
  host?: string;
  /**
   * Browser origins that may call the emulator (CORS), besides the loopback ones (http(s)://localhost,
   * 127.0.0.1 or [::1], any port), which are always allowed. `'*'` allows every origin.
   */
  allowedOrigins?: readonly string[] | '*';
}

export interface RunningEmulator {
  /** Base URL without `/v2`, e.g. `http://127.0.0.1:8000`. */
  url: string;
  close(): Promise<void>;
}

const ALLOWED_HEADERS = 'X-Auth-Token, Content-Type, If-Match, Accept, Authorization';

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether a browser page at `origin` may call the emulator. */
export function originAllowed(origin: string, allowed: ServeOptions['allowedOrigins'] = []): boolean {
  if (allowed === '*' || LOOPBACK_ORIGIN.test(origin)) return true;
  const normal = origin.replace(/\/+$/, '').toLowerCase();
  return allowed.some((o) => o.replace(/\/+$/, '').toLowerCase() === normal);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, PUT, POST, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
    'Access-Control-Expose-Headers': 'Allow, Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin, Access-Control-Request-Headers',
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serve(
  emulator: CrossbarEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  allowed: ServeOptions['allowedOrigins'],
): Promise<void> {
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, allowed)) {
    // Another site's page must not drive an emulator whose tokens and data sit on this machine.
    const body = JSON.stringify({
      status: 'error',
      error: '403',
      message: 'forbidden',
      data: { cause: `origin ${origin} is not allowed` },
    });
    res.writeHead(403, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      Vary: 'Origin',
    });
    res.end(body);
    return;
  }
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  const body = await readBody(req);
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const method = req.method ?? 'GET';
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
    signal: controller.signal,
  });
  let response: Response;
  try {
    response = await emulator.handle(request);
  } catch (e) {
    // A network fault (or an abort) ends the connection without an HTTP answer.
    req.socket.destroy();
    if (!(e instanceof TypeError) && !(e instanceof DOMException)) console.error('crossbar emulator:', e);
    return;
  }
  const out: Record<string, string> = { ...cors };
  response.headers.forEach((v, k) => (out[k] = v));
  const payload = Buffer.from(await response.arrayBuffer());
  out['content-length'] = String(payload.length);
  res.writeHead(response.status, out);
  res.end(payload);
}

/** Serve `emulator` over HTTP; resolves once listening. */
export function serveEmulator(emulator: CrossbarEmulator, options: ServeOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    serve(emulator, req, res, options.allowedOrigins).catch((e) => {
      console.error('crossbar emulator:', e);
      if (!res.headersSent) res.writeHead(500, corsHeaders(req));
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      if (!LOOPBACK_HOSTS.has(host.toLowerCase())) {
        console.warn(
          `crossbar emulator: listening on ${host}:${port}, reachable from other machines; it has no real security (demo passwords, any token it issued works)`,
        );
      }
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}

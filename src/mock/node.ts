// Node transport: a real HTTP server (with CORS) in front of the emulator's `handle()`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrossbarEmulator } from './types.js';

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningEmulator {
  /** Base URL without `/v2`, e.g. `http://127.0.0.1:8000`. */
  url: string;
  close(): Promise<void>;
}

const ALLOWED_HEADERS = 'X-Auth-Token, Content-Type, If-Match, Accept, Authorization';

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

async function serve(emulator: CrossbarEmulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    serve(emulator, req, res).catch((e) => {
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

// The Crossbar emulator served over real HTTP (node:http), as `npm run mock-server` runs it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createCrossbarEmulator, type CrossbarEmulator } from '../src/mock/index.js';
import { md5 } from '../src/mock/md5.js';
import { serveEmulator, type RunningEmulator } from '../src/mock/node.js';

describe('crossbar emulator over HTTP', () => {
  let em: CrossbarEmulator;
  let server: RunningEmulator;
  let token = '';

  before(async () => {
    em = createCrossbarEmulator({ seed: { accounts: 150, depth: 2 } });
    server = await serveEmulator(em, { port: 0 });
  });
  after(() => server.close());

  it('listens on a free port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(server.url, 'http://127.0.0.1:0');
  });

  it('logs in with fetch', async () => {
    const { username, password, accountName } = em.login;
    const res = await fetch(`${server.url}/v2/user_auth`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: { credentials: md5(`${username}:${password}`), account_name: accountName, method: 'md5' },
      }),
    });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = await res.json();
    assert.equal(body.status, 'success');
    assert.equal(body.data.account_id, em.rootAccountId);
    token = body.auth_token;
    assert.ok(token);
  });

  it('lists children, sorted by name across pages', async () => {
    const names: string[] = [];
    let key: unknown;
    let pages = 0;
    do {
      // Crossbar's keys are opaque strings: sent back as they came.
      const q = key === undefined ? '' : `&start_key=${encodeURIComponent(String(key))}`;
      const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}/children?page_size=20${q}`, {
        headers: { 'X-Auth-Token': token },
      });
      assert.equal(res.status, 200);
      const body = await res.json();
      names.push(...body.data.map((d: { name: string }) => d.name.toLowerCase()));
      key = body.next_start_key;
      pages++;
      assert.ok(pages < 1000, 'paging never ends');
    } while (key !== undefined);
    assert.ok(names.length > 20, `expected several pages, got ${names.length} children`);
    assert.equal(pages, Math.ceil(names.length / 20));
    // CouchDB collates with ICU: compare with the platform's ICU collation.
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('answers CORS preflights and adds CORS headers to replies', async () => {
    const pre = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'x-auth-token, content-type, if-match',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['x-auth-token', 'content-type', 'if-match']) assert.ok(allowed.includes(h), `${h} allowed`);
    const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, {
      headers: { Origin: 'http://127.0.0.1:6006', 'X-Auth-Token': token },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:6006');
  });

  it('lets only loopback origins call it by default (http(s)://localhost, 127.0.0.1, [::1], any port)', async () => {
    const url = `${server.url}/v2/accounts/${em.rootAccountId}`;
    for (const origin of ['http://localhost', 'https://localhost:8443', 'http://127.0.0.1:5173', 'http://[::1]:6006']) {
      const res = await fetch(url, { headers: { Origin: origin, 'X-Auth-Token': token } });
      assert.equal(res.status, 200, origin);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
    }
    for (const origin of [
      'http://portal.example',
      'http://localhost.portal.example',
      'http://127.0.0.1.portal.example:80',
      'null',
    ]) {
      for (const method of ['OPTIONS', 'GET']) {
        const res = await fetch(url, {
          method,
          headers: { Origin: origin, 'X-Auth-Token': token, 'Access-Control-Request-Method': 'GET' },
        });
        assert.equal(res.status, 403, `${method} from ${origin}`);
        assert.equal(res.headers.get('access-control-allow-origin'), null, `${method} from ${origin}`);
        await res.arrayBuffer();
      }
    }
    // Without an Origin (curl, Node, another server) nothing changes.
    assert.equal((await fetch(url, { headers: { 'X-Auth-Token': token } })).status, 200);
  });

  it('destroys the socket for a network fault, and keeps serving', async () => {
    em.faults.add({ path: '/accounts/*', network: true, times: 1 });
    await assert.rejects(
      fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, { headers: { 'X-Auth-Token': token } }),
      (e: unknown) => e instanceof TypeError,
    );
    const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, { headers: { 'X-Auth-Token': token } });
    assert.equal(res.status, 200);
  });

  it('lets a client abort a request that never answers', async () => {
    em.faults.add({ path: '/accounts/*', timeout: true, times: 1 });
    await assert.rejects(
      fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, {
        headers: { 'X-Auth-Token': token },
        signal: AbortSignal.timeout(150),
      }),
      (e: unknown) => e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'),
    );
    const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, { headers: { 'X-Auth-Token': token } });
    assert.equal(res.status, 200);
  });

  it('writes through HTTP with If-Match conflicts', async () => {
    const url = `${server.url}/v2/accounts/${em.rootAccountId}`;
    const cur = await (await fetch(url, { headers: { 'X-Auth-Token': token } })).json();
    const stale = await fetch(url, {
      method: 'PATCH',
      headers: {
        'X-Auth-Token': token,
        'Content-Type': 'application/json',
        'If-Match': '1-00000000000000000000000000000000',
      },
      body: JSON.stringify({ data: { org: 'Acme Telecom Inc.' } }),
    });
    assert.equal(stale.status, 409);
    const ok = await fetch(url, {
      method: 'PATCH',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', 'If-Match': cur.revision },
      body: JSON.stringify({ data: { org: 'Acme Telecom Inc.' } }),
    });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).data.org, 'Acme Telecom Inc.');
  });
});

describe('crossbar emulator over HTTP: who may reach it', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 5, depth: 1 } });
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v2/accounts/${em.rootAccountId}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH' },
    });

  it('widens the allowed origins with allowedOrigins, and to any with "*"', async () => {
    const listed = await serveEmulator(em, { allowedOrigins: ['https://portal.example:8443'] });
    try {
      assert.equal((await preflight(listed.url, 'https://portal.example:8443')).status, 204);
      assert.equal((await preflight(listed.url, 'http://localhost:3000')).status, 204);
      assert.equal((await preflight(listed.url, 'https://portal.example')).status, 403);
    } finally {
      await listed.close();
    }
    const any = await serveEmulator(em, { allowedOrigins: '*' });
    try {
      const res = await preflight(any.url, 'https://anywhere.example');
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://anywhere.example');
    } finally {
      await any.close();
    }
  });

  it('warns on the console when it listens beyond the loopback address, and not otherwise', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const local = await serveEmulator(em);
    await local.close();
    assert.equal(warn.mock.callCount(), 0);
    const wide = await serveEmulator(em, { host: '0.0.0.0' });
    try {
      assert.equal(warn.mock.callCount(), 1);
      assert.match(String(warn.mock.calls[0]!.arguments[0]), /0\.0\.0\.0:\d+.*other machines/);
    } finally {
      await wide.close();
    }
  });

  it('npm run mock-server takes --allow-origin', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/mock-server.ts',
        '--port',
        '0',
        '--accounts',
        '3',
        '--allow-origin',
        'http://portal.example',
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`mock-server exited with ${code}: ${out}`)));
      });
      assert.equal((await preflight(url, 'http://portal.example')).status, 204);
      assert.equal((await preflight(url, 'http://other.example')).status, 403);
      assert.match(out, /browser origins\s+localhost, 127\.0\.0\.1, \[::1\], http:\/\/portal\.example/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('crossbar emulator at scale', () => {
  it('seeds 100,000 accounts and serves a page of them', async () => {
    const t = performance.now();
    const big = createCrossbarEmulator({ seed: { accounts: 100_000, depth: 1 } });
    const ms = performance.now() - t;
    console.log(`crossbar emulator: seeded 100,000 accounts in ${ms.toFixed(0)} ms (Node ${process.version})`);
    const server = await serveEmulator(big);
    try {
      const token = big.issueToken();
      const res = await fetch(`${server.url}/v2/accounts/${big.rootAccountId}/children?page_size=1000`, {
        headers: { 'X-Auth-Token': token },
      });
      const body = await res.json();
      assert.equal(body.data.length, 1000);
      assert.ok(body.next_start_key);
    } finally {
      await server.close();
    }
  });
});

// The Crossbar emulator served over real HTTP (node:http), as `npm run mock-server` runs it.
import assert from 'node:assert/strict';
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
      const q = key === undefined ? '' : `&start_key=${encodeURIComponent(JSON.stringify(key))}`;
      const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}/children?page_size=20${q}`, {
        headers: { 'X-Auth-Token': token },
      });
      assert.equal(res.status, 200);
      const body = await res.json();
      names.push(...body.data.map((d: { name: string }) => d.name.toLowerCase()));
      key = body.next_start_key;
      pages++;
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
        Origin: 'http://portal.example',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'x-auth-token, content-type, if-match',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://portal.example');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['x-auth-token', 'content-type', 'if-match']) assert.ok(allowed.includes(h), `${h} allowed`);
    const res = await fetch(`${server.url}/v2/accounts/${em.rootAccountId}`, {
      headers: { Origin: 'http://portal.example', 'X-Auth-Token': token },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://portal.example');
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

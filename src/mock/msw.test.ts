import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createCrossbarEmulator } from './index.js';
import { mswHandlers } from './msw.js';
import { byNameThenId, credentials, startKeyParam } from './test-helpers.js';

const em = createCrossbarEmulator({ seed: { accounts: 120, depth: 1 } });
const baseUrl = 'http://crossbar-msw.test:8000';
const worker = setupWorker(...mswHandlers(em, { baseUrl }));

async function fetchJson(path: string, init: RequestInit = {}) {
  const res = await fetch(`${baseUrl}/v2${path}`, init);
  return { status: res.status, json: await res.json() };
}

describe('crossbar emulator over msw (service worker)', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => em.faults.clear());

  it('logs in and walks the children with real fetch', async () => {
    const login = await fetchJson('/user_auth', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: {
          credentials: credentials(em.login.username, em.login.password),
          account_name: em.login.accountName,
          method: 'md5',
        },
      }),
    });
    expect(login.status).to.equal(201);
    const token = login.json.auth_token as string;
    const seen: { id: string; name: string }[] = [];
    let key: unknown;
    do {
      const q = key === undefined ? '' : `&start_key=${encodeURIComponent(startKeyParam(key))}`;
      const page = await fetchJson(`/accounts/${em.rootAccountId}/children?page_size=50${q}`, {
        headers: { 'X-Auth-Token': token },
      });
      expect(page.status).to.equal(200);
      seen.push(...page.json.data);
      key = page.json.next_start_key;
    } while (key !== undefined);
    expect(seen).to.have.length(120);
    expect(seen.map((s) => s.id)).to.deep.equal([...seen].sort(byNameThenId).map((s) => s.id));
    const recorded = em.requests.filter((r) => r.path.endsWith('/children'));
    expect(recorded).to.have.length(3);
    expect(recorded.every((r) => r.status === 200)).to.equal(true);
  });

  it('answers 401 without a token', async () => {
    const r = await fetchJson(`/accounts/${em.rootAccountId}`);
    expect(r.status).to.equal(401);
    expect(r.json.error).to.equal('401');
  });

  it('turns a network fault into a failed fetch', async () => {
    em.faults.add({ path: '/accounts/*', network: true, times: 1 });
    const err = await fetch(`${baseUrl}/v2/accounts/${em.rootAccountId}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(TypeError);
    expect((await fetchJson(`/accounts/${em.rootAccountId}`)).status).to.equal(401);
  });

  it('lets a timed-out request be aborted by the caller', async () => {
    em.faults.add({ path: '/accounts/*', timeout: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await fetch(`${baseUrl}/v2/accounts/${em.rootAccountId}`, { signal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as DOMException).name).to.equal('AbortError');
  });

  it('serves malformed bodies and fault statuses', async () => {
    em.faults.add({ path: '/accounts/*', malformed: true, times: 1 });
    const res = await fetch(`${baseUrl}/v2/accounts/${em.rootAccountId}`);
    expect(res.status).to.equal(200);
    expect(
      await res.json().then(
        () => 'parsed',
        () => 'broken',
      ),
    ).to.equal('broken');
    em.faults.add({ path: '/accounts/*', status: 503, times: 1 });
    const r = await fetchJson(`/accounts/${em.rootAccountId}`);
    expect(r.status).to.equal(503);
    expect(r.json.status).to.equal('error');
  });
});

import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { AccountApiError, type AccountApi } from '../api/index.js';
import { createCrossbarEmulator, type CrossbarEmulator } from '../mock/index.js';
import { mswHandlers } from '../mock/msw.js';
import { decodeStartKey } from '../mock/start-key.js';
import { Validator } from '../mock/validate.js';
import { createKazooAdapter, type KazooAdapterOptions } from './index.js';
import { md5 } from './md5.js';

// Each emulator answers on its own host, so one worker serves them all.
let hostCount = 0;
const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

function setup(options: Parameters<typeof createCrossbarEmulator>[0] = {}) {
  const emulator = createCrossbarEmulator({ seed: { accounts: 20, depth: 2, seed: 11 }, ...options });
  const baseUrl = `http://kazoo${++hostCount}.adapter.test:8000`;
  worker.use(...mswHandlers(emulator, { baseUrl }));
  const make = (o: Partial<KazooAdapterOptions> = {}): AccountApi =>
    createKazooAdapter({ baseUrl, credentials: { ...emulator.login }, ...o });
  return { emulator, baseUrl, make };
}

async function kindOf(p: Promise<unknown>): Promise<AccountApiError> {
  try {
    await p;
  } catch (e) {
    expect(AccountApiError.is(e), `rejected with ${String(e)}`).to.equal(true);
    return e as AccountApiError;
  }
  throw new Error('expected a rejection');
}

const writes = (em: CrossbarEmulator) => em.requests.filter((r) => r.method !== 'GET');

describe('md5', () => {
  it('matches known digests (user_auth credentials)', () => {
    expect(md5('')).to.equal('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('The quick brown fox jumps over the lazy dog')).to.equal('9e107d9d372bb6826bd81d3542a419d6');
    expect(md5('admin:password')).to.equal('73eff6386ce2091b5ca702fc007e1da9');
  });
});

describe('createKazooAdapter: options', () => {
  it('rejects a base URL that is not http(s) with a clear message', () => {
    expect(() => createKazooAdapter({ baseUrl: 'kazoo.example.com' })).to.throw(/baseUrl/);
  });
  it('accepts a base URL with or without /v2', () => {
    expect(createKazooAdapter({ baseUrl: 'https://k.example.com:8443/', token: 't' }).baseUrl).to.equal(
      'https://k.example.com:8443/v2',
    );
    expect(createKazooAdapter({ baseUrl: 'https://k.example.com/v2', token: 't' }).baseUrl).to.equal(
      'https://k.example.com/v2',
    );
  });
});

describe('createKazooAdapter: the four ways to authenticate', () => {
  it('logs in with username and password through user_auth (md5 of lowercased username:password)', async () => {
    const { emulator, make } = setup();
    const session = await make({
      credentials: { ...emulator.login, username: emulator.login.username.toUpperCase() },
    }).getSession();
    expect(session.accountId).to.equal(emulator.rootAccountId);
    expect(session.accountName).to.equal(emulator.login.accountName);
    expect(session.isReseller).to.equal(true);
    const login = emulator.requests.find((r) => r.path === '/v2/user_auth')!;
    const data = (login.body as { data: Record<string, string> }).data;
    expect(data.credentials).to.equal(md5(`${emulator.login.username.toLowerCase()}:${emulator.login.password}`));
    expect(data.method).to.equal('md5');
    expect(data.account_name).to.equal(emulator.login.accountName);
  });
  it('reports wrong credentials as kind "auth"', async () => {
    const { emulator, make } = setup();
    const e = await kindOf(make({ credentials: { ...emulator.login, password: 'wrong' } }).getSession());
    expect(e.kind).to.equal('auth');
    expect(e.status).to.equal(401);
  });
  it('uses a fixed token and reads the session from token_auth', async () => {
    const { emulator, make } = setup();
    const session = await make({ credentials: undefined, token: emulator.issueToken() }).getSession();
    expect(session.accountId).to.equal(emulator.rootAccountId);
    expect(emulator.requests.some((r) => r.path === '/v2/token_auth')).to.equal(true);
  });
  it('logs in with an API key through api_auth', async () => {
    const { emulator, make } = setup();
    const session = await make({ credentials: undefined, apiKey: emulator.apiKey }).getSession();
    expect(session.accountId).to.equal(emulator.rootAccountId);
    expect(emulator.requests.some((r) => r.path === '/v2/api_auth' && r.method === 'PUT')).to.equal(true);
  });
  it('calls getToken again once after a 401, then succeeds', async () => {
    const { emulator, make } = setup();
    const stale = emulator.issueToken();
    emulator.expireTokens();
    const tokens = [stale, emulator.issueToken()];
    let calls = 0;
    const api = make({ credentials: undefined, getToken: () => tokens[calls++]! });
    const account = await api.getAccount(emulator.rootAccountId);
    expect(account.id).to.equal(emulator.rootAccountId);
    expect(calls).to.equal(2);
  });
  it('asks getToken() on every request and says when the token changed (another user may be signed in)', async () => {
    const { emulator, make } = setup();
    let current = emulator.issueToken(emulator.rootAccountId);
    const api = make({ credentials: undefined, getToken: () => current });
    let heard = 0;
    api.onIdentityChange!(() => heard++);
    expect((await api.getSession()).accountId).to.equal(emulator.rootAccountId);
    expect(heard).to.equal(0);
    current = emulator.issueToken(emulator.foreignAccountId);
    expect((await api.getSession()).accountId).to.equal(emulator.foreignAccountId);
    expect(heard).to.equal(1);
    const sent = emulator.requests.filter((r) => r.path === '/v2/token_auth');
    expect(sent.length).to.be.greaterThan(0);
  });
  it('logs out: revokes the token on the server, then holds no token, password or API key', async () => {
    const { emulator, make } = setup();
    const api = make();
    await api.getSession();
    const token = emulator.snapshot().tokens.at(-1)!.token;
    let heard = 0;
    api.onIdentityChange!(() => heard++);
    emulator.clearRequests();
    await api.logout!();
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['DELETE /v2/token_auth']);
    expect(emulator.snapshot().tokens.some((t) => t.token === token)).to.equal(false);
    expect(heard).to.equal(1);
    emulator.clearRequests();
    expect((await kindOf(api.getAccount(emulator.rootAccountId))).kind).to.equal('auth');
    // No login with the forgotten password, and nothing sent with the revoked token.
    expect(emulator.requests).to.deep.equal([]);
  });
  it('gives up with kind "auth" when the refreshed token is refused too', async () => {
    const { emulator, make } = setup();
    let calls = 0;
    const api = make({ credentials: undefined, getToken: () => `bad-${calls++}` });
    const e = await kindOf(api.getAccount(emulator.rootAccountId));
    expect(e.kind).to.equal('auth');
    expect(calls).to.equal(2);
  });
  it('logs in again by itself when its token expires', async () => {
    const { emulator, make } = setup();
    const api = make();
    await api.getSession();
    emulator.expireTokens();
    const account = await api.getAccount(emulator.rootAccountId);
    expect(account.id).to.equal(emulator.rootAccountId);
    expect(emulator.requests.filter((r) => r.path === '/v2/user_auth')).to.have.length(2);
  });
  it('shares one login between concurrent first requests', async () => {
    const { emulator, make } = setup();
    const api = make();
    await Promise.all([
      api.getAccount(emulator.rootAccountId),
      api.listChildren(emulator.rootAccountId),
      api.getLimits(emulator.rootAccountId),
    ]);
    expect(emulator.requests.filter((r) => r.path === '/v2/user_auth')).to.have.length(1);
  });
});

describe('createKazooAdapter: 402 charges', () => {
  it('asks onChargesRequired with the charges and replays with accept_charges when accepted', async () => {
    const { emulator, make } = setup();
    const child = (await make().listChildren(emulator.rootAccountId)).items[0]!;
    const seen: unknown[] = [];
    const api = make({ onChargesRequired: (charges) => (seen.push(charges), true) });
    const before = await api.getLimits(child.id);
    const after = await api.updateLimits(child.id, { twowayTrunks: (before.twowayTrunks ?? 0) + 3 });
    expect(after.twowayTrunks).to.equal((before.twowayTrunks ?? 0) + 3);
    expect(seen).to.have.length(1);
    expect((seen[0] as { items: unknown[] }).items.length).to.be.greaterThan(0);
    const posts = emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/limits'));
    expect(posts.map((p) => p.status)).to.deep.equal([402, 200]);
    expect((posts[1]!.body as { accept_charges?: boolean }).accept_charges).to.equal(true);
  });
  it('rejects with "charges-required" and changes nothing when declined', async () => {
    const { emulator, make } = setup();
    const child = (await make().listChildren(emulator.rootAccountId)).items[0]!;
    const api = make({ onChargesRequired: () => false });
    const before = await api.getLimits(child.id);
    const e = await kindOf(api.updateLimits(child.id, { twowayTrunks: (before.twowayTrunks ?? 0) + 5 }));
    expect(e.kind).to.equal('charges-required');
    expect((e.details as { items: unknown[] }).items.length).to.be.greaterThan(0);
    expect((await api.getLimits(child.id)).twowayTrunks).to.equal(before.twowayTrunks);
  });
  it('rejects with "charges-required" when no handler is given', async () => {
    const { emulator, make } = setup();
    const api = make();
    const child = (await api.listChildren(emulator.rootAccountId)).items[0]!;
    const before = await api.getLimits(child.id);
    expect(
      (await kindOf(api.updateLimits(child.id, { inboundTrunks: (before.inboundTrunks ?? 0) + 1 }))).kind,
    ).to.equal('charges-required');
  });
});

describe('createKazooAdapter: error kinds from real reply shapes', () => {
  it('400: validation with the per-field map, in domain field names', async () => {
    const { emulator, make } = setup();
    const e = await kindOf(
      make().createAccount(emulator.rootAccountId, { name: 'Bad Realm Inc', realm: 'no spaces allowed' }),
    );
    expect(e.kind).to.equal('validation');
    expect(e.fieldErrors?.realm?.length).to.be.greaterThan(0);
  });
  it("403: the server's reason (data.cause) reaches the message", async () => {
    const { emulator, make } = setup();
    emulator.faults.add({
      path: '/accounts/*',
      status: 403,
      body: {
        status: 'error',
        error: '403',
        message: 'forbidden',
        data: { cause: 'Moving accounts across resellers is not allowed', message: 'forbidden' },
      },
      times: 1,
    });
    const e = await kindOf(make().getAccount(emulator.rootAccountId));
    expect(e.kind).to.equal('forbidden');
    expect(e.message).to.contain('across resellers');
  });
  it('403: forbidden outside the caller tree', async () => {
    const { emulator, make } = setup();
    expect((await kindOf(make().getAccount(emulator.foreignAccountId))).kind).to.equal('forbidden');
  });
  it('404: not-found', async () => {
    const { make } = setup();
    expect((await kindOf(make().getAccount('ffffffffffffffffffffffffffffffff'))).kind).to.equal('not-found');
  });
  it('409: conflict, with the current account attached', async () => {
    const { emulator, make } = setup();
    const api = make();
    emulator.faults.add({ method: 'PATCH', path: '/accounts/*', status: 409, times: 1 });
    const e = await kindOf(api.updateAccount(emulator.rootAccountId, { timezone: 'Europe/Berlin' }));
    expect(e.kind).to.equal('conflict');
    expect((e.details as { current: { id: string } }).current.id).to.equal(emulator.rootAccountId);
  });
  it('409: a stale expectedRevision is detected before anything is written', async () => {
    const { emulator, make } = setup();
    const api = make();
    const child = (await api.listChildren(emulator.rootAccountId)).items[0]!;
    const a = await api.getAccount(child.id);
    await api.updateAccount(a.id, { timezone: 'Asia/Tokyo' });
    emulator.clearRequests();
    const e = await kindOf(api.updateAccount(a.id, { name: 'Mine' }, { expectedRevision: a.revision }));
    expect(e.kind).to.equal('conflict');
    expect(writes(emulator)).to.have.length(0);
  });
  it('409: limits on a stale expectedRevision are refused before the POST, with the current limits', async () => {
    const { emulator, make } = setup();
    const api = make({ onChargesRequired: () => true });
    const child = (await api.listChildren(emulator.rootAccountId)).items[0]!;
    const before = await api.getLimits(child.id);
    const theirs = await api.updateLimits(child.id, { outboundTrunks: (before.outboundTrunks ?? 0) + 1 });
    emulator.clearRequests();
    const e = await kindOf(api.updateLimits(child.id, { inboundTrunks: 7 }, { expectedRevision: before.revision }));
    expect(e.kind).to.equal('conflict');
    expect((e.details as { current: { outboundTrunks: number; revision: string } }).current).to.include({
      outboundTrunks: theirs.outboundTrunks,
      revision: theirs.revision,
    });
    expect(writes(emulator)).to.have.length(0);
    const mine = await api.updateLimits(child.id, { inboundTrunks: 7 }, { expectedRevision: theirs.revision });
    expect([mine.inboundTrunks, mine.outboundTrunks]).to.deep.equal([7, theirs.outboundTrunks]);
  });
  it('416 and other 5xx: server, retryable', async () => {
    const { emulator, make } = setup();
    const api = make();
    emulator.faults.add({ path: '/accounts/*/children', status: 416, times: 1 });
    const range = await kindOf(api.listChildren(emulator.rootAccountId));
    expect([range.kind, range.status]).to.deep.equal(['server', 416]);
    emulator.faults.add({ path: '/accounts/*/children', status: 503, times: 1 });
    const down = await kindOf(api.listChildren(emulator.rootAccountId));
    expect([down.kind, down.status, down.retryable]).to.deep.equal(['server', 503, true]);
  });
  it('429: rate-limited, retryable', async () => {
    const { emulator, make } = setup();
    emulator.faults.add({ path: '/accounts/*', status: 429, times: 1 });
    const e = await kindOf(make().getAccount(emulator.rootAccountId));
    expect([e.kind, e.retryable]).to.deep.equal(['rate-limited', true]);
  });
  it('500 account_has_descendants: has-descendants', async () => {
    const { emulator, make } = setup();
    const api = make();
    const parent = await api.createAccount(emulator.rootAccountId, { name: 'Parent With Kids' });
    await api.createAccount(parent.id, { name: 'The Kid' });
    expect((await kindOf(api.deleteAccount(parent.id))).kind).to.equal('has-descendants');
  });
  it('network failure: network, retryable', async () => {
    const { emulator, make } = setup();
    emulator.faults.add({ path: '/accounts/*', network: true, times: 1 });
    const e = await kindOf(make().getAccount(emulator.rootAccountId));
    expect([e.kind, e.retryable]).to.deep.equal(['network', true]);
  });
  it('no answer in time: timeout', async () => {
    const { emulator, make } = setup();
    const api = make({ timeoutMs: 300 });
    await api.getSession();
    emulator.faults.add({ path: '/accounts/*/limits', timeout: true, times: 1 });
    expect((await kindOf(api.getLimits(emulator.rootAccountId))).kind).to.equal('timeout');
  });
  it('a body that is not JSON: invalid-response', async () => {
    const { emulator, make } = setup();
    emulator.faults.add({ path: '/accounts/*', malformed: true, times: 1 });
    expect((await kindOf(make().getAccount(emulator.rootAccountId))).kind).to.equal('invalid-response');
  });
  it('a body that is not what the schema says: invalid-response naming the field', async () => {
    const { emulator, make } = setup();
    emulator.faults.add({
      path: '/accounts/*',
      status: 200,
      body: { status: 'success', data: { id: 'x', name: 42 } },
      times: 1,
    });
    const e = await kindOf(make().getAccount(emulator.rootAccountId));
    expect(e.kind).to.equal('invalid-response');
    expect(e.message).to.contain('name');
  });
  it('an aborted signal: aborted', async () => {
    const { emulator, make } = setup();
    const ctl = new AbortController();
    const p = make().getAccount(emulator.rootAccountId, { signal: ctl.signal });
    ctl.abort();
    expect((await kindOf(p)).kind).to.equal('aborted');
  });
});

describe('createKazooAdapter: wire details', () => {
  it('pages through next_start_key past one page, sorted by name across pages', async () => {
    const { emulator, make } = setup({ seed: { accounts: 130, depth: 1, seed: 2 } });
    const api = make();
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const p = await api.listChildren(emulator.rootAccountId, { cursor });
      names.push(...p.items.map((i) => i.name));
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(3);
    expect(names).to.have.length(130);
    const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(names.map((n) => n.toLowerCase())).to.deep.equal(sorted.map((n) => n.toLowerCase()));
  });
  it('reads account flags from the Kazoo 5 metadata block and from data on older servers', async () => {
    for (const kazooVersion of ['5', '4'] as const) {
      const { emulator, make } = setup({ kazooVersion });
      const api = make();
      const a = await api.getAccount(emulator.rootAccountId);
      expect(a.isReseller, `v${kazooVersion}`).to.equal(true);
      expect(a.enabled, `v${kazooVersion}`).to.equal(true);
      const child = (await api.listChildren(emulator.rootAccountId)).items[0]!;
      await api.updateAccount(child.id, { name: 'Renamed Co' });
      const patch = emulator.requests.find((r) => r.method === 'PATCH')!;
      const body = (patch.body as { data: Record<string, unknown> }).data;
      for (const k of [
        'is_reseller',
        'reseller_id',
        'superduper_admin',
        'billing_mode',
        'created',
        'wnm_allow_additions',
        'id',
      ]) {
        expect(body, `v${kazooVersion} sends ${k}`).not.to.have.property(k);
      }
    }
  });
  it('reads call classes in both classifier shapes', async () => {
    const names: string[][] = [];
    for (const classifierShape of ['object', 'array'] as const) {
      const { emulator, make } = setup({ classifierShape });
      const classes = await make().listCallClasses(emulator.rootAccountId);
      expect(classes.every((c) => c.friendlyName.length > 0)).to.equal(true);
      names.push(classes.map((c) => c.name).sort());
    }
    expect(names[0]).to.deep.equal(names[1]);
    expect(names[0]).to.include('international');
  });
  it('reads the carrier strategy without writing anything', async () => {
    const { emulator, make } = setup();
    const api = make();
    const kids = (await api.listChildren(emulator.rootAccountId, { pageSize: 20 })).items;
    emulator.clearRequests();
    const settings = await Promise.all(kids.map((k) => api.getCarrierStrategy(k.id)));
    expect(writes(emulator)).to.have.length(0);
    expect(settings.some((s) => s.source === 'default')).to.equal(true);
  });
  it("counts the account's own carriers across pages, and saves the no_match callflow once (PUT, then POST)", async () => {
    const { emulator, make } = setup({ maxPageSize: 1 });
    const api = make();
    const owner = emulator.accounts().find((a) => a.ownCarriers >= 2)!;
    await api.getSession();
    emulator.clearRequests();
    const read = await api.getCarrierStrategy(owner.id);
    expect(read.ownCarriers).to.equal(owner.ownCarriers);
    const pages = emulator.requests.filter((r) => r.path === `/v2/accounts/${owner.id}/resources`);
    expect(pages).to.have.length(owner.ownCarriers);
    expect(writes(emulator)).to.have.length(0);

    const fresh = await api.createAccount(emulator.rootAccountId, { name: 'Carrier Saver' });
    expect(await api.getCarrierStrategy(fresh.id)).to.deep.equal({
      strategy: 'system',
      source: 'default',
      ownCarriers: 0,
    });
    emulator.clearRequests();
    const first = await api.setCarrierStrategy(fresh.id, 'reseller');
    expect(first).to.include({ strategy: 'reseller', source: 'saved', ownCarriers: 0 });
    expect(writes(emulator).map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      `PUT /v2/accounts/${fresh.id}/callflows`,
    ]);
    emulator.clearRequests();
    await api.setCarrierStrategy(fresh.id, 'account');
    const [post, ...more] = writes(emulator);
    expect(more).to.have.length(0);
    expect(post!.method).to.equal('POST');
    expect(post!.path).to.match(new RegExp(`^/v2/accounts/${fresh.id}/callflows/[0-9a-f]{32}$`));
    expect((await api.getCarrierStrategy(fresh.id)).strategy).to.equal('account');
  });
  it('sends PATCH for a partial update with null deleting a key', async () => {
    const { emulator, make } = setup();
    const api = make();
    const a = await api.createAccount(emulator.rootAccountId, { name: 'Patchy', notes: { announcement: '<p>hi</p>' } });
    await api.updateAccount(a.id, { notes: { announcement: null } });
    const patch = emulator.requests.find((r) => r.method === 'PATCH')!;
    expect((patch.body as { data: Record<string, unknown> }).data).to.deep.equal({ announcement: null });
    expect((await api.getAccount(a.id)).notes.announcement).to.equal(undefined);
  });
  it('writes restrictions in the myaccount layout from domain paths and reads the older flat one', async () => {
    const { emulator, baseUrl, make } = setup();
    const api = make();
    const a = await api.createAccount(emulator.rootAccountId, { name: 'Restricted Co' });
    // A document written by an older Monster UI: the flat layout, transactions hidden.
    const token = emulator.issueToken();
    const legacy = await fetch(`${baseUrl}/v2/accounts/${a.id}`, {
      method: 'PATCH',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { ui_restrictions: { transactions: { show_tab: false } } } }),
    });
    expect(legacy.status).to.equal(200);
    expect((await api.getAccount(a.id)).uiRestrictions['billing.transactions']).to.equal(false);
    emulator.clearRequests();
    const updated = await api.updateAccount(a.id, {
      uiRestrictions: { 'billing.creditCard': false, 'billing.balance': true, 'billing.balance.credit': false },
    });
    expect(updated.uiRestrictions).to.deep.include({
      'billing.creditCard': false,
      'billing.balance.credit': false,
      'billing.transactions': false,
    });
    const sent = (
      emulator.requests.find((r) => r.method === 'PATCH')!.body as {
        data: { ui_restrictions: Record<string, unknown> & { myaccount: unknown } };
      }
    ).data;
    // The legacy flat key is carried into the current layout, then removed.
    expect(sent.ui_restrictions.myaccount).to.deep.equal({
      billing: { show_tab: false },
      balance: { show_tab: true, show_credit: false },
      transactions: { show_tab: false },
    });
    expect(sent.ui_restrictions.transactions).to.equal(null);
  });
  it("lists the session's own apps, all enabled, where its blacklist belongs to the account above", async () => {
    const { emulator, make } = setup();
    for (const api of [make(), make({ credentials: undefined, token: emulator.issueToken() })]) {
      const apps = await api.listApps(emulator.rootAccountId);
      expect(apps.length).to.be.greaterThan(0);
      expect(apps.every((a) => a.enabled)).to.equal(true);
    }
  });
  it('keeps hostile text from other tenants as plain data', async () => {
    const { emulator, make } = setup();
    const api = make();
    const name = '<img src=x onerror=alert(1)> Café & Söhne';
    const a = await api.createAccount(emulator.rootAccountId, { name });
    expect((await api.getAccount(a.id)).name).to.equal(name);
  });
});

describe('createKazooAdapter: what Crossbar scopes, pages and omits', () => {
  /** A sub-account with matches inside it and beside it: 1 and 3 inside (3 a level deeper), 2 outside. */
  async function scoped(api: AccountApi, rootId: string) {
    const scope = await api.createAccount(rootId, { name: 'Scope Root' });
    const inner = await api.createAccount(scope.id, { name: 'Inner Co' });
    const one = await api.createAccount(scope.id, { name: 'Quokka 1 inside' });
    const two = await api.createAccount(rootId, { name: 'Quokka 2 outside' });
    const three = await api.createAccount(inner.id, { name: 'Quokka 3 inside' });
    return { scope, one, two, three };
  }

  it('keeps searchAccounts inside rootId, though Crossbar searches the whole token subtree (cb_search:get_start_key)', async () => {
    const { emulator, make } = setup();
    const api = make();
    const { scope, one, three } = await scoped(api, emulator.rootAccountId);
    emulator.clearRequests();
    const pages: { ids: string[]; next?: string }[] = [];
    let cursor: string | undefined;
    do {
      const p = await api.searchAccounts('Quokka', { rootId: scope.id, cursor, pageSize: 1 });
      pages.push({ ids: p.items.map((i) => i.id), next: p.nextCursor });
      cursor = p.nextCursor;
    } while (cursor);
    // The outside match makes a short (empty) page that still leads on.
    expect(pages.map((p) => p.ids)).to.deep.equal([[one.id], [], [three.id]]);
    expect(pages[1]!.next).to.be.a('string');
    // Crossbar's search rows carry no tree: each one's /tree told where it lies.
    expect(emulator.requests.filter((r) => r.path.endsWith('/tree')).length).to.equal(3);
    const found = await api.searchAccounts('Quokka', { rootId: scope.id });
    expect(found.items.map((i) => i.tree?.includes(scope.id))).to.deep.equal([true, true]);
    emulator.clearRequests();
    const all = await api.searchAccounts('Quokka', { rootId: emulator.rootAccountId });
    expect(all.items).to.have.length(3);
    expect(emulator.requests.filter((r) => r.path.endsWith('/tree'))).to.deep.equal([]);
    // With a host's token the session's account comes from token_auth, once.
    const byToken = make({ credentials: undefined, token: emulator.issueToken() });
    emulator.clearRequests();
    expect((await byToken.searchAccounts('Quokka', { rootId: scope.id })).items).to.have.length(2);
    await byToken.searchAccounts('Quokka', { rootId: scope.id });
    expect(emulator.requests.filter((r) => r.path === '/v2/token_auth')).to.have.length(1);
  });

  it('filters rows that carry their tree on it, without reading more, and keeps the cursor', async () => {
    const { emulator, make } = setup();
    const api = make();
    const { scope } = await scoped(api, emulator.rootAccountId);
    const row = (id: string, tree: string[]) => ({ id, name: `Row ${id.slice(0, 4)}`, realm: 'r.example', tree });
    const inside = row('a'.repeat(32), [emulator.masterAccountId, emulator.rootAccountId, scope.id]);
    const outside = row('b'.repeat(32), [emulator.masterAccountId, emulator.rootAccountId]);
    emulator.faults.add({
      path: '/accounts/*/search',
      method: 'GET',
      status: 200,
      times: 1,
      body: { status: 'success', data: [inside, outside], page_size: 2, next_start_key: 'g2wAAAABbQAAAAF6ag' },
    });
    emulator.clearRequests();
    const p = await api.searchAccounts('Row', { rootId: scope.id, pageSize: 2 });
    expect(p.items.map((i) => i.id)).to.deep.equal([inside.id]);
    // The tree the row carried is cut at the session's account: the master above it is not passed on.
    expect(p.items[0]!.tree).to.deep.equal([emulator.rootAccountId, scope.id]);
    expect(emulator.requests.filter((r) => r.path.endsWith('/tree'))).to.deep.equal([]);
    await api.searchAccounts('Row', { rootId: scope.id, pageSize: 2, cursor: p.nextCursor });
    const again = emulator.requests.filter((r) => r.path.endsWith('/search')).at(-1)!;
    expect(again.query.start_key).to.equal('g2wAAAABbQAAAAF6ag');
  });

  it("never gives an account above the session's, whatever path the server lists (getAncestors)", async () => {
    const { emulator, make } = setup();
    const deep = emulator.accounts().find((a) => a.depth === 2)!;
    const named = (ids: string[]) => ids.map((id) => ({ id, name: emulator.account(id)!.name }));
    // A server that lists the whole path, the master first (as Crossbar's /parents does for one's own account).
    const leaky = (ids: string[]) => ({ status: 'success', data: named(ids), page_size: ids.length });
    emulator.faults.add({ path: `/accounts/${deep.id}/tree`, method: 'GET', status: 200, body: leaky(deep.ancestors) });
    const root = emulator.rootAccountId;
    emulator.faults.add({
      path: `/accounts/${root}/tree`,
      method: 'GET',
      status: 200,
      body: leaky([emulator.masterAccountId]),
    });
    for (const api of [make(), make({ credentials: undefined, token: emulator.issueToken() })]) {
      const ancestors = await api.getAncestors(deep.id);
      expect(ancestors.map((a) => a.id)).to.deep.equal([root, deep.parentId]);
      expect(ancestors.map((a) => a.name)).not.to.include('Kazoo Platform');
      expect(await api.getAncestors(root), "the session's own account").to.deep.equal([]);
    }
  });

  it('pages with the opaque keys Crossbar sends and with raw view keys, sending each back as it came', async () => {
    for (const startKeys of ['opaque', 'raw'] as const) {
      const { emulator, make } = setup({ seed: { accounts: 45, depth: 1, seed: 2 }, startKeys });
      const api = make();
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await api.listChildren(emulator.rootAccountId, { cursor, pageSize: 20 });
        ids.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
      } while (cursor);
      expect(new Set(ids).size, startKeys).to.equal(45);
      const lists = emulator.requests.filter((r) => r.path.endsWith('/children'));
      expect(lists).to.have.length(3);
      const sent = lists[1]!.query.start_key!;
      if (startKeys === 'opaque') expect(sent, startKeys).to.match(/^[A-Za-z0-9_-]+$/);
      else expect(JSON.parse(sent), startKeys).to.be.an('array');
    }
  });

  it("lists children in Crossbar's words: ascending=true / descending=true, and start_key = [ParentId, Name] as api_util encodes it", async () => {
    const { emulator, make } = setup({ seed: { accounts: 30, depth: 1, seed: 6 } });
    const api = make();
    const root = emulator.rootAccountId;
    const lists = () => emulator.requests.filter((r) => r.path === `/v2/accounts/${root}/children`);
    const startName = 'Zürich Ωmega';

    await api.listChildren(root, { pageSize: 5 });
    // crossbar_view:direction/2 walks down unless told ascending=true; no start_key at the start of the view.
    expect(lists().at(-1)!.query).to.deep.equal({ ascending: 'true', page_size: '5' });

    const first = await api.listChildren(root, { direction: 'descending', startName, pageSize: 5 });
    const sent = lists().at(-1)!.query;
    expect(Object.keys(sent).sort()).to.deep.equal(['descending', 'page_size', 'start_key']);
    expect(sent.descending).to.equal('true'); // kz_term:is_true/1 takes the word "true" only
    // term_to_binary([<<ParentId>>, <<Name>>]) written out by hand: 131, LIST_EXT 2, BINARY_EXT len UTF-8 ×2,
    // NIL_EXT; in base64url without padding (kz_base64url:encode).
    const bytes = [131, 108, 0, 0, 0, 2];
    for (const part of [root, startName]) {
      const b = new TextEncoder().encode(part);
      bytes.push(109, 0, 0, (b.length >>> 8) & 255, b.length & 255, ...b);
    }
    bytes.push(106);
    const expected = btoa(String.fromCharCode(...bytes))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(sent.start_key).to.match(/^[A-Za-z0-9_-]+$/);
    expect(sent.start_key).to.equal(expected);
    // The key is the view's own [ParentId, Name]: an account id of Crossbar's form, and a name Kazoo's accounts
    // schema takes.
    const key = decodeStartKey(sent.start_key!)!.key as string[];
    expect(key).to.deep.equal([root, startName]);
    expect(key[0]).to.match(/^[0-9a-f]{32}$/);
    expect(new Validator().validate('accounts', { name: key[1] })).to.deep.equal({});

    // The cursor alone continues downwards, sending back the next_start_key as it came.
    const reply = await emulator.handle(
      new Request(`http://x.test/v2/accounts/${root}/children?descending=true&page_size=5&start_key=${expected}`, {
        headers: { 'X-Auth-Token': emulator.issueToken() },
      }),
    );
    const nextKey = (await reply.json()).next_start_key as string;
    expect(first.nextCursor).to.be.a('string');
    await api.listChildren(root, { cursor: first.nextCursor, pageSize: 5 });
    expect(lists().at(-1)!.query).to.deep.equal({ descending: 'true', page_size: '5', start_key: nextKey });
  });

  it('refuses a direction or startName of the wrong kind before sending anything', async () => {
    const { emulator, make } = setup();
    const api = make();
    await api.getSession();
    emulator.clearRequests();
    const bad = await kindOf(api.listChildren(emulator.rootAccountId, { direction: 'down' as 'descending' }));
    expect(bad.kind).to.equal('validation');
    expect(bad.fieldCodes).to.deep.equal({ direction: 'invalid' });
    const name = await kindOf(api.listChildren(emulator.rootAccountId, { startName: 7 as unknown as string }));
    expect(name.fieldCodes).to.deep.equal({ startName: 'invalid' });
    expect(emulator.requests).to.deep.equal([]);
  });

  it('never takes "undefined" for a revision, and reads none when Crossbar leaves it out', async () => {
    const { emulator, make } = setup();
    const api = make();
    const a = await api.createAccount(emulator.rootAccountId, { name: 'Revisionless Co' });
    expect(a.revision).to.match(/^1-/);
    const token = emulator.issueToken();
    const reply = async (path: string) =>
      (await emulator.handle(new Request(`http://x.test/v2${path}`, { headers: { 'X-Auth-Token': token } }))).json();
    for (const revision of ['undefined', undefined]) {
      const stored = (await api.getAccount(a.id)).revision;
      const doc = await reply(`/accounts/${a.id}`);
      const limits = await reply(`/accounts/${a.id}/limits`);
      doc.revision = revision;
      limits.revision = revision;
      emulator.faults.add({ path: `/accounts/${a.id}`, method: 'GET', status: 200, body: doc, times: 2 });
      emulator.faults.add({ path: `/accounts/${a.id}/limits`, method: 'GET', status: 200, body: limits, times: 1 });
      expect((await api.getAccount(a.id)).revision, String(revision)).to.equal(undefined);
      expect((await api.getLimits(a.id)).revision, String(revision)).to.equal(undefined);
      // A server without revisions cannot tell a stale edit: the save goes through, no conflict.
      const saved = await api.updateAccount(a.id, { timezone: 'Europe/Oslo' }, { expectedRevision: stored });
      expect(saved.timezone, String(revision)).to.equal('Europe/Oslo');
      expect(saved.revision, String(revision)).to.match(/^\d+-/);
      emulator.faults.clear();
    }
  });
});

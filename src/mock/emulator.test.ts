import { expect } from '@open-wc/testing';
import { createCrossbarEmulator } from './index.js';
import { decodeStartKey, encodeStartKey } from './start-key.js';
import {
  BASE,
  byNameThenId,
  call,
  credentials,
  login,
  startKeyParam,
  startsWithFolded,
  walk,
  type Loose,
} from './test-helpers.js';
import type { CrossbarEmulator } from './types.js';
import { Validator } from './validate.js';

const HEX32 = /^[0-9a-f]{32}$/;

async function createAccount(em: CrossbarEmulator, token: string, parent: string, data: Loose): Promise<Loose> {
  const r = await call(em, 'PUT', `/accounts/${parent}`, { token, body: { data } });
  expect(r.status, JSON.stringify(r.json)).to.equal(201);
  return r.json.data;
}

describe('crossbar emulator: authentication', () => {
  const em = createCrossbarEmulator();

  it('logs in with md5(lowercase(username):password) and the account name', async () => {
    const r = await call(em, 'PUT', '/user_auth', {
      body: {
        data: {
          credentials: credentials(em.login.username.toUpperCase(), em.login.password),
          account_name: 'acme telecom',
          method: 'md5',
        },
      },
    });
    expect(r.status).to.equal(201);
    expect(r.json.status).to.equal('success');
    expect(r.json.auth_token).to.be.a('string').and.not.empty;
    expect(r.json.request_id).to.match(HEX32);
    expect(r.json).to.include.keys('node', 'timestamp', 'version');
    expect(r.json.data).to.include({
      account_id: em.rootAccountId,
      is_reseller: true,
      reseller_id: em.masterAccountId,
    });
    expect(r.json.data.owner_id).to.match(HEX32);
    expect(r.json.data.apps).to.be.an('array').that.is.not.empty;
  });

  it('logs in by realm and as the superduper admin', async () => {
    const byRealm = await call(em, 'PUT', '/user_auth', {
      body: {
        data: { credentials: credentials(em.login.username, em.login.password), account_realm: 'sip.acme.example' },
      },
    });
    expect(byRealm.status).to.equal(201);
    const token = await login(em, em.superduperLogin);
    const info = await call(em, 'GET', '/token_auth', { token });
    expect(info.json.data.account_id).to.equal(em.masterAccountId);
    expect(info.json.data.reseller_id).to.equal('undefined');
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown account', async () => {
    for (const data of [
      { credentials: credentials(em.login.username, 'nope'), account_name: em.login.accountName },
      { credentials: credentials(em.login.username, em.login.password), account_name: 'No Such Account' },
    ]) {
      const r = await call(em, 'PUT', '/user_auth', { body: { data } });
      expect(r.status).to.equal(401);
      expect(r.json).to.include({ status: 'error', error: '401', message: 'invalid_credentials' });
      expect(r.json.data.message).to.equal('invalid credentials');
    }
  });

  it('validates the login body against user_auth.json', async () => {
    const r = await call(em, 'PUT', '/user_auth', { body: { data: { account_name: 'Acme Telecom' } } });
    expect(r.status).to.equal(400);
    expect(r.json.data.credentials.required.message).to.equal('Field is required but missing');
  });

  it('exchanges the API key, and refuses a bad one', async () => {
    const good = await call(em, 'PUT', '/api_auth', { body: { data: { api_key: em.apiKey } } });
    expect(good.status).to.equal(201);
    expect(good.json.data.account_id).to.equal(em.rootAccountId);
    const bad = await call(em, 'PUT', '/api_auth', { body: { data: { api_key: 'f'.repeat(64) } } });
    expect(bad.status).to.equal(401);
    const short = await call(em, 'PUT', '/api_auth', { body: { data: { api_key: 'abc' } } });
    expect(short.status).to.equal(400);
    expect(short.json.data.api_key.minLength.target).to.equal(64);
  });

  it('answers 423 when the account is disabled', async () => {
    const token = await login(em);
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Locked Out Dental', enabled: false });
    const u = await call(em, 'PUT', `/accounts/${acc.id}/users`, {
      token,
      body: { data: { first_name: 'Al', last_name: 'Locked', username: 'al@locked.example', password: 'pw-1' } },
    });
    expect(u.status).to.equal(201);
    const r = await call(em, 'PUT', '/user_auth', {
      body: { data: { credentials: credentials('al@locked.example', 'pw-1'), account_name: 'Locked Out Dental' } },
    });
    expect(r.status).to.equal(423);
    expect(r.json.error).to.equal('423');
  });

  it('requires a token everywhere else (header or auth_token query) and 401s bad ones', async () => {
    const path = `/accounts/${em.rootAccountId}`;
    expect((await call(em, 'GET', path)).status).to.equal(401);
    expect((await call(em, 'GET', path, { token: 'not-a-token' })).status).to.equal(401);
    const token = await login(em);
    expect((await call(em, 'GET', path, { token })).status).to.equal(200);
    expect((await call(em, 'GET', `${path}?auth_token=${token}`)).status).to.equal(200);
    const info = await call(em, 'GET', '/token_auth', { token });
    expect(info.json.data).to.include({ account_id: em.rootAccountId, account_name: 'Acme Telecom', id: token });
    expect((await call(em, 'DELETE', '/token_auth', { token })).status).to.equal(200);
    expect((await call(em, 'GET', path, { token })).status).to.equal(401);
    expect((await call(em, 'GET', '/token_auth', { token })).status).to.equal(401);
  });

  it('expires tokens on demand and after the idle time', async () => {
    let clock = 1_000_000;
    const timed = createCrossbarEmulator({ now: () => clock, tokenTtlMs: 1000 });
    const token = timed.issueToken();
    const path = `/accounts/${timed.rootAccountId}`;
    clock += 900;
    expect((await call(timed, 'GET', path, { token })).status).to.equal(200);
    clock += 900; // still alive: each use refreshes the idle timer
    expect((await call(timed, 'GET', path, { token })).status).to.equal(200);
    clock += 1001;
    expect((await call(timed, 'GET', path, { token })).status).to.equal(401);
    const other = timed.issueToken();
    timed.expireTokens();
    expect((await call(timed, 'GET', path, { token: other })).status).to.equal(401);
  });

  it('lets a token act on its own tree only (403 elsewhere), superduper everywhere', async () => {
    const acme = em.issueToken();
    const foreign = await call(em, 'GET', `/accounts/${em.foreignAccountId}`, { token: acme });
    expect(foreign.status).to.equal(403);
    expect(foreign.json.message).to.equal('forbidden');
    expect(foreign.json.data.cause).to.be.a('string').and.not.empty;
    expect((await call(em, 'GET', `/accounts/${em.foreignAccountId}/children`, { token: acme })).status).to.equal(403);
    const sd = em.issueToken(em.masterAccountId);
    expect((await call(em, 'GET', `/accounts/${em.foreignAccountId}`, { token: sd })).status).to.equal(200);
    const child = (await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=1`, { token: acme })).json
      .data[0];
    const childToken = em.issueToken(child.id);
    expect((await call(em, 'GET', `/accounts/${child.id}`, { token: childToken })).status).to.equal(200);
    expect((await call(em, 'GET', `/accounts/${em.rootAccountId}`, { token: childToken })).status).to.equal(403);
    expect((await call(em, 'GET', `/accounts/${'0'.repeat(32)}`, { token: acme })).json.data.cause).to.equal(
      '0'.repeat(32),
    );
  });
});

describe('crossbar emulator: account tree listings', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 500, depth: 1, seed: 7 } });
  const token = em.issueToken();

  it('returns children sorted by name across every page, without gaps or duplicates', async () => {
    const { items, pages } = await walk(em, token, `/accounts/${em.rootAccountId}/children`, 37);
    expect(items).to.have.length(500);
    expect(pages).to.equal(Math.ceil(500 / 37));
    expect(new Set(items.map((i) => i.id)).size).to.equal(500);
    const sorted = [...items].sort(byNameThenId);
    expect(items.map((i) => i.id)).to.deep.equal(sorted.map((i) => i.id));
    expect(Object.keys(items[0]).sort()).to.deep.equal(['descendants_count', 'id', 'name', 'realm']);
    const last = await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=500`, { token });
    expect(last.json.page_size).to.equal(500);
    expect(last.json).not.to.have.property('next_start_key');
  });

  it('keeps the order when a name changes between pages', async () => {
    const first = await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=10`, { token });
    const next = first.json.next_start_key;
    const renamed = first.json.data[3];
    await call(em, 'PATCH', `/accounts/${renamed.id}`, { token, body: { data: { name: 'zzzz Renamed Last' } } });
    const second = await call(
      em,
      'GET',
      `/accounts/${em.rootAccountId}/children?page_size=10&start_key=${encodeURIComponent(startKeyParam(next))}`,
      {
        token,
      },
    );
    const nextKey = decodeStartKey(next)!.key as string[];
    expect(second.json.data[0].id).to.equal(nextKey[nextKey.length - 1]);
    const all = await walk(em, token, `/accounts/${em.rootAccountId}/children`, 100);
    expect(all.items.map((i) => i.id)).to.deep.equal([...all.items].sort(byNameThenId).map((i) => i.id));
    const at = all.items.findIndex((i) => i.id === renamed.id);
    expect(all.items[at].name).to.equal('zzzz Renamed Last');
    expect(at).to.be.greaterThan(450);
  });

  it('caps page_size at maxPageSize and answers 416 for paginate=false beyond it', async () => {
    const small = createCrossbarEmulator({ seed: { accounts: 30, depth: 1 }, maxPageSize: 20 });
    const t = small.issueToken();
    const capped = await call(small, 'GET', `/accounts/${small.rootAccountId}/children?page_size=500`, { token: t });
    expect(capped.json.data).to.have.length(20);
    expect(capped.json.next_start_key).to.exist;
    const all = await call(small, 'GET', `/accounts/${small.rootAccountId}/children?paginate=false`, { token: t });
    expect(all.status).to.equal(416);
    expect(all.json.error).to.equal('416');
    const fine = await call(small, 'GET', `/accounts/${small.foreignAccountId}/descendants?paginate=false`, {
      token: small.issueToken(small.foreignAccountId),
    });
    expect(fine.status).to.equal(200);
    expect(fine.json.data).to.have.length(3);
    expect(fine.json).not.to.have.property('next_start_key');
    expect(
      (await call(small, 'GET', `/accounts/${small.rootAccountId}/children?page_size=0`, { token: t })).status,
    ).to.equal(400);
  });

  it('lists descendants with their tree, and ancestors from the caller down with /tree and /parents', async () => {
    const deep = createCrossbarEmulator({ seed: { accounts: 80, depth: 3 } });
    const t = deep.issueToken();
    const { items } = await walk(deep, t, `/accounts/${deep.rootAccountId}/descendants`, 25);
    expect(items).to.have.length(80);
    expect(items.map((i) => i.id)).to.deep.equal([...items].sort(byNameThenId).map((i) => i.id));
    // Each row's tree starts at the caller's account: the master above it is not shown.
    expect(items.every((i) => i.tree[0] === deep.rootAccountId)).to.equal(true);
    const nested = items.find((i) => i.tree.length === 3)!;
    expect(nested, 'a third-level account').to.exist;
    for (const which of ['tree', 'parents']) {
      const r = await call(deep, 'GET', `/accounts/${nested.id}/${which}`, { token: t });
      expect(r.json.data.map((a: Loose) => a.id)).to.deep.equal(nested.tree);
      expect(r.json.data[0]).to.deep.equal({ id: deep.rootAccountId, name: 'Acme Telecom' });
    }
    const parent = nested.tree[2];
    const root = await call(deep, 'GET', `/accounts/${deep.rootAccountId}/children?paginate=false`, { token: t });
    const counted = root.json.data.find((c: Loose) => c.id === nested.tree[1]);
    expect(counted.descendants_count).to.be.greaterThan(0);
    const sib = await call(deep, 'GET', `/accounts/${nested.id}/siblings`, { token: t });
    const kids = await call(deep, 'GET', `/accounts/${parent}/children?paginate=false`, { token: t });
    expect(sib.json.data.map((x: Loose) => x.id)).to.deep.equal(kids.json.data.map((x: Loose) => x.id));
  });
});

describe('crossbar emulator: sort direction and name start keys (crossbar_view:direction/2, start_end_keys/3)', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 240, depth: 2, seed: 9 } });
  const token = em.issueToken();
  const root = em.rootAccountId;
  const kids = `/accounts/${root}/children`;
  const ids = (items: Loose[]) => items.map((i: Loose) => i.id as string);
  /** Crossbar's own start key for a name: the view key [ParentId, Name] as api_util:encode_start_key writes it. */
  const at = (name: string, scope = root) => encodeURIComponent(encodeStartKey([scope, name]));
  /** A row near the middle whose name no other row shares and the next row's name does not extend. */
  const clean = (items: Loose[], from = Math.floor(items.length / 2)) => {
    const lower = (i: number) => String(items[i].name).toLowerCase();
    let i = from;
    while (lower(i - 1) === lower(i) || lower(i + 1).startsWith(lower(i))) i++;
    return i;
  };

  it('descending=true walks the children down: the last names first, reversed, every row once', async () => {
    const up = await walk(em, token, kids, 1000);
    const down = await walk(em, token, `${kids}?descending=true`, 7);
    expect(down.items.length).to.be.greaterThan(20);
    expect(ids(down.items)).to.deep.equal(ids(up.items).reverse());
    expect(down.pages).to.equal(Math.ceil(down.items.length / 7));
    const first = await call(em, 'GET', `${kids}?descending=true&page_size=3`, { token });
    expect(ids(first.json.data)).to.deep.equal(ids(up.items).reverse().slice(0, 3));
    // The next page starts at the row after the last one shown, in the walk's direction.
    const nextKey = decodeStartKey(first.json.next_start_key)!.key as string[];
    expect(nextKey).to.deep.equal([root, up.items.at(-4).name, up.items.at(-4).id]);
    // ascending=false is the same walk (kz_json:is_false(<<"ascending">>, QS, true)).
    const viaAscending = await call(em, 'GET', `${kids}?ascending=false&page_size=3`, { token });
    expect(viaAscending.json).to.deep.include({ next_start_key: first.json.next_start_key });
    expect(ids(viaAscending.json.data)).to.deep.equal(ids(first.json.data));
    const all = await call(em, 'GET', `${kids}?descending=true&paginate=false`, { token });
    expect(ids(all.json.data)).to.deep.equal(ids(up.items).reverse());
  });

  it('takes a [ParentId, Name] start_key: ascending from the first name at or after it, descending from the last at or before it', async () => {
    const up = (await walk(em, token, kids, 1000)).items;
    const mid = clean(up);
    const name: string = up[mid].name;
    const asc = await call(em, 'GET', `${kids}?ascending=true&page_size=5&start_key=${at(name)}`, { token });
    expect(asc.status).to.equal(200);
    expect(ids(asc.json.data)).to.deep.equal(ids(up.slice(mid, mid + 5)));
    const desc = await call(em, 'GET', `${kids}?descending=true&page_size=5&start_key=${at(name)}`, { token });
    expect(ids(desc.json.data)).to.deep.equal(ids(up.slice(mid - 4, mid + 1)).reverse());
    // A name that is no account's, between two rows.
    const between = `${name} `;
    const after = await call(em, 'GET', `${kids}?page_size=1&start_key=${at(between)}`, { token });
    expect(ids(after.json.data)).to.deep.equal([up[mid + 1].id]);
    const before = await call(em, 'GET', `${kids}?descending=true&page_size=1&start_key=${at(between)}`, { token });
    expect(ids(before.json.data)).to.deep.equal([up[mid].id]);
    // The raw view key (older servers' shape) reads the same.
    const raw = encodeURIComponent(JSON.stringify([root, name]));
    const viaRaw = await call(em, 'GET', `${kids}?descending=true&page_size=5&start_key=${raw}`, { token });
    expect(ids(viaRaw.json.data)).to.deep.equal(ids(desc.json.data));
    // Walking on from there with next_start_key: the two halves are the whole level, the start row in both.
    const rest = await walk(em, token, `${kids}?descending=true&start_key=${at(name)}`, 9);
    const tail = await walk(em, token, `${kids}?start_key=${at(name)}`, 9);
    expect([...ids(rest.items).reverse(), ...ids(tail.items).slice(1)]).to.deep.equal(ids(up));
  });

  it('gives every row of a shared name from [ParentId, Name], in both directions, and pages through them once', async () => {
    const twin = 'Twin Peaks Telecom';
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await createAccount(em, token, root, { name: twin })).id);
    const up = (await walk(em, token, kids, 1000)).items;
    const firstTwin = up.findIndex((i: Loose) => i.name === twin);
    const asc = await call(em, 'GET', `${kids}?page_size=4&start_key=${at(twin)}`, { token });
    expect(ids(asc.json.data).sort()).to.deep.equal([...made].sort());
    expect(ids(asc.json.data)).to.deep.equal(ids(up.slice(firstTwin, firstTwin + 4)));
    const desc = await call(em, 'GET', `${kids}?descending=true&page_size=4&start_key=${at(twin)}`, { token });
    expect(ids(desc.json.data)).to.deep.equal(ids(up.slice(firstTwin, firstTwin + 4)).reverse());
    const down = await walk(em, token, `${kids}?descending=true`, 1);
    expect(ids(down.items)).to.deep.equal(ids(up).reverse());
  });

  it('answers an empty page without next_start_key for a name past the end in the direction of the walk', async () => {
    for (const [query, name] of [
      ['ascending=true', '\uffef'],
      ['descending=true', ''],
    ]) {
      const r = await call(em, 'GET', `${kids}?${query}&page_size=10&start_key=${at(name!)}`, { token });
      expect(r.status, query).to.equal(200);
      expect(r.json.data, query).to.deep.equal([]);
      expect(r.json, query).not.to.have.property('next_start_key');
    }
  });

  it('takes other values of ascending / descending as Crossbar does: no error, and only true / false turn the walk', async () => {
    // kz_term:is_true/1 and is_false/1 know the words "true" and "false" only: descending=TRUE is not true,
    // and ascending=no is not false.
    const plain = await call(em, 'GET', `${kids}?page_size=4&ascending=true`, { token });
    for (const q of [
      'ascending=true&descending=yes',
      'ascending=true&descending=TRUE',
      'ascending=true&descending=1',
      'ascending=true&descending=false',
      'ascending=no',
      'ascending=FALSE',
      'ascending=0',
      'ascending=',
    ]) {
      const r = await call(em, 'GET', `${kids}?page_size=4&${q}`, { token });
      expect(r.status, q).to.equal(200);
      expect(r.json.status, q).to.equal('success');
      expect(ids(r.json.data), q).to.deep.equal(ids(plain.json.data));
    }
    // descending=true wins over ascending=true (crossbar_view:direction/2 tries it first).
    const both = await call(em, 'GET', `${kids}?page_size=4&ascending=true&descending=true`, { token });
    const down = await call(em, 'GET', `${kids}?page_size=4&descending=true`, { token });
    expect(ids(both.json.data)).to.deep.equal(ids(down.json.data));
  });

  it('walks descendants and siblings down too, with the same keys', async () => {
    const desc = `/accounts/${root}/descendants`;
    const up = await walk(em, token, desc, 1000);
    const down = await walk(em, token, `${desc}?descending=true`, 11);
    expect(ids(down.items)).to.deep.equal(ids(up.items).reverse());
    const i = clean(up.items, 100);
    const name: string = up.items[i].name;
    const from = await call(em, 'GET', `${desc}?descending=true&page_size=3&start_key=${at(name)}`, { token });
    expect(ids(from.json.data)).to.deep.equal(ids(up.items.slice(i - 2, i + 1)).reverse());
    // A child of the root: its tree is the root alone (nothing above the caller's account).
    const child = up.items.find((i: Loose) => i.tree.length === 1)!;
    const sib = await walk(em, token, `/accounts/${child.id}/siblings?descending=true`, 5);
    expect(ids(sib.items)).to.deep.equal(ids((await walk(em, token, kids, 1000)).items).reverse());
  });

  it('keeps search ascending whatever the query says (a prefix range, not a direction)', async () => {
    const plain = await call(em, 'GET', '/search?t=account&q=name&v=a&page_size=5', { token });
    const down = await call(em, 'GET', '/search?t=account&q=name&v=a&page_size=5&descending=true', { token });
    expect(ids(down.json.data)).to.deep.equal(ids(plain.json.data));
  });
});

describe('crossbar emulator: search', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 500, depth: 2, seed: 3 } });
  const token = em.issueToken();

  it('matches a case-insensitive name prefix among descendants, sorted and paged like children', async () => {
    const { items } = await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 200);
    const prefix = items[123].name.slice(0, 2);
    const expected = items.filter((i) => startsWithFolded(i.name, prefix));
    expect(expected.length).to.be.greaterThan(1);
    const v = encodeURIComponent(prefix.toUpperCase());
    const found = await walk(em, token, `/search?t=account&q=name&v=${v}`, 3);
    expect(found.items.map((i) => i.id)).to.deep.equal(expected.map((i) => i.id));
    expect(found.pages).to.equal(Math.ceil(expected.length / 3));
    const same = await walk(em, token, `/accounts/${em.rootAccountId}/search?t=account&q=name&v=${v}`, 100);
    expect(same.items.map((i) => i.id)).to.deep.equal(expected.map((i) => i.id));
  });

  it('ignores accents like CouchDB collation does', async () => {
    const r = await call(em, 'GET', '/search?t=account&q=name&v=CAFE%20L', { token });
    expect(r.json.data.map((i: Loose) => i.name)).to.deep.equal(['Café Lumière']);
    const exact = await call(em, 'GET', `/search?t=account&q=name&v=${encodeURIComponent('Café')}`, { token });
    expect(exact.json.data.map((i: Loose) => i.name)).to.include('Café Lumière');
  });

  it("searches the token's descendants whatever account the path names (cb_search:get_start_key)", async () => {
    const { items } = await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 500);
    const parent = items.find((i) => i.descendants_count > 2)!;
    const child = items.find((i) => i.tree[i.tree.length - 1] === parent.id)!;
    const v = encodeURIComponent(child.name.slice(0, 1));
    const underParent = await walk(em, token, `/accounts/${parent.id}/search?t=account&q=name&v=${v}`, 50);
    const underCaller = await walk(em, token, `/search?t=account&q=name&v=${v}`, 50);
    expect(underParent.items.map((i) => i.id)).to.deep.equal(underCaller.items.map((i) => i.id));
    expect(underParent.items.some((hit) => !items.find((i) => i.id === hit.id)!.tree.includes(parent.id))).to.equal(
      true,
    );
    // A sub-account's token searches its own subtree, even on a path above it or in another reseller's tree.
    const sub = em.issueToken(parent.id);
    for (const path of [`/accounts/${em.rootAccountId}/search`, `/accounts/${em.foreignAccountId}/search`, '/search']) {
      const r = await walk(em, sub, `${path}?t=account&q=name&v=${v}`, 50);
      expect(r.items.length, path).to.be.greaterThan(0);
      for (const hit of r.items) expect(items.find((i) => i.id === hit.id)!.tree, path).to.include(parent.id);
    }
    const multi = await call(em, 'GET', `/accounts/${em.rootAccountId}/search/multi?t=account&by_name=${v}`, {
      token: sub,
    });
    expect(multi.status).to.equal(200);
    for (const hit of multi.json.data.name) expect(items.find((i) => i.id === hit.id)!.tree).to.include(parent.id);
    const none = await call(em, 'GET', `/search?t=account&q=name&v=${encodeURIComponent('Globex')}`, { token });
    expect(none.json.data).to.deep.equal([]);
    expect(
      (await call(em, 'GET', `/accounts/${'0'.repeat(32)}/search?t=account&q=name&v=a`, { token })).status,
    ).to.equal(404);
  });

  it('searches realm and id prefixes, and answers search/multi', async () => {
    const { items } = await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 500);
    const target = items[42];
    const byRealm = await call(em, 'GET', `/search?t=account&q=realm&v=${target.realm.slice(0, 12)}`, { token });
    expect(byRealm.json.data.map((i: Loose) => i.id)).to.include(target.id);
    const byId = await call(em, 'GET', `/search?t=account&q=id&v=${target.id.slice(0, 10)}`, { token });
    expect(byId.json.data.map((i: Loose) => i.id)).to.deep.equal([target.id]);
    const multi = await call(
      em,
      'GET',
      `/search/multi?t=account&by_name=${encodeURIComponent(target.name)}&by_realm=${target.realm}&by_id=${target.id}`,
      {
        token,
      },
    );
    expect(multi.status).to.equal(200);
    for (const key of ['name', 'realm', 'id']) {
      expect(multi.json.data[key].map((i: Loose) => i.id)).to.include(target.id);
      expect(Object.keys(multi.json.data[key][0]).sort()).to.deep.equal(['descendants_count', 'id', 'name', 'realm']);
    }
    const bad = await call(em, 'GET', '/search?t=account&q=color&v=x', { token });
    expect(bad.status).to.equal(400);
    expect(bad.json.data.q.enum).to.exist;
  });
});

describe('crossbar emulator: account documents', () => {
  const em = createCrossbarEmulator();
  const token = em.issueToken();

  it('creates with defaults and returns the flags in metadata (Kazoo 5)', async () => {
    const r = await call(em, 'PUT', `/accounts/${em.rootAccountId}`, {
      token,
      body: { data: { name: 'Fresh Start Bakery' } },
    });
    expect(r.status).to.equal(201);
    const d = r.json.data;
    expect(d.id).to.match(HEX32);
    expect(d.realm).to.match(/^[0-9a-f]{6}\.sip\.acme\.example$/);
    expect(d).to.include({ timezone: 'America/Los_Angeles', language: 'en-us', name: 'Fresh Start Bakery' });
    expect(d).not.to.have.property('enabled');
    expect(r.json.metadata).to.include({
      enabled: true,
      is_reseller: false,
      reseller_id: em.rootAccountId,
      superduper_admin: false,
    });
    expect(r.json.metadata.created).to.be.greaterThan(63_000_000_000);
    expect(r.json.revision).to.match(/^1-[0-9a-f]{32}$/);
    const get = await call(em, 'GET', `/accounts/${d.id}`, { token });
    expect(get.json.revision).to.equal(r.json.revision);
    const kids = await walk(em, token, `/accounts/${em.rootAccountId}/children`, 50);
    expect(kids.items.map((k) => k.id)).to.include(d.id);
  });

  it('puts the flags in data for Kazoo 4', async () => {
    const v4 = createCrossbarEmulator({ kazooVersion: '4' });
    const r = await call(v4, 'GET', `/accounts/${v4.masterAccountId}`, { token: v4.issueToken(v4.masterAccountId) });
    expect(r.json).not.to.have.property('metadata');
    expect(r.json.data).to.include({
      superduper_admin: true,
      reseller_id: 'undefined',
      enabled: true,
      is_reseller: true,
    });
  });

  it('creates under the caller with PUT /accounts', async () => {
    const r = await call(em, 'PUT', '/accounts', { token, body: { data: { name: 'Direct Child Co.' } } });
    expect(r.status).to.equal(201);
    const tree = await call(em, 'GET', `/accounts/${r.json.data.id}/tree`, { token });
    expect(tree.json.data.map((a: Loose) => a.id)).to.deep.equal([em.rootAccountId]);
  });

  it('merges PATCH (null deletes), replaces on POST, keeps unknown keys, ignores server keys', async () => {
    const acc = await createAccount(em, token, em.rootAccountId, {
      name: 'Patchable LLC',
      custom_notes: '<p>hi</p>',
      contact: { billing: { name: 'A', email: 'a@x.example' } },
    });
    const patched = await call(em, 'PATCH', `/accounts/${acc.id}`, {
      token,
      body: {
        data: {
          contact: { technical: { name: 'T' } },
          custom_notes: null,
          ui_restrictions: { myaccount: { user: { show_tab: false } } },
        },
      },
    });
    expect(patched.status).to.equal(200);
    expect(patched.json.data.contact).to.deep.equal({
      billing: { name: 'A', email: 'a@x.example' },
      technical: { name: 'T' },
    });
    expect(patched.json.data).not.to.have.property('custom_notes');
    expect(patched.json.data.ui_restrictions.myaccount.user.show_tab).to.equal(false);
    expect(patched.json.revision).to.match(/^2-/);
    const posted = await call(em, 'POST', `/accounts/${acc.id}`, {
      token,
      body: {
        data: {
          name: 'Posted LLC',
          realm: acc.realm,
          is_reseller: true,
          superduper_admin: true,
          announcement: '<b>x</b>',
        },
      },
    });
    expect(posted.status).to.equal(200);
    expect(posted.json.data).to.include({ name: 'Posted LLC', announcement: '<b>x</b>' });
    expect(posted.json.data).not.to.have.property('contact');
    expect(posted.json.metadata).to.include({ is_reseller: false, superduper_admin: false });
    expect(posted.json.revision).to.match(/^3-/);
  });

  it('answers 409 when If-Match carries a stale revision', async () => {
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Conflict Corp' });
    const rev1 = (await call(em, 'GET', `/accounts/${acc.id}`, { token })).json.revision;
    const ok1 = await call(em, 'PATCH', `/accounts/${acc.id}`, {
      token,
      headers: { 'If-Match': rev1 },
      body: { data: { org: 'one' } },
    });
    expect(ok1.status).to.equal(200);
    for (const method of ['PATCH', 'POST', 'DELETE']) {
      const stale = await call(em, method, `/accounts/${acc.id}`, {
        token,
        headers: { 'If-Match': rev1 },
        body: method === 'DELETE' ? undefined : { data: { name: 'Conflict Corp', org: 'two' } },
      });
      expect(stale.status, method).to.equal(409);
      expect(stale.json.error).to.equal('409');
    }
    expect((await call(em, 'GET', `/accounts/${acc.id}`, { token })).json.data.org).to.equal('one');
  });

  it('deletes leaf accounts only: 500 account_has_descendants, its own too, 405 on the master (cb_accounts:validate_delete_request, allowed_methods_on_account)', async () => {
    const parent = await createAccount(em, token, em.rootAccountId, { name: 'Parent To Delete' });
    const child = await createAccount(em, token, parent.id, { name: 'Child To Delete' });
    const refused = await call(em, 'DELETE', `/accounts/${parent.id}`, { token });
    expect(refused.status).to.equal(500);
    expect(refused.json.message).to.equal('account_has_descendants');
    const del = await call(em, 'DELETE', `/accounts/${child.id}`, { token });
    expect(del.status).to.equal(200);
    expect(del.json.data.name).to.equal('Child To Delete');
    expect((await call(em, 'GET', `/accounts/${child.id}`, { token })).status).to.equal(404);
    const kids = await walk(em, token, `/accounts/${em.rootAccountId}/children`, 100);
    expect(kids.items.find((k) => k.id === parent.id).descendants_count).to.equal(0);
    expect((await call(em, 'DELETE', `/accounts/${parent.id}`, { token })).status).to.equal(200);
    const own = await call(em, 'DELETE', `/accounts/${em.rootAccountId}`, { token });
    expect(own.status).to.equal(500);
    expect(own.json.message).to.equal('account_has_descendants');
    // Crossbar has no guard against deleting one's own account: a leaf goes, and its tokens with it.
    const leaf = await createAccount(em, token, em.rootAccountId, { name: 'Self Deleting Leaf' });
    const selfToken = em.issueToken(leaf.id);
    expect((await call(em, 'DELETE', `/accounts/${leaf.id}`, { token: selfToken })).status).to.equal(200);
    expect((await call(em, 'GET', `/accounts/${leaf.id}`, { token })).status).to.equal(404);
    const sd = em.issueToken(em.masterAccountId);
    const master = await call(em, 'DELETE', `/accounts/${em.masterAccountId}`, { token: sd });
    expect(master.status).to.equal(405);
    expect(master.headers.get('Allow')).not.to.contain('DELETE');
    const options = await em.handle(new Request(`${BASE}/accounts/${em.masterAccountId}`, { method: 'OPTIONS' }));
    expect(options.headers.get('Allow')).to.equal('GET, PUT, POST, PATCH, OPTIONS');
  });

  it('honours enabled only from an ancestor', async () => {
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Toggle Me Inc.' });
    const off = await call(em, 'PATCH', `/accounts/${acc.id}`, { token, body: { data: { enabled: false } } });
    expect(off.json.metadata.enabled).to.equal(false);
    const own = em.issueToken(acc.id);
    const self = await call(em, 'PATCH', `/accounts/${acc.id}`, {
      token: own,
      body: { data: { enabled: true, org: 'self' } },
    });
    expect(self.status).to.equal(200);
    expect(self.json.metadata.enabled).to.equal(false);
    expect(self.json.data.org).to.equal('self');
  });

  it('validates with the Kazoo schemas and reports Crossbar 400 shapes', async () => {
    const missing = await call(em, 'PUT', `/accounts/${em.rootAccountId}`, {
      token,
      body: { data: { realm: 'bad realm!' } },
    });
    expect(missing.status).to.equal(400);
    expect(missing.json).to.include({ error: '400', message: 'validation error', status: 'error' });
    expect(missing.json.data.name).to.deep.equal({ required: { message: 'Field is required but missing' } });
    expect(missing.json.data.realm.pattern.value).to.equal('bad realm!');
    const long = await call(em, 'PUT', `/accounts/${em.rootAccountId}`, {
      token,
      body: { data: { name: 'x'.repeat(129), call_restriction: { tollfree_us: { action: 'block' } }, timezone: 'UT' } },
    });
    expect(long.json.data.name.maxLength.target).to.equal(128);
    expect(long.json.data['call_restriction.tollfree_us.action'].enum.target).to.deep.equal(['inherit', 'deny']);
    expect(long.json.data.timezone.minLength.target).to.equal(5);
    const taken = await call(em, 'PUT', `/accounts/${em.rootAccountId}`, {
      token,
      body: { data: { name: 'Dup', realm: 'SIP.acme.example' } },
    });
    expect(taken.json.data.realm.unique).to.exist;
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Merge Validated' });
    const emptied = await call(em, 'PATCH', `/accounts/${acc.id}`, { token, body: { data: { name: '' } } });
    expect(emptied.status).to.equal(400);
    expect(emptied.json.data.name.minLength).to.exist;
  });

  it('answers 405 for a verb the path does not allow and 404 for unknown paths', async () => {
    const r = await call(em, 'PATCH', `/accounts/${em.rootAccountId}/limits`, { token, body: { data: {} } });
    expect(r.status).to.equal(405);
    expect(r.headers.get('Allow')).to.contain('POST');
    expect((await call(em, 'GET', `/accounts/${em.rootAccountId}/no_such_thing`, { token })).status).to.equal(404);
  });

  it('stores hostile tenant HTML as sent (it must be sanitized by whoever displays it)', async () => {
    const { items } = await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 100);
    let found = false;
    for (const item of items) {
      const doc = (await call(em, 'GET', `/accounts/${item.id}`, { token })).json.data;
      if (typeof doc.announcement === 'string' && doc.announcement.includes('<script>')) found = true;
    }
    expect(found).to.equal(true);
  });
});

describe('crossbar emulator: move and reseller', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 20, depth: 1 } });
  const acme = em.issueToken();
  const sd = em.issueToken(em.masterAccountId);

  it('moves within a reseller, rewriting the tree of every descendant', async () => {
    const a = await createAccount(em, acme, em.rootAccountId, { name: 'Mover A' });
    const b = await createAccount(em, acme, em.rootAccountId, { name: 'Mover B' });
    const bChild = await createAccount(em, acme, b.id, { name: 'Mover B Child' });
    const moved = await call(em, 'POST', `/accounts/${b.id}/move`, { token: acme, body: { data: { to: a.id } } });
    expect(moved.status).to.equal(200);
    const tree = await call(em, 'GET', `/accounts/${bChild.id}/tree`, { token: acme });
    expect(tree.json.data.map((x: Loose) => x.id)).to.deep.equal([em.rootAccountId, a.id, b.id]);
    const kids = await call(em, 'GET', `/accounts/${em.rootAccountId}/children?paginate=false`, { token: acme });
    expect(kids.json.data.find((k: Loose) => k.id === a.id).descendants_count).to.equal(2);
    expect(kids.json.data.find((k: Loose) => k.id === b.id)).to.equal(undefined);
    // crossbar_util:validate_move: forbidden when the new parent is the account or below it.
    const loop = await call(em, 'POST', `/accounts/${a.id}/move`, { token: acme, body: { data: { to: bChild.id } } });
    expect(loop.status).to.equal(403);
  });

  it('refuses moves across resellers (403) and into foreign trees', async () => {
    const reseller = await createAccount(em, acme, em.rootAccountId, { name: 'Sub Reseller Networks' });
    expect((await call(em, 'PUT', `/accounts/${reseller.id}/reseller`, { token: acme })).status).to.equal(403);
    const promoted = await call(em, 'PUT', `/accounts/${reseller.id}/reseller`, { token: sd });
    expect(promoted.status).to.equal(200);
    expect(promoted.json.metadata.is_reseller).to.equal(true);
    const customer = await createAccount(em, acme, em.rootAccountId, { name: 'Plain Customer' });
    const across = await call(em, 'POST', `/accounts/${customer.id}/move`, {
      token: acme,
      body: { data: { to: reseller.id } },
    });
    expect(across.status).to.equal(403);
    expect(across.json.data.cause).to.match(/reseller/);
    const foreign = await call(em, 'POST', `/accounts/${customer.id}/move`, {
      token: sd,
      body: { data: { to: em.foreignAccountId } },
    });
    expect(foreign.status).to.equal(403);
  });

  it('makes descendants follow their nearest reseller when promoting and demoting', async () => {
    const r = await createAccount(em, acme, em.rootAccountId, { name: 'Future Reseller' });
    const c = await createAccount(em, acme, r.id, { name: 'Future Reseller Customer' });
    await call(em, 'PUT', `/accounts/${r.id}/reseller`, { token: sd });
    expect((await call(em, 'GET', `/accounts/${c.id}`, { token: acme })).json.metadata.reseller_id).to.equal(r.id);
    await call(em, 'DELETE', `/accounts/${r.id}/reseller`, { token: sd });
    expect((await call(em, 'GET', `/accounts/${c.id}`, { token: acme })).json.metadata.reseller_id).to.equal(
      em.rootAccountId,
    );
  });
});

describe('crossbar emulator: users', () => {
  const em = createCrossbarEmulator();
  const token = em.issueToken();

  it('pages more than 60 users, filters admins and never returns passwords', async () => {
    const all = await walk(em, token, `/accounts/${em.rootAccountId}/users`, 50);
    expect(all.items.length).to.be.greaterThan(60);
    expect(all.pages).to.equal(2);
    expect(new Set(all.items.map((u) => u.id)).size).to.equal(all.items.length);
    expect(Object.keys(all.items[0]).sort()).to.include.members([
      'email',
      'first_name',
      'id',
      'last_name',
      'priv_level',
      'username',
    ]);
    expect(all.items.map((u) => u.username)).to.include(em.login.username);
    const admins = await call(em, 'GET', `/accounts/${em.rootAccountId}/users?filter_priv_level=admin&paginate=false`, {
      token,
    });
    expect(admins.json.data.length).to.be.greaterThan(0);
    expect(admins.json.data.every((u: Loose) => u.priv_level === 'admin')).to.equal(true);
    expect(admins.json.data.length).to.be.lessThan(all.items.length);
    const one = await call(em, 'GET', `/accounts/${em.rootAccountId}/users/${all.items[0].id}`, { token });
    expect(one.json.data).not.to.have.property('password');
    expect(JSON.stringify(one.json)).not.to.contain('pvt_');
  });

  it('creates users like users-03, enforces unique usernames, and lets them log in', async () => {
    const r = await call(em, 'PUT', `/accounts/${em.rootAccountId}/users`, {
      token,
      body: {
        data: {
          first_name: 'Nia',
          last_name: 'Okafor',
          username: 'nia@acme.example',
          email: 'nia@acme.example',
          password: 's3cret!',
        },
      },
    });
    expect(r.status).to.equal(201);
    expect(r.json.data).to.include({ priv_level: 'user', enabled: true, vm_to_email_enabled: true });
    expect(r.json.data.media.audio.codecs).to.deep.equal(['PCMU']);
    expect(r.json.data).not.to.have.property('password');
    const dup = await call(em, 'PUT', `/accounts/${em.rootAccountId}/users`, {
      token,
      body: { data: { first_name: 'Other', last_name: 'Nia', username: 'NIA@acme.example' } },
    });
    expect(dup.status).to.equal(400);
    expect(dup.json.data.username.unique).to.exist;
    const badEmail = await call(em, 'PUT', `/accounts/${em.rootAccountId}/users`, {
      token,
      body: { data: { first_name: 'B', last_name: 'E', email: 'not-an-email' } },
    });
    expect(badEmail.json.data.email.format).to.exist;
    await login(em, { username: 'nia@acme.example', password: 's3cret!', accountName: 'Acme Telecom' });
    const patched = await call(em, 'PATCH', `/accounts/${em.rootAccountId}/users/${r.json.data.id}`, {
      token,
      body: { data: { priv_level: 'admin' } },
    });
    expect(patched.json.data.priv_level).to.equal('admin');
    const del = await call(em, 'DELETE', `/accounts/${em.rootAccountId}/users/${r.json.data.id}`, { token });
    expect(del.status).to.equal(200);
    expect((await call(em, 'GET', `/accounts/${em.rootAccountId}/users/${r.json.data.id}`, { token })).status).to.equal(
      404,
    );
  });
});

describe('crossbar emulator: limits, ledgers, services', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 30, depth: 2 } });
  const acme = em.issueToken();

  it('asks 402 for more trunks until the request is resent with accept_charges', async () => {
    const acc = await createAccount(em, acme, em.rootAccountId, { name: 'Trunk Hungry LLC' });
    const before = await call(em, 'GET', `/accounts/${acc.id}/limits`, { token: acme });
    expect(before.json.data).to.include({ id: 'limits', allow_postpay: false, max_postpay_amount: 0 });
    const body = { data: { ...before.json.data, twoway_trunks: 3, allow_postpay: true } };
    const charged = await call(em, 'POST', `/accounts/${acc.id}/limits`, { token: acme, body });
    expect(charged.status).to.equal(402);
    expect(charged.json.message).to.equal('accept charges');
    expect(charged.json.data.limits.twoway_trunks).to.include({
      category: 'limits',
      item: 'twoway_trunks',
      quantity: 3,
      rate: 29.99,
    });
    expect((await call(em, 'GET', `/accounts/${acc.id}/limits`, { token: acme })).json.data.twoway_trunks).to.equal(
      undefined,
    );
    const accepted = await call(em, 'POST', `/accounts/${acc.id}/limits`, {
      token: acme,
      body: { ...body, accept_charges: true },
    });
    expect(accepted.status).to.equal(200);
    expect(accepted.json.data).to.include({ twoway_trunks: 3, allow_postpay: false });
    const lower = await call(em, 'POST', `/accounts/${acc.id}/limits`, {
      token: acme,
      body: { data: { twoway_trunks: 1 } },
    });
    expect(lower.status).to.equal(200);
    const invalid = await call(em, 'POST', `/accounts/${acc.id}/limits`, {
      token: acme,
      body: { data: { inbound_trunks: -1 } },
    });
    expect(invalid.json.data.inbound_trunks.minimum).to.exist;
  });

  it('lets only the reseller side change limits', async () => {
    const sub = await createAccount(em, acme, em.rootAccountId, { name: 'Limits Parent' });
    const leaf = await createAccount(em, acme, sub.id, { name: 'Limits Leaf' });
    const subToken = em.issueToken(sub.id);
    const r = await call(em, 'POST', `/accounts/${leaf.id}/limits`, {
      token: subToken,
      body: { data: { twoway_trunks: 0 } },
    });
    expect(r.status).to.equal(403);
    expect(r.json.data.cause).to.equal('Please contact your phone provider to add limits.');
  });

  it('credits and debits through ledgers, in dollars, never from the account itself', async () => {
    const acc = await createAccount(em, acme, em.rootAccountId, { name: 'Ledger Co.' });
    expect((await call(em, 'GET', `/accounts/${acc.id}/ledgers/total`, { token: acme })).json.data).to.deep.equal({
      amount: 0,
    });
    const entry = (amount: number, type: string) => ({
      data: {
        amount,
        description: 'Credit added by administrator',
        source: { service: 'adjustments', id: crypto.randomUUID().replace(/-/g, '') },
        usage: { type, quantity: 0, unit: 'USD' },
        metadata: { ui_request: true },
      },
    });
    expect(
      (await call(em, 'PUT', `/accounts/${acc.id}/ledgers/credit`, { token: acme, body: entry(25.1, 'credit') }))
        .status,
    ).to.equal(201);
    expect(
      (await call(em, 'PUT', `/accounts/${acc.id}/ledgers/debit`, { token: acme, body: entry(10.2, 'debit') })).status,
    ).to.equal(201);
    const total = await call(em, 'GET', `/accounts/${acc.id}/ledgers/total`, { token: acme });
    expect(total.json.data.amount).to.equal(14.9);
    const summary = await call(em, 'GET', `/accounts/${acc.id}/ledgers`, { token: acme });
    expect(summary.json.data.adjustments.amount).to.equal(14.9);
    const own = await call(em, 'PUT', `/accounts/${acc.id}/ledgers/credit`, {
      token: em.issueToken(acc.id),
      body: entry(5, 'credit'),
    });
    expect(own.status).to.equal(403);
    const tiny = await call(em, 'PUT', `/accounts/${acc.id}/ledgers/credit`, {
      token: acme,
      body: entry(0.5, 'credit'),
    });
    expect(tiny.status).to.equal(400);
    expect(tiny.json.data.amount.minimum).to.exist;
    const noSource = await call(em, 'PUT', `/accounts/${acc.id}/ledgers/credit`, {
      token: acme,
      body: { data: { amount: 5 } },
    });
    expect(noSource.json.data.source.required).to.exist;
  });

  it("credits only from the account's own reseller or a superduper admin, not any ancestor", async () => {
    const parent = await createAccount(em, acme, em.rootAccountId, { name: 'Ledger Parent' });
    const leaf = await createAccount(em, acme, parent.id, { name: 'Ledger Leaf' });
    const credit = (token: string) =>
      call(em, 'PUT', `/accounts/${leaf.id}/ledgers/credit`, {
        token,
        body: {
          data: {
            amount: 2,
            source: { service: 'adjustments', id: crypto.randomUUID().replace(/-/g, '') },
            usage: { type: 'credit', quantity: 0, unit: 'USD' },
          },
        },
      });
    expect((await credit(em.issueToken(parent.id))).status).to.equal(403);
    expect((await credit(acme)).status).to.equal(201);
    expect((await credit(em.issueToken(em.masterAccountId))).status).to.equal(201);
  });

  it('lists plans the reseller offers and assigns them with the 402 dance', async () => {
    const acc = await createAccount(em, acme, em.rootAccountId, { name: 'Plan Buyer' });
    const available = await call(em, 'GET', `/accounts/${acc.id}/services/available`, { token: acme });
    expect(available.json.data).to.have.length(4);
    expect(available.json.data.map((p: Loose) => p.category)).to.include.members(['Seats', 'Trunking']);
    expect(
      await call(em, 'GET', `/accounts/${em.rootAccountId}/services/available`, { token: acme }),
    ).to.have.nested.property('json.data.length', 4);
    const seat = available.json.data.find((p: Loose) => p.name === 'Hosted PBX Standard Seat');
    const charged = await call(em, 'POST', `/accounts/${acc.id}/services`, {
      token: acme,
      body: { data: { add: [seat.id] } },
    });
    expect(charged.status).to.equal(402);
    expect(charged.json.data.users.user.rate).to.equal(19.99);
    const ok = await call(em, 'POST', `/accounts/${acc.id}/services`, {
      token: acme,
      body: { data: { add: [seat.id] }, accept_charges: true },
    });
    expect(ok.status).to.equal(200);
    expect(ok.json.data.plans[seat.id].vendor_id).to.equal(em.rootAccountId);
    const removed = await call(em, 'POST', `/accounts/${acc.id}/services`, {
      token: acme,
      body: { data: { delete: [seat.id] } },
    });
    expect(removed.json.data.plans).to.deep.equal({});
    const unknown = await call(em, 'POST', `/accounts/${acc.id}/services`, {
      token: acme,
      body: { data: { add: ['f'.repeat(32)] } },
    });
    expect(unknown.status).to.equal(404);
    const sd = em.issueToken(em.masterAccountId);
    const globexPlan = (await call(em, 'GET', `/accounts/${em.foreignAccountId}/services/available`, { token: sd }))
      .json.data[0];
    const wrong = await call(em, 'POST', `/accounts/${acc.id}/services`, {
      token: acme,
      body: { data: { add: [globexPlan.id] }, accept_charges: true },
    });
    expect(wrong.status).to.equal(400);
  });

  it('answers classifiers as an object or an array', async () => {
    const obj = await call(em, 'GET', `/accounts/${em.rootAccountId}/phone_numbers/classifiers`, { token: acme });
    expect(obj.json.data.tollfree_us).to.include({ friendly_name: 'US TollFree' });
    const arr = createCrossbarEmulator({ classifierShape: 'array' });
    const r = await call(arr, 'GET', `/accounts/${arr.rootAccountId}/phone_numbers/classifiers`, {
      token: arr.issueToken(),
    });
    expect(r.json.data).to.be.an('array');
    expect(r.json.data.find((c: Loose) => c.name === 'international')).to.include({ friendly_name: 'International' });
  });
});

describe('crossbar emulator: callflows and apps', () => {
  const em = createCrossbarEmulator({ seed: { accounts: 60, depth: 1 } });
  const acme = em.issueToken();

  it('filters no_match callflows and keeps numbers unique per account', async () => {
    const kids = (await walk(em, acme, `/accounts/${em.rootAccountId}/children`, 100)).items;
    const modules = new Map<string, number>();
    let none = 0;
    for (const k of kids) {
      const r = await call(em, 'GET', `/accounts/${k.id}/callflows?filter_numbers=no_match`, { token: acme });
      if (r.json.data.length === 0) none++;
      for (const cf of r.json.data) {
        expect(cf.numbers).to.deep.equal(['no_match']);
        const full = await call(em, 'GET', `/accounts/${k.id}/callflows/${cf.id}`, { token: acme });
        const key = `${full.json.data.flow.module}:${full.json.data.flow.data.hunt_account_id === em.rootAccountId ? 'reseller' : 'other'}`;
        modules.set(key, (modules.get(key) ?? 0) + 1);
      }
    }
    expect(none).to.be.greaterThan(kids.length / 2);
    expect(modules.get('offnet:other')).to.be.greaterThan(0);
    expect(modules.get('resources:reseller')).to.be.greaterThan(0);
    const acc = await createAccount(em, acme, em.rootAccountId, { name: 'Carrier Chooser' });
    const flow = { numbers: ['no_match'], flow: { children: {}, data: {}, module: 'offnet' } };
    const created = await call(em, 'PUT', `/accounts/${acc.id}/callflows`, { token: acme, body: { data: flow } });
    expect(created.status).to.equal(201);
    const dup = await call(em, 'PUT', `/accounts/${acc.id}/callflows`, { token: acme, body: { data: flow } });
    expect(dup.status).to.equal(400);
    expect(dup.json.data.numbers.unique).to.exist;
    const updated = await call(em, 'POST', `/accounts/${acc.id}/callflows/${created.json.data.id}`, {
      token: acme,
      body: {
        data: { ...flow, flow: { children: {}, data: { hunt_account_id: em.rootAccountId }, module: 'resources' } },
      },
    });
    expect(updated.json.data.flow.module).to.equal('resources');
  });

  it("lists an account's own carriers as Crossbar's listing does, a few seeded, none for most", async () => {
    const all = em.accounts();
    const withCarriers = all.filter((a) => a.ownCarriers > 0);
    expect(withCarriers.length).to.be.greaterThan(0);
    expect(withCarriers.length).to.be.lessThan(all.length / 2);
    expect(em.account(em.masterAccountId)!.ownCarriers, "the master's are the system-wide ones").to.equal(0);
    const some = withCarriers.find((a) => a.depth > 0 && a.ownCarriers >= 2) ?? withCarriers[0]!;
    const listed = await walk(em, acme, `/accounts/${some.id}/resources`, 1);
    expect(listed.items).to.have.length(some.ownCarriers);
    expect(listed.pages).to.equal(some.ownCarriers);
    for (const r of listed.items) {
      expect(r.id).to.match(HEX32);
      expect(r.name).to.be.a('string').and.not.empty;
      expect(r.enabled).to.be.a('boolean');
      expect(Object.keys(r).some((k) => k.startsWith('pvt_') || k.startsWith('_'))).to.equal(false);
    }
    const fresh = await createAccount(em, acme, em.rootAccountId, { name: 'No Carriers Yet' });
    const none = await call(em, 'GET', `/accounts/${fresh.id}/resources`, { token: acme });
    expect(none.status).to.equal(200);
    expect(none.json.data).to.deep.equal([]);
    expect(em.account(fresh.id)!.ownCarriers).to.equal(0);
    const foreign = await call(em, 'GET', `/accounts/${em.foreignAccountId}/resources`, { token: acme });
    expect(foreign.status).to.equal(403);
    const state = em.snapshot();
    expect(state.resources?.[some.id]).to.have.length(some.ownCarriers);
  });

  it('hides blacklisted apps from the account and everything below it', async () => {
    const parent = await createAccount(em, acme, em.rootAccountId, { name: 'App Parent' });
    const child = await createAccount(em, acme, parent.id, { name: 'App Child' });
    const apps = (await call(em, 'GET', `/accounts/${parent.id}/apps_store`, { token: acme })).json.data;
    expect(apps.length).to.be.within(8, 14);
    expect(apps[0]).to.include.keys('id', 'name', 'i18n', 'tags', 'icon', 'author', 'version', 'price', 'api_url');
    expect(apps[0].id).to.match(HEX32);
    const hidden = apps[0].id;
    const post = await call(em, 'POST', `/accounts/${parent.id}/apps_store/blacklist`, {
      token: acme,
      body: { data: { blacklist: [hidden] } },
    });
    expect(post.json.data).to.deep.equal({ blacklist: [hidden] });
    for (const id of [parent.id, child.id]) {
      const list = (await call(em, 'GET', `/accounts/${id}/apps_store`, { token: acme })).json.data;
      expect(list.map((a: Loose) => a.id)).not.to.include(hidden);
      expect((await call(em, 'GET', `/accounts/${id}/apps_store/${hidden}`, { token: acme })).status).to.equal(404);
    }
    const own = await call(em, 'GET', `/accounts/${parent.id}/apps_store/blacklist`, {
      token: em.issueToken(parent.id),
    });
    expect(own.status).to.equal(403);
  });

  it('adds generated apps for long lists and answers each icon as an SVG to a token holder', async () => {
    const big = createCrossbarEmulator({ seed: { accounts: 5, depth: 1, seed: 1 }, extraApps: 40 });
    const token = await login(big);
    const apps = (await call(big, 'GET', `/accounts/${big.rootAccountId}/apps_store`, { token })).json.data;
    expect(apps.filter((a: Loose) => String(a.name).startsWith('extra-'))).to.have.length(40);
    expect(new Set(apps.map((a: Loose) => a.name)).size).to.equal(apps.length);
    const icon = (t?: string) =>
      big.handle(
        new Request(`${BASE}/accounts/${big.rootAccountId}/apps_store/${apps[0].id}/icon`, {
          headers: t ? { 'X-Auth-Token': t } : {},
        }),
      );
    const res = await icon(token);
    expect(res.status).to.equal(200);
    expect(res.headers.get('Content-Type')).to.equal('image/svg+xml');
    expect(await res.text()).to.match(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await icon()).status).to.equal(401);
  });
});

describe('crossbar emulator: faults, latency, recording', () => {
  const em = createCrossbarEmulator();
  const token = em.issueToken();
  const limits = `/accounts/${em.rootAccountId}/limits`;
  afterEach(() => em.faults.clear());

  it('answers a fault status with a Kazoo error envelope or the given body', async () => {
    em.faults.add({ path: '/accounts/*/limits', status: 503 });
    const r = await call(em, 'GET', limits, { token });
    expect(r.status).to.equal(503);
    expect(r.json).to.include({ status: 'error', error: '503' });
    em.faults.clear();
    em.faults.add({ path: /\/limits$/, method: 'GET', status: 500, body: { custom: true } });
    expect((await call(em, 'GET', limits, { token })).json).to.deep.equal({ custom: true });
    expect((await call(em, 'POST', limits, { token, body: { data: {} } })).status).to.equal(200);
  });

  it('sends malformed bodies', async () => {
    em.faults.add({ path: '/accounts/**', malformed: true });
    const res = await em.handle(new Request(`http://x.test/v2${limits}`, { headers: { 'X-Auth-Token': token } }));
    expect(res.status).to.equal(200);
    let parsed = true;
    try {
      await res.json();
    } catch {
      parsed = false;
    }
    expect(parsed).to.equal(false);
  });

  it('never answers a timeout until the request is aborted', async () => {
    em.faults.add({ path: '/accounts/*', timeout: true });
    const controller = new AbortController();
    const pending = em.handle(
      new Request(`http://x.test/v2/accounts/${em.rootAccountId}`, { signal: controller.signal }),
    );
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).to.equal(false);
    controller.abort();
    const err = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as DOMException).name).to.equal('AbortError');
  });

  it('fails the connection for a network fault, then heals after `times`', async () => {
    em.faults.add({ path: '/accounts/*/limits', network: true, times: 2 });
    for (let i = 0; i < 2; i++) {
      const err = await em
        .handle(new Request(`http://x.test/v2${limits}`, { headers: { 'X-Auth-Token': token } }))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).to.be.instanceOf(TypeError);
    }
    expect((await call(em, 'GET', limits, { token })).status).to.equal(200);
    const remove = em.faults.add({ path: '**', status: 418 });
    expect((await call(em, 'GET', limits, { token })).status).to.equal(418);
    remove();
    expect((await call(em, 'GET', limits, { token })).status).to.equal(200);
  });

  it('delays replies by latencyMs and fault latency', async () => {
    const slow = createCrossbarEmulator({ latencyMs: [40, 60] });
    let t = performance.now();
    await call(slow, 'GET', `/accounts/${slow.rootAccountId}`, { token: slow.issueToken() });
    expect(performance.now() - t).to.be.at.least(35);
    em.faults.add({ path: '/accounts/*', latencyMs: 80 });
    t = performance.now();
    const r = await call(em, 'GET', `/accounts/${em.rootAccountId}`, { token });
    expect(r.status).to.equal(200);
    expect(performance.now() - t).to.be.at.least(75);
  });

  it('records every request with its parsed body and status', async () => {
    em.clearRequests();
    await call(em, 'GET', `${limits}?page_size=5`, { token });
    await call(em, 'POST', limits, { token, body: { data: { twoway_trunks: 0 } } });
    expect(em.requests).to.have.length(2);
    expect(em.requests[0]).to.deep.include({
      method: 'GET',
      path: `/v2${limits}`,
      query: { page_size: '5' },
      body: undefined,
      status: 200,
    });
    expect(em.requests[1]).to.deep.include({ method: 'POST', body: { data: { twoway_trunks: 0 } }, status: 200 });
  });

  it('calls onChange after successful writes only', async () => {
    let changes = 0;
    const off = em.onChange(() => changes++);
    await call(em, 'GET', limits, { token });
    expect(changes).to.equal(0);
    await call(em, 'PATCH', `/accounts/${em.rootAccountId}`, { token, body: { data: { org: 'Acme' } } });
    expect(changes).to.equal(1);
    await call(em, 'PATCH', `/accounts/${em.rootAccountId}`, { token, body: { data: { name: '' } } });
    expect(changes).to.equal(1);
    off();
    await call(em, 'PATCH', `/accounts/${em.rootAccountId}`, { token, body: { data: { org: 'Acme 2' } } });
    expect(changes).to.equal(1);
  });
});

describe('crossbar emulator: state', () => {
  it('round-trips a snapshot through JSON, tokens included', async () => {
    const em = createCrossbarEmulator({ seed: { accounts: 40, depth: 2, seed: 11 } });
    const token = await login(em);
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Snapshot Survivor' });
    await call(em, 'PATCH', `/accounts/${acc.id}`, { token, body: { data: { custom_notes: '<p>kept</p>' } } });
    await call(em, 'PUT', `/accounts/${acc.id}/users`, {
      token,
      body: { data: { first_name: 'S', last_name: 'U', username: 'su@x.example' } },
    });
    const state = JSON.parse(JSON.stringify(em.snapshot()));
    const restored = createCrossbarEmulator({ state });
    expect(restored.rootAccountId).to.equal(em.rootAccountId);
    const a = await call(restored, 'GET', `/accounts/${acc.id}`, { token });
    expect(a.status).to.equal(200);
    expect(a.json.data.custom_notes).to.equal('<p>kept</p>');
    const before = await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 100);
    const after = await walk(restored, token, `/accounts/${em.rootAccountId}/descendants`, 100);
    expect(after.items).to.deep.equal(before.items);
    const users = await call(restored, 'GET', `/accounts/${acc.id}/users`, { token });
    expect(users.json.data.map((u: Loose) => u.username)).to.deep.equal(['su@x.example']);
    // Seeded data not read before the snapshot is derived again, identically, after restoring it.
    const seededChild = before.items.find((i) => i.id !== acc.id)!;
    const seeded = async (e: CrossbarEmulator, what: string) =>
      (await call(e, 'GET', `/accounts/${seededChild.id}${what}`, { token })).json;
    for (const what of ['', '/users', '/limits', '/ledgers', '/callflows', '/services']) {
      const [x, y] = [await seeded(restored, what), await seeded(em, what)];
      expect(x.data, what).to.deep.equal(y.data);
      expect(x.revision, what).to.equal(y.revision);
    }
  });

  it('resets to the initial seed', async () => {
    const em = createCrossbarEmulator({ seed: { accounts: 10, depth: 1 } });
    const token = em.issueToken();
    const acc = await createAccount(em, token, em.rootAccountId, { name: 'Gone After Reset' });
    em.reset();
    const t2 = em.issueToken();
    expect((await call(em, 'GET', `/accounts/${acc.id}`, { token: t2 })).status).to.equal(404);
    expect((await call(em, 'GET', `/accounts/${em.rootAccountId}`, { token })).status).to.equal(401);
    expect((await walk(em, t2, `/accounts/${em.rootAccountId}/children`, 50)).items).to.have.length(10);
  });

  it('generates the same data from the same seed, and different data from another', async () => {
    const dump = async (seed: number) => {
      const em = createCrossbarEmulator({ seed: { accounts: 120, depth: 3, seed } });
      const token = em.issueToken();
      const items = (await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 200)).items;
      const docs = [];
      for (const it of items.slice(0, 15)) {
        const d = (await call(em, 'GET', `/accounts/${it.id}`, { token })).json;
        const u = (await call(em, 'GET', `/accounts/${it.id}/users`, { token })).json.data;
        const l = (await call(em, 'GET', `/accounts/${it.id}/limits`, { token })).json.data;
        docs.push({ d: d.data, m: d.metadata, r: d.revision, u, l });
      }
      return { ids: [em.masterAccountId, em.rootAccountId, em.foreignAccountId], items, docs };
    };
    const a = await dump(5);
    const b = await dump(5);
    const c = await dump(6);
    expect(b).to.deep.equal(a);
    expect(c.items.map((i: Loose) => i.name)).not.to.deep.equal(a.items.map((i: Loose) => i.name));
  });

  it('seeds realistic, unique names and realms', async () => {
    const em = createCrossbarEmulator({ seed: { accounts: 1000, depth: 2 } });
    const token = em.issueToken();
    const items = (await walk(em, token, `/accounts/${em.rootAccountId}/descendants`, 1000)).items;
    expect(new Set(items.map((i) => i.name.toLowerCase())).size).to.equal(1000);
    expect(new Set(items.map((i) => i.realm.toLowerCase())).size).to.equal(1000);
    for (const i of items) expect(i.realm).to.match(/^[.\w-]+$/);
    const names = items.map((i) => i.name).join('\n');
    expect(names).to.match(/[^\x00-\x7f]/); // eslint-disable-line no-control-regex
    expect(names).to.contain('&');
    let disabled = 0;
    let resellers = 0;
    for (const i of items) {
      const m = (await call(em, 'GET', `/accounts/${i.id}`, { token })).json.metadata;
      if (!m.enabled) disabled++;
      if (m.is_reseller) resellers++;
    }
    expect(disabled).to.be.within(20, 90);
    expect(resellers).to.be.within(10, 60);
  });

  it('seeds 100,000 accounts', async function () {
    this.timeout(120000);
    const t = performance.now();
    const em = createCrossbarEmulator({ seed: { accounts: 100000, depth: 1 } });
    const ms = performance.now() - t;
    console.log(`crossbar emulator: seeded 100,000 accounts in ${ms.toFixed(0)} ms (Chromium)`);
    const token = em.issueToken();
    const r = await call(em, 'GET', `/accounts/${em.masterAccountId}/children?paginate=false`, {
      token: em.issueToken(em.masterAccountId),
    });
    expect(r.json.data.find((c: Loose) => c.id === em.rootAccountId).descendants_count).to.equal(100000);
    const page = await call(
      em,
      'GET',
      `/accounts/${em.rootAccountId}/children?page_size=1000&start_key=${encodeURIComponent('["m"]')}`,
      { token },
    );
    expect(page.json.data).to.have.length(1000);
    expect(page.json.data[0].name.toLowerCase() >= 'm').to.equal(true);
  });
});

// ---------- who may call what ----------

type Principal = 'reseller admin' | 'sub-account admin' | 'sub-account user' | 'sub-reseller admin';
const RELATIONS = [
  'itself',
  'descendant',
  "sub-reseller's customer",
  'sibling',
  'parent',
  'ancestor',
  "another reseller's account",
  'the master',
] as const;
type Relation = (typeof RELATIONS)[number];
/** Expected statuses in RELATIONS order; `_` where the relation is not one of that principal's. */
type Cells = readonly (number | null)[];
const _ = null;

/**
 * The fixture (made by the superduper admin):
 *   Kazoo Platform (master) ─┬─ Acme Telecom (reseller) ── Middle Co ─┬─ Sub Co ── Sub Child ── Sub Grandchild
 *                            │                                         ├─ Sub Sibling
 *                            │                                         └─ Sub Reseller (reseller) ── Reseller Customer ── RC Child
 *                            ├─ Globex Communications (reseller)
 *                            └─ Platform Direct (a master's direct account)
 */
const RELATIVES: Record<Principal, Partial<Record<Relation, string>>> = {
  'reseller admin': {
    itself: 'acme',
    descendant: 'sub',
    "sub-reseller's customer": 'resellerCustomer',
    sibling: 'direct',
    parent: 'master',
    "another reseller's account": 'globex',
  },
  'sub-account admin': {
    itself: 'sub',
    descendant: 'subChild',
    sibling: 'subSibling',
    parent: 'middle',
    ancestor: 'acme',
    "another reseller's account": 'globex',
    'the master': 'master',
  },
  'sub-account user': {
    itself: 'sub',
    descendant: 'subChild',
    sibling: 'subSibling',
    parent: 'middle',
    ancestor: 'acme',
    "another reseller's account": 'globex',
    'the master': 'master',
  },
  'sub-reseller admin': {
    itself: 'subReseller',
    descendant: 'resellerCustomer',
    sibling: 'sub',
    parent: 'middle',
    ancestor: 'acme',
    "another reseller's account": 'globex',
    'the master': 'master',
  },
};

interface TableCall {
  call: string;
  /** The Crossbar function whose rule the row follows. */
  cite: string;
  send: (em: CrossbarEmulator, token: string, id: string, ids: Record<string, string>) => Promise<number>;
  expect: Record<Principal, Cells>;
}

const sending =
  (method: string, suffix: string, body?: (ids: Record<string, string>) => unknown): TableCall['send'] =>
  async (em, token, id, ids) =>
    (await call(em, method, `/accounts/${id}${suffix}`, { token, body: body?.(ids) })).status;

const ledgerEntry = (type: string) => () => ({
  data: {
    amount: 2,
    source: { service: 'adjustments', id: crypto.randomUUID().replace(/-/g, '') },
    usage: { type, quantity: 0, unit: 'USD' },
  },
});

// Reading the tree of a descendant, the own account or any account a token may reach at all: the same answers.
const REACHABLE = {
  'reseller admin': [200, 200, 200, 403, 403, _, 403, _],
  'sub-account admin': [200, 200, _, 403, 403, 403, 403, 403],
  'sub-account user': [200, 200, _, 403, 403, 403, 403, 403],
  'sub-reseller admin': [200, 200, _, 403, 403, 403, 403, 403],
} satisfies Record<Principal, Cells>;
const NOBODY_BUT_SUPERDUPER = {
  'reseller admin': [403, 403, 403, 403, 403, _, 403, _],
  'sub-account admin': [403, 403, _, 403, 403, 403, 403, 403],
  'sub-account user': [403, 403, _, 403, 403, 403, 403, 403],
  'sub-reseller admin': [403, 403, _, 403, 403, 403, 403, 403],
} satisfies Record<Principal, Cells>;
const STRICT_ANCESTOR = {
  'reseller admin': [403, 200, 200, 403, 403, _, 403, _],
  'sub-account admin': [403, 200, _, 403, 403, 403, 403, 403],
  'sub-account user': [403, 200, _, 403, 403, 403, 403, 403],
  'sub-reseller admin': [403, 200, _, 403, 403, 403, 403, 403],
} satisfies Record<Principal, Cells>;
// Only the account's own reseller (the nearest reseller strictly above it) or a superduper admin.
const OWN_RESELLER = (ok: number) =>
  ({
    'reseller admin': [403, ok, 403, 403, 403, _, 403, _],
    'sub-account admin': [403, 403, _, 403, 403, 403, 403, 403],
    'sub-account user': [403, 403, _, 403, 403, 403, 403, 403],
    'sub-reseller admin': [403, ok, _, 403, 403, 403, 403, 403],
  }) satisfies Record<Principal, Cells>;

const TABLE: TableCall[] = [
  {
    call: 'GET /accounts/{id}',
    cite: 'cb_simple_authz:account_is_descendant',
    send: sending('GET', ''),
    expect: REACHABLE,
  },
  {
    call: 'PATCH /accounts/{id}',
    cite: 'cb_simple_authz:account_is_descendant; cb_accounts:validate_patch_request checks no admin flag',
    send: sending('PATCH', '', () => ({ data: { org: 'Authorization Table' } })),
    expect: {
      'reseller admin': [200, 200, 200, 403, 403, _, 403, _],
      'sub-account admin': [200, 200, _, 403, 403, 403, 403, 403],
      'sub-account user': [200, 200, _, 403, 403, 403, 403, 403],
      'sub-reseller admin': [200, 200, _, 403, 403, 403, 403, 403],
    },
  },
  {
    call: 'GET /accounts/{id}/children',
    cite: 'cb_simple_authz:account_is_descendant, cb_accounts:load_children',
    send: sending('GET', '/children'),
    expect: REACHABLE,
  },
  {
    call: 'GET /accounts/{id}/tree',
    cite: 'cb_simple_authz:account_is_descendant, cb_accounts:get_authorized_account_tree',
    send: sending('GET', '/tree'),
    expect: REACHABLE,
  },
  {
    call: 'GET /accounts/{id}/parents',
    cite: 'cb_simple_authz:account_is_descendant, cb_accounts:find_accounts_from_tree',
    send: sending('GET', '/parents'),
    expect: REACHABLE,
  },
  {
    call: 'GET /accounts/{id}/siblings',
    cite: "cb_accounts:load_siblings (not of one's own account, allow_sibling_listing default true)",
    send: sending('GET', '/siblings'),
    expect: STRICT_ANCESTOR,
  },
  {
    call: 'GET /accounts/{id}/search',
    cite: "cb_search:authorize/1 grants any token; cb_search:get_start_key scopes to the token's account",
    send: sending('GET', '/search?t=account&q=name&v=s'),
    expect: {
      'reseller admin': [200, 200, 200, 200, 200, _, 200, _],
      'sub-account admin': [200, 200, _, 200, 200, 200, 200, 200],
      'sub-account user': [200, 200, _, 200, 200, 200, 200, 200],
      'sub-reseller admin': [200, 200, _, 200, 200, 200, 200, 200],
    },
  },
  {
    call: 'PUT /accounts/{id}/ledgers/credit',
    cite: 'cb_ledgers:authorize_create (cb_context:reseller_id = kz_services_reseller:find_id)',
    send: sending('PUT', '/ledgers/credit', ledgerEntry('credit')),
    expect: OWN_RESELLER(201),
  },
  {
    call: 'PUT /accounts/{id}/ledgers/debit',
    cite: 'cb_ledgers:authorize_create',
    send: sending('PUT', '/ledgers/debit', ledgerEntry('debit')),
    expect: OWN_RESELLER(201),
  },
  {
    call: 'POST /accounts/{id}/services',
    cite: 'cb_services:is_allowed (kz_services_reseller:get_id or superduper)',
    send: sending('POST', '/services', () => ({ data: {} })),
    expect: OWN_RESELLER(200),
  },
  {
    call: 'POST /accounts/{id}/limits',
    cite: "cb_limits:is_allowed (the account's reseller, the master's direct accounts, superduper)",
    send: sending('POST', '/limits', () => ({ data: {} })),
    expect: {
      'reseller admin': [200, 200, 403, 403, 403, _, 403, _],
      'sub-account admin': [403, 403, _, 403, 403, 403, 403, 403],
      'sub-account user': [403, 403, _, 403, 403, 403, 403, 403],
      'sub-reseller admin': [403, 200, _, 403, 403, 403, 403, 403],
    },
  },
  {
    call: 'PUT /accounts/{id}/api_key',
    cite: 'cb_accounts:validate_account_path(API_KEY, PUT): cb_context:is_account_admin',
    send: sending('PUT', '/api_key'),
    expect: {
      'reseller admin': [201, 201, 201, 403, 403, _, 403, _],
      'sub-account admin': [201, 201, _, 403, 403, 403, 403, 403],
      'sub-account user': [403, 403, _, 403, 403, 403, 403, 403],
      'sub-reseller admin': [201, 201, _, 403, 403, 403, 403, 403],
    },
  },
  {
    call: 'GET /accounts/{id}/apps_store/blacklist',
    cite: 'cb_apps_store:validate_blacklist (kzd_accounts:is_in_account_hierarchy, self excluded)',
    send: sending('GET', '/apps_store/blacklist'),
    expect: STRICT_ANCESTOR,
  },
  {
    call: 'POST /accounts/{id}/apps_store/blacklist',
    cite: 'cb_apps_store:validate_blacklist',
    send: sending('POST', '/apps_store/blacklist', () => ({ data: { blacklist: [] } })),
    expect: STRICT_ANCESTOR,
  },
  {
    call: 'DELETE /accounts/{id} (every account in reach has sub-accounts)',
    cite: 'cb_accounts:allowed_methods_on_account (405 on the master), validate_delete_request (500)',
    send: sending('DELETE', ''),
    expect: {
      'reseller admin': [500, 500, 500, 403, 405, _, 403, _],
      'sub-account admin': [500, 500, _, 403, 403, 403, 403, 405],
      'sub-account user': [500, 500, _, 403, 403, 403, 403, 405],
      'sub-reseller admin': [500, 500, _, 403, 403, 403, 403, 405],
    },
  },
  {
    call: 'POST /accounts/{id}/move (allow_move: superduper_admin, the stock setting)',
    cite: 'cb_accounts:validate_move(<<"superduper_admin">>, ...)',
    send: sending('POST', '/move', (ids) => ({ data: { to: ids.subSibling } })),
    expect: NOBODY_BUT_SUPERDUPER,
  },
  {
    call: 'PUT /accounts/{id}/reseller',
    cite: 'cb_accounts:validate_account_path(RESELLER, PUT): cb_context:is_superduper_admin',
    send: sending('PUT', '/reseller'),
    expect: NOBODY_BUT_SUPERDUPER,
  },
  {
    call: 'DELETE /accounts/{id}/reseller',
    cite: 'cb_accounts:validate_account_path(RESELLER, DELETE): cb_context:is_superduper_admin',
    send: sending('DELETE', '/reseller'),
    expect: NOBODY_BUT_SUPERDUPER,
  },
];

/** Builds the fixture above; returns the emulator, account ids by name and a token per principal. */
async function authorizationFixture(allowMove: 'superduper_admin' | 'tree') {
  const em = createCrossbarEmulator({ seed: { accounts: 4, depth: 1, seed: 2 }, allowMove });
  const sd = em.issueToken(em.masterAccountId);
  const ids: Record<string, string> = {
    master: em.masterAccountId,
    acme: em.rootAccountId,
    globex: em.foreignAccountId,
  };
  const add = async (key: string, parent: string, name: string) => {
    ids[key] = (await createAccount(em, sd, ids[parent]!, { name })).id;
  };
  await add('direct', 'master', 'Platform Direct');
  await add('middle', 'acme', 'Middle Co');
  await add('sub', 'middle', 'Sub Co');
  await add('subChild', 'sub', 'Sub Child');
  await add('subGrandchild', 'subChild', 'Sub Grandchild');
  await add('subSibling', 'middle', 'Sub Sibling');
  await add('subReseller', 'middle', 'Sub Reseller');
  expect((await call(em, 'PUT', `/accounts/${ids.subReseller}/reseller`, { token: sd })).status).to.equal(200);
  await add('resellerCustomer', 'subReseller', 'Reseller Customer');
  await add('resellerGrandchild', 'resellerCustomer', 'RC Child');
  const user = async (account: string, username: string, priv_level: string): Promise<string> => {
    const r = await call(em, 'PUT', `/accounts/${ids[account]}/users`, {
      token: sd,
      body: { data: { first_name: 'Table', last_name: priv_level, username, priv_level } },
    });
    expect(r.status, JSON.stringify(r.json)).to.equal(201);
    return r.json.data.id;
  };
  const tokens: Record<Principal, string> = {
    'reseller admin': em.issueToken(),
    'sub-account admin': em.issueToken(ids.sub, await user('sub', 'admin@sub.example', 'admin')),
    'sub-account user': em.issueToken(ids.sub, await user('sub', 'user@sub.example', 'user')),
    'sub-reseller admin': em.issueToken(ids.subReseller, await user('subReseller', 'admin@subres.example', 'admin')),
  };
  return { em, ids, tokens, sd };
}

describe('crossbar emulator: who may call what (principal × relation × call → status, as Crossbar answers)', () => {
  let fx: Awaited<ReturnType<typeof authorizationFixture>>;
  before(async () => {
    fx = await authorizationFixture('superduper_admin');
  });

  for (const row of TABLE) {
    it(`${row.call} (${row.cite})`, async () => {
      const wrong: string[] = [];
      for (const [principal, cells] of Object.entries(row.expect) as [Principal, Cells][]) {
        for (const [i, expected] of cells.entries()) {
          const relation = RELATIONS[i]!;
          const key = RELATIVES[principal][relation];
          if (expected === null || key === undefined) {
            expect(
              expected === null && key === undefined,
              `${principal} × ${relation}: cell and relative agree`,
            ).to.equal(true);
            continue;
          }
          const got = await row.send(fx.em, fx.tokens[principal], fx.ids[key]!, fx.ids);
          if (got !== expected) wrong.push(`${principal} × ${relation}: expected ${expected}, got ${got}`);
        }
      }
      expect(wrong, `${row.call} — ${row.cite}`).to.deep.equal([]);
    });
  }

  it('counts the table: every principal has six relations, the master where it differs', () => {
    let rows = 0;
    for (const row of TABLE)
      for (const cells of Object.values(row.expect)) rows += cells.filter((c) => c !== null).length;
    console.log(`crossbar emulator: authorization table of ${rows} rows (${TABLE.length} calls)`);
    expect(rows).to.be.greaterThan(400);
  });
});

describe('crossbar emulator: what each principal sees of the tree', () => {
  let fx: Awaited<ReturnType<typeof authorizationFixture>>;
  before(async () => {
    fx = await authorizationFixture('tree');
  });
  const names = async (token: string, path: string) =>
    ((await call(fx.em, 'GET', path, { token })).json.data as Loose[]).map((a) => a.name);

  it('/tree starts at the caller and is [] for its own account (cb_accounts:get_authorized_account_tree)', async () => {
    const { ids, tokens } = fx;
    expect(await names(tokens['reseller admin'], `/accounts/${ids.acme}/tree`)).to.deep.equal([]);
    expect(await names(tokens['sub-account admin'], `/accounts/${ids.sub}/tree`)).to.deep.equal([]);
    expect(await names(tokens['reseller admin'], `/accounts/${ids.subGrandchild}/tree`)).to.deep.equal([
      'Acme Telecom',
      'Middle Co',
      'Sub Co',
      'Sub Child',
    ]);
    expect(await names(tokens['sub-account user'], `/accounts/${ids.subGrandchild}/tree`)).to.deep.equal([
      'Sub Co',
      'Sub Child',
    ]);
    expect(await names(fx.sd, `/accounts/${ids.subChild}/tree`)).to.deep.equal([
      'Kazoo Platform',
      'Acme Telecom',
      'Middle Co',
      'Sub Co',
    ]);
  });

  // cb_accounts.erl find_accounts_from_tree/4: the walk up from the parent stops at the caller
  // (`find_accounts_from_tree([AuthAccountId|_], ...)`). For the caller's own account Crossbar's walk runs on to the
  // master; the emulator holds the line there too, as /tree does: nobody sees an account above their own.
  it('/parents stops at the caller, and is [] for its own account (nothing above it)', async () => {
    const { ids, tokens } = fx;
    expect(await names(tokens['sub-reseller admin'], `/accounts/${ids.resellerGrandchild}/parents`)).to.deep.equal([
      'Sub Reseller',
      'Reseller Customer',
    ]);
    expect(await names(tokens['sub-account admin'], `/accounts/${ids.sub}/parents`)).to.deep.equal([]);
    expect(await names(tokens['reseller admin'], `/accounts/${ids.acme}/parents`)).to.deep.equal([]);
    expect(await names(fx.sd, `/accounts/${ids.subChild}/parents`)).to.deep.equal([
      'Kazoo Platform',
      'Acme Telecom',
      'Middle Co',
      'Sub Co',
    ]);
  });

  it("a reseller's token reads every path from its own account down: /tree, /parents, descendants' tree", async () => {
    const { em, ids, tokens } = fx;
    const token = tokens['reseller admin'];
    for (const which of ['tree', 'parents']) {
      expect(await names(token, `/accounts/${ids.subGrandchild}/${which}`), which).to.deep.equal([
        'Acme Telecom',
        'Middle Co',
        'Sub Co',
        'Sub Child',
      ]);
    }
    const listed = await call(em, 'GET', `/accounts/${ids.acme}/descendants?paginate=false`, { token });
    const rows = listed.json.data as Loose[];
    expect(rows.length).to.be.greaterThan(5);
    for (const row of rows) expect(row.tree[0], row.name).to.equal(ids.acme);
    expect(rows.flatMap((r) => r.tree as string[])).not.to.include(ids.master);
  });

  it('shows a token nothing above its account in /tree, the listings below it or a search', async () => {
    const { em, ids, tokens } = fx;
    const token = tokens['sub-account admin'];
    const above = new Set([ids.master, ids.acme, ids.middle, ids.subSibling, ids.globex]);
    for (const path of [
      `/accounts/${ids.sub}/tree`,
      `/accounts/${ids.subGrandchild}/tree`,
      `/accounts/${ids.subGrandchild}/parents`,
      `/accounts/${ids.sub}/children`,
      `/accounts/${ids.sub}/descendants`,
      `/accounts/${ids.subChild}/siblings`,
      `/accounts/${ids.acme}/search?t=account&q=name&v=s`,
      `/search?t=account&q=name&v=s`,
      `/accounts/${ids.globex}/search/multi?t=account&by_name=s&by_realm=s`,
    ]) {
      const r = await call(em, 'GET', path, { token });
      expect(r.status, path).to.equal(200);
      const rows: Loose[] = Array.isArray(r.json.data) ? r.json.data : Object.values(r.json.data).flat();
      expect(
        rows.filter((a) => above.has(a.id)).map((a) => a.name),
        path,
      ).to.deep.equal([]);
    }
  });

  it('refuses PUT /api_key to a token without a user, such as an API key (cb_context:is_account_admin)', async () => {
    const { em } = fx;
    const apiToken = (await call(em, 'PUT', '/api_auth', { body: { data: { api_key: em.apiKey } } })).json.auth_token;
    expect((await call(em, 'GET', `/accounts/${em.rootAccountId}/api_key`, { token: apiToken })).status).to.equal(200);
    expect((await call(em, 'PUT', `/accounts/${em.rootAccountId}/api_key`, { token: apiToken })).status).to.equal(403);
  });

  it('moves with allow_move "tree" only between accounts strictly below the caller (cb_accounts:validate_move)', async () => {
    const { em, ids, tokens } = fx;
    const move = async (principal: Principal, id: string, to: string) =>
      (await call(em, 'POST', `/accounts/${id}/move`, { token: tokens[principal], body: { data: { to } } })).status;
    expect(await move('sub-account admin', ids.sub!, ids.subChild!), 'its own account').to.equal(403);
    expect(await move('reseller admin', ids.acme!, ids.middle!), 'its own account').to.equal(403);
    // ToTree is the new parent's pvt_tree, without the new parent: the caller's own account is not in it.
    expect(await move('reseller admin', ids.subSibling!, ids.acme!), 'to its own account').to.equal(403);
    expect(await move('sub-account admin', ids.subGrandchild!, ids.subSibling!), 'out of its tree').to.equal(403);
    expect(await move('sub-account admin', ids.subGrandchild!, ids.sub!), 'to its own account').to.equal(403);
    expect(await move('reseller admin', ids.subGrandchild!, ids.subSibling!)).to.equal(200);
    expect(await names(tokens['reseller admin'], `/accounts/${ids.subGrandchild}/tree`)).to.deep.equal([
      'Acme Telecom',
      'Middle Co',
      'Sub Sibling',
    ]);
    const missing = await call(em, 'POST', `/accounts/${ids.subChild}/move`, {
      token: tokens['reseller admin'],
      body: { data: {} },
    });
    expect(missing.status).to.equal(400);
    expect(missing.json.data.to.required).to.exist;
  });
});

// ---------- wire details ----------

describe('crossbar emulator: paging keys and revisions as Crossbar sends them', () => {
  it('sends start_key / next_start_key as base64url of the Erlang term (api_util:encode_start_key)', async () => {
    const em = createCrossbarEmulator({ seed: { accounts: 30, depth: 1, seed: 4 } });
    const token = em.issueToken();
    const first = await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=10`, { token });
    const next: string = first.json.next_start_key;
    expect(next)
      .to.be.a('string')
      .and.match(/^[A-Za-z0-9_-]+$/);
    expect(first.json.start_key)
      .to.be.a('string')
      .and.match(/^[A-Za-z0-9_-]+$/);
    // term_to_binary of a list of binaries, written out by hand: 131, LIST_EXT, n, (BINARY_EXT, len, bytes)*, NIL_EXT.
    const row = (await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=11`, { token })).json.data[10];
    const key = [em.rootAccountId, row.name, row.id];
    const bytes = [131, 108, 0, 0, 0, key.length];
    for (const part of key) {
      const b = new TextEncoder().encode(part);
      bytes.push(109, (b.length >>> 24) & 255, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255, ...b);
    }
    bytes.push(106);
    const b64url = btoa(String.fromCharCode(...bytes))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(next).to.equal(b64url);
    // Taken back as is, it leads to the next page, which echoes it as its start_key.
    const second = await call(em, 'GET', `/accounts/${em.rootAccountId}/children?page_size=10&start_key=${next}`, {
      token,
    });
    expect(second.json.data[0].id).to.equal(row.id);
    expect(second.json.start_key).to.equal(next);
    const all = await walk(em, token, `/accounts/${em.rootAccountId}/children`, 7);
    expect(all.items).to.have.length(30);
  });

  it("sends raw view keys with startKeys: 'raw' and accepts both shapes either way", async () => {
    const raw = createCrossbarEmulator({ seed: { accounts: 30, depth: 1, seed: 4 }, startKeys: 'raw' });
    const opaque = createCrossbarEmulator({ seed: { accounts: 30, depth: 1, seed: 4 } });
    const path = (em: CrossbarEmulator) => `/accounts/${em.rootAccountId}/children?page_size=10`;
    const r = await call(raw, 'GET', path(raw), { token: raw.issueToken() });
    expect(r.json.next_start_key).to.be.an('array');
    const o = await call(opaque, 'GET', path(opaque), { token: opaque.issueToken() });
    expect(decodeStartKey(o.json.next_start_key)!.key).to.deep.equal(r.json.next_start_key);
    // Each accepts the other's key.
    const viaRaw = await call(raw, 'GET', `${path(raw)}&start_key=${o.json.next_start_key}`, {
      token: raw.issueToken(),
    });
    const viaOpaque = await call(
      opaque,
      'GET',
      `${path(opaque)}&start_key=${encodeURIComponent(JSON.stringify(r.json.next_start_key))}`,
      { token: opaque.issueToken() },
    );
    expect(viaRaw.json.data.map((a: Loose) => a.id)).to.deep.equal(viaOpaque.json.data.map((a: Loose) => a.id));
    expect(
      (await walk(raw, raw.issueToken(), `/accounts/${raw.rootAccountId}/users`, 3)).items.length,
    ).to.be.greaterThan(3);
  });

  it('leaves revision out where there is none, never "undefined" (api_util:create_default_resp_envelope)', async () => {
    const em = createCrossbarEmulator({ seed: { accounts: 5, depth: 1 } });
    const token = em.issueToken();
    const id = em.rootAccountId;
    for (const [method, path, body] of [
      ['PUT', '/api_auth', { data: { api_key: em.apiKey } }],
      ['GET', '/token_auth'],
      ['GET', `/accounts/${id}/ledgers/total`],
      ['GET', `/accounts/${id}/ledgers`],
      ['GET', `/accounts/${id}/api_key`],
      ['GET', `/accounts/${em.accounts().find((a) => a.depth === 1)!.id}/apps_store/blacklist`],
      ['GET', `/accounts/${id}/phone_numbers/classifiers`],
    ] as const) {
      const r = await call(em, method, path, { token, body });
      expect(r.status, path).to.be.below(300);
      expect(r.json, path).not.to.have.property('revision');
    }
    const doc = await call(em, 'GET', `/accounts/${id}`, { token });
    expect(doc.json.revision).to.match(/^\d+-[0-9a-f]{32}$/);
    const list = await call(em, 'GET', `/accounts/${id}/children`, { token });
    expect(list.json.revision).to.match(/^[0-9a-f]{32}$/);
  });
});

describe('crossbar emulator: seed data', () => {
  it("seeds only documents Kazoo's schemas accept: every account, user and limits document", async () => {
    const v = new Validator();
    const pub = (doc: Loose) =>
      Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_') && !k.startsWith('pvt_')));
    for (const seed of [{}, { accounts: 200, depth: 3, seed: 7 }]) {
      const em = createCrossbarEmulator({ seed });
      const sd = em.issueToken(em.masterAccountId);
      // Reading each account derives its lazily seeded keys, users and limits.
      for (const a of em.accounts()) {
        for (const what of ['', '/users?paginate=false', '/limits']) {
          expect((await call(em, 'GET', `/accounts/${a.id}${what}`, { token: sd })).status).to.equal(200);
        }
      }
      const state = em.snapshot();
      const bad: string[] = [];
      for (const a of state.accounts) {
        const errs = v.validate('accounts', pub(a));
        if (Object.keys(errs).length) bad.push(`account ${String(a.name)}: ${JSON.stringify(errs)}`);
      }
      for (const users of Object.values(state.users)) {
        for (const u of users) {
          const errs = v.validate('users', pub(u));
          if (Object.keys(errs).length) bad.push(`user ${String(u.username)}: ${JSON.stringify(errs)}`);
        }
      }
      for (const [account, limits] of Object.entries(state.limits)) {
        const errs = v.validate('limits', pub(limits));
        if (Object.keys(errs).length) bad.push(`limits of ${account}: ${JSON.stringify(errs)}`);
      }
      expect(state.accounts.length).to.equal(em.accounts().length);
      expect(Object.keys(state.users)).to.have.length(state.accounts.length);
      expect(Object.keys(state.limits)).to.have.length(state.accounts.length);
      expect(bad).to.deep.equal([]);
    }
  });
});

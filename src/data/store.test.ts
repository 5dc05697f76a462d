import { expect } from '@open-wc/testing';
import { AccountApiError } from '../api/errors.js';
import type { Page, AccountSummary } from '../api/model.js';
import { AccountStore, type StoreChange } from './store.js';
import { storeKey } from './keys.js';
import { createFakeApi } from './fake-api.testing.js';

describe('AccountStore reads', () => {
  it('makes one request for ten concurrent reads of one account', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.getAccount('a')));
    expect(fake.count('getAccount:a')).to.equal(1);
    expect(new Set(results.map((r) => r.name))).to.deep.equal(new Set(['Acme']));
    await store.getAccount('a');
    expect(fake.count('getAccount:a'), 'fresh cache answers').to.equal(1);
  });

  it('keeps the shared request alive when one caller aborts, and cancels it when all do', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    fake.hold();
    const one = new AbortController();
    const first = store.getAccount('a', { signal: one.signal });
    const second = store.getAccount('a');
    one.abort();
    let firstError: unknown;
    await first.catch((e) => (firstError = e));
    expect(AccountApiError.is(firstError, 'aborted')).to.equal(true);
    fake.release();
    expect((await second).name).to.equal('Acme');
    expect(fake.aborted).to.deep.equal([]);

    fake.hold();
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = store.getBalance('a', { signal: c1.signal }).catch((e) => e);
    const p2 = store.getBalance('a', { signal: c2.signal }).catch((e) => e);
    c1.abort();
    expect(fake.aborted).to.deep.equal([]);
    c2.abort();
    await Promise.all([p1, p2]);
    expect(fake.aborted).to.deep.equal(['getBalance:a']);
    fake.release();
    expect(store.peek(storeKey.balance('a'))).to.equal(undefined);
  });

  it('serves cached data until it is stale, then asks again; force always asks', async () => {
    const fake = createFakeApi();
    let now = 1000;
    const store = new AccountStore(fake.api, { staleMs: 5000, now: () => now });
    await store.getAccount('a');
    fake.touch('a', { name: 'Acme Renamed' });
    now += 4000;
    expect((await store.getAccount('a')).name).to.equal('Acme');
    expect(store.peek<{ name: string }>(storeKey.account('a'))!.name).to.equal('Acme');
    now += 2000;
    expect((await store.getAccount('a')).name).to.equal('Acme Renamed');
    expect(fake.count('getAccount:a')).to.equal(2);
    await store.getAccount('a', { force: true });
    expect(fake.count('getAccount:a')).to.equal(3);
  });

  it('does not cache errors', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    fake.failNext('getLimits', new AccountApiError({ kind: 'network', message: 'down' }));
    let error: unknown;
    await store.getLimits('a').catch((e) => (error = e));
    expect(AccountApiError.is(error, 'network')).to.equal(true);
    expect(store.peek(storeKey.limits('a'))).to.equal(undefined);
    const limits = await store.getLimits('a');
    expect(limits.allowPerMinute).to.equal(false);
    expect(fake.count('getLimits:a')).to.equal(2);
  });

  it('turns a plain rejection from an adapter into an AccountApiError', async () => {
    const fake = createFakeApi();
    const api = { ...fake.api, getAccount: () => Promise.reject(new TypeError('boom')) };
    let error: unknown;
    await new AccountStore(api).getAccount('a').catch((e) => (error = e));
    expect(AccountApiError.is(error, 'server')).to.equal(true);
  });

  it('follows every page of users', async () => {
    const fake = createFakeApi(undefined, { usersPageSize: 2 });
    fake.users.set(
      'a',
      [1, 2, 3, 4, 5].map((n) => ({
        id: `u${n}`,
        firstName: `F${n}`,
        lastName: 'L',
        privLevel: n % 2 ? 'admin' : 'user',
      })),
    );
    const store = new AccountStore(fake.api);
    const all = await store.listAllUsers('a');
    expect(all.map((u) => u.id)).to.deep.equal(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(fake.count('listUsers:a')).to.equal(3);
    const admins = await store.listAllUsers('a', { privLevel: 'admin' });
    expect(admins.map((u) => u.id)).to.deep.equal(['u1', 'u3', 'u5']);
  });

  it('remembers enabled / reseller facts from account reads for listings that lack them', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    const listing = store.listing('b');
    await listing.loadTo(0);
    expect(listing.items[0]!.enabled).to.equal(undefined);
    const changes: StoreChange[] = [];
    store.subscribeKey(listing.key, (c) => changes.push(c));
    await store.getAccount('b1');
    expect(store.summaryFacts('b1')).to.deep.equal({ name: 'Beta One', enabled: false, isReseller: false });
    expect(listing.items[0]!.enabled).to.equal(false);
    expect(changes).to.deep.equal([{ type: 'resource-updated', key: 'children:b' }]);
    listing.reset();
    await listing.loadTo(0);
    expect(listing.items[0]!.enabled, 'a page read again keeps the known fact').to.equal(false);
  });
});

describe('AccountStore writes', () => {
  it('broadcasts a save to every subscriber and patches cached listings', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    await store.getAccount('a');
    await store.listing('root').loadTo(0);
    await store.searchAccounts('ac');
    const all: StoreChange[] = [];
    const forAccount: StoreChange[] = [];
    const forChildren: StoreChange[] = [];
    const forOther: StoreChange[] = [];
    store.subscribe((c) => all.push(c));
    store.subscribeKey(storeKey.account('a'), (c) => forAccount.push(c));
    store.subscribeKey(storeKey.children('root'), (c) => forChildren.push(c));
    store.subscribeKey(storeKey.account('b'), (c) => forOther.push(c));

    const saved = await store.updateAccount('a', { name: 'Acme Corp', enabled: false });
    for (const list of [all, forAccount, forChildren]) {
      expect(list).to.have.length(1);
      expect(list[0]).to.deep.include({ type: 'account-updated' });
    }
    expect(forOther).to.deep.equal([]);
    expect(store.peek(storeKey.account('a'))).to.deep.equal(saved);
    const row = store.listing('root').items.find((s) => s.id === 'a')!;
    expect(row).to.deep.include({ name: 'Acme Corp', enabled: false });
    const hit = store.peek<Page<AccountSummary>>(storeKey.search('ac'))!.items.find((s) => s.id === 'a')!;
    expect(hit.name).to.equal('Acme Corp');
    expect(fake.count('getAccount'), 'no read after a write').to.equal(1);
  });

  it('leaves the cache as it was when a write fails', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    const before = await store.getAccount('a');
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    let error: unknown;
    await store.updateAccount('a', { name: '' }).catch((e) => (error = e));
    expect(AccountApiError.is(error, 'validation')).to.equal(true);
    expect(store.peek(storeKey.account('a'))).to.deep.equal(before);
    expect(heard).to.deep.equal([]);
  });

  it('does not let a read that started before a write overwrite it', async () => {
    const fake = createFakeApi();
    let answer: () => void = () => undefined;
    const api = {
      ...fake.api,
      // Answers with the document as it was when asked, once let go.
      getAccount: async (id: string) => {
        const before = await fake.api.getAccount(id);
        await new Promise<void>((r) => (answer = r));
        return before;
      },
    };
    const store = new AccountStore(api);
    const read = store.getAccount('a');
    await new Promise((r) => setTimeout(r, 10));
    const saved = await store.updateAccount('a', { name: 'After' });
    answer();
    expect((await read).name, 'the caller gets the newer data').to.equal('After');
    expect(store.peek<{ name: string }>(storeKey.account('a'))!.name).to.equal(saved.name);
  });

  it('inserts a created account in its parent listing and removes a deleted one', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    const listing = store.listing('root');
    await listing.loadTo(0);
    const heard: StoreChange[] = [];
    store.subscribeKey(storeKey.children('root'), (c) => heard.push(c));
    const made = await store.createAccount('root', { name: 'Aardvark' });
    let names = listing.items.map((s) => s.name);
    expect(names).to.deep.equal(['Aardvark', 'Acme', 'Beta']);
    await store.deleteAccount(made.id);
    names = listing.items.map((s) => s.name);
    expect(names).to.deep.equal(['Acme', 'Beta']);
    expect(heard.map((c) => c.type)).to.deep.equal(['account-created', 'account-deleted']);
    expect(heard[1]).to.deep.equal({ type: 'account-deleted', id: made.id, parentId: 'root' });
  });

  it('moves an account between cached listings and says where from', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    await store.listing('root').loadTo(0);
    await store.listing('b').loadTo(0);
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    await store.moveAccount('b1', 'root');
    expect(store.listing('b').items).to.deep.equal([]);
    const root = store.listing('root').items;
    expect(root.map((s) => s.name)).to.deep.equal(['Acme', 'Beta', 'Beta One']);
    expect(root.find((s) => s.id === 'b')!.descendantsCount).to.equal(0);
    expect(heard[0]).to.deep.include({ type: 'account-moved', fromParentId: 'b', toParentId: 'root' });
  });

  it('updates cached users and resources after their writes', async () => {
    const fake = createFakeApi();
    const store = new AccountStore(fake.api);
    await store.listAllUsers('a');
    await store.listAllUsers('a', { privLevel: 'admin' });
    const heard: StoreChange[] = [];
    store.subscribeKey(storeKey.users('a'), (c) => heard.push(c));
    const u = await store.createUser('a', { firstName: 'Ann', lastName: 'Lee', privLevel: 'user' });
    expect(store.peek(storeKey.users('a'))).to.deep.equal([u]);
    expect(store.peek(storeKey.users('a', 'admin'))).to.deep.equal([]);
    await store.updateUser('a', u.id, { privLevel: 'admin' });
    expect(store.peek<unknown[]>(storeKey.users('a', 'admin'))).to.have.length(1);
    await store.deleteUser('a', u.id);
    expect(store.peek(storeKey.users('a'))).to.deep.equal([]);
    expect(heard).to.have.length(3);

    await store.getLimits('a');
    await store.updateLimits('a', { twowayTrunks: 4 });
    expect(store.peek<{ twowayTrunks: number }>(storeKey.limits('a'))!.twowayTrunks).to.equal(4);
    expect(fake.count('getLimits')).to.equal(1);
  });
});

describe('AccountStore writes module', () => {
  /** A store module of its own, whose writes are not loaded yet. */
  async function freshStore(api: ReturnType<typeof createFakeApi>['api']): Promise<AccountStore> {
    const url = `./store.ts?fresh=${Math.random()}`;
    const m = (await import(/* @vite-ignore */ url)) as typeof import('./store.js');
    return new m.AccountStore(api);
  }

  it('sends a write at once when the writes are loaded', async () => {
    const fake = createFakeApi();
    await new AccountStore(fake.api).setReseller('b', true);
    const store = new AccountStore(fake.api);
    const saved = store.updateAccount('a', { name: 'Acme Corp' });
    expect(fake.calls).to.include('updateAccount:a');
    expect((await saved).name).to.equal('Acme Corp');
  });

  it('loads the writes on the first one and then behaves as ever', async () => {
    const fake = createFakeApi();
    const store = await freshStore(fake.api);
    await store.listing('root').loadTo(0);
    const heard: StoreChange[] = [];
    store.subscribeKey(storeKey.children('root'), (c) => heard.push(c));
    const made = await store.createAccount('root', { name: 'Aardvark' });
    expect(store.listing('root').items.map((s) => s.name)).to.deep.equal(['Aardvark', 'Acme', 'Beta']);
    expect(heard).to.deep.equal([{ type: 'account-created', account: made, parentId: 'root' }]);
  });

  it('does not send a write asked before clear() while the writes load', async () => {
    const fake = createFakeApi();
    const store = await freshStore(fake.api);
    const saved = store.updateAccount('a', { name: 'Acme Corp' });
    store.clear();
    let error: unknown;
    await saved.catch((e) => (error = e));
    expect(AccountApiError.is(error, 'aborted')).to.equal(true);
    expect(fake.count('updateAccount')).to.equal(0);
  });

  it('records an adopted account once the writes are loaded', async () => {
    const fake = createFakeApi();
    const store = await freshStore(fake.api);
    await store.listing('root').loadTo(0);
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    const found = await fake.api.createAccount('root', { name: 'Aardvark' });
    expect(store.adoptCreated('root', found)).to.equal(found);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.listing('root').items.map((s) => s.name)).to.deep.equal(['Aardvark', 'Acme', 'Beta']);
    expect(heard.map((c) => c.type)).to.deep.equal(['account-created']);
  });
});

/**
 * Nothing reaches the host page's `window` from any element: no `error` event (a `ResizeObserver` loop included, which
 * the browser reports there) and no unhandled rejection, through a whole life on the page: the first load, a read
 * that times out or fails (the adapter gives up after `timeoutMs`) and Retry, what a user does (the tree scrolled and
 * expanded, the wizard's next step, the manager's tabs), and the element's removal. Listened for as a host does,
 * in the capture phase (mocha's own `window.onerror` sees them too late, or not at all).
 */
import { expect, fixture, nextFrame } from '@open-wc/testing';
import { html } from 'lit';
import type { AccountApi } from '../src/api/api.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';
import { startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import { deepQueryAll, getByLabel, getByRole, queryByRole, textOf, typeInto } from './queries.js';
import '../exports/define.js';

/** The adapter gives up on a read that does not answer after this long. */
const TIMEOUT_MS = 2000;

const frames = async (n = 4) => {
  for (let i = 0; i < n; i++) await nextFrame();
};

/** What reached `window` while it ran. */
const escaped: string[] = [];
const onError = (e: ErrorEvent) => escaped.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) =>
  escaped.push(`unhandled rejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`);

/** A provider on the page with `api`, signed in; `el` then goes inside it. */
async function mountIn<T extends HTMLElement>(api: AccountApi, el: T): Promise<{ provider: AccountProvider; el: T }> {
  const provider = await fixture<AccountProvider>(html`<account-provider .api=${api}></account-provider>`);
  await until(() => provider.session !== undefined, 'the session');
  provider.append(el);
  return { provider, el };
}

function create<T extends HTMLElement>(tag: string, attrs: Record<string, string> = {}): T {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** The failure shows in words with Retry; Retry loads it. */
async function retry(el: HTMLElement, loaded: () => unknown): Promise<void> {
  await until(() => queryByRole(el, 'button', 'Retry'), `<${el.localName}> shows Retry`);
  expect(textOf(el)).to.match(/took too long|ran into a problem/);
  getByRole(el, 'button', 'Retry').click();
  await until(loaded, `<${el.localName}> loads after Retry`).catch(() => {
    throw new Error(`<${el.localName}> did not load after Retry: it shows "${textOf(el).slice(0, 300)}"`);
  });
}

/** Removes the provider (and what is in it), and lets a few frames and tasks pass. */
async function unmount(provider: HTMLElement): Promise<void> {
  provider.remove();
  await frames();
  await new Promise((r) => setTimeout(r, 50));
}

const rows = (el: Element) => deepQueryAll(el, '[role=treeitem]').filter((r) => r.getAttribute('aria-busy') !== 'true');
const saveShown = (el: HTMLElement) => queryByRole(el, 'button', 'Save');

interface Case {
  tag: string;
  /** The read the fault is put on (`id`: the customer shown). */
  read: (fx: EmulatorFixture, id: string) => string;
  /** Attributes of the element. */
  attrs?: (id: string) => Record<string, string>;
  /** Shown once loaded. */
  loaded: (el: HTMLElement) => unknown;
}

const DRAFTS: Case[] = [
  { tag: 'account-overview', read: (_, id) => `/accounts/${id}`, loaded: saveShown },
  {
    tag: 'account-admins',
    read: (_, id) => `/accounts/${id}/users`,
    loaded: (el) => queryByRole(el, 'button', 'Add administrator'),
  },
  { tag: 'service-plan-picker', read: (_, id) => `/accounts/${id}/services`, loaded: saveShown },
  { tag: 'account-limits', read: (_, id) => `/accounts/${id}/limits`, loaded: saveShown },
  { tag: 'number-features', read: (_, id) => `/accounts/${id}`, loaded: saveShown },
  { tag: 'account-restrictions', read: (_, id) => `/accounts/${id}`, loaded: saveShown },
  { tag: 'carrier-picker', read: (_, id) => `/accounts/${id}/callflows`, loaded: saveShown },
  {
    tag: 'app-exchange-toggle',
    read: (fx) => `/accounts/${fx.emulator.rootAccountId}/apps_store`,
    loaded: saveShown,
  },
  { tag: 'account-notes', read: (_, id) => `/accounts/${id}`, loaded: saveShown },
];

/** The manager's tabs and the element each shows. */
const TABS: Record<string, string> = {
  Admins: 'account-admins',
  Limits: 'account-limits',
  Numbers: 'number-features',
  Restrictions: 'account-restrictions',
  Carrier: 'carrier-picker',
  Apps: 'app-exchange-toggle',
  Notes: 'account-notes',
  Plans: 'service-plan-picker',
  Overview: 'account-overview',
};

describe('nothing reaches window from an element', () => {
  let fx: EmulatorFixture;
  let api: AccountApi;
  let customer: string;

  before(() => {
    window.addEventListener('error', onError, true);
    window.addEventListener('unhandledrejection', onRejection, true);
  });
  after(() => {
    window.removeEventListener('error', onError, true);
    window.removeEventListener('unhandledrejection', onRejection, true);
  });
  beforeEach(async () => {
    escaped.length = 0;
    fx = await startEmulator();
    api = fx.makeApi({ timeoutMs: TIMEOUT_MS });
    customer = fx.customer((a) => a.childCount === 0).id;
  });
  afterEach(function () {
    // A failure of the test itself says more than what escaped meanwhile.
    if (this.currentTest?.state !== 'failed') expect(escaped, 'what reached window').to.deep.equal([]);
  });

  it('<account-provider>: its session read times out, Retry, removed', async () => {
    const root = fx.emulator.rootAccountId;
    fx.emulator.faults.add({ path: `/accounts/${root}`, method: 'GET', timeout: true, times: 1 });
    const provider = await fixture<AccountProvider>(html`<account-provider .api=${api}></account-provider>`);
    await retry(provider, () => provider.session !== undefined);
    await unmount(provider);
  });

  it('<account-tree>: loaded after a timeout and a 500, scrolled, expanded, removed', async () => {
    const root = fx.emulator.rootAccountId;
    fx.emulator.faults.add({ path: `/accounts/${root}/children`, method: 'GET', timeout: true, times: 1 });
    const { provider, el } = await mountIn(api, create('account-tree'));
    await retry(el, () => rows(el).length > 3);
    await frames();
    const tree = getByRole(el, 'tree');
    tree.scrollTop = tree.scrollHeight;
    await frames();
    tree.scrollTop = 0;
    await frames();
    const parent = fx.customers().find((a) => a.childCount > 0)!;
    const row = rows(el).find((r) => r.querySelector('.name')?.textContent === parent.name)!;
    fx.emulator.faults.add({ path: `/accounts/${parent.id}/children`, method: 'GET', status: 500, times: 1 });
    row.querySelector<HTMLElement>('[part~=toggle]')!.click();
    await retry(el, () => rows(el).some((r) => r.getAttribute('aria-level') === '2'));
    await frames();
    await unmount(provider);
  });

  it('<account-tree> as tall as its rows, of rows of the page’s height: loaded after a timeout, expanded, removed', async () => {
    const root = fx.emulator.rootAccountId;
    fx.emulator.faults.add({ path: `/accounts/${root}/children`, method: 'GET', timeout: true, times: 1 });
    const tree = create('account-tree');
    // What a host page may set: no height of its own (the tree grows with its rows), rows taller than the default.
    tree.style.setProperty('--am-account-tree-height', 'auto');
    tree.style.setProperty('--am-account-tree-row-height', '2.5rem');
    const { provider, el } = await mountIn(api, tree);
    await retry(el, () => rows(el).length > 3);
    await frames();
    rows(el)
      .find((r) => r.getAttribute('aria-expanded') === 'false')!
      .querySelector<HTMLElement>('[part~=toggle]')!
      .click();
    await until(() => rows(el).some((r) => r.getAttribute('aria-level') === '2'), 'the sub-accounts');
    await frames();
    await unmount(provider);
  });

  it('<account-create>: its first read times out, Retry, the next step, removed', async () => {
    const root = fx.emulator.rootAccountId;
    fx.emulator.faults.add({ path: `/accounts/${root}/services/available`, method: 'GET', timeout: true, times: 1 });
    const { provider, el } = await mountIn(api, create('account-create'));
    await retry(el, () => queryByRole(el, 'button', 'Next'));
    await typeInto(getByLabel(el, /^Account name/), 'Window Watch Co');
    getByRole(el, 'button', 'Next').click();
    await until(() => /Contacts/.test(textOf(el)), 'the contacts step');
    await unmount(provider);
  });

  for (const c of DRAFTS) {
    it(`<${c.tag}>: its read times out, Retry, removed`, async () => {
      fx.emulator.faults.add({ path: c.read(fx, customer), method: 'GET', timeout: true, times: 1 });
      const { provider, el } = await mountIn(api, create(c.tag, { 'account-id': customer }));
      await retry(el, () => c.loaded(el));
      await frames();
      await unmount(provider);
    });
  }

  it('<account-announcement>: its read fails (it shows nothing), the page refreshes, Dismiss, removed', async () => {
    for (const k of Object.keys(localStorage)) if (k.includes('announcement')) localStorage.removeItem(k);
    for (const k of Object.keys(sessionStorage)) if (k.includes('announcement')) sessionStorage.removeItem(k);
    await fx.api.updateAccount(customer, { notes: { announcement: '<p>Window watch: maintenance tonight.</p>' } });
    const { provider, el } = await mountIn(api, create('account-announcement', { 'account-id': customer }));
    // Shown once per sign-in: this run's first.
    await until(() => queryByRole(el, 'button', 'Dismiss'), 'the announcement');
    getByRole(el, 'button', 'Dismiss').click();
    await unmount(provider);
    await fx.api.updateAccount(customer, { notes: { announcement: '<p>Window watch: and again tomorrow.</p>' } });
    fx.emulator.faults.add({ path: `/accounts/${customer}`, method: 'GET', status: 500, times: 1 });
    // Another sign-in: a store of its own, which reads the account again.
    const next = await mountIn(
      fx.makeApi({ timeoutMs: TIMEOUT_MS }),
      create('account-announcement', { 'account-id': customer }),
    );
    const failed = () => fx.requestsTo('GET', new RegExp(`/accounts/${customer}$`)).some((r) => r.status === 500);
    await until(failed, 'the read fails');
    await frames();
    expect(queryByRole(next.el, 'button', 'Dismiss'), 'nothing shown of a failed read').to.equal(undefined);
    next.provider.refresh();
    await until(() => queryByRole(next.el, 'button', 'Dismiss'), 'the announcement after the refresh');
    getByRole(next.el, 'button', 'Dismiss').click();
    await unmount(next.provider);
  });

  it('<account-manager>: its tree and its account time out, Retry, every tab, removed', async () => {
    const root = fx.emulator.rootAccountId;
    fx.emulator.faults.add({ path: `/accounts/${root}/children`, method: 'GET', timeout: true, times: 1 });
    const { provider, el } = await mountIn(api, create('account-manager'));
    await retry(el, () => rows(el).length > 3);
    const name = fx.emulator.accounts().find((a) => a.id === customer)!.name;
    fx.emulator.faults.add({ path: `/accounts/${customer}`, method: 'GET', timeout: true, times: 1 });
    await until(() => rows(el).find((r) => r.querySelector('.name')?.textContent === name), 'the customer’s row');
    rows(el)
      .find((r) => r.querySelector('.name')?.textContent === name)!
      .click();
    await retry(el, () => queryByRole(el, 'tab', 'Limits'));
    for (const [tab, tag] of Object.entries(TABS)) {
      getByRole(el, 'tab', tab).click();
      const loaded = DRAFTS.find((c) => c.tag === tag)!.loaded;
      await until(() => deepQueryAll(el, tag).some((panel) => loaded(panel)), `the ${tab} tab shows <${tag}>`);
      await frames(2);
    }
    await unmount(provider);
  });
});

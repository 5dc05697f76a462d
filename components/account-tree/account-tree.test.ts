import { accessibleName, textOf } from '../../test/queries.js';
import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContextEvent } from '@lit/context';
import type { AccountSummary } from '../../src/api/model.js';
import { storeContext } from '../../src/context/contexts.js';
import type { AccountStore } from '../../src/data/store.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import type { AccountTree } from './account-tree.js';
import type { AccountProvider } from '../account-provider/account-provider.js';
import '../account-provider/account-provider.define.js';
import './account-tree.define.js';

const rows = (el: AccountTree) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
const loadedRows = (el: AccountTree) => rows(el).filter((r) => r.getAttribute('aria-busy') !== 'true');
const treeOf = (el: AccountTree) => el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
const nameOf = (r: Element) => r.querySelector('.name')?.textContent ?? '';
const rowNamed = (el: AccountTree, name: string) => rows(el).find((r) => nameOf(r) === name);
const active = (el: AccountTree) => el.shadowRoot!.activeElement as HTMLElement | null;
const byPos = (el: AccountTree) =>
  rows(el).sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')));
const children = (fx: EmulatorFixture) =>
  fx.emulator.requests.filter((r) => r.method === 'GET' && /\/children$/.test(r.path));
const searchRequests = (fx: EmulatorFixture) => fx.emulator.requests.filter((r) => /\/search$/.test(r.path));
const input = (el: AccountTree) => el.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;
const part = (el: AccountTree, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const inView = (el: AccountTree, row: Element | undefined) => {
  if (!row) return false;
  const r = row.getBoundingClientRect();
  const t = treeOf(el).getBoundingClientRect();
  return r.height > 0 && r.top >= t.top - 1 && r.bottom <= t.bottom + 1;
};
/** Elements in the element's shadow DOM, nested shadow roots included. */
const elementCount = (root: ParentNode): number =>
  [...root.querySelectorAll('*')].reduce((n, e) => n + 1 + (e.shadowRoot ? elementCount(e.shadowRoot) : 0), 0);
/** Some rows are in view and none of them is a placeholder. */
const loadedInView = (el: AccountTree) => {
  const seen = rows(el).filter((r) => inView(el, r));
  return seen.length > 0 && seen.every((r) => r.getAttribute('aria-busy') !== 'true');
};
const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await nextFrame();
};

/** The provider's store, asked the way widgets ask it (context). */
function storeOf(el: Element): AccountStore {
  let store: AccountStore | undefined;
  el.dispatchEvent(new ContextEvent(storeContext, el, (v) => (store = v)));
  return store!;
}

/** Every child of `parentId`, in the backend's order. */
async function allChildren(fx: EmulatorFixture, parentId: string): Promise<AccountSummary[]> {
  const out: AccountSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await fx.api.listChildren(parentId, { cursor, pageSize: 1000 });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  fx.emulator.clearRequests();
  return out;
}

async function mount(fx: EmulatorFixture, template = html`<account-tree style="height: 400px"></account-tree>`) {
  const { provider, el } = await mountInProvider<AccountTree>(fx.api, template, 'account-tree');
  await until(() => loadedRows(el).length > 0 || el.shadowRoot?.querySelector('[part=empty]'), 'the first rows');
  await frames();
  return { provider, el, store: storeOf(el) };
}

const ROW = 32;

/** Scrolls the tree so that flat row `i` is at the top, and lets the virtualizer render. */
async function scrollToRow(el: AccountTree, i: number) {
  treeOf(el).scrollTop = i * ROW;
  await frames(4);
}

describe('<account-tree>: the first rows', () => {
  // The first tree of the page: its breadcrumbs and badges are loaded after its first rows, its keyboard on first use.
  it('handles the keys pressed as soon as they show, in order, and fills in the breadcrumbs', async () => {
    const fx = await startEmulator();
    const { el } = await mountInProvider<AccountTree>(
      fx.api,
      html`<account-tree style="height: 400px"></account-tree>`,
      'account-tree',
    );
    await until(() => loadedRows(el).length > 3, 'the first rows');
    byPos(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => active(el)?.getAttribute('aria-posinset') === '3', 'the third row focused');
    expect(part(el, 'crumb-current')!.textContent).to.equal('Acme Telecom');
    await until(() => treeOf(el).getAttribute('aria-label') === 'Accounts under Acme Telecom', 'the tree named');
  });
});

describe('<account-tree>: loading', () => {
  it('shows the acting account’s children, one page, with the aria-* of a tree', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const tree = treeOf(el);
    expect(tree.getAttribute('part')).to.equal('tree');
    expect(el.shadowRoot!.querySelectorAll('[role="tree"]')).to.have.length(1);
    const first = byPos(el)[0]!;
    expect(nameOf(first)).to.equal(all[0]!.name);
    expect(first.getAttribute('aria-level')).to.equal('1');
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.getAttribute('aria-setsize')).to.equal(String(all.length));
    expect(first.getAttribute('aria-selected')).to.equal('false');
    await until(() => tree.getAttribute('aria-busy') === 'false', 'not busy');
    expect(part(el, 'crumb-current')!.textContent).to.equal('Acme Telecom');
    await expect(el).to.be.accessible();
  });

  it('asks for the first page before anything else it shows; the root’s document and path once the rows are back', async () => {
    const fx = await startEmulator({ latencyMs: 50 });
    const api = fx.makeApi();
    const session = await api.getSession();
    fx.emulator.clearRequests();
    const { el } = await mountInProvider<AccountTree>(
      api,
      html`<account-tree root-id=${session.accountId} style="height: 400px"></account-tree>`,
    );
    await until(() => part(el, 'crumb-current')?.textContent === 'Acme Telecom', 'the root’s name');
    const log = fx.emulator.requests.map((r) => `${r.method} ${r.path}`);
    const at = (re: RegExp) => log.findIndex((r) => re.test(r));
    const children = at(/\/children$/);
    const root = at(new RegExp(`/accounts/${session.accountId}$`));
    expect(children, log.join(', ')).to.equal(0);
    expect(root, 'the root’s document, read for its name and size').to.be.greaterThan(children);
  });

  it('with its root given, is the only reader before its rows: who is logged in is read once they are shown', async () => {
    const fx = await startEmulator({ latencyMs: 50 });
    const rootId = fx.emulator.rootAccountId;
    fx.emulator.clearRequests();
    // When each request reached the server, and when the first page was answered.
    const arrived = new Map<string, number>();
    let answered = Infinity;
    const watch = setInterval(() => {
      for (const r of fx.emulator.requests) {
        const k = `${r.method} ${r.path}`;
        if (!arrived.has(k)) arrived.set(k, performance.now());
        if (/\/children$/.test(r.path) && r.status && answered === Infinity) answered = performance.now();
      }
    }, 2);
    const provider = await fixture<AccountProvider>(
      // A host that signed the user in hands over its token, as most portals do.
      html`<account-provider .api=${fx.makeApi({ credentials: undefined, token: fx.emulator.issueToken() })}
        ><account-tree root-id=${rootId} style="height: 400px"></account-tree
      ></account-provider>`,
    );
    const el = provider.querySelector<AccountTree>('account-tree')!;
    await until(() => loadedRows(el).length > 3, 'the first rows');
    await until(() => provider.session?.accountId === rootId, 'the session');
    clearInterval(watch);
    const order = [...arrived.keys()];
    expect(order[0], order.join(', ')).to.match(/^GET \/v2\/accounts\/[^/]+\/children$/);
    expect(arrived.get('GET /v2/token_auth'), 'the session read after the first page came back').to.be.at.least(
      answered,
    );
  });

  it('asks only for the pages in view, sizes the level from the root’s document, reads the end backward, keeps the DOM small (10,000 children)', async () => {
    const fx = await startEmulator({ seed: { accounts: 10_000, depth: 1, seed: 2 } });
    const { el } = await mount(fx);
    await until(() => children(fx).length === 1 && treeOf(el).getAttribute('aria-busy') === 'false', 'first page');
    await aTimeout(200);
    expect(children(fx)).to.have.length(1);
    expect(children(fx)[0]!.query.page_size).to.equal('50');
    // The level's size comes with the root's own document, read once the first rows are shown.
    await until(() => byPos(el)[0]!.getAttribute('aria-setsize') === '10000', 'the level sized');
    await expect(el).to.be.accessible();

    const tree = treeOf(el);
    tree.scrollTop = tree.scrollHeight;
    await until(() => children(fx).length === 2, 'the last page');
    await until(() => loadedInView(el), 'rows in view');
    await aTimeout(200);
    expect(children(fx)).to.have.length(2);
    // Read backward from the end of the level: the last accounts by name, at their exact places.
    expect(children(fx)[1]!.query.descending).to.equal('true');
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const shown = loadedRows(el);
    expect(shown.map(nameOf)).to.include(all[all.length - 1]!.name);
    for (const r of shown) {
      const pos = Number(r.getAttribute('aria-posinset'));
      expect(nameOf(r), `row ${pos}`).to.equal(all[pos - 1]!.name);
    }
    expect(rows(el).length).to.be.below(120);
    expect(elementCount(el.shadowRoot!)).to.be.at.most(400);
    await expect(el).to.be.accessible();
  });

  it('sizes a level from its descendantsCount, reaches the middle and the end in two requests, and meets the pages without a gap or a repeat', async function () {
    // Seeding 10,000 accounts is slow on a busy machine.
    this.timeout(30_000);
    const fx = await startEmulator({ seed: { accounts: 10_000, depth: 1, seed: 3 } });
    const api = fx.makeApi({ credentials: { ...fx.emulator.superduperLogin } });
    const { el } = await mountInProvider<AccountTree>(api, html`<account-tree style="height: 400px"></account-tree>`);
    await until(() => rowNamed(el, 'Acme Telecom'), 'the reseller');
    const acme = rowNamed(el, 'Acme Telecom')!;
    acme.querySelector<HTMLElement>('[part=toggle]')!.click();
    await until(
      () => rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'children',
    );
    const kid = rows(el).find((r) => r.getAttribute('aria-level') === '2')!;
    expect(kid.getAttribute('aria-setsize')).to.equal('10000');
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const at = new Map(all.map((a, i) => [a.name, i]));
    /** The level's loaded rows in view, in order on screen: consecutive accounts of the listing, none twice. */
    const shownRun = () => {
      const shown = rows(el)
        .filter((r) => inView(el, r) && r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true')
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((r) => at.get(nameOf(r))!);
      for (let k = 1; k < shown.length; k++) expect(shown[k], 'the next account by name').to.equal(shown[k - 1]! + 1);
      return shown;
    };

    fx.emulator.clearRequests();
    await scrollToRow(el, 5001);
    await until(() => loadedInView(el), 'rows in the middle', 10_000);
    const middle = shownRun();
    expect(middle.length).to.be.greaterThan(5);
    // The level's last page (a name to aim below), then one page started at the name that lies there: it lands
    // near the middle (names are spread like words).
    const jumped = children(fx).filter((r) => r.path.includes(fx.emulator.rootAccountId));
    expect(jumped.map((r) => r.query.descending ?? 'ascending')).to.deep.equal(['true', 'ascending']);
    expect(jumped[0]!.query.start_key).to.equal(undefined);
    expect(jumped[1]!.query.start_key).to.be.a('string');
    expect(Math.abs(middle[0]! - 5000)).to.be.below(2500);

    // Dragged to the end: the last accounts by name, at their exact places, already read.
    fx.emulator.clearRequests();
    treeOf(el).scrollTop = treeOf(el).scrollHeight;
    await frames(4);
    await until(() => loadedInView(el), 'the last rows', 10_000);
    const end = shownRun();
    expect(end[end.length - 1]).to.equal(all.length - 1);
    const last = rows(el).find((r) => nameOf(r) === all[all.length - 1]!.name)!;
    expect(last.getAttribute('aria-posinset')).to.equal('10000');
    expect(children(fx).length).to.equal(0);

    // Read on from the middle until the pages meet: every account once, in order, and the level exact.
    const level = storeOf(el).peekListing(fx.emulator.rootAccountId)!;
    for (let guard = 0; !level.done && guard < 400; guard++) {
      await level.want(0, level.size - 1);
    }
    expect(level.done).to.equal(true);
    expect(level.items.map((s) => s.id)).to.deep.equal(all.map((s) => s.id));
    await frames();
    const sizes = rows(el)
      .filter((r) => r.getAttribute('aria-level') === '2')
      .map((r) => r.getAttribute('aria-setsize'));
    expect(new Set(sizes)).to.deep.equal(new Set(['10000']));
    await expect(el).to.be.accessible();
  });

  it('shows placeholder rows, aria-busy, while a page is on its way', async () => {
    const fx = await startEmulator({ latencyMs: 400 });
    const { el } = await mount(fx);
    const parent = byPos(el).find((r) => r.getAttribute('aria-expanded') === 'false')!;
    parent.querySelector<HTMLElement>('[part=toggle]')!.click();
    await until(() => rows(el).some((r) => r.getAttribute('aria-level') === '2'), 'placeholders');
    const waiting = rows(el).filter((r) => r.getAttribute('aria-level') === '2');
    expect(
      waiting.every((r) => r.getAttribute('aria-busy') === 'true' && r.getAttribute('aria-label') === 'Loading…'),
    ).to.equal(true);
    expect(treeOf(el).getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await until(
      () => rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'loaded',
    );
    await until(() => treeOf(el).getAttribute('aria-busy') === 'false', 'not busy');
  });

  it('shows a failed page in words with Retry on that level only; the rest stays usable', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const parent = byPos(el).find((r) => r.getAttribute('aria-expanded') === 'false')!;
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const id = all.find((a) => a.name === nameOf(parent))!.id;
    fx.emulator.faults.add({ path: `/accounts/${id}/children`, status: 500, times: 1 });
    parent.querySelector<HTMLElement>('[part=toggle]')!.click();
    await until(() => part(el, 'row-error'), 'the error row');
    const error = part(el, 'row-error')!;
    expect(error.textContent).to.contain('The server ran into a problem.');
    expect(error.getAttribute('aria-level')).to.equal('2');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Could not load');
    await expect(el).to.be.accessible();
    // Another row still works.
    const other = byPos(el).find((r) => r !== parent && r.getAttribute('aria-level') === '1')!;
    other.click();
    await el.updateComplete;
    expect(other.getAttribute('aria-selected')).to.equal('true');
    part(el, 'retry')!.click();
    await until(
      () =>
        !part(el, 'row-error') &&
        rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'retried',
    );
    await el.updateComplete;
    // The failure is not said any more once the page is back.
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).not.to.contain('Could not load');
    await expect(el).to.be.accessible();
  });

  it('retries a failed first page of the root', async () => {
    const fx = await startEmulator();
    fx.emulator.faults.add({ path: `/accounts/${fx.emulator.rootAccountId}/children`, status: 503, times: 1 });
    const { el } = await mountInProvider<AccountTree>(
      fx.api,
      html`<account-tree style="height: 300px"></account-tree>`,
    );
    await until(() => part(el, 'row-error'), 'the error row');
    await expect(el).to.be.accessible();
    part(el, 'retry')!.click();
    await until(() => loadedRows(el).length > 3, 'loaded after retry');
  });

  it('says when an account has no sub-accounts', async () => {
    const fx = await startEmulator();
    const leaf = (await allChildren(fx, fx.emulator.rootAccountId)).find((a) => a.descendantsCount === 0)!;
    const { el } = await mount(fx, html`<account-tree root-id=${leaf.id}></account-tree>`);
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('No sub-accounts yet.');
    expect(treeOf(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('works with .api and no provider', async () => {
    const fx = await startEmulator();
    const el = await fixture<AccountTree>(html`<account-tree .api=${fx.api} style="height: 300px"></account-tree>`);
    await until(() => loadedRows(el).length > 3, 'rows');
  });
});

describe('<account-tree>: hierarchy', () => {
  it('expands and collapses (caret, double click), with aria-expanded and levels', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const parent = byPos(el).find((r) => r.getAttribute('aria-expanded') === 'false')!;
    const name = nameOf(parent);
    const count = Number(parent.dataset.count);
    expect(count).to.be.greaterThan(0);
    expect(accessibleName(parent)).to.match(new RegExp(`${count} accounts? below$`));
    expect(accessibleName(parent).startsWith(name)).to.equal(true);
    parent.querySelector<HTMLElement>('[part=toggle]')!.click();
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'true', 'expanded');
    await until(
      () => rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'children',
    );
    const kids = rows(el).filter((r) => r.getAttribute('aria-level') === '2');
    expect(kids[0]!.getAttribute('aria-posinset')).to.equal('1');
    expect(Number(kids[0]!.getAttribute('aria-setsize'))).to.equal(kids.length);
    await expect(el).to.be.accessible();
    rowNamed(el, name)!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'false', 'collapsed');
    await until(() => !rows(el).some((r) => r.getAttribute('aria-level') === '2'), 'children gone');
    await expect(el).to.be.accessible();
  });

  it('keeps each breadcrumb on one line with its separator in a phone-wide tree', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 4, seed: 1 } });
    const deep = fx.emulator.accounts().find((d) => d.ancestors.length === 4)!;
    await fx.api.updateAccount(deep.ancestors[2]!, {
      name: 'Northwind Regional Communications Cooperative of the Plains',
    });
    const { el } = await mount(fx, html`<account-tree root-id=${deep.id} style="width: 340px"></account-tree>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part=crumb]').length === 3, 'crumbs');
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=breadcrumbs] li')];
    const line = parseFloat(getComputedStyle(items[0]!).lineHeight) || 20;
    for (const li of items) {
      // One line each: the separator beside the name, a long name cut short rather than wrapped.
      expect(li.getBoundingClientRect().height, li.textContent!.trim()).to.be.below(line * 1.9);
      const name = li.querySelector('bdi')!;
      expect(getComputedStyle(name).textAlign, 'names start where the line starts').to.not.equal('center');
    }
    const nav = part(el, 'breadcrumbs')!.getBoundingClientRect();
    expect(nav.right, 'no crumb sticks out').to.be.at.most(el.getBoundingClientRect().right + 0.5);
    // Cut short on screen, whole for a screen reader.
    expect(accessibleName(el.shadowRoot!.querySelectorAll<HTMLElement>('[part=crumb]')[0]!)).to.equal('Acme Telecom');
  });

  it('shows breadcrumbs from the logged-in account to the root; one re-roots and reveals where we came from', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 4, seed: 1 } });
    const deep = fx.emulator.accounts().find((d) => d.ancestors.length === 4)!;
    const tree = deep.ancestors;
    const { el } = await mount(fx, html`<account-tree root-id=${deep.id}></account-tree>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part=crumb]').length === 3, 'crumbs');
    const crumbs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=crumb]')];
    // Never above the logged-in account (Acme Telecom), whose parent is the platform's master account.
    expect(crumbs.map((c) => c.dataset.id)).to.deep.equal(tree.slice(1));
    expect(crumbs[0]!.textContent!.trim()).to.equal('Acme Telecom');
    expect(part(el, 'crumb-current')!.textContent).to.equal(deep.name);
    await expect(el).to.be.accessible();
    crumbs[0]!.click();
    await until(() => el.shadowRoot!.querySelectorAll('[part=crumb]').length === 0, 'at the top');
    await until(() => active(el)?.querySelector('.name')?.textContent === deep.name, 'the previous root is focused');
    expect(active(el)!.getAttribute('aria-level')).to.equal('3');
    expect(inView(el, active(el)!)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows badges for disabled and reseller accounts once they were read, and the sub-account count', async () => {
    const fx = await startEmulator();
    const { el, store } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const leaf = byPos(el).find((r) => r.getAttribute('aria-expanded') === null)!;
    const id = all.find((a) => a.name === nameOf(leaf))!.id;
    await fx.api.updateAccount(id, { enabled: false });
    await store.getAccount(id, { force: true });
    await until(() => part(el, 'badge-disabled'), 'the disabled badge');
    expect(rowNamed(el, nameOf(leaf))!.querySelector('[part~=badge-disabled]')!.textContent).to.equal('Disabled');
    expect(accessibleName(rowNamed(el, nameOf(leaf))!)).to.contain('Disabled');
    const resellerId = fx.emulator.accounts().find((d) => d.isReseller && all.some((a) => a.id === d.id))!.id;
    await store.getAccount(resellerId, { force: true });
    await until(() => part(el, 'badge-reseller'), 'the reseller badge');
    await expect(el).to.be.accessible();
  });

  it('escapes names from other tenants', async () => {
    const fx = await startEmulator();
    const { el, store } = await mount(fx);
    const name = '<img src=x onerror="window.__treeXss=1">Evil & Co';
    await store.createAccount(fx.emulator.rootAccountId, { name });
    await until(() => rowNamed(el, name), 'the new row');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __treeXss?: number }).__treeXss).to.equal(undefined);
  });
});

describe('<account-tree>: selection', () => {
  it('selects on click with account-select (user actions only) and by property', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const events: AccountSummary[] = [];
    el.addEventListener('account-select', (e) => events.push(e.detail.account));
    const row = byPos(el)[2]!;
    row.click();
    await el.updateComplete;
    expect(events.map((a) => a.name)).to.deep.equal([nameOf(row)]);
    expect(el.selected).to.equal(events[0]!.id);
    expect(row.getAttribute('aria-selected')).to.equal('true');
    expect(row.getAttribute('part')).to.equal('row row-selected');
    await expect(el).to.be.accessible();
    el.selected = all[4]!.id;
    await el.updateComplete;
    await frames();
    expect(events).to.have.length(1);
    expect(rowNamed(el, all[4]!.name)!.getAttribute('aria-selected')).to.equal('true');
    expect(rowNamed(el, all[2]!.name)!.getAttribute('aria-selected')).to.equal('false');
  });

  it('reveals an account selected before connecting: ancestors expanded, row in view', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 4, seed: 1 } });
    const deep = fx.emulator.accounts().find((d) => d.ancestors.length === 5)!;
    const events: unknown[] = [];
    const { el } = await mountInProvider<AccountTree>(
      fx.api,
      html`<account-tree
        style="height: 300px"
        selected=${deep.id}
        @account-select=${() => events.push(1)}
      ></account-tree>`,
    );
    await until(() => inView(el, rowNamed(el, deep.name)), 'the selected row in view');
    const row = rowNamed(el, deep.name)!;
    expect(row.getAttribute('aria-selected')).to.equal('true');
    expect(row.getAttribute('aria-level')).to.equal('4');
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('reveals a selected account far down 10,000 children with one page read where its name lies', async function () {
    this.timeout(30_000);
    const fx = await startEmulator({ seed: { accounts: 10_000, depth: 1, seed: 5 } });
    const { el } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    el.selected = all[3000]!.id;
    await until(() => inView(el, rowNamed(el, all[3000]!.name)), 'the selected row in view', 10_000);
    const row = rowNamed(el, all[3000]!.name)!;
    // Its place is estimated from the names around it until the pages between are read.
    expect(Math.abs(Number(row.getAttribute('aria-posinset')) - 3001)).to.be.below(2000);
    expect(row.getAttribute('aria-selected')).to.equal('true');
    expect(children(fx).length).to.be.at.most(2);
    await expect(el).to.be.accessible();
  });

  it('never shows or tells an account above the signed-in reseller, whatever paths the server lists', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 3, seed: 1 } });
    const em = fx.emulator;
    const master = em.account(em.masterAccountId)!;
    const deep = em.accounts().find((d) => d.depth === 3)!;
    // A server whose paths start at the master (as Crossbar's /parents of one's own account and its descendants'
    // trees do): the tree still starts at the signed-in reseller.
    const named = (ids: string[]) => ids.map((id) => ({ id, name: em.account(id)!.name }));
    em.faults.add({
      path: `/accounts/${deep.id}/tree`,
      method: 'GET',
      status: 200,
      body: { status: 'success', data: named(deep.ancestors), page_size: deep.ancestors.length },
    });
    const hit = fx.customer();
    const row = { id: hit.id, name: hit.name, realm: hit.realm, descendants_count: 0, tree: hit.ancestors };
    em.faults.add({
      path: '/accounts/*/search',
      method: 'GET',
      status: 200,
      body: { status: 'success', data: [row], page_size: 1 },
    });
    const { el } = await mount(fx, html`<account-tree style="height: 300px" root-id=${deep.id}></account-tree>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part=crumb]').length === 3, 'crumbs');
    const crumbs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=crumb]')];
    expect(crumbs.map((c) => c.textContent!.trim())[0]).to.equal('Acme Telecom');
    expect(crumbs.map((c) => c.dataset.id)).not.to.include(master.id);
    expect(textOf(el)).not.to.contain(master.name);

    // A search result's path, told in account-select, starts at the reseller too.
    el.rootId = em.rootAccountId;
    await until(() => el.shadowRoot!.querySelectorAll('[part=crumb]').length === 0, 'back at the reseller');
    input(el).focus();
    await sendKeys({ type: hit.name.slice(0, 3) });
    await until(() => rowNamed(el, hit.name), 'the result');
    const picked = oneEvent(el, 'account-select');
    rowNamed(el, hit.name)!.click();
    const { account } = (await picked).detail;
    expect(account.id).to.equal(hit.id);
    expect(JSON.stringify(account)).not.to.contain(master.id);
    expect(textOf(el)).not.to.contain(master.name);
    await expect(el).to.be.accessible();
  });

  it('follows the acting account ("Use account") with breadcrumbs up to the logged-in account', async () => {
    const fx = await startEmulator();
    const { el, provider } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const parent = all.find((a) => (a.descendantsCount ?? 0) > 0)!;
    expect(await provider.masquerade(parent.id)).to.equal(true);
    await until(() => part(el, 'crumb-current')?.textContent === parent.name, 'the acting account as root');
    await until(() => el.shadowRoot!.querySelector('[part=crumb]')?.textContent?.trim() === 'Acme Telecom', 'crumbs');
    const kids = await allChildren(fx, parent.id);
    await until(() => nameOf(byPos(el)[0] ?? document.body) === kids[0]!.name, 'the acting account’s children');
    await expect(el).to.be.accessible();
  });
});

describe('<account-tree>: keyboard', () => {
  it('follows the tree pattern: one tab stop, arrows, Home/End, Right/Left, *, Enter', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    expect(rows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    byPos(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => active(el)?.getAttribute('aria-posinset') === '2', 'down');
    await el.updateComplete;
    expect(rows(el).filter((r) => r.tabIndex === 0)).to.deep.equal([active(el)]);
    await sendKeys({ press: 'End' });
    await until(() => active(el)?.getAttribute('aria-posinset') === String(all.length), 'end');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => active(el)?.getAttribute('aria-posinset') === String(all.length - 1), 'up');
    await sendKeys({ press: 'Home' });
    await until(() => active(el)?.getAttribute('aria-posinset') === '1', 'home');

    const parent = byPos(el).find((r) => r.getAttribute('aria-expanded') === 'false')!;
    const name = nameOf(parent);
    parent.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'true', 'right expands');
    await until(
      () => rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'kids',
    );
    await sendKeys({ press: 'ArrowRight' });
    await until(() => active(el)?.getAttribute('aria-level') === '2', 'right enters');
    expect(active(el)!.getAttribute('aria-posinset')).to.equal('1');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => nameOf(active(el) ?? document.body) === name, 'left goes to the parent');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'false', 'left collapses');

    await sendKeys({ press: '*' });
    await until(
      () =>
        rows(el)
          .filter((r) => r.getAttribute('aria-level') === '1' && r.hasAttribute('aria-expanded'))
          .every((r) => r.getAttribute('aria-expanded') === 'true'),
      '* expands the siblings',
    );
    const picked = oneEvent(el, 'account-select');
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.account.name).to.equal(name);
    await expect(el).to.be.accessible();
  });

  it('moves to the next name starting with what is typed', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const target = all.slice(1).find((a) => /^[a-z]{2}/i.test(a.name) && a.name[0] !== all[0]!.name[0])!;
    const prefix = target.name.slice(0, 2);
    const expected = all.findIndex((a) => a.name.toLowerCase().startsWith(prefix.toLowerCase()));
    byPos(el)[0]!.focus();
    await sendKeys({ type: prefix.toLowerCase() });
    await until(() => active(el)?.getAttribute('aria-posinset') === String(expected + 1), `type-ahead to ${prefix}`);
  });

  it('keeps the keyboard position when the focused row scrolls out of the DOM, and aria-* on virtual rows', async () => {
    const fx = await startEmulator({ seed: { accounts: 10_000, depth: 1, seed: 6 } });
    const { el } = await mount(fx);
    byPos(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => active(el)?.getAttribute('aria-posinset') === '2', 'row 2 focused');
    const tree = treeOf(el);
    tree.scrollTop = tree.scrollHeight;
    await until(() => !rows(el).some((r) => r.getAttribute('aria-posinset') === '2'), 'row 2 out of the DOM');
    await until(() => active(el) === tree, 'the focus stays in the tree');
    expect(tree.tabIndex).to.equal(0);
    expect(el.matches(':focus-within')).to.equal(true);
    await until(() => loadedRows(el).some((r) => r.getAttribute('aria-posinset') === '10000'), 'rows at the bottom');
    // Every rendered row tells its place.
    for (const r of rows(el)) {
      const pos = Number(r.getAttribute('aria-posinset'));
      expect(r.getAttribute('aria-level')).to.equal('1');
      expect(Number(r.getAttribute('aria-setsize'))).to.be.at.least(pos);
      expect(
        Math.round(
          r.getBoundingClientRect().top -
            rows(el)
              .find((x) => x.getAttribute('aria-posinset') === '10000')!
              .getBoundingClientRect().top,
        ),
      ).to.equal((pos - 10000) * ROW);
    }
    await expect(el).to.be.accessible();
    // Back in view, the row takes the focus back.
    tree.scrollTop = 0;
    await until(() => active(el)?.getAttribute('aria-posinset') === '2', 'focus restored when it scrolls back');
    tree.scrollTop = tree.scrollHeight;
    await until(() => active(el) === tree, 'out again');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => active(el)?.getAttribute('aria-posinset') === '3', 'the next row from the kept position');
    expect(inView(el, active(el)!)).to.equal(true);
  });
});

describe('<account-tree>: search', () => {
  it('searches every descendant after a pause, then reveals a result in the tree', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 4, seed: 1 } });
    const deep = fx.emulator.accounts().find((d) => d.ancestors.length === 5)!;
    const name = deep.name;
    const { el } = await mount(fx);
    fx.emulator.clearRequests();
    input(el).focus();
    await sendKeys({ type: name });
    await until(() => loadedRows(el).some((r) => nameOf(r) === name), 'the result');
    await aTimeout(400);
    expect(searchRequests(fx)).to.have.length(1);
    expect(searchRequests(fx)[0]!.query.v).to.equal(name);
    expect(treeOf(el).getAttribute('aria-label')).to.contain('Search results');
    await until(() => /found/.test(el.shadowRoot!.querySelector('[role=status]')!.textContent ?? ''), 'announced');
    await expect(el).to.be.accessible();
    const picked = oneEvent(el, 'account-select');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => nameOf(active(el) ?? document.body) === name, 'the result focused');
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.account.id).to.equal(deep.id);
    await until(
      () => active(el)?.getAttribute('aria-level') === '4' && nameOf(active(el)!) === name,
      'revealed in the tree',
    );
    expect(active(el)!.getAttribute('aria-selected')).to.equal('true');
    expect(input(el).value).to.equal('');
    // Focus may reach the row in the frame before the one that scrolls it into view.
    await until(() => inView(el, active(el)!), 'the result scrolled into view');
    await expect(el).to.be.accessible();
  });

  it('aborts an older query when a newer one starts', async () => {
    const fx = await startEmulator({ latencyMs: 300 });
    const calls: { url: string; signal?: AbortSignal | null }[] = [];
    const api = fx.makeApi({
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const req = input instanceof Request ? input : undefined;
        calls.push({ url: req ? req.url : String(input), signal: init?.signal ?? req?.signal });
        return fetch(input, init);
      },
    });
    const { el } = await mountInProvider<AccountTree>(api, html`<account-tree style="height: 300px"></account-tree>`);
    await until(() => loadedRows(el).length > 0, 'rows', 10_000);
    input(el).focus();
    await sendKeys({ type: 'b' });
    await until(() => calls.some((c) => /search.*v=b(&|$)/.test(c.url)), 'the first query sent');
    await sendKeys({ type: 'l' });
    await until(() => calls.some((c) => /search.*v=bl(&|$)/.test(c.url)), 'the second query sent');
    const first = calls.find((c) => /search.*v=b(&|$)/.test(c.url))!;
    await until(() => first.signal?.aborted === true, 'the first query aborted');
    await until(() => treeOf(el).getAttribute('aria-busy') === 'false', 'settled', 10_000);
    expect(loadedRows(el).every((r) => /^bl/i.test(nameOf(r).normalize('NFD')))).to.equal(true);
  });

  it('pages the results as they scroll into view', async () => {
    const fx = await startEmulator({ seed: { accounts: 10_000, depth: 1, seed: 7 } });
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const counts = new Map<string, number>();
    for (const a of all) if (/^[a-z]/i.test(a.name)) counts.set(a.name[0]!, (counts.get(a.name[0]!) ?? 0) + 1);
    const letter = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const { el } = await mount(fx);
    fx.emulator.clearRequests();
    input(el).focus();
    await sendKeys({ type: letter });
    await until(() => searchRequests(fx).length === 1 && treeOf(el).getAttribute('aria-busy') === 'false', 'results');
    expect(searchRequests(fx)).to.have.length(1);
    expect(byPos(el)[0]!.getAttribute('aria-setsize')).to.equal('100');
    treeOf(el).scrollTop = treeOf(el).scrollHeight;
    await until(() => searchRequests(fx).length === 2, 'the next page');
    await until(() => loadedInView(el), 'rows in view');
    expect(searchRequests(fx)[1]!.query.start_key).to.be.a('string');
    await sendKeys({ press: 'Escape' });
    await until(() => treeOf(el).getAttribute('aria-label')!.startsWith('Accounts'), 'back to the tree');
    await expect(el).to.be.accessible();
  });
});

class StandInCreate extends HTMLElement {
  opened = 0;
  open() {
    this.opened++;
  }
}
customElements.define('account-create', StandInCreate);

describe('<account-tree>: add account', () => {
  it('asks for a new account under the selected one or the root (cancelable) and drives nothing itself', async () => {
    const fx = await startEmulator();
    const { el } = await mount(
      fx,
      html`<account-tree style="height: 300px"></account-tree><account-create></account-create>`,
    );
    const create = el.parentElement!.querySelector('account-create') as unknown as StandInCreate;
    const root = fx.emulator.rootAccountId;
    let request = oneEvent(el, 'account-create-request');
    part(el, 'add-button')!.click();
    const first = await request;
    expect(first.detail.parentId).to.equal(root);
    expect(first.cancelable).to.equal(true);
    expect(part(el, 'add-button')!.title).to.equal('Add an account under Acme Telecom');

    const row = byPos(el)[1]!;
    row.click();
    await el.updateComplete;
    request = oneEvent(el, 'account-create-request');
    part(el, 'add-button')!.click();
    expect((await request).detail.parentId).to.equal(el.selected);
    // The host (or <account-manager>) opens the wizard: the tree never finds one in the page.
    expect(create.opened).to.equal(0);
    await expect(el).to.be.accessible();
  });
});

describe('<account-tree>: live', () => {
  it('shows renames, badges, additions, deletions and moves in place, keeping expansion, selection and scroll', async () => {
    const fx = await startEmulator({ seed: { accounts: 300, depth: 2, seed: 4 } });
    const docs = new Map(fx.emulator.accounts().map((d) => [d.id, d]));
    const { el, store } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const plain = (a: AccountSummary) => (a.descendantsCount ?? 0) >= 2 && !docs.get(a.id)!.isReseller;
    const pIndex = all.findIndex((a, i) => i >= 20 && plain(a));
    const P = all[pIndex]!;
    const Q = all.find((a, i) => i > pIndex + 3 && plain(a))!;
    await scrollToRow(el, pIndex - 2);
    await until(() => rowNamed(el, P.name), 'P on screen');
    rowNamed(el, P.name)!.querySelector<HTMLElement>('[part=toggle]')!.click();
    el.expand(Q.id);
    const kids = await allChildren(fx, P.id);
    const C = kids[0]!;
    await until(() => rowNamed(el, C.name), 'P’s children');
    rowNamed(el, C.name)!.click();
    await el.updateComplete;
    const tree = treeOf(el);
    const top = tree.scrollTop;
    expect(top).to.be.greaterThan(0);
    const firstVisible = () =>
      nameOf(
        rows(el)
          .filter((r) => inView(el, r))
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]!,
      );
    const before = firstVisible();
    const posOf = (name: string) => rowNamed(el, name)?.getAttribute('aria-posinset');
    const cPos = posOf(C.name);

    await store.updateAccount(C.id, { name: `${C.name} (renamed)` });
    await until(() => rowNamed(el, `${C.name} (renamed)`), 'renamed');
    await frames();
    expect(posOf(`${C.name} (renamed)`)).to.equal(cPos);
    expect(rowNamed(el, `${C.name} (renamed)`)!.getAttribute('aria-selected')).to.equal('true');
    expect(rowNamed(el, P.name)!.getAttribute('aria-expanded')).to.equal('true');
    expect(tree.scrollTop).to.equal(top);

    await store.updateAccount(C.id, { enabled: false });
    await until(() => rowNamed(el, `${C.name} (renamed)`)!.querySelector('[part~=badge-disabled]'), 'disabled badge');

    const pCount = Number(rowNamed(el, P.name)!.dataset.count);
    const created = await store.createAccount(P.id, { name: 'Aaaa First Customer' });
    await until(() => rowNamed(el, 'Aaaa First Customer'), 'the new account');
    await frames();
    const added = rowNamed(el, 'Aaaa First Customer')!;
    expect(added.getAttribute('aria-level')).to.equal('2');
    expect(added.getAttribute('aria-posinset')).to.equal('1');
    expect(Number(rowNamed(el, P.name)!.dataset.count)).to.equal(pCount + 1);
    expect(firstVisible()).to.equal(before);
    await expect(el).to.be.accessible();

    await store.deleteAccount(created.id);
    await until(() => !rowNamed(el, 'Aaaa First Customer'), 'deleted');
    expect(Number(rowNamed(el, P.name)!.dataset.count)).to.equal(pCount);

    // A new row above the viewport: what is on screen stays where it is.
    const scrolled = tree.scrollTop;
    await store.createAccount(fx.emulator.rootAccountId, { name: 'Aaaaa Top Customer' });
    await until(() => tree.scrollTop === scrolled + ROW, 'scrolled by the new row');
    await frames();
    expect(firstVisible()).to.equal(before);

    // A move: gone from P, listed under Q; the selection follows it into view.
    const qCount = Q.descendantsCount!;
    await store.moveAccount(C.id, Q.id);
    const moved = () => rowNamed(el, `${C.name} (renamed)`);
    const y = (r: Element) => r.getBoundingClientRect().top;
    const parentRow = () =>
      rows(el)
        .filter((r) => r.getAttribute('aria-level') === '1' && y(r) < y(moved()!))
        .sort((a, b) => y(b) - y(a))[0];
    await until(
      () => moved() && nameOf(parentRow() ?? document.body) === Q.name && inView(el, moved()),
      'under Q, in view',
    );
    expect(moved()!.getAttribute('aria-level')).to.equal('2');
    expect(moved()!.getAttribute('aria-selected')).to.equal('true');
    expect(el.selected).to.equal(C.id);
    expect(Number(parentRow()!.dataset.count)).to.equal(qCount + 1);
    expect(Number(rowNamed(el, P.name)!.dataset.count)).to.equal(pCount - 1);
    await expect(el).to.be.accessible();
  });

  it('catches up with saves made while it was out of the document', async () => {
    const fx = await startEmulator();
    const { el, store } = await mount(fx);
    const all = await allChildren(fx, fx.emulator.rootAccountId);
    const host = el.parentElement!;
    el.remove();
    await store.updateAccount(all[0]!.id, { name: `${all[0]!.name} (while away)` });
    host.append(el);
    await until(() => rowNamed(el, `${all[0]!.name} (while away)`), 'the new name');
    await expect(el).to.be.accessible();
  });
});

describe('<account-tree>: language and direction', () => {
  it('mirrors right to left: arrows swap, indent and caret start on the right', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx, html`<div dir="rtl"><account-tree style="height: 400px"></account-tree></div>`);
    const parent = byPos(el).find((r) => r.getAttribute('aria-expanded') === 'false')!;
    const name = nameOf(parent);
    parent.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'true', 'left expands in rtl');
    await until(
      () => rows(el).some((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-busy') !== 'true'),
      'kids',
    );
    const row = rowNamed(el, name)!;
    expect(row.querySelector('[part=toggle]')!.getBoundingClientRect().left).to.be.greaterThan(
      row.querySelector('.name')!.getBoundingClientRect().left,
    );
    const kid = loadedRows(el).find((r) => r.getAttribute('aria-level') === '2')!;
    expect(kid.querySelector('.name')!.getBoundingClientRect().right).to.be.lessThan(
      row.querySelector('.name')!.getBoundingClientRect().right,
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => rowNamed(el, name)!.getAttribute('aria-expanded') === 'false', 'right collapses in rtl');
  });

  it('speaks the element’s language and takes single-label overrides', async () => {
    const fx = await startEmulator();
    const { el } = await mount(fx, html`<account-tree lang="fr-FR" style="height: 300px"></account-tree>`);
    await until(() => part(el, 'add-button')!.textContent!.trim() === 'Ajouter un compte', 'French');
    expect(input(el).getAttribute('aria-label')).to.equal('Rechercher des comptes');
    await until(() => rows(el).some((r) => /comptes? en dessous$/.test(accessibleName(r))), 'row labels');
    el.i18n = { add: 'Nouveau client' };
    await el.updateComplete;
    expect(part(el, 'add-button')!.textContent!.trim()).to.equal('Nouveau client');
    await expect(el).to.be.accessible();
  });
});

describe('<account-tree>: "Use account"', () => {
  it('follows the acting account with nothing raised on window', async () => {
    const fx = await startEmulator({ seed: { accounts: 60, depth: 3, seed: 1 } });
    const raised: string[] = [];
    const onError = (e: ErrorEvent) => raised.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => raised.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const { el, provider } = await mount(fx);
      const customer = fx.emulator
        .accounts()
        .find((a) => a.parentId === fx.emulator.rootAccountId && a.childCount > 1)!;
      const open = byPos(el).find((r) => nameOf(r) === customer.name) ?? byPos(el)[0]!;
      open.querySelector<HTMLElement>('[part=toggle]')?.click();
      await frames(4);
      for (let round = 0; round < 2; round++) {
        expect(await provider.masquerade(customer.id)).to.equal(true);
        await until(() => treeOf(el).getAttribute('aria-label') === `Accounts under ${customer.name}`, 'the customer');
        await until(() => loadedRows(el).length > 0, 'its rows');
        await frames(4);
        provider.restore({ all: true });
        await until(() => treeOf(el).getAttribute('aria-label') === 'Accounts under Acme Telecom', 'back');
        await frames(4);
      }
      expect(raised).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

describe('<account-tree>: badges of the rows in view', () => {
  it('reads the accounts in view once idle, a few at a time, after the first rows, none twice', async () => {
    const fx = await startEmulator({ seed: { accounts: 40, depth: 1, seed: 3 } });
    const root = fx.emulator.rootAccountId;
    const customers = fx.emulator.accounts().filter((a) => a.parentId === root);
    const off = customers.slice(0, 12).find((a) => !a.enabled) ?? customers[0]!;
    if (off.enabled) await fx.api.updateAccount(off.id, { enabled: false });
    fx.emulator.clearRequests();
    const { el } = await mount(fx);
    await until(
      () => rowNamed(el, off.name)?.querySelector('[part~=badge-disabled]'),
      'the disabled badge shows without opening the account',
    );
    const paths = fx.emulator.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    const firstChildren = paths.findIndex((p) => p.endsWith(`/accounts/${root}/children`));
    const reads = paths.filter((p) => customers.some((c) => p === `/v2/accounts/${c.id}`));
    expect(firstChildren).to.be.at.least(0);
    expect(paths.indexOf(reads[0]!), 'after the first page').to.be.greaterThan(firstChildren);
    expect(new Set(reads).size, 'none read twice').to.equal(reads.length);
    expect(reads.length, 'only rows in view').to.be.at.most(loadedRows(el).length);
    await expect(el).to.be.accessible();
  });
});

describe('<account-tree>: the host’s display', () => {
  // A host page styles the element as it styles its own: whatever box it gives it, the tree keeps a usable height.
  const displays = ['block', 'inline', 'inline-block', 'flex', 'inline-flex', 'grid', 'flow-root', 'contents', 'table'];
  for (const rule of [...displays.map((d) => `display: ${d}`), 'display: flex; height: auto', 'height: auto']) {
    it(`shows its rows in view with ${rule} set by the host`, async () => {
      const fx = await startEmulator({ seed: { accounts: 300, depth: 1, seed: 4 } });
      const style = document.createElement('style');
      style.textContent = `account-tree { ${rule} }`;
      document.head.append(style);
      try {
        const { el } = await mount(fx, html`<account-tree></account-tree>`);
        await until(() => loadedInView(el), 'rows in view');
        const tree = treeOf(el).getBoundingClientRect();
        const seen = loadedRows(el).filter((r) => inView(el, r));
        expect(tree.height, 'the tree’s height').to.be.within(6 * ROW, 30 * ROW);
        expect(seen.length, 'rows in view').to.be.at.least(6);
        expect(rows(el).length, 'only the rows in view and a few more are drawn').to.be.below(60);
      } finally {
        style.remove();
      }
    });
  }
});

import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { forgetStashedDrafts } from '../../src/base/draft-stash.js';
import { deepActiveElement } from '../../src/base/focus.js';
import type { CrossbarEmulator } from '../../src/mock/index.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  allByRole,
  deepQueryAll,
  dialogContent,
  getByLabel,
  getByRole,
  isHiddenDeep,
  openDialog,
  queryByRole,
  roleOf,
  textOf,
} from '../../test/queries.js';
import type { AccountManager, AccountManagerTab } from './account-manager.js';
import './account-manager.define.js';

type DirectoryAccount = ReturnType<CrossbarEmulator['accounts']>[number];

// ---- what a user sees and does

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The account's row in the tree (its name may be followed by badges and a count). */
const row = (el: Element, a: DirectoryAccount) => getByRole(el, 'treeitem', new RegExp(`^${escape(a.name)}([\\s,]|$)`));
const queryRow = (el: Element, a: DirectoryAccount) =>
  allByRole(el, 'treeitem', new RegExp(`^${escape(a.name)}([\\s,]|$)`)).find((r) => !isHiddenDeep(r));
const tab = (el: Element, name: string) => getByRole<HTMLButtonElement>(el, 'tab', name);
const title = (el: AccountManager) => textOf(el.shadowRoot!.querySelector('[part~=title]')!);
const treeLabel = (el: Element) => getByRole(el, 'tree').getAttribute('aria-label');
/** The section on screen. */
const panel = (el: Element) => getByRole(el, 'tabpanel');
/** The section of a tab, once it is the one on screen. */
const section = (el: Element, name: string) => queryByRole(el, 'tabpanel', name);
/** Waits for a tab's section to show its Save button. */
const saveIn = (el: Element, name: string) =>
  until(() => {
    const p = section(el, name);
    return p && queryByRole(p, 'button', 'Save');
  }, `the ${name} section`);
/** The account's name in the overview (the contacts have a Name too). */
const nameField = (el: Element) => getByLabel<HTMLInputElement>(getByRole(panel(el), 'region', 'Details'), 'Name');
const button = (el: Element, name: string | RegExp) => getByRole<HTMLButtonElement>(el, 'button', name);
const gets = (fx: EmulatorFixture) =>
  fx.emulator.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query)}`);
const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
/** Lets every request the screen makes go out and come back. */
const settle = async (fx: EmulatorFixture) => {
  let last = -1;
  while (last !== fx.emulator.requests.length || fx.emulator.requests.some((r) => r.status === 0)) {
    last = fx.emulator.requests.length;
    await new Promise((r) => setTimeout(r, 120));
  }
};

const TAB_NAMES: Record<AccountManagerTab, string> = {
  overview: 'Overview',
  admins: 'Admins',
  limits: 'Limits',
  numbers: 'Numbers',
  restrictions: 'Restrictions',
  carrier: 'Carrier',
  apps: 'Apps',
  notes: 'Notes',
  plans: 'Plans',
};

/** The element each tab shows, and something it shows once loaded. */
const SECTIONS: [AccountManagerTab, string, (p: Element) => unknown][] = [
  ['admins', 'account-admins', (p) => queryByRole(p, 'button', 'Add administrator')],
  ['limits', 'account-limits', (p) => queryByRole(p, 'button', 'Save')],
  ['numbers', 'number-features', (p) => queryByRole(p, 'button', 'Save')],
  ['restrictions', 'account-restrictions', (p) => queryByRole(p, 'button', 'Save')],
  ['carrier', 'carrier-picker', (p) => queryByRole(p, 'button', 'Save')],
  ['apps', 'app-exchange-toggle', (p) => queryByRole(p, 'button', 'Save')],
  ['notes', 'account-notes', (p) => queryByRole(p, 'button', 'Save')],
  ['plans', 'service-plan-picker', (p) => queryByRole(p, 'button', 'Save')],
];

function seeded(fx: EmulatorFixture) {
  const root = fx.emulator.rootAccountId;
  const all = fx.emulator.accounts();
  const direct = all.filter((a) => a.parentId === root);
  const leaves = direct.filter((a) => a.enabled && a.childCount === 0);
  const parent = direct.find((a) => a.enabled && a.childCount > 0)!;
  const child = all.find((a) => a.parentId === parent.id && a.enabled)!;
  const grandparent = direct.find((a) => all.some((c) => c.parentId === a.id && c.childCount > 0))!;
  return { root, all, direct, leaves, parent, child, grandparent };
}

async function mount(fx: EmulatorFixture, setup: (el: AccountManager) => void = () => undefined) {
  const el = document.createElement('account-manager');
  setup(el);
  const { provider } = await mountInProvider<AccountManager>(fx.api, html`${el}`);
  await until(() => queryByRole(el, 'tree'), 'the tree shows');
  return { el, provider };
}

/** Waits for `a` on screen: the header names it and the section's form shows. */
async function overviewOf(el: AccountManager, a: { name: string }) {
  await until(() => title(el) === a.name, `the header names ${a.name}`);
  await until(() => queryByRole(panel(el), 'button', 'Save'), 'the overview form shows');
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

/** Records every `account-manager-navigate`. */
function navigations(el: AccountManager) {
  const seen: { accountId: string; tab: string }[] = [];
  el.addEventListener('account-manager-navigate', (e) => seen.push(e.detail));
  return seen;
}

/** Errors and rejections that reach `window`. */
function raised() {
  const out: string[] = [];
  const onError = (e: ErrorEvent) => out.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => out.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    out,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Elements whose box sticks out of the viewport, or the page's sideways scrolling, in words. */
function overflow(): string[] {
  const out: string[] = [];
  const width = document.documentElement.clientWidth;
  const scroll = document.scrollingElement!.scrollWidth;
  if (scroll > innerWidth) out.push(`the page scrolls sideways: ${scroll} > ${innerWidth}`);
  for (const node of deepQueryAll<HTMLElement>(document, '*')) {
    const r = node.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (r.left < -0.5 || r.right > width + 0.5) {
      const host = (node.getRootNode() as ShadowRoot).host;
      out.push(`${host ? `<${host.localName}> ` : ''}${node.localName}: ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
  }
  return out;
}

// The virtualizer adds rows from a ResizeObserver callback: the browser reports the extra round as this benign
// error (the rows are measured a frame later); it is not a failure of the element.
window.addEventListener(
  'error',
  (e) => {
    if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
  },
  true,
);

// ---- the tests

describe('<account-manager>', () => {
  let fx: EmulatorFixture;

  before(() => setViewport({ width: 1280, height: 900 }));
  beforeEach(async () => {
    forgetStashedDrafts();
    fx = await startEmulator();
  });

  it('loads each section only when its tab is first opened, reading each resource once and writing nothing', async function () {
    // Loads every section's code on first use: slow on a busy machine, not a timing claim.
    this.timeout(40000);
    const s = seeded(fx);
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx);
    expect(el.getAttribute('tab')).to.equal('overview');
    await until(() => queryRow(el, leaf), 'the tree lists the customers');
    await settle(fx);
    // The session, the signed-in account and its first page of customers: each asked once, nothing written.
    const first = gets(fx);
    expect(first.filter((r) => !r.startsWith('GET ') && !r.includes('/user_auth'))).to.deep.equal([]);
    expect(new Set(first).size).to.equal(first.length);
    // Nothing but the tree and the overview came with the manager.
    for (const [, tag] of SECTIONS) expect(customElements.get(tag), tag).to.equal(undefined);
    await expect(el).to.be.accessible();

    const seen = new Set<string>();
    /** What the last step asked: only reads, none asked before, each once. */
    const asked = (step: string) => {
      const now = gets(fx);
      fx.emulator.clearRequests();
      expect(new Set(now).size, `${step} asks each once`).to.equal(now.length);
      for (const r of now) {
        expect(r.startsWith('GET '), `${step} writes nothing: ${r}`).to.equal(true);
        expect(seen.has(r), `${step} repeats ${r}`).to.equal(false);
        seen.add(r);
      }
      return now;
    };

    for (const r of first) seen.add(r);
    // Reads that left since (the tree's badges for the rows in view, loaded after its first rows) count as seen.
    for (const r of gets(fx)) seen.add(r);
    fx.emulator.clearRequests();
    row(el, leaf).click();
    await overviewOf(el, leaf);
    await settle(fx);
    // The overview shows the account: its document, read once (by the tree's badges already, or now).
    const opened = asked('the overview');
    expect(
      opened.every((r) => /^GET \/v2\/accounts\/\w+\?$/.test(r)),
      opened.join(),
    ).to.equal(true);
    expect(seen.has(`GET /v2/accounts/${leaf.id}?`)).to.equal(true);

    for (const [name, tag, ready] of SECTIONS) {
      expect(deepQueryAll(el, tag), `${tag} before its tab`).to.have.length(0);
      tab(el, TAB_NAMES[name]).click();
      await until(() => {
        const p = section(el, TAB_NAMES[name]);
        return p && ready(p);
      }, `the ${name} section shows`);
      await settle(fx);
      expect(deepQueryAll(el, tag), tag).to.have.length(1);
      expect(tab(el, TAB_NAMES[name]).getAttribute('aria-selected')).to.equal('true');
      asked(name);
    }
    // What each tab adds is its own.
    const all = [...seen].join('\n');
    expect(all).to.contain(`/accounts/${leaf.id}/users`);
    expect(all).to.contain(`/accounts/${leaf.id}/limits`);
    expect(all).to.contain(`/accounts/${leaf.id}/callflows`);
    expect(all).to.contain(`/accounts/${leaf.id}/apps_store/blacklist`);
    expect(all).to.contain(`/accounts/${leaf.id}/services`);
    await expect(el).to.be.accessible();

    // Back to a tab: the same element, at once, nothing asked.
    const overview = deepQueryAll(el, 'account-overview')[0];
    asked('the tabs');
    tab(el, 'Overview').click();
    await el.updateComplete;
    expect(deepQueryAll(el, 'account-overview')[0]).to.equal(overview);
    expect(queryByRole(panel(el), 'button', 'Save')).to.not.equal(undefined);
    await settle(fx);
    expect(gets(fx).filter((r) => r.includes(leaf.id))).to.deep.equal([]);
  });

  it('keeps a section and its unsaved edits while the account stays; another account starts afresh', async () => {
    const s = seeded(fx);
    const [a, b] = s.leaves;
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', a!.id));
    await overviewOf(el, a!);
    await typeInto(nameField(el), 'Renamed Dental');
    tab(el, 'Numbers').click();
    await saveIn(el, 'Numbers');
    tab(el, 'Overview').click();
    await el.updateComplete;
    expect(nameField(el).value).to.equal('Renamed Dental');
    // Numbers is clean: it goes with the account, and comes back for the next one when opened.
    el.setAttribute('account-id', b!.id);
    await until(() => openDialog(el), 'the overview asks about its edits');
    expect(textOf(dialogContent(el)!)).to.contain(`Discard changes to ${a!.name}?`);
    button(dialogContent(el)!, 'Discard changes').click();
    await overviewOf(el, b!);
    expect(deepQueryAll(el, 'number-features')).to.have.length(0);
    expect(nameField(el).value).to.equal(b!.name);
  });

  it('navigates from account-id and tab without an event, and tells the host of the user’s navigation', async () => {
    const s = seeded(fx);
    const { el } = await mount(fx);
    const events = navigations(el);
    await until(() => queryRow(el, s.leaves[0]!), 'the tree');
    el.setAttribute('account-id', s.child.id);
    el.setAttribute('tab', 'limits');
    await until(() => title(el) === s.child.name, 'the header names the account');
    await saveIn(el, 'Limits');
    expect(deepQueryAll(el, 'account-limits')).to.have.length(1);
    expect(deepQueryAll(el, 'account-overview')).to.have.length(0);
    // The tree reveals it (its parent opens).
    await until(() => queryRow(el, s.child)?.getAttribute('aria-selected') === 'true', 'selected in the tree');
    expect(row(el, s.parent).getAttribute('aria-expanded')).to.equal('true');
    el.tab = 'admins';
    await until(() => queryByRole(section(el, 'Admins') ?? el, 'button', 'Add administrator'), 'admins');
    expect(events).to.deep.equal([]);

    tab(el, 'Notes').click();
    await el.updateComplete;
    expect(events).to.deep.equal([{ accountId: s.child.id, tab: 'notes' }]);
    expect(el.getAttribute('tab')).to.equal('notes');
    row(el, s.leaves[0]!).click();
    await el.updateComplete;
    expect(events[1]).to.deep.equal({ accountId: s.leaves[0]!.id, tab: 'notes' });
    expect(el.getAttribute('account-id')).to.equal(s.leaves[0]!.id);
    await until(() => title(el) === s.leaves[0]!.name, 'the header follows');
    // Choosing the same again is not a navigation.
    row(el, s.leaves[0]!).click();
    tab(el, 'Notes').click();
    await el.updateComplete;
    expect(events).to.have.length(2);
    await expect(el).to.be.accessible();
    // The tree's root has no row: the button above it shows it.
    button(el, 'Acme Telecom').click();
    await overviewOf(el, { name: 'Acme Telecom' });
    expect(events[2]).to.deep.equal({ accountId: fx.emulator.rootAccountId, tab: 'notes' });
    expect(button(el, 'Acme Telecom').getAttribute('aria-current')).to.equal('true');
  });

  it('opens "Add account" in a dialog for the chosen parent and selects the account created', async function () {
    // Loads code on first use and walks the whole wizard: slow on a busy machine, not a timing claim.
    this.timeout(40000);
    const s = seeded(fx);
    const { el } = await mount(fx);
    const events = navigations(el);
    await until(() => queryRow(el, s.parent), 'the tree');
    row(el, s.parent).click();
    await overviewOf(el, s.parent);
    button(el, 'Add account').click();
    // Its code is loaded on first use.
    await until(
      () => openDialog(el) && queryByRole(el, 'textbox', 'Account name'),
      'the wizard opens in a dialog',
      15000,
    );
    const wizard = dialogContent(el)!;
    expect(textOf(wizard)).to.contain(`Under ${s.parent.name}`);
    await expect(el).to.be.accessible();
    await typeInto(getByLabel(wizard, 'Account name'), 'Harbor Lights Dental');
    const next = async () => {
      const before = textOf(getByRole(el, 'heading', /^Step \d+/));
      button(el, 'Next').click();
      await until(() => textOf(getByRole(el, 'heading', /^Step \d+/)) !== before, 'the next step', 10000);
    };
    await next();
    await next();
    button(el, 'Remove admin 1').click();
    while (!queryByRole(el, 'button', 'Create account')) await next();
    button(el, 'Create account').click();
    await until(() => queryByRole(el, 'button', 'Open account'), 'the account is created', 10000);
    const created = fx.emulator.accounts().find((a) => a.name === 'Harbor Lights Dental')!;
    expect(created.parentId).to.equal(s.parent.id);
    // Selected at once, on its overview, revealed in the tree behind the dialog.
    await until(() => el.accountId === created.id, 'selected');
    expect(el.tab).to.equal('overview');
    expect(events.at(-1)).to.deep.equal({ accountId: created.id, tab: 'overview' });
    button(el, 'Open account').click();
    await until(() => !openDialog(el), 'the dialog closes');
    await overviewOf(el, created);
    await until(() => queryRow(el, created)?.getAttribute('aria-selected') === 'true', 'revealed and selected');
    await expect(el).to.be.accessible();
  });

  it('shows the sub-accounts an account cannot be deleted with: expanded and selected in the tree', async () => {
    const s = seeded(fx);
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', s.parent.id));
    await overviewOf(el, s.parent);
    await until(() => queryRow(el, s.parent), 'the tree lists it');
    expect(row(el, s.parent).getAttribute('aria-expanded')).to.equal('false');
    button(panel(el), 'Delete account…').click();
    await until(() => queryByRole(el, 'button', 'Show sub-accounts'), 'the sub-accounts note');
    button(el, 'Show sub-accounts').click();
    await until(() => queryRow(el, s.parent)?.getAttribute('aria-expanded') === 'true', 'expanded');
    expect(row(el, s.parent).getAttribute('aria-selected')).to.equal('true');
    await until(() => queryRow(el, s.child), 'its children show');
    expect(textOf(deepActiveElement()!)).to.equal('Accounts');
    await expect(el).to.be.accessible();
  });

  it('selects the parent of a deleted account', async () => {
    const s = seeded(fx);
    const leaf = s.all.find((a) => a.parentId === s.parent.id && a.childCount === 0)!;
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', leaf.id));
    const events = navigations(el);
    await overviewOf(el, leaf);
    await until(() => queryRow(el, leaf)?.getAttribute('aria-selected') === 'true', 'revealed');
    button(panel(el), 'Delete account…').click();
    await until(() => dialogContent(el), 'the typed confirmation');
    const d = dialogContent(el)!;
    await typeInto(getByRole<HTMLInputElement>(d, 'textbox'), leaf.name);
    button(d, 'Delete for good').click();
    await overviewOf(el, s.parent);
    expect(el.accountId).to.equal(s.parent.id);
    expect(events).to.deep.equal([{ accountId: s.parent.id, tab: 'overview' }]);
    await until(() => queryRow(el, s.parent)?.getAttribute('aria-selected') === 'true', 'the parent is selected');
    expect(queryRow(el, leaf)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('keeps a moved account selected and reveals it in its new place', async () => {
    const s = seeded(fx);
    const plain = (a: DirectoryAccount) => a.enabled && !a.isReseller;
    const leaf = s.leaves.find(plain)!;
    const target = s.direct.find((a) => plain(a) && a.childCount > 0)!;
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', leaf.id));
    const events = navigations(el);
    await overviewOf(el, leaf);
    await until(() => queryRow(el, leaf)?.getAttribute('aria-level') === '1', 'where it is now');
    button(panel(el), 'Move to…').click();
    await until(() => queryByRole(el, 'textbox', 'Find the new parent account'), 'the search opens');
    getByLabel(el, 'Find the new parent account').focus();
    await sendKeys({ type: target.name.slice(0, 12) });
    const radio = new RegExp(`^${escape(target.name)}\\b`);
    await until(() => queryByRole(el, 'radio', radio), 'the target is found');
    getByRole<HTMLInputElement>(el, 'radio', radio).click();
    await until(() => textOf(el).includes(`${target.name} can take this account.`), 'the verdict');
    button(el, 'Move here').click();
    await until(() => dialogContent(el), 'the confirmation');
    button(dialogContent(el)!, 'Move').click();
    await until(() => queryRow(el, leaf)?.getAttribute('aria-level') === '2', 'revealed under its new parent');
    expect(queryRow(el, leaf)!.getAttribute('aria-selected')).to.equal('true');
    expect(row(el, target).getAttribute('aria-expanded')).to.equal('true');
    expect(el.accountId).to.equal(leaf.id);
    expect(events).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('uses an account: the tree and sections follow, the banner returns in one click, nested returns step by step', async () => {
    const s = seeded(fx);
    const customer = s.grandparent;
    const sub = s.all.find((a) => a.parentId === customer.id && a.childCount > 0)!;
    const { el, provider } = await mount(fx);
    await until(() => queryRow(el, customer), 'the tree');
    row(el, customer).click();
    await overviewOf(el, customer);
    tab(el, 'Limits').click();
    await saveIn(el, 'Limits');
    const requests: string[] = [];
    provider.addEventListener('masquerade-request', (e) => requests.push(e.detail.accountId));

    button(el, 'Use account').click();
    await until(() => provider.isMasquerading, 'in use');
    expect(requests).to.deep.equal([customer.id]);
    await until(() => treeLabel(el) === `Accounts under ${customer.name}`, 'the tree is the customer’s');
    await until(() => queryRow(el, sub), 'its sub-accounts');
    expect(title(el)).to.equal(customer.name);
    expect(el.tab).to.equal('limits');
    expect(queryByRole(el, 'button', 'Use account')).to.equal(undefined);
    const banner = getByRole(provider, 'region', 'Account in use');
    expect(textOf(banner)).to.contain(`You are viewing the portal as ${customer.name}`);
    await expect(provider).to.be.accessible();

    // Nested: a sub-account of the customer, used in turn.
    row(el, sub).click();
    await until(() => title(el) === sub.name, 'the sub-account');
    button(el, 'Use account').click();
    await until(() => treeLabel(el) === `Accounts under ${sub.name}`, 'the sub-account’s tree');
    expect(provider.actingAccountId).to.equal(sub.id);
    await until(() => queryByRole(el, 'button', `Return to ${customer.name}`), 'one step back is offered');
    await expect(provider).to.be.accessible();
    button(el, `Return to ${customer.name}`).click();
    await until(() => treeLabel(el) === `Accounts under ${customer.name}`, 'one step back');
    expect(provider.actingAccountId).to.equal(customer.id);
    await until(() => queryRow(el, sub)?.getAttribute('aria-selected') === 'true', 'the sub-account stays selected');
    expect(title(el)).to.equal(sub.name);

    // The banner returns all the way in one click; the account stays selected, revealed in the whole tree.
    button(banner, 'Return to my account').click();
    await until(() => !provider.isMasquerading, 'back');
    await until(() => treeLabel(el) === 'Accounts under Acme Telecom', 'the reseller’s tree');
    await until(() => queryRow(el, sub)?.getAttribute('aria-selected') === 'true', 'revealed');
    expect(title(el)).to.equal(sub.name);
    await expect(el).to.be.accessible();
  });

  it('follows the acting account when it shows no account-id, and a refused "Use account" changes nothing', async () => {
    const s = seeded(fx);
    const { el, provider } = await mount(fx);
    const events = navigations(el);
    await overviewOf(el, { name: 'Acme Telecom' });
    expect(queryByRole(el, 'button', 'Use account')).to.equal(undefined);
    await until(() => queryRow(el, s.parent), 'the tree');
    row(el, s.parent).click();
    await overviewOf(el, s.parent);
    provider.addEventListener('masquerade-request', (e) => e.preventDefault(), { once: true });
    button(el, 'Use account').click();
    await new Promise((r) => setTimeout(r, 100));
    expect(provider.isMasquerading).to.equal(false);
    expect(treeLabel(el)).to.equal('Accounts under Acme Telecom');
    // Used by the host: the manager shows it, and says so.
    expect(await provider.masquerade(s.child.id)).to.equal(true);
    await overviewOf(el, s.child);
    expect(events.at(-1)).to.deep.equal({ accountId: s.child.id, tab: 'overview' });
  });

  it('brings its own provider when given .api: "Use account" and its banner work', async () => {
    const s = seeded(fx);
    const el = await fixture<AccountManager>(html`<account-manager .api=${fx.api}></account-manager>`);
    await until(() => queryRow(el, s.parent), 'the tree');
    row(el, s.parent).click();
    await overviewOf(el, s.parent);
    button(el, 'Use account').click();
    await until(() => queryByRole(el, 'region', 'Account in use'), 'the banner shows inside');
    await until(() => treeLabel(el) === `Accounts under ${s.parent.name}`, 'the tree follows');
    expect(el.shadowRoot!.querySelector('account-provider')!.shadowRoot!.querySelector('[part=banner]')).to.exist;
    await expect(el).to.be.accessible();
    button(el, 'Return to my account').click();
    await until(() => treeLabel(el) === 'Accounts under Acme Telecom', 'back');
  });

  it('brings the tree and the tab back to unsaved edits when the user keeps editing', async () => {
    const s = seeded(fx);
    const [a, b] = s.leaves;
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', a!.id));
    const events = navigations(el);
    await overviewOf(el, a!);
    tab(el, 'Limits').click();
    const limits = async () =>
      until(() => queryByRole(section(el, 'Limits') ?? el, 'spinbutton', 'Inbound trunks'), 'limits');
    await limits();
    const trunks = getByLabel(panel(el), 'Inbound trunks');
    await typeInto(trunks, '7');
    tab(el, 'Overview').click();
    await until(() => queryRow(el, b!), 'the tree');
    // The overview is clean: nothing is asked on the way; the limits keep their edits for a.
    row(el, b!).click();
    await overviewOf(el, b!);
    expect(openDialog(el)).to.equal(undefined);
    tab(el, 'Limits').click();
    await until(() => openDialog(el), 'the limits ask about their edits');
    const d = dialogContent(el)!;
    expect(textOf(d)).to.contain(`Discard changes to ${a!.name}?`);
    await expect(el).to.be.accessible();
    button(d, 'Keep editing').click();
    await until(() => el.accountId === a!.id, 'back to the account with the edits');
    expect(el.tab).to.equal('limits');
    expect(events.at(-1)).to.deep.equal({ accountId: a!.id, tab: 'limits' });
    await until(() => title(el) === a!.name, 'the header');
    await until(() => queryRow(el, a!)?.getAttribute('aria-selected') === 'true', 'the tree selects it again');
    await limits();
    expect(getByLabel<HTMLInputElement>(panel(el), 'Inbound trunks').value).to.equal('7');
  });

  it('is driven by the keyboard alone: tree, then tabs, then the section', async () => {
    const s = seeded(fx);
    const { el } = await mount(fx);
    const events = navigations(el);
    await overviewOf(el, { name: 'Acme Telecom' });
    await until(() => queryRow(el, s.leaves[0]!), 'rows');
    button(el, 'Add account').focus();
    const active = () => deepActiveElement();
    for (let i = 0; i < 5 && roleOf(active()!) !== 'treeitem'; i++) await sendKeys({ press: 'Tab' });
    expect(roleOf(active()!)).to.equal('treeitem');
    const first = active();
    await sendKeys({ press: 'ArrowDown' });
    // The tree's keyboard arrives with the first focus: a key pressed before it is handled when it is.
    await until(() => active() !== first, 'ArrowDown moves to the next row');
    const chosen = active()!.getAttribute('aria-label') ?? textOf(active()!);
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 'Enter selects');
    const account = s.all.find((a) => a.id === events[0]!.accountId)!;
    expect(chosen.startsWith(account.name)).to.equal(true);
    await overviewOf(el, account);
    for (let i = 0; i < 5 && roleOf(active()!) !== 'tab'; i++) await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(tab(el, 'Overview'));
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal(tab(el, 'Admins'));
    // Moving is not opening.
    expect(deepQueryAll(el, 'account-admins')).to.have.length(0);
    await sendKeys({ press: 'End' });
    expect(active()).to.equal(tab(el, 'Plans'));
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal(tab(el, 'Overview'));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await until(() => queryByRole(section(el, 'Admins') ?? el, 'button', 'Add administrator'), 'Enter opens Admins');
    expect(events.at(-1)).to.deep.equal({ accountId: account.id, tab: 'admins' });
    await sendKeys({ press: 'Tab' });
    expect(deepQueryAll(el, 'account-admins')[0]!.shadowRoot!.contains(active()!)).to.equal(true);
  });

  it('on a 360 px phone: two screens with "Back to accounts", nothing scrolls sideways', async function () {
    this.timeout(30000);
    await setViewport({ width: 360, height: 740 });
    try {
      const s = seeded(fx);
      const { el } = await mount(fx);
      await until(() => queryRow(el, s.leaves[0]!), 'the accounts screen');
      expect(queryByRole(el, 'tablist', 'Account sections')).to.equal(undefined);
      expect(queryByRole(el, 'button', 'Back to accounts')).to.equal(undefined);
      expect(overflow()).to.deep.equal([]);
      await expect(el).to.be.accessible();
      row(el, s.leaves[0]!).click();
      await overviewOf(el, s.leaves[0]!);
      expect(queryByRole(el, 'tree')).to.equal(undefined);
      await until(() => deepActiveElement() === el.shadowRoot!.querySelector('[part~=title]'), 'focus on the name');
      for (const name of ['Restrictions', 'Limits', 'Apps']) {
        tab(el, name).click();
        await saveIn(el, name);
        await frames();
        expect(overflow(), name).to.deep.equal([]);
      }
      await expect(el).to.be.accessible();
      button(el, 'Back to accounts').click();
      await until(() => queryByRole(el, 'tree'), 'the accounts again');
      expect(queryByRole(el, 'tablist', 'Account sections')).to.equal(undefined);
      expect(row(el, s.leaves[0]!).getAttribute('aria-selected')).to.equal('true');
      expect(textOf(deepActiveElement()!)).to.equal('Accounts');
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('sits side by side from 48rem, with no Back button', async () => {
    const s = seeded(fx);
    const { el } = await mount(fx, (m) => m.setAttribute('account-id', s.leaves[0]!.id));
    await overviewOf(el, s.leaves[0]!);
    const tree = getByRole(el, 'tree').getBoundingClientRect();
    const tabs = getByRole(el, 'tablist', 'Account sections').getBoundingClientRect();
    expect(tree.right).to.be.at.most(tabs.left);
    expect(queryByRole(el, 'button', 'Back to accounts')).to.equal(undefined);
  });

  it('shows the announcement of the signed-in account once', async () => {
    await fx.api.updateAccount(fx.emulator.rootAccountId, { notes: { announcement: '<p>Maintenance tonight</p>' } });
    const { el } = await mount(fx);
    await until(() => openDialog(el), 'the announcement');
    expect(textOf(dialogContent(el)!)).to.contain('Maintenance tonight');
    expect(deepQueryAll(el, 'account-announcement')).to.have.length(1);
    await expect(el).to.be.accessible();
    button(dialogContent(el)!, 'Dismiss').click();
    await until(() => !openDialog(el), 'dismissed');
  });

  it('forgets every account on sign-out', async () => {
    const leaf = seeded(fx).leaves[0]!;
    const { el, provider } = await mount(fx, (m) => m.setAttribute('account-id', leaf.id));
    await overviewOf(el, leaf);
    tab(el, 'Limits').click();
    await saveIn(el, 'Limits');
    await provider.logout();
    await until(() => !deepQueryAll(el, 'account-overview, account-limits').length, 'the sections go');
    await until(() => !allByRole(el, 'treeitem').length, 'the tree empties');
    expect(textOf(el)).to.not.contain(leaf.name);
    expect(queryByRole(el, 'tablist')).to.equal(undefined);
  });

  it('raises nothing on window through load, navigation, "Use account" and unmount', async () => {
    const watch = raised();
    try {
      const s = seeded(fx);
      const { el, provider } = await mount(fx);
      await until(() => queryRow(el, s.parent), 'the tree');
      row(el, s.parent).click();
      await overviewOf(el, s.parent);
      for (const name of ['Admins', 'Limits', 'Apps', 'Plans', 'Overview']) {
        tab(el, name).click();
        await frames(2);
      }
      button(el, 'Use account').click();
      await until(() => provider.isMasquerading, 'in use');
      await until(() => queryRow(el, s.child), 'the customer’s tree');
      row(el, s.child).click();
      await frames(4);
      provider.restore({ all: true });
      await until(() => treeLabel(el) === 'Accounts under Acme Telecom', 'back');
      tab(el, 'Carrier').click();
      el.remove();
      await new Promise((r) => setTimeout(r, 400));
      provider.remove();
      await settle(fx);
      expect(watch.out).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});

describe('<account-manager>: the host’s display', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  // A host page styles the element as it styles its own: whatever box it gives it, the layout stays whole.
  const displays = ['block', 'inline', 'inline-block', 'flex', 'grid', 'flow-root', 'contents'];
  // The last: the manager a flex item of the page's row, as wide as its content.
  for (const rule of [
    ...displays.map((d) => `account-manager { display: ${d} }`),
    'account-provider { display: flex }',
  ]) {
    it(`shows the tree’s rows beside the account with ${rule} in the page`, async () => {
      const fx = await startEmulator();
      const style = document.createElement('style');
      style.textContent = rule;
      document.head.append(style);
      try {
        const s = seeded(fx);
        const { el } = await mount(fx, (m) => m.setAttribute('account-id', s.leaves[0]!.id));
        await overviewOf(el, s.leaves[0]!);
        const tree = () => getByRole(el, 'tree').getBoundingClientRect();
        const seen = () =>
          allByRole(el, 'treeitem')
            .map((r) => r.getBoundingClientRect())
            .filter((r) => r.height > 0 && r.width > 0 && r.top >= tree().top && r.bottom <= tree().bottom + 1);
        await until(() => seen().length >= 5, 'rows in view');
        expect(tree().height, 'the tree’s height').to.be.at.least(200);
        const tabs = getByRole(el, 'tablist', 'Account sections').getBoundingClientRect();
        expect(tree().right, 'side by side').to.be.at.most(tabs.left);
        expect(overflow()).to.deep.equal([]);
      } finally {
        style.remove();
      }
    });
  }
});

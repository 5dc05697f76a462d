import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Account } from '../../src/api/model.js';
import type { StoredDoc } from '../../src/mock/index.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import type { AccountOverview } from './account-overview.js';
import './account-overview.define.js';
import '../../src/base/test-element.testing.js';
import type { TestAccountView } from '../../src/base/test-element.testing.js';

interface Seeded {
  root: string;
  /** Enabled, standard, no sub-accounts, directly under the root reseller. */
  leaves: StoredDoc[];
  /** A sub-reseller directly under the root, with customers of its own. */
  subReseller: StoredDoc;
  /** An account with sub-accounts. */
  parent: StoredDoc;
  child: StoredDoc;
  disabled: StoredDoc;
  /** A customer of the sub-reseller. */
  subCustomer: StoredDoc;
}

function seeded(fx: EmulatorFixture): Seeded {
  const state = fx.emulator.snapshot();
  const root = fx.emulator.rootAccountId;
  const accounts = state.accounts;
  const below = (id: string) => accounts.filter((a) => (a.pvt_tree as string[]).includes(id));
  const direct = accounts.filter((a) => {
    const tree = a.pvt_tree as string[];
    return tree[tree.length - 1] === root;
  });
  const leaves = direct.filter(
    (a) => !a.pvt_reseller && a.pvt_enabled !== false && below(a._id as string).length === 0,
  );
  const subReseller = direct.find((a) => a.pvt_reseller === true && below(a._id as string).length > 0)!;
  const parent = direct.find((a) => !a.pvt_reseller && below(a._id as string).length > 0) ?? subReseller;
  const child = below(parent._id as string)[0]!;
  const disabled = accounts.find((a) => a.pvt_enabled === false && (a.pvt_tree as string[]).includes(root))!;
  const subCustomer = accounts.find((a) => (a.pvt_tree as string[]).at(-1) === subReseller._id)!;
  return { root, leaves, subReseller, parent, child, disabled, subCustomer };
}

const id = (doc: StoredDoc) => doc._id as string;
const name = (doc: StoredDoc) => doc.name as string;
const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  sr(el).querySelector<T & Element>(sel) as T | null;
const text = (el: Element) => sr(el).textContent!.replace(/\s+/g, ' ');
const input = (el: Element, path: string) => $<HTMLInputElement>(el, `input[name="${path}"]`)!;
const button = (el: Element, label: string | RegExp) =>
  [...sr(el).querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!.trim()),
  );
const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog[open]');
const writes = (fx: EmulatorFixture, method: string, path: RegExp) =>
  fx.emulator.requests.filter((r) => r.method === method && path.test(r.path));

async function typeInto(field: HTMLInputElement, value: string) {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function mount(fx: EmulatorFixture, accountId?: string, api = fx.api) {
  const { el, provider } = await mountInProvider<AccountOverview>(
    api,
    accountId
      ? html`<account-overview account-id=${accountId}></account-overview>`
      : html`<account-overview></account-overview>`,
  );
  await until(() => $(el, 'h2'), 'the account loads');
  return { el, provider };
}

async function confirmDialog(el: Element, typed?: string) {
  await until(() => dialog(el), 'the dialog opens');
  const d = dialog(el)!;
  if (typed !== undefined) {
    await typeInto(d.querySelector('input')!, typed);
  }
  d.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
}

describe('<account-overview>', () => {
  let fx: EmulatorFixture;
  let s: Seeded;

  beforeEach(async () => {
    fx = await startEmulator();
    s = seeded(fx);
  });

  afterEach(() => fx.emulator.faults.clear());

  it('shows the account: name, fields, ID and creation date, in one request', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.clearRequests();
    const { el } = await mount(fx, id(leaf));
    expect($(el, 'h2')!.textContent).to.equal(name(leaf));
    expect(input(el, 'name').value).to.equal(name(leaf));
    expect(input(el, 'realm').value).to.equal(leaf.realm);
    expect(text(el)).to.contain(id(leaf));
    expect($(el, 'time')!.textContent).to.match(/20\d\d/);
    expect($(el, '[data-tier]')!.textContent).to.equal('Standard');
    const reads = fx.emulator.requests.filter((r) => r.path.endsWith(`/accounts/${id(leaf)}`));
    expect(reads).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('defaults to the acting account and offers neither disable, move nor delete for it', async () => {
    const { el } = await mount(fx);
    expect($(el, 'h2')!.textContent).to.equal('Acme Telecom');
    expect($(el, '[data-action=toggle-enabled]')).to.equal(null);
    expect($(el, '[data-action=delete]')).to.equal(null);
    expect($(el, '[data-action=move-toggle]')).to.equal(null);
    expect(text(el)).to.contain('cannot be disabled from here');
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while a slow load runs', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.faults.add({ path: `/accounts/${id(leaf)}`, method: 'GET', latencyMs: 1500, times: 1 });
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${id(leaf)}></account-overview>`,
    );
    await until(() => $(el, '[part=skeleton]'), 'a skeleton after the delay');
    expect($(el, '[part=skeleton]')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    await until(() => $(el, 'h2'), 'then the account');
  });

  it('says what failed, in words, and loads on Retry', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.faults.add({ path: `/accounts/${id(leaf)}`, method: 'GET', status: 500, times: 1 });
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${id(leaf)}></account-overview>`,
    );
    await until(() => $(el, '[part=error]'), 'the error panel');
    expect($(el, '[part=error]')!.textContent).to.contain('The server ran into a problem.');
    await expect(el).to.be.accessible();
    $(el, '[part=error] button')!.click();
    await until(() => $(el, 'h2')?.textContent === name(leaf), 'the account after Retry');
  });

  it('shows an account outside the signed-in tree as forbidden', async () => {
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${fx.emulator.foreignAccountId}></account-overview>`,
    );
    await until(() => $(el, '[part=forbidden]'), 'the forbidden note');
    expect(text(el)).to.contain("You don't have permission");
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('edits as a draft: dirty marker, Save sends only the change, account-saved, Saved', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Renamed Dental');
    await el.updateComplete;
    expect(el.dirty).to.equal(true);
    expect($(el, '[part=actions]')!.textContent).to.contain('Unsaved changes');
    expect(input(el, 'name').closest('[part=field]')!.hasAttribute('data-dirty')).to.equal(true);
    fx.emulator.clearRequests();
    const saved = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    const { detail } = await saved;
    expect(detail.accountId).to.equal(id(leaf));
    expect(detail.changes).to.deep.equal(['name']);
    expect(detail.account.name).to.equal('Renamed Dental');
    const patch = writes(fx, 'PATCH', /\/accounts\/[^/]+$/);
    expect(patch).to.have.length(1);
    expect((patch[0]!.body as { data: unknown }).data).to.deep.equal({ name: 'Renamed Dental' });
    await until(() => !el.dirty && $(el, '[part=actions]')!.textContent!.includes('Saved'), 'Saved shows');
    expect($(el, 'h2')!.textContent).to.equal('Renamed Dental');
    await expect(el).to.be.accessible();
  });

  it('edits contacts, time zone and language; clearing a value clears it on the server', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'contacts.technical.name'), 'Pat Ops');
    await typeInto(input(el, 'contacts.technical.email'), 'pat@ops.example');
    await typeInto(input(el, 'contacts.billing.locality'), 'Lyon');
    await typeInto(input(el, 'timezone'), 'Europe/Paris');
    const language = $<HTMLSelectElement>(el, 'select[name=language]')!;
    language.value = 'fr-FR';
    language.dispatchEvent(new Event('change'));
    const saved = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    await saved;
    let doc = (await fx.makeApi().getAccount(id(leaf))) as Account;
    expect(doc.contacts.technical?.name).to.equal('Pat Ops');
    expect(doc.contacts.technical?.email).to.equal('pat@ops.example');
    expect(doc.contacts.billing?.locality).to.equal('Lyon');
    expect(doc.timezone).to.equal('Europe/Paris');
    expect(doc.language).to.equal('fr-FR');
    await until(() => !el.dirty, 'clean after the save');
    // "Platform default" removes the language; an emptied contact field is emptied.
    language.value = '';
    language.dispatchEvent(new Event('change'));
    await typeInto(input(el, 'contacts.technical.name'), '');
    const again = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    await again;
    doc = await fx.makeApi().getAccount(id(leaf));
    expect(doc.language).to.equal(undefined);
    expect(doc.contacts.technical?.name ?? '').to.equal('');
    expect(doc.contacts.technical?.email).to.equal('pat@ops.example');
    await until(() => !el.dirty, 'clean again');
    expect(input(el, 'contacts.technical.name').value).to.equal('');
  });

  it('offers every IANA time zone to search, and checks the name and realm before saving', async () => {
    const { el } = await mount(fx, id(s.leaves[0]!));
    const options = sr(el).querySelectorAll('#tz-list option');
    expect(options.length).to.be.greaterThan(300);
    expect([...options].some((o) => (o as HTMLOptionElement).value === 'Pacific/Chatham')).to.equal(true);
    expect(input(el, 'timezone').getAttribute('list')).to.equal('tz-list');
    await typeInto(input(el, 'realm'), 'bad realm!');
    await typeInto(input(el, 'timezone'), 'Mars/Olympus');
    await typeInto(input(el, 'name'), '');
    fx.emulator.clearRequests();
    button(el, 'Save')!.click();
    await until(() => input(el, 'realm').getAttribute('aria-invalid') === 'true', 'the realm is marked');
    expect(text(el)).to.contain('Use 4 to 253 letters, digits, dots, dashes or underscores.');
    expect(text(el)).to.contain('Choose a time zone from the list.');
    expect(text(el)).to.contain('Enter a name.');
    expect(input(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(writes(fx, 'PATCH', /accounts/)).to.have.length(0);
    await until(() => sr(el).activeElement === input(el, 'name'), 'focus goes to the first invalid field');
    await expect(el).to.be.accessible();
  });

  it('shows a server field error on its field and keeps the draft', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, id(a!));
    await typeInto(input(el, 'realm'), String(b!.realm));
    button(el, 'Save')!.click();
    await until(() => input(el, 'realm').getAttribute('aria-invalid') === 'true', 'the realm error shows');
    expect(text(el)).to.contain('Account realm already in use');
    expect(input(el, 'realm').value).to.equal(b!.realm);
    expect(el.dirty).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft when the save fails, and saves on the next try', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Kept Through Failure');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 500, times: 1 });
    button(el, 'Save')!.click();
    await until(() => text(el).includes('Could not save. Your changes are kept.'), 'the failure in words');
    expect(text(el)).to.contain('The server ran into a problem.');
    expect(input(el, 'name').value).to.equal('Kept Through Failure');
    expect(el.dirty).to.equal(true);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    await saved;
    expect((await fx.makeApi().getAccount(id(leaf))).name).to.equal('Kept Through Failure');
  });

  it('turns read-only when the server refuses a write, keeping what was typed', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Not Allowed');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 403, times: 1 });
    button(el, 'Save')!.click();
    await until(() => text(el).includes('You can see this account but not change it.'), 'the read-only note');
    expect(input(el, 'name').value).to.equal('Not Allowed');
    expect(input(el, 'name').matches(':disabled')).to.equal(true);
    expect($(el, '[data-action=toggle-enabled]')).to.equal(null);
    expect($(el, '[data-action=delete]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('runs one save at a time: a double click sends one write', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Only Once');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', latencyMs: 300, times: 1 });
    fx.emulator.clearRequests();
    const save = button(el, 'Save')!;
    save.click();
    await el.updateComplete;
    expect(save.disabled).to.equal(true);
    expect($(el, '[part=actions]')!.textContent).to.contain('Saving…');
    await expect(el).to.be.accessible();
    save.click();
    await until(() => !el.dirty, 'saved');
    expect(writes(fx, 'PATCH', /accounts/)).to.have.length(1);
  });

  it('lets a host drive the draft with .save(), .reset() and .dirty, and guards the page while dirty', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    // The guard is observed as a listener: dispatching beforeunload on window would also stop the mock service worker.
    const guards = new Set<EventListener>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, l: EventListener, o?: AddEventListenerOptions) {
      if (type === 'beforeunload') guards.add(l);
      return add.call(this, type, l, o);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, l: EventListener, o?: EventListenerOptions) {
      if (type === 'beforeunload') guards.delete(l);
      return remove.call(this, type, l, o);
    } as typeof window.removeEventListener;
    try {
      let events = 0;
      el.addEventListener('account-saved', () => events++);
      await typeInto(input(el, 'name'), 'Host Driven');
      await el.updateComplete;
      expect(el.dirty).to.equal(true);
      expect(guards.size).to.equal(1);
      const unload = new Event('beforeunload', { cancelable: true });
      for (const g of guards) g(unload);
      expect(unload.defaultPrevented).to.equal(true);
      el.reset();
      await el.updateComplete;
      expect(el.dirty).to.equal(false);
      expect(guards.size).to.equal(0);
      expect(input(el, 'name').value).to.equal(name(leaf));
      await typeInto(input(el, 'name'), 'Host Driven');
      expect(await el.save()).to.equal(true);
      expect((await fx.makeApi().getAccount(id(leaf))).name).to.equal('Host Driven');
      await el.updateComplete;
      expect(guards.size).to.equal(0);
      expect(events).to.equal(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  it('merges another user’s change to another field and saves both', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Mine Name');
    await fx.makeApi().updateAccount(id(leaf), { timezone: 'Asia/Tokyo' });
    const saved = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    await saved;
    const doc = await fx.makeApi().getAccount(id(leaf));
    expect(doc.name).to.equal('Mine Name');
    expect(doc.timezone).to.equal('Asia/Tokyo');
    await until(() => input(el, 'timezone').value === 'Asia/Tokyo', 'their change shows');
    expect(text(el)).to.contain('merged');
  });

  it('shows both values when another user changed the same field; Keep mine, then Save succeeds', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    await typeInto(input(el, 'name'), 'Mine Name');
    await fx.makeApi().updateAccount(id(leaf), { name: 'Their Name' });
    button(el, 'Save')!.click();
    await until(() => $(el, '[part=conflicts]'), 'the conflict shows');
    const conflicts = $(el, '[part=conflicts]')!;
    expect(conflicts.textContent).to.contain('Your value: Mine Name');
    expect(conflicts.textContent).to.contain('Their value: Their Name');
    expect(button(el, 'Save')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    button(el, 'Keep mine')!.click();
    await el.updateComplete;
    expect($(el, '[part=conflicts]')).to.equal(null);
    const saved = oneEvent(el, 'account-saved');
    button(el, 'Save')!.click();
    await saved;
    expect((await fx.makeApi().getAccount(id(leaf))).name).to.equal('Mine Name');
  });

  it('follows another widget on the page: other fields merge at once, the same field asks; Use theirs', async () => {
    const leaf = s.leaves[0]!;
    const { provider } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${id(leaf)}></account-overview
        ><account-overview account-id=${id(leaf)}></account-overview>`,
    );
    const [a, b] = [...provider.querySelectorAll('account-overview')] as AccountOverview[];
    await until(() => $(a!, 'h2') && $(b!, 'h2'), 'both load');
    await typeInto(input(a!, 'name'), 'Draft In A');
    await typeInto(input(b!, 'realm'), 'realm-from-b.sip.acme.example');
    button(b!, 'Save')!.click();
    await until(() => input(a!, 'realm').value === 'realm-from-b.sip.acme.example', 'A takes the other field');
    expect(input(a!, 'name').value).to.equal('Draft In A');
    expect($(a!, '[part=conflicts]')).to.equal(null);
    await until(() => !b!.dirty, 'B saved');
    await typeInto(input(b!, 'name'), 'Saved In B');
    button(b!, 'Save')!.click();
    await until(() => $(a!, '[part=conflicts]'), 'A shows the clash');
    expect($(a!, '[part=conflicts]')!.textContent).to.contain('Their value: Saved In B');
    button(a!, 'Use theirs')!.click();
    await a!.updateComplete;
    expect(input(a!, 'name').value).to.equal('Saved In B');
    expect(a!.dirty).to.equal(false);
  });

  it('disables with a confirmation, shows the Disabled banner, and enables again', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    const toggle = $<HTMLButtonElement>(el, '[data-action=toggle-enabled]')!;
    expect(toggle.textContent!.trim()).to.equal('Disable account');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el), 'the dialog opens');
    const d = dialog(el)!;
    expect(d.getAttribute('aria-labelledby')).to.be.a('string');
    expect(sr(el).getElementById(d.getAttribute('aria-labelledby')!)!.textContent).to.equal(`Disable ${name(leaf)}?`);
    expect(sr(el).activeElement?.getAttribute('value')).to.equal('cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el), 'Escape closes it');
    await until(() => sr(el).activeElement === toggle, 'focus returns to the button');
    expect(writes(fx, 'PATCH', /accounts/)).to.have.length(0);
    const saved = oneEvent(el, 'account-saved');
    toggle.click();
    await confirmDialog(el);
    expect((await saved).detail.changes).to.deep.equal(['enabled']);
    await until(() => $(el, '[part=disabled-banner]'), 'the banner');
    expect($(el, '[part=disabled-banner]')!.textContent).to.contain('This account is disabled.');
    expect((await fx.makeApi().getAccount(id(leaf))).enabled).to.equal(false);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=disabled-banner] button')!.click();
    await confirmDialog(el);
    await until(() => !$(el, '[part=disabled-banner]'), 'the banner goes');
    expect((await fx.makeApi().getAccount(id(leaf))).enabled).to.equal(true);
  });

  it('shows a disabled account as disabled from the start', async () => {
    const { el } = await mount(fx, id(s.disabled));
    expect($(el, '[part=disabled-banner]')).to.not.equal(null);
    expect($(el, '[part=badge][data-tone=danger]')!.textContent).to.equal('Disabled');
    await expect(el).to.be.accessible();
  });

  it('deletes after the account name is typed: request event, DELETE, account-deleted', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    $<HTMLButtonElement>(el, '[data-action=delete]')!.click();
    await until(() => dialog(el), 'the dialog opens');
    const d = dialog(el)!;
    const confirm = d.querySelector<HTMLButtonElement>('button[value=confirm]')!;
    expect(confirm.disabled).to.equal(true);
    expect(d.textContent).to.contain(`Type ${name(leaf)} to confirm`);
    await typeInto(d.querySelector('input')!, 'wrong name');
    expect(confirm.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'account-delete-request');
    const deleted = oneEvent(el, 'account-deleted');
    await confirmDialog(el, name(leaf));
    expect((await request).detail.accountId).to.equal(id(leaf));
    expect((await deleted).detail).to.deep.equal({ accountId: id(leaf), name: name(leaf) });
    expect(writes(fx, 'DELETE', new RegExp(`/accounts/${id(leaf)}$`))).to.have.length(1);
    await until(() => text(el).includes(`${name(leaf)} was deleted.`), 'says it is gone');
    await expect(el).to.be.accessible();
  });

  it('deletes nothing when the host cancels account-delete-request', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    el.addEventListener('account-delete-request', (e) => e.preventDefault());
    $<HTMLButtonElement>(el, '[data-action=delete]')!.click();
    await confirmDialog(el, name(leaf));
    await until(() => !dialog(el), 'closed');
    expect(writes(fx, 'DELETE', /accounts/)).to.have.length(0);
    expect($(el, 'h2')!.textContent).to.equal(name(leaf));
  });

  it('does not offer delete for an account with sub-accounts, and offers to show them', async () => {
    const { el } = await mount(fx, id(s.parent));
    $<HTMLButtonElement>(el, '[data-action=delete]')!.click();
    await until(() => $(el, '[data-has-children]'), 'the sub-accounts message');
    expect(dialog(el)).to.equal(null);
    expect(text(el)).to.contain('This account has sub-accounts. Move or delete them first');
    expect($(el, '[data-action=delete]')).to.equal(null);
    expect(writes(fx, 'DELETE', /accounts/)).to.have.length(0);
    await expect(el).to.be.accessible();
    const show = oneEvent(el, 'account-show-children');
    $<HTMLButtonElement>(el, '[data-action=show-children]')!.click();
    expect((await show).detail).to.deep.equal({ accountId: id(s.parent) });
  });

  it('uses a sub-account count already known from a listing, without asking again', async () => {
    const { provider } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<test-account-view></test-account-view><account-overview account-id=${id(s.parent)}></account-overview>`,
    );
    const view = provider.querySelector<TestAccountView>('test-account-view')!;
    const el = provider.querySelector<AccountOverview>('account-overview')!;
    await until(() => $(el, 'h2'), 'the account loads');
    // As a tree would have: the parent's children listed, the account's breadcrumbs read.
    const listed = await view.am.store!.listChildren(s.root);
    await view.am.store!.getAncestors(id(s.parent));
    const count = listed.items.find((a) => a.id === id(s.parent))!.descendantsCount!;
    expect(count).to.be.greaterThan(0);
    fx.emulator.clearRequests();
    $<HTMLButtonElement>(el, '[data-action=delete]')!.click();
    await until(() => $(el, '[data-has-children]'), 'the sub-accounts message');
    expect(text(el)).to.contain(`This account has ${count} sub-account`);
    expect(fx.emulator.requests.filter((r) => r.path.endsWith('/children'))).to.have.length(0);
  });

  it('says so when the server answers has-descendants', async () => {
    fx.emulator.faults.add({ path: `/accounts/${id(s.parent)}/children`, method: 'GET', status: 500, times: 1 });
    const { el } = await mount(fx, id(s.parent));
    $<HTMLButtonElement>(el, '[data-action=delete]')!.click();
    await confirmDialog(el, name(s.parent));
    await until(() => $(el, '[data-has-children]'), 'the sub-accounts message');
    expect(writes(fx, 'DELETE', /accounts/)).to.have.length(1);
    expect($(el, 'h2')!.textContent).to.equal(name(s.parent));
    expect($(el, '[data-action=show-children]')).to.not.equal(null);
  });

  async function searchAndPick(el: AccountOverview, target: StoredDoc) {
    $<HTMLButtonElement>(el, '[data-action=move-toggle]')!.click();
    await until(() => $(el, '#move-search'), 'the search opens');
    await until(() => sr(el).activeElement === $(el, '#move-search'), 'focus moves to the search');
    await sendKeys({ type: name(target).slice(0, 12) });
    await until(
      () => [...sr(el).querySelectorAll('.results label')].some((l) => l.textContent!.includes(name(target))),
      'the target is found',
    );
    const label = [...sr(el).querySelectorAll('.results label')].find((l) => l.textContent!.includes(name(target)))!;
    label.querySelector('input')!.click();
  }

  it('refuses up front a move to another reseller, with the reason', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    fx.emulator.clearRequests();
    await searchAndPick(el, s.subReseller);
    await until(() => $(el, '[data-verdict=cross-reseller]'), 'the verdict');
    expect($(el, '[data-verdict]')!.textContent).to.contain(
      `${name(s.subReseller)} is a reseller of its own. Accounts can only move within their own reseller.`,
    );
    expect($<HTMLButtonElement>(el, '[data-action=move]')!.disabled).to.equal(true);
    expect(writes(fx, 'POST', /move$/)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('names the other reseller when the target belongs to it', async () => {
    const { el } = await mount(fx, id(s.subCustomer));
    await searchAndPick(el, s.leaves[0]!);
    await until(() => $(el, '[data-verdict=cross-reseller]'), 'the verdict');
    expect($(el, '[data-verdict]')!.textContent).to.contain(
      `${name(s.leaves[0]!)} belongs to another reseller (Acme Telecom). Accounts can only move within their own reseller.`,
    );
    expect($<HTMLButtonElement>(el, '[data-action=move]')!.disabled).to.equal(true);
  });

  it('explains a move the server refuses across resellers', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf));
    // The check cannot read the target first, so the server decides.
    fx.emulator.faults.add({ path: `/accounts/${id(s.subReseller)}`, method: 'GET', status: 500, times: 1 });
    await searchAndPick(el, s.subReseller);
    await until(() => $(el, '[data-verdict=ok]'), 'nothing known against it');
    $<HTMLButtonElement>(el, '[data-action=move]')!.click();
    await confirmDialog(el);
    await until(() => $(el, '[data-verdict=cross-reseller]'), 'the reason after the refusal');
    const refused = writes(fx, 'POST', /move$/);
    expect(refused).to.have.length(1);
    expect(refused[0]!.status).to.equal(403);
    expect($(el, '[data-verdict]')!.textContent).to.contain('Accounts can only move within their own reseller.');
  });

  it('refuses a move under its own sub-account', async () => {
    const { el } = await mount(fx, id(s.parent));
    await searchAndPick(el, s.child);
    await until(() => $(el, '[data-verdict=self]'), 'the verdict');
    expect($(el, '[data-verdict]')!.textContent).to.contain('cannot be moved under itself or one of its sub-accounts');
  });

  it('moves within the reseller: confirmation, POST move, account-moved, new parent shown', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, id(a!));
    await searchAndPick(el, b!);
    await until(() => $(el, '[data-verdict=ok]'), 'the target is fine');
    const moved = oneEvent(el, 'account-moved');
    $<HTMLButtonElement>(el, '[data-action=move]')!.click();
    await confirmDialog(el);
    const { detail } = await moved;
    expect(detail).to.include({ accountId: id(a!), toParentId: id(b!), fromParentId: s.root });
    expect((writes(fx, 'POST', /move$/)[0]!.body as { data: unknown }).data).to.deep.equal({ to: id(b!) });
    const ancestors = await fx.makeApi().getAncestors(id(a!));
    expect(ancestors[ancestors.length - 1]!.id).to.equal(id(b!));
    await until(() => text(el).includes(`Parent account: ${name(b!)}`), 'the new parent shows');
  });

  it('hides promote / demote from a reseller admin', async () => {
    const { el } = await mount(fx, id(s.leaves[0]!));
    expect($(el, '[data-action=toggle-tier]')).to.equal(null);
    expect($(el, '[data-tier]')!.textContent).to.equal('Standard');
  });

  it('lets a superduper admin promote and demote, with a confirmation', async () => {
    const api = fx.makeApi({ credentials: { ...fx.emulator.superduperLogin } });
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, id(leaf), api);
    const toggle = $<HTMLButtonElement>(el, '[data-action=toggle-tier]')!;
    expect(toggle.textContent!.trim()).to.equal('Make reseller');
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'account-saved');
    toggle.click();
    await confirmDialog(el);
    expect((await saved).detail.changes).to.deep.equal(['isReseller']);
    await until(() => $(el, '[data-tier]')!.textContent === 'Reseller', 'now a reseller');
    expect(writes(fx, 'PUT', /reseller$/)).to.have.length(1);
    $<HTMLButtonElement>(el, '[data-action=toggle-tier]')!.click();
    await confirmDialog(el);
    await until(() => $(el, '[data-tier]')!.textContent === 'Standard', 'standard again');
    expect(writes(fx, 'DELETE', /reseller$/)).to.have.length(1);
  });

  it('shows names from other tenants as text', async () => {
    const leaf = s.leaves[0]!;
    await fx.makeApi().updateAccount(id(leaf), { name: '<img src=x onerror="window.__pwned=1">Evil' });
    const { el } = await mount(fx, id(leaf));
    expect($(el, 'h2')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">Evil');
    expect(sr(el).querySelector('img')).to.equal(null);
  });

  it('speaks French, and takes single-label overrides', async () => {
    const leaf = s.leaves[0]!;
    const { el, provider } = await mount(fx, id(leaf));
    provider.locale = 'fr-FR';
    await until(() => text(el).includes('Statut du compte'), 'French strings load');
    await until(() => button(el, 'Enregistrer'), 'shared French strings load');
    expect($(el, '[data-action=toggle-enabled]')!.textContent!.trim()).to.equal('Désactiver le compte');
    await expect(el).to.be.accessible();
    el.i18n = { statusHeading: 'Service' };
    await el.updateComplete;
    expect($(el, '#status-heading')!.textContent).to.equal('Service');
  });

  it('is accessible in the dark theme', async () => {
    const { el, provider } = await mount(fx, id(s.disabled));
    provider.theme = 'dark';
    await provider.updateComplete;
    // Buttons ease their background between themes: check once that has finished.
    await new Promise((r) => setTimeout(r, 300));
    await expect(el).to.be.accessible();
  });
});

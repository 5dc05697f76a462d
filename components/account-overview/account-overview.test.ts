import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { storeFor } from '../../src/base/context-controller.js';
import { forgetStashedDrafts } from '../../src/base/draft-stash.js';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import {
  mountInProvider,
  startEmulator,
  until,
  type DirectoryAccount,
  type EmulatorFixture,
} from '../../test/emulator-fixture.js';
import {
  allByRole,
  button,
  clickButton,
  dialogContent,
  getByLabel,
  getByRole,
  openDialog,
  queryByRole,
  textOf,
  typeInto,
  transitionsDone,
} from '../../test/queries.js';
import type { AccountOverview } from './account-overview.js';
import './account-overview.define.js';
import '../../src/base/test-element.testing.js';
import type { TestAccountView } from '../../src/base/test-element.testing.js';

interface Seeded {
  root: string;
  /** Enabled, standard, no sub-accounts, directly under the root reseller. */
  leaves: DirectoryAccount[];
  /** A sub-reseller directly under the root, with customers of its own. */
  subReseller: DirectoryAccount;
  /** An account with sub-accounts. */
  parent: DirectoryAccount;
  child: DirectoryAccount;
  disabled: DirectoryAccount;
  /** A customer of the sub-reseller. */
  subCustomer: DirectoryAccount;
}

function seeded(fx: EmulatorFixture): Seeded {
  const root = fx.emulator.rootAccountId;
  const all = fx.emulator.accounts();
  const direct = all.filter((a) => a.parentId === root);
  const leaves = direct.filter((a) => !a.isReseller && a.enabled && a.childCount === 0);
  const subReseller = direct.find((a) => a.isReseller && a.childCount > 0)!;
  const parent = direct.find((a) => !a.isReseller && a.childCount > 0) ?? subReseller;
  const child = all.find((a) => a.parentId === parent.id)!;
  const disabled = all.find((a) => !a.enabled && a.ancestors.includes(root))!;
  const subCustomer = all.find((a) => a.parentId === subReseller.id)!;
  return { root, leaves, subReseller, parent, child, disabled, subCustomer };
}

const sr = (el: Element) => el.shadowRoot!;
const field = (el: Element, label: string) => getByLabel<HTMLInputElement>(el, label);
/** The account's name (the contacts have a Name too). */
const nameField = (el: Element, section = 'Details', label = 'Name') =>
  getByLabel<HTMLInputElement>(getByRole(el, 'region', section), label);
/** A field of the technical or billing contact. */
const contactField = (el: Element, group: 'Technical contact' | 'Billing contact', label: string) =>
  getByLabel<HTMLInputElement>(getByRole(el, 'group', group), label);
const heading = (el: Element) => sr(el).querySelector('h2')?.textContent;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, part: string) => text.split(part).length - 1;
/** The alert whose text matches `text`. */
const alertWith = (el: Element, text: RegExp) => allByRole(el, 'alert').find((a) => text.test(textOf(a)));

/** Types into the time-zone combobox and leaves it, which takes what was typed. */
async function typeZone(el: Element, value: string) {
  await typeInto(field(el, 'Time zone'), value);
  await sendKeys({ press: 'Tab' });
}

async function chooseLanguage(el: Element, value: string) {
  const select = getByLabel<HTMLSelectElement>(el, 'Language');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function mount(fx: EmulatorFixture, accountId?: string, api = fx.api) {
  const { el, provider } = await mountInProvider<AccountOverview>(
    api,
    accountId
      ? html`<account-overview account-id=${accountId}></account-overview>`
      : html`<account-overview></account-overview>`,
  );
  await until(() => queryByRole(el, 'button', 'Save'), 'the account loads');
  return { el, provider };
}

/** Waits for the dialog, types `typed` when given, and presses the button named `confirm`. */
async function confirmDialog(el: Element, confirm: string, typed?: string) {
  await until(() => dialogContent(el), 'the dialog opens');
  const d = dialogContent(el)!;
  if (typed !== undefined) await typeInto(getByRole<HTMLInputElement>(d, 'textbox'), typed);
  button(d, confirm).click();
}

// Elements a test left dirty set their edits aside when removed: each test starts with none.
beforeEach(() => forgetStashedDrafts());

const leafOf = (fx: EmulatorFixture) => seeded(fx).leaves[0]!.id;
const SUITE_REALM = 'suite-edit.sip.acme.example';

runDraftWidgetTests({
  tag: 'account-overview',
  account: leafOf,
  ready: /Technical contact/,
  async edit(el) {
    await typeInto(nameField(el), 'Renamed By The Suite');
    await typeInto(field(el, 'SIP realm'), SUITE_REALM);
    return { field: 'SIP realm', paths: ['name', 'realm'] };
  },
  async verify(api, id) {
    const a = await api.getAccount(id);
    expect([a.name, a.realm]).to.deep.equal(['Renamed By The Suite', SUITE_REALM]);
  },
  write: { method: 'PATCH', path: /^\/v2\/accounts\/[^/]+$/ },
  read: (id) => `/accounts/${id}`,
  savedEvent: 'account-saved',
  async changeElsewhere(api, id) {
    await api.updateAccount(id, { name: 'Renamed Elsewhere' });
    return 'clash';
  },
  fieldError: {
    fault: (id) => ({
      path: `/accounts/${id}`,
      method: 'PATCH',
      status: 400,
      body: {
        status: 'error',
        error: '400',
        message: 'validation error',
        data: { realm: { unique: { message: 'Account realm already in use' } } },
      },
    }),
    message: /already used by another account/,
  },
});

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
    const { el } = await mount(fx, leaf.id);
    expect(heading(el)).to.equal(leaf.name);
    expect(nameField(el).value).to.equal(leaf.name);
    expect(field(el, 'SIP realm').value).to.equal(leaf.realm);
    expect(textOf(el)).to.contain(`Account ID ${leaf.id}`);
    expect(button(el, 'Copy account ID')).to.exist;
    expect(textOf(el)).to.match(/Created \w+ \d+, 20\d\d/);
    expect(textOf(el)).to.contain('Account type Standard');
    const reads = fx.emulator.requests.filter((r) => r.path.endsWith(`/accounts/${leaf.id}`));
    expect(reads).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('defaults to the acting account and offers neither disable, move nor delete for it', async () => {
    const { el } = await mount(fx);
    expect(heading(el)).to.equal('Acme Telecom');
    expect(queryByRole(el, 'button', 'Disable account')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Delete account…')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Move to…')).to.equal(undefined);
    expect(textOf(el)).to.contain('cannot be disabled from here');
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while a slow load runs', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.faults.add({ path: `/accounts/${leaf.id}`, method: 'GET', latencyMs: 1500, times: 1 });
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${leaf.id}></account-overview>`,
    );
    await until(() => textOf(el).includes('Loading…'), 'a skeleton after the delay');
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
    await until(() => queryByRole(el, 'button', 'Save'), 'then the account');
  });

  it('says what failed, in words, and loads on Retry', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.faults.add({ path: `/accounts/${leaf.id}`, method: 'GET', status: 500, times: 1 });
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${leaf.id}></account-overview>`,
    );
    await until(() => queryByRole(el, 'button', 'Retry'), 'the error with Retry');
    expect(textOf(el)).to.contain('The server ran into a problem.');
    await expect(el).to.be.accessible();
    clickButton(el, 'Retry');
    await until(() => sr(el).querySelector('h2')?.textContent === leaf.name, 'the account after Retry');
  });

  it('shows an account outside the signed-in tree as forbidden', async () => {
    const { el } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${fx.emulator.foreignAccountId}></account-overview>`,
    );
    await until(() => textOf(el).includes("You don't have permission"), 'the forbidden note');
    expect(sr(el).querySelector('form')).to.equal(null);
    expect(queryByRole(el, 'textbox')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('edits as a draft: dirty marker, Save sends only the change, account-saved, Saved', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Renamed Dental');
    await el.updateComplete;
    expect(el.dirty).to.equal(true);
    expect(textOf(el)).to.contain('Unsaved changes');
    // The marker shows on the field and stays out of its name.
    expect(nameField(el).closest('[part=field]')!.hasAttribute('data-dirty')).to.equal(true);
    fx.emulator.clearRequests();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    const { detail } = await saved;
    expect(detail.accountId).to.equal(leaf.id);
    expect(detail.changes).to.deep.equal(['name']);
    expect(detail.account.name).to.equal('Renamed Dental');
    const patch = fx.requestsTo('PATCH', /\/accounts\/[^/]+$/);
    expect(patch).to.have.length(1);
    expect((patch[0]!.body as { data: unknown }).data).to.deep.equal({ name: 'Renamed Dental' });
    await until(() => !el.dirty && textOf(getByRole(el, 'button', 'Save').parentElement!).includes('Saved'), 'Saved');
    expect(heading(el)).to.equal('Renamed Dental');
    await expect(el).to.be.accessible();
  });

  it('takes a name of 128 characters typed, counted as Kazoo counts them (emoji are one each), and refuses 129 in words', async function () {
    // 257 characters typed as real key presses, each drawn: seconds on a busy 2-core machine.
    this.timeout(30_000);
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    // 128 characters, 148 UTF-16 units: a field cut at 128 units would drop the end.
    const name = `Café ${'🍕'.repeat(20)}${'x'.repeat(103)}`;
    expect([...name].length).to.equal(128);
    await typeInto(nameField(el), name);
    expect(nameField(el).value, 'every character typed is kept').to.equal(name);
    fx.emulator.clearRequests();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    expect((fx.requestsTo('PATCH', /\/accounts\/[^/]+$/)[0]!.body as { data: unknown }).data).to.deep.equal({ name });
    await typeInto(nameField(el), `${name}y`);
    clickButton(el, 'Save');
    await until(() => nameField(el).getAttribute('aria-invalid') === 'true', 'the field is marked');
    expect(textOf(el)).to.match(/128/);
    expect(nameField(el).value, 'the text stays as typed').to.equal(`${name}y`);
  });

  it('renames with two requests: the revision check and the PATCH', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Two Requests');
    fx.emulator.clearRequests();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    await until(() => el.matches(':state(saved)'), 'saved');
    expect(fx.emulator.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      `GET /v2/accounts/${leaf.id}`,
      `PATCH /v2/accounts/${leaf.id}`,
    ]);
  });

  it('edits contacts, time zone and language; clearing a value clears it on the server', async function () {
    // Five fields typed as real key presses and a zone picked from its list, then cleared and saved again.
    this.timeout(30_000);
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(contactField(el, 'Technical contact', 'Name'), 'Pat Ops');
    await typeInto(contactField(el, 'Technical contact', 'E-mail'), 'pat@ops.example');
    await typeInto(contactField(el, 'Billing contact', 'City'), 'Lyon');
    await typeZone(el, 'Europe/Paris');
    await chooseLanguage(el, 'fr-FR');
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    let doc = await fx.makeApi().getAccount(leaf.id);
    expect(doc.contacts.technical?.name).to.equal('Pat Ops');
    expect(doc.contacts.technical?.email).to.equal('pat@ops.example');
    expect(doc.contacts.billing?.locality).to.equal('Lyon');
    expect(doc.timezone).to.equal('Europe/Paris');
    expect(doc.language).to.equal('fr-FR');
    await until(() => !el.dirty, 'clean after the save');
    // "Platform default" removes the language; an emptied contact field is emptied.
    await chooseLanguage(el, '');
    await typeInto(contactField(el, 'Technical contact', 'Name'), '');
    const again = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await again;
    doc = await fx.makeApi().getAccount(leaf.id);
    expect(doc.language).to.equal(undefined);
    expect(doc.contacts.technical?.name ?? '').to.equal('');
    expect(doc.contacts.technical?.email).to.equal('pat@ops.example');
    await until(() => !el.dirty, 'clean again');
    expect(contactField(el, 'Technical contact', 'Name').value).to.equal('');
  });

  it('does not count a contact typed and emptied again as a change', async () => {
    const api = fx.makeApi();
    const docs = await Promise.all(s.leaves.map((a) => api.getAccount(a.id)));
    const { el } = await mount(fx, docs.find((a) => !a.contacts.technical)!.id);
    const name = contactField(el, 'Technical contact', 'Name');
    await typeInto(name, 'Pat');
    expect(el.dirty).to.equal(true);
    await typeInto(name, '');
    await el.updateComplete;
    expect(el.dirty).to.equal(false);
  });

  it('offers every IANA time zone to search, and checks the name and realm before saving', async () => {
    const { el } = await mount(fx, s.leaves[0]!.id);
    const zone = field(el, 'Time zone');
    zone.click();
    await until(() => /more zones/.test(textOf(el)), 'the whole list opens');
    const more = Number(/(\d[\d,]*) more zones/.exec(textOf(el))![1]!.replace(/,/g, ''));
    expect(allByRole(getByRole(el, 'listbox'), 'option').length + more).to.be.greaterThan(300);
    await typeInto(zone, 'chatham');
    await until(() => queryByRole(el, 'option', /^Pacific\/Chatham/), 'a zone found by a word of it');
    await sendKeys({ press: 'Escape' });
    await typeInto(field(el, 'SIP realm'), 'bad realm!');
    await typeZone(el, 'Mars/Olympus');
    await typeInto(nameField(el), '');
    fx.emulator.clearRequests();
    clickButton(el, 'Save');
    await until(() => field(el, 'SIP realm').getAttribute('aria-invalid') === 'true', 'the realm is marked');
    expect(textOf(el)).to.contain('Use letters, digits, dots, dashes or underscores.');
    expect(textOf(el)).to.contain('Choose a time zone from the list.');
    expect(field(el, 'Time zone').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el)).to.contain('Enter a name.');
    expect(nameField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(fx.requestsTo('PATCH', /accounts/)).to.have.length(0);
    await until(() => sr(el).activeElement === nameField(el), 'focus goes to the first invalid field');
    await expect(el).to.be.accessible();
  });

  it('checks contact e-mails and phone numbers, and a realm cannot be removed', async () => {
    const { el } = await mount(fx, s.leaves[0]!.id);
    await typeInto(contactField(el, 'Technical contact', 'E-mail'), 'not-an-address');
    await typeInto(contactField(el, 'Billing contact', 'Phone'), 'call me');
    await typeInto(field(el, 'SIP realm'), '');
    fx.emulator.clearRequests();
    clickButton(el, 'Save');
    await until(() => textOf(el).includes('Enter a realm.'), 'the realm is required');
    expect(textOf(el)).to.contain('Enter an e-mail address such as name@example.com.');
    expect(textOf(el)).to.contain('Enter a phone number such as +1 415 555 0100.');
    expect(contactField(el, 'Billing contact', 'Phone').getAttribute('aria-invalid')).to.equal('true');
    expect(fx.requestsTo('PATCH', /accounts/)).to.have.length(0);
  });

  it('shows a server field error on its field, in words, and keeps the draft', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, a!.id);
    await typeInto(field(el, 'SIP realm'), b!.realm);
    clickButton(el, 'Save');
    await until(() => field(el, 'SIP realm').getAttribute('aria-invalid') === 'true', 'the realm error shows');
    expect(textOf(el)).to.contain('This realm is already used by another account.');
    expect(field(el, 'SIP realm').value).to.equal(b!.realm);
    expect(el.dirty).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft when the save fails, and saves on the next try', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Kept Through Failure');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 500, times: 1 });
    clickButton(el, 'Save');
    await until(() => textOf(el).includes('Could not save. Your changes are kept.'), 'the failure in words');
    expect(textOf(el)).to.contain('The server ran into a problem.');
    expect(nameField(el).value).to.equal('Kept Through Failure');
    expect(el.dirty).to.equal(true);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    expect((await fx.makeApi().getAccount(leaf.id)).name).to.equal('Kept Through Failure');
  });

  it('turns read-only when the server refuses a write, keeping what was typed', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Not Allowed');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 403, times: 1 });
    clickButton(el, 'Save');
    await until(() => textOf(el).includes('You can see this but not change it.'), 'the read-only note');
    expect(nameField(el).value).to.equal('Not Allowed');
    expect(nameField(el).readOnly).to.equal(true);
    expect(field(el, 'Time zone').disabled).to.equal(true);
    expect(getByLabel<HTMLSelectElement>(el, 'Language').disabled).to.equal(true);
    expect(queryByRole(el, 'button', 'Disable account')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Delete account…')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Move to…')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('turns read-only when the server refuses disabling the account', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 403, times: 1 });
    clickButton(el, 'Disable account');
    await confirmDialog(el, 'Disable');
    await until(() => el.matches(':state(read-only)'), 'read-only');
    expect(textOf(el)).to.contain("Could not complete this. You don't have permission to do this.");
    expect(queryByRole(el, 'button', 'Disable account')).to.equal(undefined);
    expect((await fx.makeApi().getAccount(leaf.id)).enabled).to.equal(true);
  });

  it('runs one save at a time: a double click sends one write', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Only Once');
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', latencyMs: 300, times: 1 });
    fx.emulator.clearRequests();
    const save = button(el, 'Save');
    save.click();
    await el.updateComplete;
    expect(save.disabled).to.equal(true);
    expect(textOf(el)).to.contain('Saving…');
    await expect(el).to.be.accessible();
    save.click();
    await until(() => !el.dirty, 'saved');
    expect(fx.requestsTo('PATCH', /accounts/)).to.have.length(1);
  });

  it('lets a host drive the draft with .save(), .reset() and .dirty, and guards the page while dirty', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
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
      await typeInto(nameField(el), 'Host Driven');
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
      expect(nameField(el).value).to.equal(leaf.name);
      await typeInto(nameField(el), 'Host Driven');
      expect(await el.save()).to.equal(true);
      expect((await fx.makeApi().getAccount(leaf.id)).name).to.equal('Host Driven');
      await el.updateComplete;
      expect(guards.size).to.equal(0);
      expect(events).to.equal(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  it('merges another user’s change to another field and saves both, with one read fewer than before', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Mine Name');
    await fx.makeApi().updateAccount(leaf.id, { timezone: 'Asia/Tokyo' });
    fx.emulator.clearRequests();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    const doc = await fx.makeApi().getAccount(leaf.id);
    expect(doc.name).to.equal('Mine Name');
    expect(doc.timezone).to.equal('Asia/Tokyo');
    await until(() => field(el, 'Time zone').value === 'Asia/Tokyo', 'their change shows');
    expect(textOf(el)).to.contain('Changes saved elsewhere were merged with yours.');
    // The stale check's reply carries the newer document: no read of its own, then the check and the PATCH.
    const own = fx.emulator.requests.filter((r) => r.path === `/v2/accounts/${leaf.id}`).slice(0, 3);
    expect(own.map((r) => r.method)).to.deep.equal(['GET', 'GET', 'PATCH']);
  });

  it('shows both values when another user changed the same field; Keep mine, then Save succeeds', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(nameField(el), 'Mine Name');
    await fx.makeApi().updateAccount(leaf.id, { name: 'Their Name' });
    clickButton(el, 'Save');
    await until(() => el.matches(':state(conflict)'), 'the conflict shows');
    const conflicts = alertWith(el, /changed this while you were editing/)!;
    expect(textOf(conflicts)).to.contain('Name Your value: Mine Name Their value: Their Name');
    expect(button(el, 'Save').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    clickButton(el, 'Keep mine: Name');
    await el.updateComplete;
    expect(el.matches(':state(conflict)')).to.equal(false);
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Save');
    await saved;
    expect((await fx.makeApi().getAccount(leaf.id)).name).to.equal('Mine Name');
  });

  it('names a contact field in a conflict by its contact', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    await typeInto(contactField(el, 'Billing contact', 'City'), 'Mine City');
    await fx.makeApi().updateAccount(leaf.id, { contacts: { billing: { locality: 'Their City' } } });
    clickButton(el, 'Save');
    await until(() => el.matches(':state(conflict)'), 'the conflict shows');
    expect(button(el, 'Use theirs: Billing contact: City')).to.exist;
    clickButton(el, 'Use theirs: Billing contact: City');
    await el.updateComplete;
    expect(contactField(el, 'Billing contact', 'City').value).to.equal('Their City');
    expect(el.dirty).to.equal(false);
  });

  it('follows another widget on the page: other fields merge at once, the same field asks; Use theirs', async () => {
    const leaf = s.leaves[0]!;
    const { provider } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<account-overview account-id=${leaf.id}></account-overview
        ><account-overview account-id=${leaf.id}></account-overview>`,
    );
    const [a, b] = [...provider.querySelectorAll('account-overview')] as AccountOverview[];
    await until(() => queryByRole(a!, 'button', 'Save') && queryByRole(b!, 'button', 'Save'), 'both load');
    await typeInto(nameField(a!), 'Draft In A');
    await typeInto(field(b!, 'SIP realm'), 'realm-from-b.sip.acme.example');
    clickButton(b!, 'Save');
    await until(() => field(a!, 'SIP realm').value === 'realm-from-b.sip.acme.example', 'A takes the other field');
    expect(nameField(a!).value).to.equal('Draft In A');
    expect(a!.matches(':state(conflict)')).to.equal(false);
    await until(() => !b!.dirty, 'B saved');
    await typeInto(nameField(b!), 'Saved In B');
    clickButton(b!, 'Save');
    await until(() => a!.matches(':state(conflict)'), 'A shows the clash');
    expect(textOf(alertWith(a!, /changed this while you were editing/)!)).to.contain('Their value: Saved In B');
    clickButton(a!, 'Use theirs: Name');
    await a!.updateComplete;
    expect(nameField(a!).value).to.equal('Saved In B');
    expect(a!.dirty).to.equal(false);
  });

  it('disables with a confirmation, says so once with one Enable button, and enables again', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    const toggle = button(el, 'Disable account');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialogContent(el), 'the dialog opens');
    const d = dialogContent(el)!;
    expect(getByRole(d, 'dialog', `Disable ${leaf.name}?`)).to.exist;
    expect(sr(el).activeElement).to.equal(button(d, 'Cancel'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !openDialog(el), 'Escape closes it');
    await until(() => sr(el).activeElement === toggle, 'focus returns to the button');
    expect(fx.requestsTo('PATCH', /accounts/)).to.have.length(0);
    const saved = oneEvent(el, 'account-saved');
    toggle.click();
    await confirmDialog(el, 'Disable');
    expect((await saved).detail.changes).to.deep.equal(['enabled']);
    await until(() => el.matches(':state(disabled-account)'), 'the account shows as disabled');
    expect(count(textOf(el), 'This account is disabled')).to.equal(1);
    expect(allByRole(el, 'button', 'Enable account')).to.have.length(1);
    expect((await fx.makeApi().getAccount(leaf.id)).enabled).to.equal(false);
    await expect(el).to.be.accessible();
    clickButton(el, 'Enable account');
    await confirmDialog(el, 'Enable');
    await until(() => !el.matches(':state(disabled-account)'), 'enabled again');
    expect(textOf(el)).to.not.contain('This account is disabled');
    expect((await fx.makeApi().getAccount(leaf.id)).enabled).to.equal(true);
  });

  it('shows a disabled account as disabled from the start, in one status line with one action', async () => {
    const { el } = await mount(fx, s.disabled.id);
    expect(sr(el).querySelector('[part~=disabled-banner]')).to.not.equal(null);
    const text = textOf(el);
    expect(count(text, 'This account is disabled')).to.equal(1);
    expect(text).to.not.match(/\bDisabled\b/);
    expect(allByRole(el, 'note').map((n) => textOf(n))).to.deep.equal([
      'This account is disabled. Its users cannot sign in and its phones cannot make or receive calls.',
    ]);
    expect(allByRole(el, 'button', 'Enable account')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('deletes after the account name is typed: request event, DELETE, account-deleted', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    clickButton(el, 'Delete account…');
    await until(() => dialogContent(el), 'the dialog opens');
    const d = dialogContent(el)!;
    const confirm = button(d, 'Delete for good');
    expect(confirm.disabled).to.equal(true);
    expect(textOf(d)).to.contain(`Type ${leaf.name} to confirm`);
    await typeInto(getByLabel(d, `Type ${leaf.name} to confirm`), 'wrong name');
    expect(confirm.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    const deleted = oneEvent(el, 'account-deleted');
    await confirmDialog(el, 'Delete for good', leaf.name);
    expect((await deleted).detail).to.deep.equal({ accountId: leaf.id, name: leaf.name });
    expect(fx.requestsTo('DELETE', new RegExp(`/accounts/${leaf.id}$`))).to.have.length(1);
    await until(() => textOf(el).includes(`${leaf.name} was deleted.`), 'says it is gone');
    expect(el.dirty).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('lets the host ask first: account-delete-request comes before the dialog, and deleteAccount() deletes', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    const requests: CustomEvent[] = [];
    el.addEventListener('account-delete-request', (e) => {
      requests.push(e as CustomEvent);
      e.preventDefault();
    });
    clickButton(el, 'Delete account…');
    await until(() => requests.length === 1, 'the request is fired');
    expect(requests[0]!.detail.accountId).to.equal(leaf.id);
    await el.updateComplete;
    expect(openDialog(el), 'the host replaces the dialog').to.equal(undefined);
    expect(fx.requestsTo('DELETE', /accounts/)).to.have.length(0);
    const deleted = oneEvent(el, 'account-deleted');
    expect(await el.deleteAccount()).to.equal(true);
    expect((await deleted).detail.accountId).to.equal(leaf.id);
    expect(fx.requestsTo('DELETE', new RegExp(`/accounts/${leaf.id}$`))).to.have.length(1);
  });

  it('does not offer delete for an account with sub-accounts, and offers to show them', async () => {
    const { el } = await mount(fx, s.parent.id);
    clickButton(el, 'Delete account…');
    await until(() => queryByRole(el, 'button', 'Show sub-accounts'), 'the sub-accounts message');
    expect(openDialog(el)).to.equal(undefined);
    expect(textOf(el)).to.contain('This account has sub-accounts. Move or delete them first');
    expect(queryByRole(el, 'button', 'Delete account…')).to.equal(undefined);
    expect(fx.requestsTo('DELETE', /accounts/)).to.have.length(0);
    await until(() => sr(el).activeElement === button(el, 'Show sub-accounts'), 'focus goes to Show sub-accounts');
    await expect(el).to.be.accessible();
    const show = oneEvent(el, 'account-show-children');
    clickButton(el, 'Show sub-accounts');
    expect((await show).detail).to.deep.equal({ accountId: s.parent.id });
  });

  it('uses a sub-account count already known from a listing, without asking again', async () => {
    const { provider } = await mountInProvider<AccountOverview>(
      fx.api,
      html`<test-account-view></test-account-view><account-overview account-id=${s.parent.id}></account-overview>`,
    );
    const view = provider.querySelector<TestAccountView>('test-account-view')!;
    const el = provider.querySelector<AccountOverview>('account-overview')!;
    await until(() => queryByRole(el, 'button', 'Save'), 'the account loads');
    // As a tree would have: the root's children listed.
    const listing = view.am.store!.listing(s.root);
    await listing.loadTo(500);
    const known = listing.items.find((a) => a.id === s.parent.id)!.descendantsCount!;
    expect(known).to.equal(s.parent.descendantCount);
    expect(known).to.be.greaterThan(0);
    fx.emulator.clearRequests();
    clickButton(el, 'Delete account…');
    await until(() => queryByRole(el, 'button', 'Show sub-accounts'), 'the sub-accounts message');
    expect(textOf(el)).to.contain(`This account has ${known} sub-account`);
    expect(fx.emulator.requests.filter((r) => r.path.endsWith('/children'))).to.have.length(0);
  });

  it('says so when the server answers has-descendants', async () => {
    fx.emulator.faults.add({ path: `/accounts/${s.parent.id}/children`, method: 'GET', status: 500, times: 1 });
    const { el } = await mount(fx, s.parent.id);
    clickButton(el, 'Delete account…');
    await confirmDialog(el, 'Delete for good', s.parent.name);
    await until(() => queryByRole(el, 'button', 'Show sub-accounts'), 'the sub-accounts message');
    expect(fx.requestsTo('DELETE', /accounts/)).to.have.length(1);
    expect(textOf(el)).to.contain('This account has sub-accounts.');
    expect(heading(el)).to.equal(s.parent.name);
  });

  async function searchAndPick(el: AccountOverview, target: DirectoryAccount) {
    clickButton(el, 'Move to…');
    await until(() => queryByRole(el, 'textbox', 'Find the new parent account'), 'the search opens');
    const search = getByLabel(el, 'Find the new parent account');
    await until(() => sr(el).activeElement === search, 'focus moves to the search');
    await sendKeys({ type: target.name.slice(0, 12) });
    const radio = new RegExp(`^${escape(target.name)}\\b`);
    await until(() => queryByRole(el, 'radio', radio), 'the target is found');
    getByRole<HTMLInputElement>(el, 'radio', radio).click();
  }

  const verdictShows = (el: Element, text: string) => until(() => textOf(el).includes(text), `the verdict: ${text}`);

  it('refuses up front a move to another reseller, with the reason', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    fx.emulator.clearRequests();
    await searchAndPick(el, s.subReseller);
    await verdictShows(
      el,
      `${s.subReseller.name} is a reseller of its own. Accounts can only move within their own reseller.`,
    );
    expect(alertWith(el, /reseller of its own/)).to.exist;
    expect(button(el, 'Move here').disabled).to.equal(true);
    expect(fx.requestsTo('POST', /move$/)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('names the other reseller when the target belongs to it', async () => {
    const { el } = await mount(fx, s.subCustomer.id);
    await searchAndPick(el, s.leaves[0]!);
    await verdictShows(
      el,
      `${s.leaves[0]!.name} belongs to another reseller (Acme Telecom). Accounts can only move within their own reseller.`,
    );
    expect(button(el, 'Move here').disabled).to.equal(true);
  });

  it('explains a move the server refuses across resellers', async () => {
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id);
    // The check cannot read the target first, so the server decides.
    fx.emulator.faults.add({ path: `/accounts/${s.subReseller.id}`, method: 'GET', status: 500, times: 1 });
    await searchAndPick(el, s.subReseller);
    await verdictShows(el, `${s.subReseller.name} can take this account.`);
    clickButton(el, 'Move here');
    await confirmDialog(el, 'Move');
    await until(() => alertWith(el, /only move within their own reseller/), 'the reason after the refusal');
    const refused = fx.requestsTo('POST', /move$/);
    expect(refused).to.have.length(1);
    expect(refused[0]!.status).to.equal(403);
  });

  it('says a refused move in words, never in the server’s own text', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, a!.id);
    fx.emulator.faults.add({
      path: `/accounts/${a!.id}/move`,
      method: 'POST',
      status: 403,
      body: { status: 'error', error: '403', message: 'cb_accounts: move_denied by policy 42' },
      times: 1,
    });
    await searchAndPick(el, b!);
    await verdictShows(el, `${b!.name} can take this account.`);
    clickButton(el, 'Move here');
    await confirmDialog(el, 'Move');
    await until(() => alertWith(el, /The server refused to move this account/), 'the refusal shows');
    const said = textOf(alertWith(el, /The server refused/)!);
    expect(said).to.contain("You don't have permission to do this.");
    expect(textOf(el)).to.not.contain('move_denied');
  });

  it('refuses a move under its own sub-account', async () => {
    const { el } = await mount(fx, s.parent.id);
    await searchAndPick(el, s.child);
    await verdictShows(el, 'An account cannot be moved under itself or one of its sub-accounts.');
  });

  it('moves within the reseller: confirmation, POST move, account-moved, new parent shown', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, a!.id);
    await searchAndPick(el, b!);
    await verdictShows(el, `${b!.name} can take this account.`);
    const moved = oneEvent(el, 'account-moved');
    clickButton(el, 'Move here');
    await until(() => dialogContent(el), 'the dialog opens');
    expect(getByRole(dialogContent(el)!, 'dialog', `Move ${a!.name} under ${b!.name}?`)).to.exist;
    await confirmDialog(el, 'Move');
    const { detail } = await moved;
    expect(detail).to.include({ accountId: a!.id, toParentId: b!.id, fromParentId: s.root });
    expect((fx.requestsTo('POST', /move$/)[0]!.body as { data: unknown }).data).to.deep.equal({ to: b!.id });
    const ancestors = await fx.makeApi().getAncestors(a!.id);
    expect(ancestors[ancestors.length - 1]!.id).to.equal(b!.id);
    await until(() => textOf(el).includes(`Parent account: ${b!.name}`), 'the new parent shows');
  });

  it('settles nothing for an account no longer shown when a reply comes back', async () => {
    const [a, b] = s.leaves;
    const { el } = await mount(fx, a!.id);
    fx.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', latencyMs: 400, times: 1 });
    const events: string[] = [];
    el.addEventListener('account-saved', () => events.push('saved'));
    clickButton(el, 'Disable account');
    await confirmDialog(el, 'Disable');
    await until(() => el.matches(':state(saving)'), 'the change is on its way');
    el.accountId = b!.id;
    await until(() => heading(el) === b!.name, 'the other account shows');
    await until(() => fx.requestsTo('PATCH', /accounts/)[0]?.status === 200, 'the reply came back');
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(textOf(el)).to.not.contain('is now disabled');
    expect(button(el, 'Disable account').disabled).to.equal(false);
  });

  it('hides promote / demote from a reseller admin', async () => {
    const { el } = await mount(fx, s.leaves[0]!.id);
    expect(queryByRole(el, 'button', 'Make reseller')).to.equal(undefined);
    expect(textOf(el)).to.contain('Account type Standard');
  });

  it('lets a superduper admin promote and demote, with a confirmation', async () => {
    const api = fx.makeApi({ credentials: { ...fx.emulator.superduperLogin } });
    const leaf = s.leaves[0]!;
    const { el } = await mount(fx, leaf.id, api);
    expect(button(el, 'Make reseller')).to.exist;
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'account-saved');
    clickButton(el, 'Make reseller');
    await confirmDialog(el, 'Make reseller');
    expect((await saved).detail.changes).to.deep.equal(['isReseller']);
    await until(() => textOf(el).includes('Account type Reseller'), 'now a reseller');
    expect(fx.requestsTo('PUT', /reseller$/)).to.have.length(1);
    clickButton(el, 'Make standard account');
    await confirmDialog(el, 'Make standard account');
    await until(() => textOf(el).includes('Account type Standard'), 'standard again');
    expect(fx.requestsTo('DELETE', /reseller$/)).to.have.length(1);
  });

  it('shows names from other tenants as text, in their own direction', async () => {
    const leaf = s.leaves[0]!;
    await fx.makeApi().updateAccount(leaf.id, { name: '<img src=x onerror="window.__pwned=1">Evil' });
    const { el } = await mount(fx, leaf.id);
    expect(heading(el)).to.equal('<img src=x onerror="window.__pwned=1">Evil');
    expect(sr(el).querySelector('h2')!.getAttribute('dir')).to.equal('auto');
    expect(sr(el).querySelector('img')).to.equal(null);
  });

  it('speaks French, and takes single-label overrides', async () => {
    const leaf = s.leaves[0]!;
    const { el, provider } = await mount(fx, leaf.id);
    provider.locale = 'fr-FR';
    await until(() => queryByRole(el, 'heading', 'Statut du compte'), 'French strings load');
    await until(() => queryByRole(el, 'button', 'Enregistrer'), 'shared French strings load');
    expect(button(el, 'Désactiver le compte')).to.exist;
    expect(nameField(el, 'Informations', 'Nom').value).to.equal(leaf.name);
    await expect(el).to.be.accessible();
    el.i18n = { statusHeading: 'Service' };
    await el.updateComplete;
    expect(getByRole(el, 'heading', 'Service')).to.exist;
  });

  it('is accessible in the dark theme', async () => {
    const { el, provider } = await mount(fx, s.disabled.id);
    provider.theme = 'dark';
    await provider.updateComplete;
    // Buttons ease their background between themes: check once that has finished.
    await transitionsDone(el);
    await expect(el).to.be.accessible();
  });
});

describe('<account-overview>: unsaved edits when the account changes', () => {
  let fx: EmulatorFixture;
  let s: Seeded;

  beforeEach(async () => {
    fx = await startEmulator();
    s = seeded(fx);
  });

  // Signing out forgets every edit set aside: the next test starts clean.
  afterEach(() => storeFor(fx.api).clear());

  it('asks "Discard changes to X?" on another account-id; Keep editing stays on X with the typed name', async () => {
    const [x, y] = s.leaves as [DirectoryAccount, DirectoryAccount];
    const { el } = await mount(fx, x.id);
    await typeInto(nameField(el), 'Typed Name');
    el.setAttribute('account-id', y.id);
    await until(() => openDialog(el), 'the question shows');
    expect(getByRole(el, 'dialog', `Discard changes to ${x.name}?`)).to.exist;
    await expect(el).to.be.accessible();
    button(dialogContent(el)!, 'Keep editing').click();
    await until(() => !openDialog(el) && heading(el) === x.name, 'back on X');
    expect(el.accountId).to.equal(x.id);
    expect(nameField(el).value).to.equal('Typed Name');
    expect(el.dirty).to.equal(true);
  });

  it('Discard changes shows the new account, and the draft is gone', async () => {
    const [x, y] = s.leaves as [DirectoryAccount, DirectoryAccount];
    const { el } = await mount(fx, x.id);
    await typeInto(nameField(el), 'Typed Name');
    el.setAttribute('account-id', y.id);
    await confirmDialog(el, 'Discard changes');
    await until(() => heading(el) === y.name && nameField(el).value === y.name, 'the new account shows');
    el.setAttribute('account-id', x.id);
    await until(() => heading(el) === x.name && nameField(el).value === x.name, 'X as saved');
    expect(el.dirty).to.equal(false);
    expect(openDialog(el)).to.equal(undefined);
  });

  it('a cancelled draft-discard-request keeps the edits set aside; returning to X shows them, dirty', async () => {
    const [x, y] = s.leaves as [DirectoryAccount, DirectoryAccount];
    const { el, provider } = await mount(fx, x.id);
    await typeInto(nameField(el), 'Typed Name');
    const asked = oneEvent(provider, 'draft-discard-request');
    provider.addEventListener('draft-discard-request', (e) => e.preventDefault());
    el.setAttribute('account-id', y.id);
    expect((await asked).detail).to.deep.include({ accountId: x.id, name: x.name, changes: ['name'] });
    await until(() => heading(el) === y.name, 'the new account shows');
    expect(openDialog(el)).to.equal(undefined);
    el.setAttribute('account-id', x.id);
    await until(() => nameField(el).value === 'Typed Name', 'the edits are back');
    expect(el.matches(':state(dirty)')).to.equal(true);
  });

  it('keeps the draft when detached and re-attached (a host switching tabs)', async () => {
    const x = s.leaves[0]!;
    const { el, provider } = await mount(fx, x.id);
    await typeInto(nameField(el), 'Typed Name');
    el.remove();
    const again = document.createElement('account-overview');
    again.setAttribute('account-id', x.id);
    provider.append(again);
    await until(() => queryByRole(again, 'button', 'Save') && nameField(again).value === 'Typed Name', 'taken back');
    expect(again.dirty).to.equal(true);
  });
});

import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { User } from '../../src/api/model.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { generatePassword, passwordStrength } from './password.js';
import type { AccountAdmins } from './account-admins.js';
import './account-admins.define.js';

const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
const text = (el: Element) => sr(el).textContent!.replace(/\s+/g, ' ');
const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog[open]');
const field = (el: Element, name: string) => dialog(el)!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const rows = (el: Element) => $$(el, '[part=row]');
const rowOf = (el: Element, name: string) =>
  rows(el).find((r) => r.querySelector('strong')!.textContent!.includes(name));
const requests = (fx: EmulatorFixture, method: string, path: RegExp) =>
  fx.emulator.requests.filter((r) => r.method === method && path.test(r.path));
const fullName = (u: User) => `${u.firstName} ${u.lastName}`;

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function mount(fx: EmulatorFixture, accountId?: string, api = fx.api) {
  const { el, provider } = await mountInProvider<AccountAdmins>(
    api,
    accountId
      ? html`<account-admins account-id=${accountId}></account-admins>`
      : html`<account-admins></account-admins>`,
  );
  await until(() => $(el, '[part=list]') || text(el).includes('no administrator'), 'the list loads');
  return { el, provider };
}

async function openDialog(el: AccountAdmins, selector: string) {
  const opener = $<HTMLButtonElement>(el, selector)!;
  opener.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => dialog(el), 'the dialog opens');
  return dialog(el)!;
}

function submit(el: AccountAdmins) {
  dialog(el)!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

/** A customer account directly under the root, and its current administrators. */
async function leafAccount(fx: EmulatorFixture) {
  const page = await fx.api.listChildren(fx.emulator.rootAccountId, { pageSize: 50 });
  const leaf = page.items.find((a) => !a.descendantsCount)!;
  const admins = (await fx.api.listUsers(leaf.id, { privLevel: 'admin', pageSize: 1000 })).items;
  return { leaf, admins };
}

describe('<account-admins>', () => {
  let fx: EmulatorFixture;

  beforeEach(async () => {
    fx = await startEmulator();
  });

  afterEach(() => fx.emulator.faults.clear());

  it('lists the administrators with a count; the signed-in one is marked and cannot be removed', async () => {
    const root = fx.emulator.rootAccountId;
    const expected = (await fx.api.listUsers(root, { privLevel: 'admin', pageSize: 1000 })).items;
    const session = await fx.api.getSession();
    const { el } = await mount(fx);
    expect($(el, '[data-count]')!.getAttribute('data-count')).to.equal(String(expected.length));
    expect($(el, '[data-count]')!.textContent).to.contain(`${expected.length} administrators`);
    expect(rows(el)).to.have.length(Math.min(25, expected.length));
    const me = $(el, `[data-user="${session.userId}"]`)!;
    expect(me.textContent).to.contain('You');
    expect(me.querySelector('[data-action=remove]')).to.equal(null);
    expect(me.querySelector('[data-action=edit]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows every administrator beyond one page, with pages and a filter', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const made: User[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const group = Array.from({ length: 10 }, (_, i) => batch * 10 + i);
      made.push(
        ...(await Promise.all(
          group.map((n) =>
            fx.api.createUser(leaf.id, {
              firstName: `Admin${String(n).padStart(2, '0')}`,
              lastName: 'Bulk',
              email: `bulk${n}@many.example`,
              privLevel: 'admin',
            }),
          ),
        )),
      );
    }
    const total = admins.length + made.length;
    expect(total).to.be.greaterThan(60);
    fx.emulator.clearRequests();
    const { el } = await mount(fx, leaf.id);
    const pages = requests(fx, 'GET', new RegExp(`/accounts/${leaf.id}/users$`));
    expect(pages.length).to.be.greaterThan(1);
    expect(pages.every((r) => r.query.filter_priv_level === 'admin')).to.equal(true);
    expect($(el, '[data-count]')!.getAttribute('data-count')).to.equal(String(total));
    expect(rows(el)).to.have.length(25);
    expect(text(el)).to.contain(`Showing 1–25 of ${total}`);
    expect(text(el)).to.contain(`Page 1 of ${Math.ceil(total / 25)}`);
    $<HTMLButtonElement>(el, '[data-action=next]')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain(`Showing 26–50 of ${total}`);
    await expect(el).to.be.accessible();
    await typeInto($<HTMLInputElement>(el, '#filter')!, 'bulk59@');
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    expect(rows(el)[0]!.textContent).to.contain('Admin59 Bulk');
    expect(text(el)).to.contain('Showing 1–1 of 1');
    expect($(el, '[part=pager]')).to.equal(null);
    await typeInto($<HTMLInputElement>(el, '#filter')!, 'nobody-like-this');
    await el.updateComplete;
    expect(text(el)).to.contain('No administrator matches “nobody-like-this”.');
  });

  it('shows a skeleton while loading, and the failure in words with Retry', async () => {
    const { leaf } = await leafAccount(fx);
    fx.emulator.faults.add({
      path: `/accounts/${leaf.id}/users`,
      method: 'GET',
      latencyMs: 1200,
      status: 503,
      times: 1,
    });
    const { el } = await mountInProvider<AccountAdmins>(
      fx.api,
      html`<account-admins account-id=${leaf.id}></account-admins>`,
    );
    await until(() => $(el, '[part=skeleton]'), 'the skeleton');
    await expect(el).to.be.accessible();
    await until(() => $(el, '[part=error]'), 'the error');
    expect($(el, '[part=error]')!.textContent).to.contain('The server ran into a problem.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await until(() => $(el, '[part=list]'), 'the list after Retry');
  });

  it('adds an administrator with a generated password, and that password signs in', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, '[data-action=add]');
    expect(d.getAttribute('aria-labelledby')).to.equal('form-title');
    expect(sr(el).getElementById('form-title')!.textContent).to.equal('Add an administrator');
    expect(sr(el).activeElement).to.equal(field(el, 'firstName'));
    const pw = field(el, 'password');
    expect(pw.type).to.equal('password');
    expect(pw.readOnly).to.equal(true);
    expect(pw.value).to.have.length(16);
    const first = pw.value;
    d.querySelector<HTMLButtonElement>('[data-action=regenerate]')!.click();
    await el.updateComplete;
    expect(field(el, 'password').value).to.not.equal(first);
    const toggle = d.querySelector<HTMLButtonElement>('[data-action=toggle-show]')!;
    toggle.click();
    await el.updateComplete;
    expect(field(el, 'password').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(d.querySelector('#password-strength')!.textContent).to.contain('strong');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Robin' });
    field(el, 'lastName').focus();
    await sendKeys({ type: 'Okafor' });
    field(el, 'email').focus();
    await sendKeys({ type: 'Robin.Okafor@new-admin.example' });
    field(el, 'send-email').click();
    const password = field(el, 'password').value;
    fx.emulator.clearRequests();
    const created = oneEvent(el, 'admin-created');
    submit(el);
    const { detail } = await created;
    expect(detail.accountId).to.equal(leaf.id);
    expect(detail.user.privLevel).to.equal('admin');
    const put = requests(fx, 'PUT', new RegExp(`/accounts/${leaf.id}/users$`));
    expect((put[0]!.body as { data: unknown }).data).to.deep.include({
      first_name: 'Robin',
      last_name: 'Okafor',
      email: 'Robin.Okafor@new-admin.example',
      username: 'robin.okafor@new-admin.example',
      password,
      priv_level: 'admin',
      send_email_on_creation: true,
    });
    await until(() => !dialog(el) && rowOf(el, 'Robin Okafor'), 'the new admin is listed');
    const reveal = $(el, '[part=reveal]')!;
    expect(reveal.textContent).to.contain('Password for Robin Okafor');
    expect(reveal.querySelector('[data-secret]')!.textContent).to.not.contain(password);
    reveal.querySelector<HTMLButtonElement>('[aria-pressed]')!.click();
    await el.updateComplete;
    expect(reveal.querySelector('[data-secret]')!.textContent).to.equal(password);
    await expect(el).to.be.accessible();
    reveal.querySelector<HTMLButtonElement>('[data-action=done-reveal]')!.click();
    await el.updateComplete;
    expect($(el, '[part=reveal]')).to.equal(null);
    const login = fx.makeApi({
      credentials: { username: 'robin.okafor@new-admin.example', password, accountName: leaf.name },
    });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('takes a typed password with a strength hint, and refuses a short one', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, '[data-action=add]');
    await sendKeys({ type: 'Sam' });
    field(el, 'lastName').focus();
    await sendKeys({ type: 'Lee' });
    field(el, 'email').focus();
    await sendKeys({ type: 'sam.lee@typed.example' });
    d.querySelector<HTMLInputElement>('input[value=type]')!.click();
    await el.updateComplete;
    expect(field(el, 'password').readOnly).to.equal(false);
    await typeInto(field(el, 'password'), 'abc');
    expect(d.querySelector('#password-strength')!.textContent).to.contain('too short');
    fx.emulator.clearRequests();
    submit(el);
    await until(() => field(el, 'password').getAttribute('aria-invalid') === 'true', 'the password is marked');
    expect(d.textContent).to.contain('Use at least 12 characters.');
    expect(requests(fx, 'PUT', /users$/)).to.have.length(0);
    await typeInto(field(el, 'password'), 'passwordpass');
    expect(d.querySelector('#password-strength')!.textContent).to.contain('weak');
    await typeInto(field(el, 'password'), 'Tr1cky-Harbour-Lantern');
    expect(d.querySelector('#password-strength')!.textContent).to.contain('strong');
    const created = oneEvent(el, 'admin-created');
    submit(el);
    await created;
    await until(() => !dialog(el), 'closes');
    expect($(el, '[part=reveal]')).to.equal(null);
    const login = fx.makeApi({
      credentials: { username: 'sam.lee@typed.example', password: 'Tr1cky-Harbour-Lantern', accountName: leaf.name },
    });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('shows a duplicate e-mail on the e-mail field and keeps what was typed', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const taken = admins[0]!.email!;
    const { el } = await mount(fx, leaf.id);
    await openDialog(el, '[data-action=add]');
    await sendKeys({ type: 'Dup' });
    field(el, 'lastName').focus();
    await sendKeys({ type: 'Licate' });
    field(el, 'email').focus();
    await sendKeys({ type: taken });
    submit(el);
    await until(() => field(el, 'email').getAttribute('aria-invalid') === 'true', 'the e-mail is marked');
    expect(dialog(el)!.querySelector('#email-error')!.textContent).to.contain('Username already in use');
    expect(field(el, 'firstName').value).to.equal('Dup');
    expect(field(el, 'email').value).to.equal(taken);
    expect(sr(el).activeElement).to.equal(field(el, 'email'));
    await expect(el).to.be.accessible();
  });

  it('edits a name; a changed e-mail asks for a new password', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const { el } = await mount(fx, leaf.id);
    await openDialog(el, `[data-user="${admin.id}"] [data-action=edit]`);
    expect(field(el, 'firstName').value).to.equal(admin.firstName);
    expect(dialog(el)!.querySelector('input[name=password]')).to.equal(null);
    await typeInto(field(el, 'firstName'), 'Renamed');
    fx.emulator.clearRequests();
    const updated = oneEvent(el, 'admin-updated');
    submit(el);
    const { detail } = await updated;
    expect(detail.changes).to.deep.equal(['firstName']);
    expect((requests(fx, 'PATCH', /users\//)[0]!.body as { data: unknown }).data).to.deep.equal({
      first_name: 'Renamed',
    });
    await until(() => rowOf(el, `Renamed ${admin.lastName}`), 'the row shows the new name');
    await openDialog(el, `[data-user="${admin.id}"] [data-action=edit]`);
    await typeInto(field(el, 'email'), 'moved@elsewhere.example');
    await el.updateComplete;
    expect(dialog(el)!.textContent).to.contain('changing it needs a new password');
    expect(field(el, 'password').value).to.have.length(16);
    const again = oneEvent(el, 'admin-updated');
    submit(el);
    expect((await again).detail.changes).to.deep.equal(['email', 'password']);
    await until(() => $(el, '[part=reveal]'), 'the new password is shown once');
  });

  it('resets a password, shows it once with Copy, and the new one signs in', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const { el } = await mount(fx, leaf.id);
    await openDialog(el, `[data-user="${admin.id}"] [data-action=reset]`);
    expect(sr(el).getElementById('form-title')!.textContent).to.equal(`New password for ${fullName(admin)}`);
    const password = field(el, 'password').value;
    expect(password).to.have.length(16);
    fx.emulator.clearRequests();
    const updated = oneEvent(el, 'admin-updated');
    submit(el);
    expect((await updated).detail.changes).to.deep.equal(['password']);
    expect((requests(fx, 'PATCH', /users\//)[0]!.body as { data: unknown }).data).to.deep.equal({ password });
    await until(() => $(el, '[part=reveal]'), 'shown once');
    expect($(el, '[part=reveal] [data-action=copy-reveal]')).to.not.equal(null);
    await until(() => sr(el).activeElement === $(el, '[data-action=copy-reveal]'), 'focus goes to Copy');
    await expect(el).to.be.accessible();
    const login = fx.makeApi({ credentials: { username: admin.username!, password, accountName: leaf.name } });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('makes an existing user administrator, found among all the account’s users', async () => {
    const root = fx.emulator.rootAccountId;
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        fx.api.createUser(root, {
          firstName: `Extra${n}`,
          lastName: 'User',
          email: `extra${n}@acme.example`,
          privLevel: 'user',
        }),
      ),
    );
    const users = (await fx.api.listUsers(root, { privLevel: 'user', pageSize: 1000 })).items;
    expect(users.length).to.be.greaterThan(50);
    const target = users[users.length - 1]!;
    const { el } = await mount(fx);
    const before = Number($(el, '[data-count]')!.getAttribute('data-count'));
    fx.emulator.clearRequests();
    const d = await openDialog(el, '[data-action=promote]');
    await until(() => d.querySelectorAll('input[name=pick]').length > 0, 'the users load');
    expect(requests(fx, 'GET', /users$/).every((r) => r.query.filter_priv_level === 'user')).to.equal(true);
    expect(requests(fx, 'GET', /users$/).length).to.be.greaterThan(1);
    expect(sr(el).activeElement).to.equal(d.querySelector('#find-user'));
    await expect(el).to.be.accessible();
    await sendKeys({ type: target.email! });
    await el.updateComplete;
    const picks = [...d.querySelectorAll<HTMLInputElement>('input[name=pick]')];
    expect(picks).to.have.length(1);
    picks[0]!.click();
    const updated = oneEvent(el, 'admin-updated');
    submit(el);
    const { detail } = await updated;
    expect(detail.changes).to.deep.equal(['privLevel']);
    expect(detail.user.id).to.equal(target.id);
    await until(
      () => Number($(el, '[data-count]')!.getAttribute('data-count')) === before + 1,
      'the count grows by one',
    );
    expect((await fx.api.listUsers(root, { privLevel: 'admin', pageSize: 1000 })).items.map((u) => u.id)).to.include(
      target.id,
    );
  });

  it('removes an administrator after a confirmation, and not when the host vetoes', async () => {
    const { leaf } = await leafAccount(fx);
    const extra = await fx.api.createUser(leaf.id, {
      firstName: 'Leaving',
      lastName: 'Soon',
      email: 'leaving@soon.example',
      privLevel: 'admin',
    });
    const { el } = await mount(fx, leaf.id);
    const remove = () => $<HTMLButtonElement>(el, `[data-user="${extra.id}"] [data-action=remove]`)!;
    expect(remove().getAttribute('aria-label')).to.equal('Remove: Leaving Soon');
    remove().click();
    await until(() => dialog(el), 'the confirmation');
    expect(dialog(el)!.textContent).to.contain('Remove Leaving Soon?');
    await expect(el).to.be.accessible();
    dialog(el)!.querySelector<HTMLButtonElement>('button[value=cancel]')!.click();
    await until(() => !dialog(el), 'cancelled');
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('admin-remove-request', veto);
    remove().click();
    await until(() => dialog(el), 'the confirmation again');
    dialog(el)!.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    await until(() => !dialog(el), 'closed');
    expect(requests(fx, 'DELETE', /users\//)).to.have.length(0);
    el.removeEventListener('admin-remove-request', veto);
    const removed = oneEvent(el, 'admin-removed');
    remove().click();
    await until(() => dialog(el), 'the confirmation a third time');
    dialog(el)!.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    expect((await removed).detail.user.id).to.equal(extra.id);
    expect(requests(fx, 'DELETE', new RegExp(`/users/${extra.id}$`))).to.have.length(1);
    await until(() => !$(el, `[data-user="${extra.id}"]`), 'the row goes');
  });

  it('closes a dialog with Escape and returns focus', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    await openDialog(el, '[data-action=add]');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el), 'closed');
    await until(() => sr(el).activeElement === $(el, '[data-action=add]'), 'focus returns');
    expect(requests(fx, 'PUT', /users$/)).to.have.length(0);
  });

  it('speaks French and takes single-label overrides; accessible in the dark theme', async () => {
    const { leaf } = await leafAccount(fx);
    const { el, provider } = await mount(fx, leaf.id);
    provider.locale = 'fr-FR';
    await until(() => $(el, '#admins-heading')!.textContent === 'Administrateurs', 'French strings load');
    expect($(el, '[data-action=add]')!.textContent!.trim()).to.equal('Ajouter un administrateur');
    el.i18n = { heading: 'Gestionnaires' };
    await el.updateComplete;
    expect($(el, '#admins-heading')!.textContent).to.equal('Gestionnaires');
    provider.theme = 'dark';
    await provider.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await expect(el).to.be.accessible();
  });
});

describe('generatePassword', () => {
  it('makes crypto-random passwords of the asked length with every character class', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).to.have.length(16);
      expect(p).to.match(/[A-Z]/);
      expect(p).to.match(/[a-z]/);
      expect(p).to.match(/\d/);
      expect(p).to.match(/[^A-Za-z\d]/);
      expect(p).to.not.match(/[0O1lI]/);
      seen.add(p);
    }
    expect(seen.size).to.equal(200);
    expect(generatePassword(24)).to.have.length(24);
    expect(generatePassword(3)).to.have.length(12);
    expect(passwordStrength(generatePassword())).to.equal('strong');
  });
});

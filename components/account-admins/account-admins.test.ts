import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { User } from '../../src/api/model.js';
import { passwordLevel } from '../../src/base/elements/am-password-field.js';
import { deepActiveElement } from '../../src/base/focus.js';
import { generatePassword } from '../../src/base/random.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  allByRole,
  button,
  deepQueryAll,
  dialogContent,
  getByLabel,
  getByRole,
  queryByRole,
  shownDialog,
  textOf,
  typeInto,
  transitionsDone,
} from '../../test/queries.js';
import type { AccountAdmins } from './account-admins.js';
import './account-admins.define.js';

// Elements are compared as booleans: a failing chai message would try to print a live element and hang.
const fullName = (u: User) => `${u.firstName} ${u.lastName}`;
const list = (el: Element) => queryByRole(el, 'list', 'Administrators');
const rows = (el: Element) => allByRole(list(el)!, 'listitem');
const rowOf = (el: Element, name: string) => list(el) && rows(el).find((r) => textOf(r).includes(name));
const dialog = (el: Element) => dialogContent(el);
const field = (el: Element, label: string) => getByLabel<HTMLInputElement>(dialog(el)!, label);
const reveal = (el: Element) => queryByRole(el, 'region', /^Password for /);
/** The list of these administrators (or none) is on screen. */
const shows = (el: Element, admins: User[]) =>
  admins.length ? rowOf(el, fullName(admins[0]!)) : /no administrator/.test(textOf(el));

async function mount(fx: EmulatorFixture, accountId?: string) {
  const { el, provider } = await mountInProvider<AccountAdmins>(
    fx.api,
    accountId
      ? html`<account-admins account-id=${accountId}></account-admins>`
      : html`<account-admins></account-admins>`,
  );
  await until(() => list(el) || /no administrator/.test(textOf(el)), 'the list loads');
  return { el, provider };
}

/** Opens a dialog from the keyboard, as a user would. */
async function openDialog(el: AccountAdmins, opener: string) {
  button(el, opener).focus();
  await sendKeys({ press: 'Enter' });
  return shownDialog(el, 'the dialog opens');
}

/** Customers directly under the root with no sub-accounts, and the first one's administrators. */
async function leafAccount(fx: EmulatorFixture) {
  const [leaf, other] = fx.emulator.accounts().filter((a) => a.depth === 1 && a.enabled && !a.childCount);
  const admins = (await fx.api.listUsers(leaf!.id, { privLevel: 'admin', pageSize: 1000 })).items;
  return { leaf: leaf!, other: other!, admins };
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
    const me = expected.find((u) => u.id === session.userId)!;
    const { el } = await mount(fx);
    expect(textOf(el)).to.contain(`${expected.length} administrators`);
    expect(rows(el)).to.have.length(Math.min(25, expected.length));
    const mine = rowOf(el, fullName(me))!;
    expect(textOf(mine)).to.contain('You');
    expect(!!queryByRole(mine, 'button', `Remove: ${fullName(me)}`)).to.equal(false);
    expect(!!queryByRole(mine, 'button', `Edit: ${fullName(me)}`)).to.equal(true);
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
    const pages = fx.requestsTo('GET', new RegExp(`/accounts/${leaf.id}/users$`));
    expect(pages.length).to.be.greaterThan(1);
    expect(pages.every((r) => r.query.filter_priv_level === 'admin')).to.equal(true);
    expect(textOf(el)).to.contain(`${total} administrators`);
    expect(rows(el)).to.have.length(25);
    expect(textOf(el)).to.contain(`Showing 1–25 of ${total}`);
    expect(textOf(el)).to.contain(`Page 1 of ${Math.ceil(total / 25)}`);
    button(el, 'Next page').click();
    await el.updateComplete;
    expect(textOf(el)).to.contain(`Showing 26–50 of ${total}`);
    await expect(el).to.be.accessible();
    await typeInto(getByLabel(el, 'Filter administrators'), 'bulk59@');
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    expect(textOf(rows(el)[0]!)).to.contain('Admin59 Bulk');
    expect(textOf(el)).to.contain('Showing 1–1 of 1');
    expect(!!queryByRole(el, 'button', 'Next page')).to.equal(false);
    await typeInto(getByLabel(el, 'Filter administrators'), 'nobody-like-this');
    await el.updateComplete;
    expect(textOf(el)).to.contain('No administrator matches “nobody-like-this”.');
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
    await until(() => el.matches(':state(loading)') && textOf(el).includes('Loading…'), 'the skeleton');
    await expect(el).to.be.accessible();
    await until(() => queryByRole(el, 'alert'), 'the error');
    expect(textOf(getByRole(el, 'alert'))).to.contain('The server ran into a problem.');
    await expect(el).to.be.accessible();
    button(el, 'Retry').click();
    await until(() => list(el), 'the list after Retry');
  });

  it('adds an administrator with a generated password, and that password signs in', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, 'Add administrator');
    expect(getByRole(el, 'dialog', 'Add an administrator')).to.not.equal(undefined);
    expect(deepActiveElement() === field(el, 'First name'), 'focused').to.equal(true);
    const pw = field(el, 'Password');
    expect(pw.type).to.equal('password');
    expect(pw.value).to.have.length(16);
    const first = pw.value;
    button(d, 'Generate password').click();
    await el.updateComplete;
    expect(field(el, 'Password').value).to.have.length(16).and.not.equal(first);
    const toggle = button(d, 'Show password');
    toggle.click();
    await until(() => field(el, 'Password').type === 'text', 'the password shows');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(d)).to.contain('Strength: strong');
    await expect(el).to.be.accessible();
    field(el, 'First name').focus();
    await sendKeys({ type: 'Robin' });
    field(el, 'Last name').focus();
    await sendKeys({ type: 'Okafor' });
    field(el, 'E-mail').focus();
    await sendKeys({ type: 'Robin.Okafor@new-admin.example' });
    field(el, 'E-mail the sign-in details to the new administrator').click();
    const password = field(el, 'Password').value;
    fx.emulator.clearRequests();
    const created = oneEvent(el, 'admin-created');
    button(d, 'Add administrator').click();
    const { detail } = await created;
    expect(detail.accountId).to.equal(leaf.id);
    expect(detail.user.privLevel).to.equal('admin');
    const put = fx.requestsTo('PUT', new RegExp(`/accounts/${leaf.id}/users$`));
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
    const shown = getByRole(el, 'region', 'Password for Robin Okafor');
    expect(textOf(shown)).to.not.contain(password);
    button(shown, 'Show password').click();
    await el.updateComplete;
    expect(textOf(shown)).to.contain(password);
    await expect(el).to.be.accessible();
    button(shown, 'Done').click();
    await el.updateComplete;
    expect(!!reveal(el)).to.equal(false);
    const login = fx.makeApi({
      credentials: { username: 'robin.okafor@new-admin.example', password, accountName: leaf.name },
    });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('takes a typed password with a strength hint, and refuses a short one', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, 'Add administrator');
    await sendKeys({ type: 'Sam' });
    field(el, 'Last name').focus();
    await sendKeys({ type: 'Lee' });
    field(el, 'E-mail').focus();
    await sendKeys({ type: 'sam.lee@typed.example' });
    await typeInto(field(el, 'Password'), 'abc');
    expect(textOf(d)).to.contain('Strength: too short');
    fx.emulator.clearRequests();
    button(d, 'Add administrator').click();
    await until(() => field(el, 'Password').getAttribute('aria-invalid') === 'true', 'the password is marked');
    expect(textOf(d)).to.contain('Use at least 12 characters.');
    expect(deepActiveElement() === field(el, 'Password'), 'focused').to.equal(true);
    expect(fx.requestsTo('PUT', /users$/)).to.have.length(0);
    await typeInto(field(el, 'Password'), 'passwordpass');
    expect(textOf(d)).to.contain('Strength: weak');
    await typeInto(field(el, 'Password'), 'Tr1cky-Harbour-Lantern');
    expect(textOf(d)).to.contain('Strength: strong');
    const created = oneEvent(el, 'admin-created');
    button(d, 'Add administrator').click();
    await created;
    await until(() => !dialog(el), 'closes');
    expect(!!reveal(el)).to.equal(false);
    const login = fx.makeApi({
      credentials: { username: 'sam.lee@typed.example', password: 'Tr1cky-Harbour-Lantern', accountName: leaf.name },
    });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('shows a taken e-mail in words on the e-mail field and keeps what was typed', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const taken = admins[0]!.email!;
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, 'Add administrator');
    await sendKeys({ type: 'Dup' });
    field(el, 'Last name').focus();
    await sendKeys({ type: 'Licate' });
    field(el, 'E-mail').focus();
    await sendKeys({ type: taken });
    button(d, 'Add administrator').click();
    await until(() => field(el, 'E-mail').getAttribute('aria-invalid') === 'true', 'the e-mail is marked');
    const email = field(el, 'E-mail');
    const error = (email.getRootNode() as ShadowRoot).getElementById(
      email.getAttribute('aria-describedby')!.split(' ')[1]!,
    );
    expect(textOf(error!)).to.equal('This e-mail address is already used by another user.');
    expect(textOf(d)).to.not.contain('Username already in use');
    expect(field(el, 'First name').value).to.equal('Dup');
    expect(email.value).to.equal(taken);
    expect(deepActiveElement() === email, 'focused').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('edits a name; a changed e-mail asks for a new password', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const { el } = await mount(fx, leaf.id);
    let d = await openDialog(el, `Edit: ${fullName(admin)}`);
    expect(field(el, 'First name').value).to.equal(admin.firstName);
    expect(() => field(el, 'New password')).to.throw();
    await typeInto(field(el, 'First name'), 'Renamed');
    fx.emulator.clearRequests();
    const updated = oneEvent(el, 'admin-updated');
    button(d, 'Save changes').click();
    const { detail } = await updated;
    expect(detail.changes).to.deep.equal(['firstName']);
    expect((fx.requestsTo('PATCH', /users\//)[0]!.body as { data: unknown }).data).to.deep.equal({
      first_name: 'Renamed',
    });
    await until(() => !dialog(el) && rowOf(el, `Renamed ${admin.lastName}`), 'the row shows the new name');
    d = await openDialog(el, `Edit: Renamed ${admin.lastName}`);
    await typeInto(field(el, 'E-mail'), 'moved@elsewhere.example');
    await el.updateComplete;
    expect(textOf(d)).to.contain('changing it needs a new password');
    expect(field(el, 'New password').value).to.have.length(16);
    const again = oneEvent(el, 'admin-updated');
    button(d, 'Save changes').click();
    expect((await again).detail.changes).to.deep.equal(['email', 'password']);
    await until(() => reveal(el), 'the new password is shown once');
  });

  it('resets a password, shows it once with Copy, and the new one signs in', async () => {
    const { leaf, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, `Reset password: ${fullName(admin)}`);
    expect(getByRole(el, 'dialog', `New password for ${fullName(admin)}`)).to.not.equal(undefined);
    await until(() => deepActiveElement() === field(el, 'New password'), 'focus goes to the password');
    const password = field(el, 'New password').value;
    expect(password).to.have.length(16);
    fx.emulator.clearRequests();
    const updated = oneEvent(el, 'admin-updated');
    button(d, 'Set password').click();
    expect((await updated).detail.changes).to.deep.equal(['password']);
    expect((fx.requestsTo('PATCH', /users\//)[0]!.body as { data: unknown }).data).to.deep.equal({ password });
    await until(() => reveal(el), 'shown once');
    const copy = button(reveal(el)!, 'Copy password');
    await until(() => deepActiveElement() === copy, 'focus goes to Copy');
    await expect(el).to.be.accessible();
    const login = fx.makeApi({ credentials: { username: admin.username!, password, accountName: leaf.name } });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
  });

  it('never shows a password in the view of another account the element turned to during the save', async () => {
    const { leaf, other, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const others = (await fx.api.listUsers(other.id, { privLevel: 'admin', pageSize: 1000 })).items;
    const { el } = await mount(fx, leaf.id);
    const d = await openDialog(el, `Reset password: ${fullName(admin)}`);
    const password = field(el, 'New password').value;
    fx.emulator.faults.add({ path: `/accounts/${leaf.id}/users/${admin.id}`, method: 'PATCH', latencyMs: 600 });
    const events: Event[] = [];
    el.addEventListener('admin-updated', (e) => events.push(e));
    fx.emulator.clearRequests();
    button(d, 'Set password').click();
    await until(() => fx.requestsTo('PATCH', /users\//).length === 1, 'the save is on its way');
    el.setAttribute('account-id', other.id);
    await until(() => shows(el, others) && !rowOf(el, fullName(admin)), 'the other account is shown');
    expect(!!dialog(el), 'the dialog is open').to.equal(false);
    await until(() => fx.requestsTo('PATCH', /users\//)[0]!.status === 200, 'the save returns');
    const login = fx.makeApi({ credentials: { username: admin.username!, password, accountName: leaf.name } });
    expect((await login.getSession()).accountId).to.equal(leaf.id);
    // Lets the reply reach the element before looking.
    await new Promise((r) => setTimeout(r, 200));
    await el.updateComplete;
    expect(!!reveal(el), 'the password is shown').to.equal(false);
    expect(
      deepQueryAll<HTMLElement & { value: string }>(el, 'am-copy-button').some((b) => b.value === password),
    ).to.equal(false);
    expect(textOf(el)).to.not.contain(password);
    expect(textOf(el)).to.not.contain(`The password of ${fullName(admin)} was changed.`);
    expect(events).to.have.length(0);
  });

  it('drops an open removal question when the element turns to another account', async () => {
    const { leaf, other, admins } = await leafAccount(fx);
    const admin = admins[0]!;
    const others = (await fx.api.listUsers(other.id, { privLevel: 'admin', pageSize: 1000 })).items;
    const { el } = await mount(fx, leaf.id);
    button(el, `Remove: ${fullName(admin)}`).click();
    await until(() => dialog(el), 'the confirmation');
    el.setAttribute('account-id', other.id);
    await until(() => !dialog(el), 'the question is gone');
    await until(() => shows(el, others) && !rowOf(el, fullName(admin)), 'the other account is shown');
    expect(fx.requestsTo('DELETE', /users\//)).to.have.length(0);
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
    const before = (await fx.api.listUsers(root, { privLevel: 'admin', pageSize: 1000 })).items.length;
    const { el } = await mount(fx);
    fx.emulator.clearRequests();
    const d = await openDialog(el, 'Make a user administrator');
    await until(() => allByRole(d, 'radio').length > 0, 'the users load');
    expect(fx.requestsTo('GET', /users$/).every((r) => r.query.filter_priv_level === 'user')).to.equal(true);
    expect(fx.requestsTo('GET', /users$/).length).to.be.greaterThan(1);
    expect(deepActiveElement() === field(el, 'Find a user'), 'focused').to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ type: target.email! });
    await el.updateComplete;
    const picks = allByRole<HTMLInputElement>(d, 'radio');
    expect(picks).to.have.length(1);
    picks[0]!.click();
    const updated = oneEvent(el, 'admin-updated');
    button(d, 'Make administrator').click();
    const { detail } = await updated;
    expect(detail.changes).to.deep.equal(['privLevel']);
    expect(detail.user.id).to.equal(target.id);
    await until(() => textOf(el).includes(`${before + 1} administrators`), 'the count grows by one');
    expect((await fx.api.listUsers(root, { privLevel: 'admin', pageSize: 1000 })).items.map((u) => u.id)).to.include(
      target.id,
    );
  });

  it('asks the host first, then confirms before removing; a host that cancels gets no dialog', async () => {
    const { leaf } = await leafAccount(fx);
    const extra = await fx.api.createUser(leaf.id, {
      firstName: 'Leaving',
      lastName: 'Soon',
      email: 'leaving@soon.example',
      privLevel: 'admin',
    });
    const { el } = await mount(fx, leaf.id);
    const remove = () => button(el, 'Remove: Leaving Soon');
    let dialogAtRequest: boolean | undefined;
    el.addEventListener('admin-remove-request', () => (dialogAtRequest = !!dialog(el)));
    remove().click();
    await until(() => dialog(el), 'the confirmation');
    expect(dialogAtRequest).to.equal(false);
    expect(getByRole(el, 'dialog', 'Remove Leaving Soon?')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
    button(dialog(el)!, 'Cancel').click();
    await until(() => !dialog(el), 'cancelled');
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('admin-remove-request', veto);
    const asked = oneEvent(el, 'admin-remove-request');
    remove().click();
    expect((await asked).detail.user.id).to.equal(extra.id);
    await el.updateComplete;
    expect(!!dialog(el)).to.equal(false);
    expect(fx.requestsTo('DELETE', /users\//)).to.have.length(0);
    el.removeEventListener('admin-remove-request', veto);
    const removed = oneEvent(el, 'admin-removed');
    remove().click();
    await until(() => dialog(el), 'the confirmation again');
    button(dialog(el)!, 'Remove').click();
    expect((await removed).detail.user.id).to.equal(extra.id);
    expect(fx.requestsTo('DELETE', new RegExp(`/users/${extra.id}$`))).to.have.length(1);
    await until(() => !rowOf(el, 'Leaving Soon'), 'the row goes');
  });

  it('closes a dialog with Escape and returns focus', async () => {
    const { leaf } = await leafAccount(fx);
    const { el } = await mount(fx, leaf.id);
    await openDialog(el, 'Add administrator');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el), 'closed');
    await until(() => deepActiveElement() === button(el, 'Add administrator'), 'focus returns');
    expect(fx.requestsTo('PUT', /users$/)).to.have.length(0);
  });

  it('speaks French and takes single-label overrides; accessible in the dark theme', async () => {
    const { leaf } = await leafAccount(fx);
    const { el, provider } = await mount(fx, leaf.id);
    provider.locale = 'fr-FR';
    await until(() => queryByRole(el, 'heading', 'Administrateurs'), 'French strings load');
    expect(button(el, 'Ajouter un administrateur')).to.not.equal(undefined);
    el.i18n = { heading: 'Gestionnaires' };
    await el.updateComplete;
    expect(getByRole(el, 'heading', 'Gestionnaires')).to.not.equal(undefined);
    provider.theme = 'dark';
    await provider.updateComplete;
    await transitionsDone(el);
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
    expect(passwordLevel(generatePassword())).to.equal('strong');
  });
});

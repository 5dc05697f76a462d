import { aTimeout, expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountApi } from '../../src/api/api.js';
import type { RecordedRequest } from '../../src/mock/types.js';
import '../../src/base/test-element.testing.js';
import type { TestAccountView } from '../../src/base/test-element.testing.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  accessibleName,
  allByRole,
  deepQueryAll,
  getByLabel,
  getByRole,
  isHiddenDeep,
  openDialog,
  queryByRole,
  textOf,
} from '../../test/queries.js';
import type { AccountCreate, AccountCreateFailure } from './account-create.js';
import { PASSWORD_CHARSET, randomIndex } from '../../src/base/random.js';
import { parseCredit } from './wizard.js';
import './account-create.define.js';

// ---- helpers: what a user sees and does

const field = <T extends HTMLElement = HTMLInputElement>(scope: Element, label: string | RegExp) =>
  getByLabel<T & HTMLInputElement>(scope, label);
const buttonIn = (scope: Element, name: string | RegExp) => getByRole<HTMLButtonElement>(scope, 'button', name);
const group = (scope: Element, name: string | RegExp) => getByRole(scope, 'group', name);
const heading = (el: Element) => textOf(getByRole(el, 'heading', /^(Step|Étape) \d+/));
const current = (el: Element) => textOf(deepQueryAll(el, '[aria-current="step"]')[0]!);
const nav = (el: Element) => deepQueryAll(el, 'nav')[0]!;
const region = (el: Element, name: string | RegExp) => getByRole(el, 'region', name);
const status = (el: Element) => textOf(deepQueryAll(el, '[part~="status"]')[0]!);
/** The element focused, through the shadow roots of the elements inside the wizard. */
function deepActive(el: Element): Element | null {
  let active = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const isOn = (s: Element) => s.getAttribute('aria-checked') === 'true';

/** The limits step's elements have loaded: the trunks (or the classes alone) and the carriers show. */
async function limitsShown(el: AccountCreate): Promise<void> {
  await until(
    () => queryByRole(el, 'region', 'Calls allowed') && queryByRole(el, 'radio', 'System-wide carriers'),
    'the limits and carriers show',
  );
}

/** The message a field shows under it (the element its `aria-describedby` names as the error). */
function errorOf(control: Element): string {
  const root = control.getRootNode() as ShadowRoot;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('error'));
  return ids.map((id) => textOf(root.getElementById(id)!)).join(' ');
}

/** The dialog a question is asked in, by its title: its host holds the buttons. */
function question(el: Element, title: string): Element {
  const d = getByRole<HTMLDialogElement>(el, 'dialog', title);
  return (d.getRootNode() as ShadowRoot).host;
}

async function click(el: AccountCreate, name: string | RegExp, scope: Element = el): Promise<void> {
  buttonIn(scope, name).click();
  await el.updateComplete;
}

/** Focuses the field, clears it and types like a user. */
async function type(el: AccountCreate, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  if (input.value) await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await el.updateComplete;
}

async function goToStep(el: AccountCreate, name: string): Promise<void> {
  buttonIn(nav(el), new RegExp(`^${name}( \\(completed\\))?$`)).click();
  await until(() => heading(el).endsWith(name), `the "${name}" step shows`);
}

async function next(el: AccountCreate, expected?: string): Promise<void> {
  await click(el, 'Next');
  if (expected) await until(() => heading(el).endsWith(expected), `the "${expected}" step shows`);
}

async function fillAdmin(el: AccountCreate, n: number, first: string, last: string, email: string) {
  const row = group(el, `Admin ${n}`);
  await type(el, field(row, 'First name'), first);
  await type(el, field(row, 'Last name'), last);
  await type(el, field(row, 'E-mail'), email);
}

const writes = (fx: EmulatorFixture) => fx.emulator.requests.filter((r) => r.method !== 'GET');
const count = (fx: EmulatorFixture, method: string, re: RegExp) =>
  fx.emulator.requests.filter((r) => r.method === method && re.test(r.path)).length;
const body = (r: RecordedRequest | undefined) => (r?.body as { data: Record<string, unknown> }).data;

async function mount(
  fx: EmulatorFixture,
  template = html`<account-create realm-suffix="sip.acme.example"></account-create>`,
  api: AccountApi = fx.api,
) {
  const { provider, el } = await mountInProvider<AccountCreate>(api, template, 'account-create');
  await until(() => queryByRole(el, 'textbox', 'Account name'), 'the wizard shows its first step');
  return { provider, el };
}

/** Fills the first step and the first admin, then walks to the review step. */
async function fillToReview(el: AccountCreate, name = 'Acme Dental', email = 'jane@acme-dental.example') {
  await type(el, field(el, 'Account name'), name);
  await next(el, 'Contacts');
  await next(el, 'Admins');
  await fillAdmin(el, 1, 'Jane', 'Doe', email);
  for (const step of ['Service plans', 'Limits and calls', 'Initial credit', 'Apps', 'Review']) await next(el, step);
}

/** A plain, enabled customer right under the signed-in reseller. */
function seededChild(fx: EmulatorFixture) {
  const child = fx.emulator
    .accounts()
    .find((a) => a.parentId === fx.emulator.rootAccountId && !a.isReseller && a.enabled);
  if (!child) throw new Error('no plain child');
  return child;
}

// ---- the tests

describe('<account-create>', () => {
  let fx: EmulatorFixture;
  let rootId: string;
  const lang = document.documentElement.lang;

  // The page's language wins over a session's (the parent's language changes in one test).
  before(() => (document.documentElement.lang = 'en-US'));
  after(() => (document.documentElement.lang = lang));

  beforeEach(async () => {
    fx = await startEmulator();
    rootId = fx.emulator.rootAccountId;
  });

  describe('loading the parent’s defaults', () => {
    it('shows a skeleton while the parent loads', async () => {
      fx.emulator.faults.add({ path: `/accounts/${rootId}/limits`, method: 'GET', latencyMs: 1500 });
      const { el } = await mountInProvider<AccountCreate>(fx.api, html`<account-create></account-create>`);
      await until(() => deepQueryAll(el, '[part=skeleton]')[0], 'a skeleton shows');
      expect(textOf(el)).to.contain('Loading');
      expect(queryByRole(el, 'textbox', 'Account name')).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('tells what failed in words and loads again on Retry', async () => {
      fx.emulator.faults.add({ path: `/accounts/${rootId}/phone_numbers/classifiers`, status: 500, times: 1 });
      const { el } = await mountInProvider<AccountCreate>(fx.api, html`<account-create></account-create>`);
      await until(() => deepQueryAll(el, '[part=error]')[0], 'the error shows');
      const error = textOf(deepQueryAll(el, '[part=error]')[0]!);
      expect(error).to.contain("Could not load the parent account's settings");
      expect(error).to.contain('The server ran into a problem.');
      await expect(el).to.be.accessible();
      await click(el, 'Retry');
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows after Retry');
    });

    it('starts from the parent: time zone, language, country, limits and allowed calls', async () => {
      await fx.api.updateAccount(rootId, {
        timezone: 'Europe/Paris',
        language: 'fr-FR',
        callRestrictions: { international: 'deny' },
      });
      await fx.api.updateLimits(rootId, {
        twowayTrunks: 150,
        inboundTrunks: 3,
        outboundTrunks: 0,
        allowPerMinute: false,
      });
      const { el } = await mount(fx);
      expect(textOf(deepQueryAll(el, '[part=header]')[0]!)).to.contain('Under Acme Telecom');
      expect(field(el, 'Time zone').value).to.equal('Europe/Paris');
      expect(field<HTMLSelectElement>(el, 'Language').value).to.equal('fr-FR');
      await type(el, field(el, 'Account name'), 'Defaults Inc');
      await next(el, 'Contacts');
      expect(field(group(el, 'Billing contact'), 'Country').value).to.equal('US');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await goToStep(el, 'Limits and calls');
      await limitsShown(el);
      expect(field(el, 'Two-way trunks').value).to.equal('150');
      expect(field(el, 'Inbound trunks').value).to.equal('3');
      expect(field(el, 'Outbound trunks').value).to.equal('0');
      expect(isOn(field(el, 'Per-minute calls beyond the trunks'))).to.equal(false);
      const switches = allByRole(region(el, 'Calls allowed'), 'switch');
      const classes = Object.fromEntries(switches.map((b) => [accessibleName(b), isOn(b)]));
      expect(Object.keys(classes).length).to.be.greaterThan(3);
      expect(
        Object.entries(classes)
          .filter(([, on]) => !on)
          .map(([k]) => k),
      ).to.have.length(1);
      expect(Object.entries(classes).find(([k]) => /international/i.test(k))?.[1]).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('step 1: name, realm, time zone, language', () => {
    it('marks the current step and checks the step before moving on', async () => {
      const { el } = await mount(fx);
      expect(current(el)).to.contain('Name and realm');
      expect(deepQueryAll(el, '[aria-current]')).to.have.length(1);
      await click(el, 'Next');
      const name = field(el, 'Account name');
      await until(() => errorOf(name), 'the name error shows');
      expect(errorOf(name)).to.equal('Enter a name.');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(name);
      expect(heading(el)).to.contain('Step 1 of 8');
      await expect(el).to.be.accessible();
      await type(el, name, 'Acme Dental');
      await sendKeys({ press: 'Enter' });
      await until(() => heading(el).endsWith('Contacts'), 'Enter moves on');
      expect(current(el)).to.contain('Contacts');
      expect(el.shadowRoot!.activeElement).to.equal(getByRole(el, 'heading', /^Step 2 of 8/));
      expect(textOf(buttonIn(nav(el), /^Name and realm/))).to.contain('(completed)');
    });

    it('generates the realm from the reseller’s suffix, and again on request', async () => {
      const { el } = await mount(fx);
      const first = field(el, 'Realm').value;
      expect(first).to.match(/^[a-z0-9]{7}\.sip\.acme\.example$/);
      expect(field(el, 'Realm').required).to.equal(true);
      await click(el, 'Generate another realm');
      const second = field(el, 'Realm').value;
      expect(second).to.match(/^[a-z0-9]{7}\.sip\.acme\.example$/);
      expect(second).to.not.equal(first);
    });

    it('takes a typed realm, and leaves it to the platform when there is no suffix', async () => {
      const { el } = await mount(fx, html`<account-create></account-create>`);
      const realm = field(el, 'Realm');
      expect(realm.value).to.equal('');
      expect(realm.required).to.equal(false);
      const hint = () => textOf(el.shadowRoot!.getElementById(realm.getAttribute('aria-describedby')!)!);
      expect(hint()).to.contain('leave it empty');
      await type(el, field(el, 'Account name'), 'Typed Realm Co');
      await type(el, realm, 'typed.pbx.example');
      await until(() => hint().includes('This realm is free.'), 'the realm is checked');
      await next(el, 'Contacts');
      expect(
        fx.emulator.requests.some((r) => r.path.endsWith('/search') && r.query.v === 'typed.pbx.example'),
      ).to.equal(true);
    });

    it('refuses a realm in the wrong format', async () => {
      const { el } = await mount(fx);
      const realm = field(el, 'Realm');
      await type(el, field(el, 'Account name'), 'Bad Realm');
      await type(el, realm, 'bad realm!');
      await click(el, 'Next');
      await until(() => errorOf(realm), 'the realm error shows');
      expect(errorOf(realm)).to.equal('Use letters, digits, dots, dashes or underscores.');
      expect(el.shadowRoot!.activeElement).to.equal(realm);
      await type(el, realm, 'ab');
      await click(el, 'Next');
      await until(() => errorOf(realm) === 'Use at least 4 characters.', 'the length error shows');
      expect(heading(el)).to.contain('Step 1 of 8');
      await expect(el).to.be.accessible();
    });

    it('refuses a realm another account uses (server search, exact match)', async () => {
      const child = (await fx.api.listChildren(rootId)).items.find((c) => c.realm)!;
      const { el } = await mount(fx);
      const realm = field(el, 'Realm');
      await type(el, field(el, 'Account name'), 'Copycat');
      await type(el, realm, child.realm!.toUpperCase());
      await click(el, 'Next');
      await until(() => errorOf(realm), 'the taken error shows');
      expect(errorOf(realm)).to.equal('This realm is already used by another account.');
      expect(heading(el)).to.contain('Step 1 of 8');
      // A realm that only starts like a taken one is free.
      await type(el, realm, child.realm!.slice(0, -2));
      await next(el, 'Contacts');
    });

    it('puts the server’s own "taken" refusal on the realm field', async () => {
      const { el } = await mount(fx);
      // Globex's realm is outside the user's tree: the search cannot see it, the server still refuses it.
      await fillToReview(el, 'Realm Clash');
      await goToStep(el, 'Name and realm');
      await type(el, field(el, 'Realm'), 'sip.globex.example');
      await goToStep(el, 'Review');
      await click(el, 'Create account');
      await until(() => heading(el).endsWith('Name and realm'), 'back on the first step');
      expect(errorOf(field(el, 'Realm'))).to.equal('This realm is already used by another account.');
      expect(el.shadowRoot!.activeElement).to.equal(field(el, 'Realm'));
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(0);
    });

    it('searches the time zones and picks one with the keyboard', async () => {
      const { el } = await mount(fx);
      const tz = field(el, 'Time zone');
      const options = () => allByRole(getByRole(el, 'listbox'), 'option').map((o) => textOf(o.querySelector('span')!));
      expect(tz.value).to.equal('America/New_York');
      expect(tz.getAttribute('role')).to.equal('combobox');
      expect(queryByRole(el, 'listbox')).to.equal(undefined);
      await type(el, tz, 'paris');
      expect(tz.getAttribute('aria-expanded')).to.equal('true');
      expect(options()).to.deep.equal(['Europe/Paris']);
      await expect(el).to.be.accessible();
      await type(el, tz, 'new y');
      expect(options()).to.include('America/New_York');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => tz.getAttribute('aria-activedescendant'), 'an option is active');
      expect(tz.getAttribute('aria-activedescendant')).to.match(/^opt-\d+$/);
      await type(el, tz, 'tokyo');
      await sendKeys({ press: 'Enter' });
      await until(() => tz.value === 'Asia/Tokyo', 'Tokyo is picked');
      expect(tz.getAttribute('aria-expanded')).to.equal('false');
      await next(el);
      await until(() => errorOf(field(el, 'Account name')), 'the name is checked');
      expect(errorOf(tz)).to.equal('');
      expect(Intl.supportedValuesOf('timeZone').length).to.be.greaterThan(300);
    });

    it('refuses a time zone that is not one', async () => {
      const { el } = await mount(fx);
      const tz = field(el, 'Time zone');
      await type(el, field(el, 'Account name'), 'Nowhere Inc');
      await type(el, tz, 'Atlantis/Capital');
      field(el, 'Account name').focus();
      await click(el, 'Next');
      await until(() => errorOf(tz), 'the zone is refused');
      expect(errorOf(tz)).to.equal('Choose a time zone from the list.');
      expect(heading(el)).to.contain('Step 1 of 8');
    });
  });

  describe('step 2: contacts', () => {
    it('checks e-mails and phone numbers, each contact on its own', async () => {
      const { el } = await mount(fx);
      await type(el, field(el, 'Account name'), 'Contacts Co');
      await next(el, 'Contacts');
      const technical = group(el, 'Technical contact');
      const billing = group(el, 'Billing contact');
      await type(el, field(technical, 'E-mail'), 'not an address');
      await type(el, field(billing, 'Phone'), 'call me');
      await click(el, 'Next');
      await until(() => errorOf(field(technical, 'E-mail')), 'the e-mail is refused');
      expect(errorOf(field(technical, 'E-mail'))).to.equal('Enter an e-mail address such as name@example.com.');
      expect(errorOf(field(billing, 'Phone'))).to.equal('Enter a phone number such as +1 415 555 0100.');
      expect(errorOf(field(billing, 'E-mail'))).to.equal('');
      expect(heading(el)).to.contain('Contacts');
      await expect(el).to.be.accessible();
    });
  });

  describe('step 3: admins', () => {
    async function toAdmins(el: AccountCreate) {
      await type(el, field(el, 'Account name'), 'Admins Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
    }
    const password = (el: Element, n = 1) => field(group(el, `Admin ${n}`), 'Password');

    it('adds and removes admins; none is allowed with a warning', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      expect(allByRole(el, 'group', /^Admin \d$/)).to.have.length(1);
      await click(el, 'Add an admin');
      expect(allByRole(el, 'group', /^Admin \d$/).map((g) => textOf(g.querySelector('legend')!))).to.deep.equal([
        'Admin 1',
        'Admin 2',
      ]);
      await until(
        () => el.shadowRoot!.activeElement === field(group(el, 'Admin 2'), 'First name'),
        'focus goes to the new row',
      );
      await click(el, 'Remove admin 1');
      await click(el, 'Remove admin 1');
      expect(allByRole(el, 'group', /^Admin \d$/)).to.have.length(0);
      expect(allByRole(el, 'status').some((s) => textOf(s).includes('nobody can sign in'))).to.equal(true);
      await expect(el).to.be.accessible();
      await next(el, 'Service plans');
    });

    it('refuses the same e-mail twice in the wizard, whatever the case', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      await click(el, 'Add an admin');
      await fillAdmin(el, 1, 'First0', 'Last0', 'jane@acme.example');
      await fillAdmin(el, 2, 'First1', 'Last1', 'Jane@Acme.example');
      await click(el, 'Next');
      const second = field(group(el, 'Admin 2'), 'E-mail');
      await until(() => errorOf(second), 'the duplicate is refused');
      expect(errorOf(second)).to.equal('Another admin in this wizard has this e-mail.');
      expect(errorOf(field(group(el, 'Admin 1'), 'E-mail'))).to.equal('');
      expect(heading(el)).to.contain('Admins');
      await expect(el).to.be.accessible();
    });

    it('requires the names and the e-mail of each admin', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      await click(el, 'Next');
      const row = group(el, 'Admin 1');
      await until(() => errorOf(field(row, 'First name')), 'the row is checked');
      expect(errorOf(field(row, 'First name'))).to.equal('Enter a name.');
      expect(errorOf(field(row, 'Last name'))).to.equal('Enter a name.');
      expect(errorOf(field(row, 'E-mail'))).to.equal('This field is required.');
      expect(el.shadowRoot!.activeElement).to.equal(field(row, 'First name'));
    });

    it('generates crypto-random passwords: 16 characters of the set, different each time', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      await click(el, 'Add an admin');
      const seen = new Set([password(el, 1).value, password(el, 2).value]);
      for (let i = 0; i < 5; i++) {
        buttonIn(group(el, 'Admin 1'), 'Generate password').click();
        await until(() => !seen.has(password(el, 1).value), 'a new password');
        seen.add(password(el, 1).value);
      }
      await el.updateComplete;
      expect(seen.size).to.equal(7);
      for (const p of seen) {
        expect(p).to.have.length(16);
        expect(
          [...p].every((c) => PASSWORD_CHARSET.includes(c)),
          p,
        ).to.equal(true);
        expect(p).to.match(/[a-z]/).and.match(/[A-Z]/).and.match(/[0-9]/);
      }
      // The wizard sends what the field shows.
      await click(el, 'Remove admin 2');
      await fillAdmin(el, 1, 'Jane', 'Doe', 'jane@gen.example');
      const shown = password(el, 1).value;
      await goToStep(el, 'Review');
      await click(el, 'Show passwords');
      expect(textOf(region(el, 'Admins'))).to.contain(shown);
    });

    it('says how strong the password is', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      expect(textOf(group(el, 'Admin 1'))).to.contain('Strength: strong');
    });

    it('draws random indexes without modulo bias (values past the last full range are drawn again)', () => {
      const original = crypto.getRandomValues;
      const draws = [[0xffff_ffff, 4_294_967_290, 4_294_967_289]];
      crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
        const next = draws.shift() ?? [1];
        (array as unknown as Uint32Array).set(next.concat(Array(8 - next.length).fill(0)).slice(0, 8));
        return array;
      }) as typeof crypto.getRandomValues;
      try {
        // For n = 10 the last full range ends below 4,294,967,290: the two top values are drawn again.
        expect(randomIndex(10)).to.equal(9);
      } finally {
        crypto.getRandomValues = original;
      }
    });

    it('honours password-length, never below 12', async () => {
      const long = await mount(fx, html`<account-create password-length="24"></account-create>`);
      await toAdmins(long.el);
      expect(password(long.el).value).to.have.length(24);
      buttonIn(group(long.el, 'Admin 1'), 'Generate password').click();
      await long.el.updateComplete;
      expect(password(long.el).value).to.have.length(24);
      const short = await mount(await startEmulator(), html`<account-create password-length="6"></account-create>`);
      const el = short.el;
      await toAdmins(el);
      expect(password(el).value).to.have.length(12);
      await type(el, password(el), 'short');
      await until(() => textOf(group(el, 'Admin 1')).includes('Strength: too short'), 'the strength is told');
      await click(el, 'Next');
      await until(() => errorOf(password(el)), 'a short password is refused');
      expect(errorOf(password(el))).to.equal('Use at least 12 characters.');
      expect(heading(el)).to.contain('Admins');
    });

    it('shows and hides the password', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      const input = password(el);
      const toggle = buttonIn(group(el, 'Admin 1'), 'Show password');
      expect(input.type).to.equal('password');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await until(() => input.type === 'text', 'the password shows');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      toggle.click();
      await until(() => input.type === 'password', 'the password hides');
    });

    it('copies the password to the clipboard and says so', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      const copied: string[] = [];
      const clip = navigator.clipboard;
      const original = Object.getOwnPropertyDescriptor(clip, 'writeText');
      Object.defineProperty(clip, 'writeText', { configurable: true, value: async (t: string) => void copied.push(t) });
      const row = group(el, 'Admin 1');
      try {
        buttonIn(row, 'Copy password').click();
        await until(() => textOf(getByRole(row, 'status')).includes('Copied'), 'the copy is told');
        expect(copied).to.deep.equal([password(el).value]);
        await expect(el).to.be.accessible();
        Object.defineProperty(clip, 'writeText', {
          configurable: true,
          value: async () => {
            throw new DOMException('denied', 'NotAllowedError');
          },
        });
        buttonIn(row, /^(Copy password|Copied)$/).click();
        await until(() => textOf(getByRole(row, 'status')).includes('Could not copy'), 'the failure is told');
      } finally {
        if (original) Object.defineProperty(clip, 'writeText', original);
        else delete (clip as unknown as Record<string, unknown>).writeText;
      }
    });
  });

  describe('steps 4 to 7', () => {
    async function toStep(el: AccountCreate, step: string) {
      await type(el, field(el, 'Account name'), 'Steps Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await goToStep(el, step);
    }
    const panel = (el: Element) => getByRole(el, 'form', /^Step \d of 8/);

    it('lists the reseller’s plans as checkboxes, through the plan picker', async () => {
      const offered = await fx.api.listServicePlans(rootId);
      const { el } = await mount(fx);
      await toStep(el, 'Service plans');
      await until(() => queryByRole(el, 'checkbox', /^Hosted PBX Standard Seat/), 'the plans show');
      expect(allByRole(panel(el), 'checkbox').filter((c) => !isHiddenDeep(c))).to.have.length(offered.length);
      expect(deepQueryAll(el, 'service-plan-picker')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('hides the plans with an explanation when none are offered, or the list is forbidden', async () => {
      fx.emulator.faults.add({
        path: '/accounts/*/services/available',
        status: 200,
        body: { status: 'success', data: [], revision: 'x', request_id: 'r', auth_token: 't', page_size: 0 },
      });
      const { el } = await mount(fx);
      await toStep(el, 'Service plans');
      expect(allByRole(el, 'checkbox')).to.have.length(0);
      expect(textOf(getByRole(el, 'note'))).to.contain('offers no service plans');
      await expect(el).to.be.accessible();

      const fx2 = await startEmulator();
      fx2.emulator.faults.add({ path: '/accounts/*/services/available', status: 403 });
      const other = await mount(fx2);
      await toStep(other.el, 'Service plans');
      expect(textOf(getByRole(other.el, 'note'))).to.contain("You don't have permission to see the service plans");
    });

    it('checks the trunks as whole numbers, 0 or more; empty is no limit', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Limits and calls');
      await limitsShown(el);
      const inbound = field(el, 'Inbound trunks');
      expect(inbound.getAttribute('role')).to.equal('spinbutton');
      await type(el, inbound, '1.5');
      await click(el, 'Next');
      await until(() => errorOf(inbound), 'a fraction is refused');
      expect(errorOf(inbound)).to.equal('Enter a whole number.');
      expect(heading(el)).to.contain('Limits and calls');
      await until(() => deepActive(el) === inbound, 'the wrong count has focus');
      await type(el, inbound, '-3');
      await click(el, 'Next');
      await until(() => errorOf(inbound) === 'Enter a whole number, 0 or more.', 'a negative number is refused');
      await expect(el).to.be.accessible();

      // Left behind with Back, a wrong count still stops the way to the review, and the step says why again.
      await click(el, 'Back');
      await until(() => heading(el).endsWith('Service plans'), 'back on the plans');
      buttonIn(nav(el), /^Review/).click();
      await until(() => heading(el).endsWith('Limits and calls'), 'the limits step shows again');
      const again = field(el, 'Inbound trunks');
      await until(() => errorOf(again) === 'Enter a whole number, 0 or more.', 'the problem shows again');
      await until(() => deepActive(el) === again, 'and has focus');

      // Enter in a count moves on, as in the wizard's own fields.
      await type(el, again, '');
      await sendKeys({ press: 'Enter' });
      await until(() => heading(el).endsWith('Initial credit'), 'Enter moves on');
    });

    it('parses the credit without floating point and shows it on review', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Initial credit');
      const credit = field(el, 'Initial credit');
      await type(el, credit, '12,a');
      await click(el, 'Next');
      await until(() => errorOf(credit), 'a bad amount is refused');
      expect(errorOf(credit)).to.equal('Enter an amount such as 12.50.');
      await expect(el).to.be.accessible();
      await type(el, credit, '-5');
      await click(el, 'Next');
      await until(() => errorOf(credit), 'a negative amount is refused');
      expect(heading(el)).to.contain('Initial credit');
      await type(el, credit, '1,234.1');
      await next(el, 'Apps');
      await next(el, 'Review');
      expect(textOf(region(el, 'Initial credit').querySelector('dd')!)).to.equal('$1,234.10');
    });

    it('reads amounts the way the user’s language writes them', () => {
      const units = (text: string, locale: string) => parseCredit(text, locale)?.units;
      expect(units('1,234.5', 'en-US')).to.equal(12_345_000);
      expect(units('25,50', 'fr-FR')).to.equal(255_000);
      expect(units('1 234,5', 'fr-FR')).to.equal(12_345_000);
      expect(units('1.234', 'de-DE')).to.equal(12_340_000);
      expect(units('25.50', 'de-DE')).to.equal(255_000);
      expect(units('0.1', 'ru-RU')! + units('0,2', 'ru-RU')!).to.equal(units('0.3', 'en-US'));
      expect(parseCredit('', 'en-US')).to.equal(undefined);
      expect(parseCredit('1.2.x', 'en-US')).to.equal(null);
    });

    it('hides the credit, with a line why, from a session that is not a reseller', async () => {
      const child = seededChild(fx);
      const api = fx.makeApi({ credentials: fx.emulator.loginFor(child.id) });
      const { el } = await mount(fx, html`<account-create></account-create>`, api);
      await toStep(el, 'Initial credit');
      expect(queryByRole(el, 'textbox', 'Initial credit')).to.equal(undefined);
      expect(textOf(getByRole(el, 'note'))).to.equal(
        'Only a reseller can add credit to an account, so there is nothing to set here.',
      );
      await expect(el).to.be.accessible();
    });

    it('restricts the apps to the ones chosen', async () => {
      const child = seededChild(fx);
      const { el } = await mount(fx, html`<account-create parent-id=${child.id}></account-create>`);
      await toStep(el, 'Apps');
      const all = field(el, "All of the parent's apps");
      const only = field(el, 'Only these…');
      expect([all.checked, only.checked]).to.deep.equal([true, false]);
      only.click();
      await el.updateComplete;
      await until(() => allByRole(group(el, 'Only these…'), 'switch').length > 2, 'the parent’s apps show');
      const apps = allByRole<HTMLButtonElement>(group(el, 'Only these…'), 'switch');
      expect(apps.every(isOn)).to.equal(true);
      // Keep only the first two.
      for (const app of apps.slice(2)) app.click();
      await el.updateComplete;
      await until(() => apps.slice(2).every((a) => !isOn(a)), 'the others are off');
      expect(textOf(group(el, 'Only these…'))).to.contain(`2 of ${apps.length} apps enabled`);
      await expect(el).to.be.accessible();
      const kept = apps.slice(0, 2).map(accessibleName);
      await next(el, 'Review');
      for (const k of kept) expect(textOf(region(el, 'Apps'))).to.contain(k);
      await click(el, 'Create account');
      await until(() => deepQueryAll(el, '[part=done]')[0], 'the account is created');
      const post = fx.emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith('/apps_store/blacklist'))!;
      const blacklist = body(post).blacklist as string[];
      expect(blacklist.length).to.equal(apps.length - 2);
    });

    it('offers the signed-in account’s own apps when creating right under it', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Apps');
      expect(allByRole(el, 'radio')).to.have.length(2);
      field(el, 'Only these…').click();
      await el.updateComplete;
      await until(() => allByRole(group(el, 'Only these…'), 'switch').length > 2, 'the apps show');
    });

    it('explains the apps when the parent’s list cannot be read', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/apps_store', status: 403 });
      const { el } = await mount(fx);
      await toStep(el, 'Apps');
      expect(textOf(getByRole(el, 'note'))).to.contain('gets all of them');
      expect(allByRole(el, 'radio')).to.have.length(0);
      fx.emulator.faults.clear();
    });

    it('offers the carriers with the limits, system-wide by default, and writes the choice as the no_match callflow', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Limits and calls');
      await limitsShown(el);
      expect(field(el, 'System-wide carriers').checked).to.equal(true);
      await until(() => queryByRole(el, 'radio', 'Carriers of Acme Telecom'), 'the reseller is named');
      field(el, 'Carriers of Acme Telecom').click();
      await el.updateComplete;
      expect(el.dirty).to.equal(true);
      await expect(el).to.be.accessible();
      for (const step of ['Initial credit', 'Apps', 'Review']) await next(el, step);
      expect(textOf(region(el, 'Limits and calls'))).to.contain('Carriers Carriers of Acme Telecom');
      await click(el, 'Edit Limits and calls');
      await limitsShown(el);
      expect(field(el, 'Carriers of Acme Telecom').checked).to.equal(true);
      await goToStep(el, 'Review');

      fx.emulator.clearRequests();
      const created = oneEvent(el, 'account-created');
      await click(el, 'Create account');
      const { detail } = await created;
      const flows = writes(fx).filter((r) => r.path.includes('/callflows'));
      expect(flows.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
        `PUT /v2/accounts/${detail.account.id}/callflows`,
      ]);
      expect(body(flows[0])).to.deep.include({
        numbers: ['no_match'],
        flow: { children: {}, data: { hunt_account_id: rootId }, module: 'resources' },
      });
      expect((await fx.api.getCarrierStrategy(detail.account.id)).strategy).to.equal('reseller');
    });

    it('offers only the call classes, with a line why, to a user who may not set the new account’s limits', async () => {
      const child = seededChild(fx);
      const api = fx.makeApi({ credentials: fx.emulator.loginFor(child.id) });
      const { el } = await mount(fx, html`<account-create></account-create>`, api);
      await toStep(el, 'Limits and calls');
      await limitsShown(el);
      expect(textOf(allByRole(el, 'note')[0]!)).to.equal(
        'Only the reseller of the new account can set its trunks and per-minute calls.',
      );
      expect(queryByRole(el, 'spinbutton')).to.equal(undefined);
      expect(queryByRole(el, 'switch', /Per-minute calls/)).to.equal(undefined);
      const international = getByRole(region(el, 'Calls allowed'), 'switch', /International/);
      expect(isOn(international)).to.equal(true);
      international.click();
      await until(() => !isOn(international), 'international calls are refused');
      await expect(el).to.be.accessible();
      for (const step of ['Initial credit', 'Apps', 'Review']) await next(el, step);
      const limits = textOf(region(el, 'Limits and calls'));
      expect(limits).to.not.contain('Two-way trunks');
      expect(limits).to.match(/Denied International/);

      fx.emulator.clearRequests();
      await click(el, 'Create account');
      await until(() => deepQueryAll(el, '[part=done]')[0], 'created');
      expect(count(fx, 'POST', /\/limits$/)).to.equal(0);
      const account = body(writes(fx).find((r) => r.method === 'PUT' && /^\/v2\/accounts\/\w+$/.test(r.path)));
      expect((account.call_restriction as Record<string, { action: string }>).international).to.deep.equal({
        action: 'deny',
      });
    });

    it('reads the parent’s data once: the limits, carriers and apps elements take it from the wizard’s store', async () => {
      const child = seededChild(fx);
      const { el } = await mount(fx, html`<account-create parent-id=${child.id}></account-create>`);
      await toStep(el, 'Service plans');
      await aTimeout(200);
      let mark = fx.emulator.requests.length;
      await next(el, 'Limits and calls');
      await limitsShown(el);
      await aTimeout(200);
      expect(
        fx.emulator.requests.slice(mark).map((r) => `${r.method} ${r.path}`),
        'read on the limits step',
      ).to.deep.equal([]);
      await next(el, 'Initial credit');
      await next(el, 'Apps');
      mark = fx.emulator.requests.length;
      field(el, 'Only these…').click();
      await el.updateComplete;
      await until(() => allByRole(group(el, 'Only these…'), 'switch').length > 2, 'the apps show');
      await aTimeout(200);
      const onApps = fx.emulator.requests.slice(mark).map((r) => `${r.method} ${r.path}`);
      // Only the icons are new: the list of apps is the one the wizard read.
      expect(onApps.filter((r) => !/^GET \/v2\/accounts\/\w+\/apps_store\/[^/]+\/icon$/.test(r))).to.deep.equal([]);
      const gets = fx.emulator.requests
        .filter((r) => r.method === 'GET')
        .map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);
      expect(
        gets.filter((g, i) => gets.indexOf(g) !== i),
        'read twice',
      ).to.deep.equal([]);
    });
  });

  describe('review', () => {
    it('summarises every choice and its Edit links go back to the step', async () => {
      const { el } = await mount(fx);
      await fillToReview(el);
      const sections = allByRole(getByRole(el, 'form', /^Step 8 of 8/), 'region').map((s) =>
        textOf(s.querySelector('h4')!),
      );
      expect(sections).to.deep.equal([
        'Name and realm',
        'Contacts',
        'Admins',
        'Service plans',
        'Limits and calls',
        'Initial credit',
        'Apps',
      ]);
      expect(textOf(region(el, 'Limits and calls'))).to.contain('Carriers System-wide carriers');
      const general = textOf(region(el, 'Name and realm'));
      expect(general).to.contain('Acme Dental').and.contain('America/New_York').and.contain('sip.acme.example');
      expect(deepQueryAll(region(el, 'Name and realm'), 'bdi').map((b) => b.textContent)).to.include('Acme Dental');
      const admins = region(el, 'Admins');
      expect(textOf(admins)).to.contain('jane@acme-dental.example').and.contain('Password hidden');
      await click(el, 'Show passwords');
      expect(textOf(admins)).to.not.contain('Password hidden');
      expect(textOf(admins).match(/jane@acme-dental\.example · ([^\s•]+)/)?.[1]).to.have.length(16);
      await expect(el).to.be.accessible();
      await click(el, 'Edit Contacts');
      await until(() => heading(el).endsWith('Contacts'), 'the contacts step shows');
      expect(current(el)).to.contain('Contacts');
      await type(el, field(group(el, 'Technical contact'), 'E-mail'), 'noc@acme-dental.example');
      await goToStep(el, 'Review');
      expect(textOf(region(el, 'Contacts'))).to.contain('noc@acme-dental.example');
    });
  });

  describe('review: contacts', () => {
    it('lists no billing contact when only the country the parent gave is set', async () => {
      const { el } = await mount(fx);
      await fillToReview(el);
      const contacts = textOf(region(el, 'Contacts'));
      expect(contacts).to.contain('Billing contact None');
      expect(contacts).to.not.contain('US');
      await click(el, 'Edit Contacts');
      await until(() => heading(el).endsWith('Contacts'), 'the contacts step shows');
      await type(el, field(group(el, 'Billing contact'), 'E-mail'), 'ap@acme-dental.example');
      await goToStep(el, 'Review');
      expect(textOf(region(el, 'Contacts'))).to.contain('ap@acme-dental.example · US');
    });
  });

  describe('submitting', () => {
    it('creates the account first, then the rest in parallel, with the chosen values', async () => {
      await fx.api.updateLimits(rootId, { twowayTrunks: 2, inboundTrunks: 0, outboundTrunks: 0, allowPerMinute: true });
      const { el, provider } = await mount(fx);
      const view = document.createElement('test-account-view') as TestAccountView;
      provider.append(view);
      await until(() => view.am.store, 'the view has the store');
      const store = view.am.store!;
      const listing = store.listing(rootId);
      await listing.loadTo(0);

      await type(el, field(el, 'Account name'), 'Order Test');
      await type(el, field(el, 'Time zone'), 'Europe/Berlin');
      await sendKeys({ press: 'Enter' });
      await until(() => field(el, 'Time zone').value === 'Europe/Berlin', 'Berlin is picked');
      await next(el, 'Contacts');
      await type(el, field(group(el, 'Billing contact'), 'E-mail'), 'ap@order.example');
      await type(el, field(group(el, 'Technical contact'), 'Phone'), '+1 (212) 555-0100');
      await next(el, 'Admins');
      await click(el, 'Add an admin');
      await fillAdmin(el, 1, 'Jane', 'Doe', 'Jane@Order.example');
      await fillAdmin(el, 2, 'Raj', 'Patel', 'raj@order.example');
      field(group(el, 'Admin 1'), 'E-mail the credentials to this admin').click();
      await next(el, 'Service plans');
      await until(() => allByRole(el, 'checkbox').length > 0, 'the plans show');
      allByRole<HTMLInputElement>(el, 'checkbox')[0]!.click();
      await next(el, 'Limits and calls');
      await type(el, field(el, 'Two-way trunks'), '250');
      await next(el, 'Initial credit');
      await type(el, field(el, 'Initial credit'), '25.5');
      await next(el, 'Apps');
      await next(el, 'Review');
      const realm = region(el, 'Name and realm').querySelectorAll('dd')[1]!.textContent!.trim();

      fx.emulator.clearRequests();
      const created = oneEvent(el, 'account-created');
      await click(el, 'Create account');
      const { detail } = await created;
      expect(detail.account.name).to.equal('Order Test');
      expect(detail.failures).to.deep.equal([]);

      const w = writes(fx);
      expect(w[0]!.method).to.equal('PUT');
      expect(w[0]!.path).to.equal(`/v2/accounts/${rootId}`);
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      const account = body(w[0]);
      expect(account).to.include({ name: 'Order Test', realm, timezone: 'Europe/Berlin' });
      expect(account.contact).to.deep.equal({
        technical: { number: '+1 (212) 555-0100' },
        billing: { email: 'ap@order.example', country: 'US' },
      });
      expect(Object.keys(account.call_restriction as object).length).to.be.greaterThan(3);
      expect((account.ui_restrictions as { myaccount: Record<string, unknown> }).myaccount.balance).to.deep.equal({
        show_tab: true,
        show_credit: true,
        show_minutes: true,
      });
      const id = detail.account.id;
      const rest = w
        .slice(1)
        .filter((r) => r.status < 400)
        .map((r) => `${r.method} ${r.path.replace(`/v2/accounts/${id}`, '')}`);
      expect(rest).to.have.members([
        'PUT /users',
        'PUT /users',
        'POST /services',
        'POST /limits',
        'PUT /callflows',
        'PUT /ledgers/credit',
      ]);
      const users = w.filter((r) => r.path.endsWith('/users')).map(body);
      const jane = users.find((u) => u.first_name === 'Jane')!;
      expect(jane).to.include({
        last_name: 'Doe',
        email: 'Jane@Order.example',
        username: 'jane@order.example',
        priv_level: 'admin',
        send_email_on_creation: true,
      });
      expect(jane.password).to.have.length(16);
      expect(users.find((u) => u.first_name === 'Raj')!.send_email_on_creation).to.equal(false);
      const limits = body(w.find((r) => r.path.endsWith('/limits') && r.status < 400));
      expect(limits.twoway_trunks).to.equal(250);
      expect(body(w.find((r) => r.path.endsWith('/ledgers/credit'))).amount).to.equal(25.5);
      expect(body(w.find((r) => r.path.endsWith('/services') && r.status < 400)).add).to.have.length(1);
      // The system-wide carriers, Monster's default, written as the new account's no_match callflow.
      expect(body(w.find((r) => r.path.endsWith('/callflows')))).to.deep.include({
        numbers: ['no_match'],
        flow: { children: {}, data: {}, module: 'offnet' },
      });

      await until(() => queryByRole(el, 'heading', 'Order Test was created.'), 'the done state shows');
      // The screen says it once: focus is on its heading, and no toast repeats it.
      expect(el.shadowRoot!.activeElement).to.equal(getByRole(el, 'heading', 'Order Test was created.'));
      expect(status(el)).to.not.contain('Order Test was created.');
      await expect(el).to.be.accessible();
      // The store heard of the child at once: the shared listing has it without asking again.
      expect(store.peekListing(rootId)).to.equal(listing);
      expect(listing.items.some((c) => c.id === id && c.name === 'Order Test')).to.equal(true);
      expect(count(fx, 'GET', /\/children$/)).to.equal(0);

      const selected = oneEvent(el, 'account-select');
      await click(el, 'Open account');
      const opened = await selected;
      expect(opened.detail.account).to.include({ id, name: 'Order Test' });
      expect(opened.bubbles && opened.composed).to.equal(true);
      await click(el, 'Create another account');
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the wizard starts again');
      expect(field(el, 'Account name').value).to.equal('');
      expect(heading(el)).to.contain('Step 1 of 8');
      expect(el.dirty).to.equal(false);
    });

    it('writes no limits that equal what the new account already has', async () => {
      await fx.api.updateLimits(rootId, {
        twowayTrunks: null,
        inboundTrunks: null,
        outboundTrunks: null,
        allowPerMinute: true,
      });
      const { el } = await mount(fx);
      await fillToReview(el, 'Plain Limits');
      fx.emulator.clearRequests();
      await click(el, 'Create account');
      await until(() => deepQueryAll(el, '[part=done]')[0], 'created');
      expect(count(fx, 'GET', /\/accounts\/[^/]+\/limits$/)).to.be.greaterThan(0);
      expect(count(fx, 'POST', /\/limits$/)).to.equal(0);
    });

    it('keeps one submission in flight and shows the progress', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', latencyMs: 800 });
      const { el } = await mount(fx);
      await fillToReview(el, 'Slow Network');
      const create = buttonIn(el, 'Create account');
      create.click();
      create.click();
      void el.submit();
      await until(() => textOf(queryByRole(el, 'region', 'Progress') ?? el).includes('working…'), 'the progress shows');
      await until(() => /Carriers: (waiting|working…|done)/.test(textOf(region(el, 'Progress'))), 'carriers listed');
      expect(buttonIn(el, 'Creating…').disabled).to.equal(true);
      expect(allByRole<HTMLButtonElement>(nav(el), 'button').every((b) => b.disabled)).to.equal(true);
      await expect(el).to.be.accessible();
      await until(() => deepQueryAll(el, '[part=done]')[0], 'created');
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);
    });

    it('stays on review when the account itself fails, and creates it once on the next try', async () => {
      fx.emulator.faults.add({ path: `/accounts/${rootId}`, method: 'PUT', status: 500, times: 1 });
      const { el } = await mount(fx);
      await fillToReview(el, 'Second Try');
      await click(el, 'Create account');
      await until(() => queryByRole(el, 'alert'), 'the failure shows');
      expect(textOf(getByRole(el, 'alert'))).to.contain('The account was not created: The server ran into a problem.');
      expect(heading(el)).to.contain('Review');
      await click(el, 'Create account');
      await until(() => deepQueryAll(el, '[part=done]')[0], 'created on the second try');
      const listing = await fx.api.searchAccounts('Second Try');
      expect(listing.items.filter((a) => a.name === 'Second Try')).to.have.length(1);
    });

    it('never creates the account twice when the answer to its creation was lost', async () => {
      let lose = true;
      const api = fx.makeApi({
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const res = await fetch(input, init);
          const url = String(input instanceof Request ? input.url : input);
          if (lose && init?.method === 'PUT' && url.endsWith(`/v2/accounts/${rootId}`)) {
            lose = false;
            throw new TypeError('Failed to fetch');
          }
          return res;
        },
      });
      const { el } = await mount(fx, html`<account-create realm-suffix="sip.acme.example"></account-create>`, api);
      await fillToReview(el, 'Lost Answer');
      await click(el, 'Create account');
      await until(() => queryByRole(el, 'alert'), 'the failure shows');
      expect(textOf(getByRole(el, 'alert'))).to.contain('You are offline or the server cannot be reached.');
      const created = oneEvent(el, 'account-created');
      await click(el, 'Create account');
      const { detail } = await created;
      expect(detail.account.name).to.equal('Lost Answer');
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);
      const page = await fx.api.listChildren(rootId, { pageSize: 100 });
      expect(page.items.filter((a) => a.name === 'Lost Answer')).to.have.length(1);
    });
  });

  describe('partial failure', () => {
    const uniqueBody = {
      status: 'error',
      error: '400',
      message: 'invalid data',
      data: { username: { unique: { message: 'Username already in use', cause: 'jane@acme-dental.example' } } },
    };

    it('names the failed admin, lets the user fix the e-mail, and retries only that admin', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', status: 400, body: uniqueBody, times: 1 });
      const { el } = await mount(fx);
      let fired = 0;
      el.addEventListener('account-created', () => fired++);
      await fillToReview(el);
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'the partial state shows');
      const progress = region(el, 'The account was created, but some steps failed');
      expect(textOf(progress)).to.contain('Admin jane@acme-dental.example: e-mail already used');
      expect(fired).to.equal(0);
      await expect(el).to.be.accessible();

      const fix = field(el, 'New e-mail for jane@acme-dental.example');
      await type(el, fix, 'not an address');
      await click(el, 'Retry Admin not an address');
      await until(() => errorOf(fix), 'a bad address is refused before sending');
      expect(errorOf(fix)).to.equal('Enter an e-mail address such as name@example.com.');
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);

      await type(el, fix, 'jane.doe@acme-dental.example');
      const created = oneEvent(el, 'account-created');
      await click(el, 'Retry Admin jane.doe@acme-dental.example');
      const { detail } = await created;
      expect(detail.failures).to.deep.equal([]);
      const puts = fx.emulator.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/users'));
      expect(puts).to.have.length(2);
      expect(body(puts[1]).email).to.equal('jane.doe@acme-dental.example');
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect((await fx.api.listUsers(detail.account.id)).items.map((u) => u.email)).to.deep.equal([
        'jane.doe@acme-dental.example',
      ]);
    });

    it('reports a forbidden step by name; Retry redoes only it; "Finish anyway" lists it', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/limits', method: 'POST', status: 403 });
      const { el } = await mount(fx);
      await type(el, field(el, 'Account name'), 'No Limits Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      await fillAdmin(el, 1, 'Ann', 'Lee', 'ann@nolimits.example');
      await next(el, 'Service plans');
      await next(el, 'Limits and calls');
      await type(el, field(el, 'Inbound trunks'), '7');
      for (const s of ['Initial credit', 'Apps', 'Review']) await next(el, s);
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'partial');
      const progress = () => textOf(region(el, 'The account was created, but some steps failed'));
      expect(progress()).to.contain("Limits: you don't have permission");
      expect(status(el)).to.contain("Limits: you don't have permission");
      await click(el, 'Retry Limits');
      await until(() => el.matches(':state(partial)') && !el.matches(':state(submitting)'), 'still partial');
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);
      expect(count(fx, 'POST', /\/limits$/)).to.equal(2);
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      const created = oneEvent(el, 'account-created');
      await click(el, 'Finish anyway');
      const { detail } = await created;
      expect(detail.failures.map((f: AccountCreateFailure) => [f.step, f.message])).to.deep.equal([
        ['limits', "Limits: you don't have permission"],
      ]);
      expect(detail.failures[0]!.error.kind).to.equal('forbidden');
      await until(() => deepQueryAll(el, '[part=done]')[0], 'done');
      expect(textOf(deepQueryAll(el, '[part=done]')[0]!)).to.contain("Limits: you don't have permission");
      // Said once, on the screen: the failure's toast is gone.
      expect(status(el)).to.equal('');
    });

    it('retries the carriers after a lost answer without a second no_match callflow', async () => {
      let lose = true;
      const api = fx.makeApi({
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const res = await fetch(input, init);
          const url = String(input instanceof Request ? input.url : input);
          if (lose && init?.method === 'PUT' && url.endsWith('/callflows')) {
            lose = false;
            throw new TypeError('Failed to fetch');
          }
          return res;
        },
      });
      const { el } = await mount(fx, html`<account-create realm-suffix="sip.acme.example"></account-create>`, api);
      await fillToReview(el, 'Lost Carrier');
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'partial');
      const progress = textOf(region(el, 'The account was created, but some steps failed'));
      expect(progress).to.contain('Carriers: You are offline or the server cannot be reached.');
      expect(progress).to.contain('Admin jane@acme-dental.example: done');
      const created = oneEvent(el, 'account-created');
      await click(el, 'Retry Carriers');
      const { detail } = await created;
      const id = detail.account.id;
      expect(count(fx, 'PUT', new RegExp(`/accounts/${id}/callflows$`))).to.equal(1);
      expect(count(fx, 'POST', new RegExp(`/accounts/${id}/callflows/\\w+$`))).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);
      expect(await fx.api.getCarrierStrategy(id)).to.include({ strategy: 'system', source: 'saved' });
    });

    it('reports declined charges and retries them without creating anything twice', async () => {
      let accept = false;
      const api = fx.makeApi({ onChargesRequired: () => accept });
      const { el } = await mount(fx, html`<account-create></account-create>`, api);
      await type(el, field(el, 'Account name'), 'Charged Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await next(el, 'Service plans');
      await until(() => queryByRole(el, 'checkbox', /^Hosted PBX Executive/), 'the plans show');
      getByRole<HTMLInputElement>(el, 'checkbox', /^Hosted PBX Executive/).click();
      for (const s of ['Limits and calls', 'Initial credit', 'Apps', 'Review']) await next(el, s);
      expect(textOf(region(el, 'Service plans'))).to.contain('Hosted PBX Executive');
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'partial');
      expect(textOf(region(el, 'The account was created, but some steps failed'))).to.contain(
        'Service plans: charges declined',
      );
      accept = true;
      const created = oneEvent(el, 'account-created');
      await click(el, 'Retry failed steps');
      await created;
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(
        fx.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/services')).map((r) => r.status),
      ).to.deep.equal([402, 402, 200]);
    });
  });

  describe('leaving', () => {
    // A real beforeunload would also reach the mock service worker's client: call the page's guards directly.
    const guards = new Set<EventListenerOrEventListenerObject>();
    const { addEventListener: add, removeEventListener: remove } = window;
    beforeEach(() => {
      guards.clear();
      window.addEventListener = function (
        this: Window,
        type: string,
        l: EventListenerOrEventListenerObject,
        o?: boolean | AddEventListenerOptions,
      ) {
        if (type === 'beforeunload') guards.add(l);
        return add.call(this, type, l, o);
      } as typeof window.addEventListener;
      window.removeEventListener = function (
        this: Window,
        type: string,
        l: EventListenerOrEventListenerObject,
        o?: boolean | EventListenerOptions,
      ) {
        if (type === 'beforeunload') guards.delete(l);
        return remove.call(this, type, l, o);
      } as typeof window.removeEventListener;
    });
    afterEach(() => Object.assign(window, { addEventListener: add, removeEventListener: remove }));
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      for (const g of guards) (typeof g === 'function' ? g : g.handleEvent.bind(g))(e);
      return e.defaultPrevented;
    };

    it('asks before discarding unsaved input, guards the page, and fires account-create-cancel', async () => {
      const { el } = await mount(fx);
      expect(unload()).to.equal(false);
      await type(el, field(el, 'Account name'), 'Half Done');
      expect(el.dirty).to.equal(true);
      expect(unload()).to.equal(true);
      await click(el, 'Cancel');
      await until(() => queryByRole(el, 'dialog', 'Discard this new account?'), 'the confirm dialog opens');
      expect(textOf(question(el, 'Discard this new account?'))).to.contain('What you entered will be lost.');
      await expect(el).to.be.accessible();
      buttonIn(question(el, 'Discard this new account?'), 'Cancel').click();
      await until(() => !queryByRole(el, 'dialog'), 'the dialog closes');
      expect(field(el, 'Account name').value).to.equal('Half Done');

      const cancelled = oneEvent(el, 'account-create-cancel');
      await click(el, 'Cancel');
      await until(() => queryByRole(el, 'dialog', 'Discard this new account?'), 'the confirm dialog opens again');
      buttonIn(question(el, 'Discard this new account?'), 'Discard').click();
      expect((await cancelled).detail.parentId).to.equal(rootId);
      await el.updateComplete;
      expect(field(el, 'Account name').value).to.equal('');
      expect(el.dirty).to.equal(false);
      expect(unload()).to.equal(false);
    });

    it('guards the page while the account is being created', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', latencyMs: 800 });
      const { el } = await mount(fx);
      await fillToReview(el, 'Guarded Co');
      expect(unload()).to.equal(true);
      void el.submit();
      await until(() => el.matches(':state(submitting)'), 'submitting');
      expect(unload()).to.equal(true);
      await until(() => el.matches(':state(done)'), 'done');
      expect(unload()).to.equal(false);
    });
  });

  describe('as a modal dialog', () => {
    const modal = (fxx: EmulatorFixture, suffix = '') =>
      mountInProvider<AccountCreate>(
        fxx.api,
        html`<account-create modal realm-suffix=${suffix}></account-create>`,
        'account-create',
      );

    it('asks the server for nothing until it is opened', async () => {
      const { el } = await modal(fx);
      await aTimeout(300);
      const defaultsRead = () =>
        fx.emulator.requests.filter((r) => /\/(limits|classifiers|apps_store|services\/available)/.test(r.path)).length;
      expect(defaultsRead()).to.equal(0);
      await el.show();
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows');
      expect(defaultsRead()).to.be.greaterThan(0);
    });

    it('opens with show(), traps focus in a native dialog, and Escape asks before discarding', async () => {
      const { el } = await modal(fx);
      await el.updateComplete;
      expect(openDialog(el)).to.equal(undefined);
      expect(el.getBoundingClientRect().height).to.equal(0);
      await el.show();
      const dialog = getByRole<HTMLDialogElement>(el, 'dialog', 'New account');
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows');
      await until(() => el.shadowRoot!.activeElement === field(el, 'Account name'), 'the first field has focus');
      await el.show();
      expect(el.open).to.equal(true);
      await expect(el).to.be.accessible();

      await type(el, field(el, 'Account name'), 'Modal Co');
      await sendKeys({ press: 'Escape' });
      await until(() => queryByRole(el, 'dialog', 'Discard this new account?'), 'Escape asks first');
      expect(dialog.open).to.equal(true);
      const cancelled = oneEvent(el, 'account-create-cancel');
      buttonIn(question(el, 'Discard this new account?'), 'Discard').click();
      await cancelled;
      await until(() => !dialog.open, 'the dialog closes');
      expect(el.open).to.equal(false);

      // Nothing typed: Escape closes at once.
      await el.show();
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows again');
      field(el, 'Account name').focus();
      const again = oneEvent(el, 'account-create-cancel');
      await sendKeys({ press: 'Escape' });
      await again;
      await until(() => !dialog.open, 'the dialog closes at once');
    });

    it('asks again when the browser closes the dialog without asking (Escape pressed twice)', async () => {
      const { el } = await modal(fx);
      await el.show();
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows');
      await type(el, field(el, 'Account name'), 'Stubborn Co');
      const dialog = openDialog(el)!;
      dialog.dispatchEvent(new Event('cancel'));
      dialog.close();
      await until(() => queryByRole(el, 'dialog', 'Discard this new account?'), 'it asks');
      expect(dialog.open).to.equal(true);
      expect(el.open).to.equal(true);
      buttonIn(question(el, 'Discard this new account?'), 'Cancel').click();
      await until(() => !queryByRole(el, 'dialog', 'Discard this new account?'), 'the question goes');
      expect(field(el, 'Account name').value).to.equal('Stubborn Co');
      expect(dialog.open).to.equal(true);
    });

    it('closes with its Close button when nothing was entered', async () => {
      const { el } = await modal(fx, 'sip.acme.example');
      await el.show();
      await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows');
      const cancelled = oneEvent(el, 'account-create-cancel');
      await click(el, 'Close');
      await cancelled;
      await until(() => !el.open, 'closed');
    });

    it('follows parentId set before show(), as the tree does', async () => {
      const child = seededChild(fx);
      const { el } = await modal(fx);
      el.parentId = child.id;
      await el.show();
      await until(() => textOf(el).includes(`Under ${child.name}`), 'the parent is named');
      expect(deepQueryAll(el, 'bdi').map((b) => b.textContent)).to.include(child.name);
    });

    it('fits a 360 px wide screen, with no sideways scrolling, on every step and the last screen', async () => {
      await setViewport({ width: 360, height: 740 });
      try {
        const { el } = await modal(fx, 'sip.acme.example');
        await el.show();
        await until(() => queryByRole(el, 'textbox', 'Account name'), 'the form shows');
        const fits = (where: string) => {
          const page = document.documentElement;
          expect(page.scrollWidth, `the page on ${where}`).to.be.at.most(page.clientWidth);
          const dialog = openDialog(el)!;
          expect(dialog.scrollWidth, `the dialog on ${where}`).to.be.at.most(dialog.clientWidth);
          const box = dialog.getBoundingClientRect();
          const outside = deepQueryAll(el, '*')
            .filter((n) => !isHiddenDeep(n) && n.getBoundingClientRect().width > 0)
            .filter((n) => {
              const r = n.getBoundingClientRect();
              return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > page.clientWidth;
            })
            .map((n) => `${n.localName}.${n.className}`);
          expect(outside, `wider than the dialog on ${where}`).to.deep.equal([]);
        };
        await type(el, field(el, 'Account name'), 'Narrow Screen Dental Group of Greater Springfield');
        fits('Name and realm');
        await next(el, 'Contacts');
        fits('Contacts');
        await next(el, 'Admins');
        await fillAdmin(el, 1, 'Jane', 'Doe', 'jane.doe.with.a.long.address@narrow-screen-dental.example');
        buttonIn(group(el, 'Admin 1'), 'Show password').click();
        fits('Admins');
        for (const step of ['Service plans', 'Limits and calls', 'Initial credit', 'Apps', 'Review']) {
          await next(el, step);
          await aTimeout(50);
          fits(step);
        }
        await click(el, 'Edit Apps');
        await until(() => heading(el).endsWith('Apps'), 'back on the apps');
        field(el, 'Only these…').click();
        await until(() => allByRole(el, 'switch').length > 2, 'the apps show');
        await aTimeout(50);
        fits('Apps, only these');
        await goToStep(el, 'Review');
        await click(el, 'Show passwords');
        fits('Review with passwords');
        await click(el, 'Create account');
        await until(() => deepQueryAll(el, '[part=done]')[0], 'created');
        fits('the last screen');
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('localization', () => {
    it('speaks French in a fr-FR provider and takes single-label overrides', async () => {
      const el = (
        await fixture<HTMLElement>(
          html`<account-provider .api=${fx.api} locale="fr-FR"
            ><account-create .i18n=${{ next: 'Continuer' }}></account-create
          ></account-provider>`,
        )
      ).querySelector('account-create')!;
      await until(() => queryByRole(el, 'heading', 'Nouveau compte'), 'the French strings load');
      await until(() => queryByRole(el, 'button', 'Continuer'), 'the wizard shows');
      expect(textOf(buttonIn(el, 'Continuer'))).to.equal('Continuer');
      expect(current(el)).to.contain('Nom et domaine');
      await until(() => queryByRole(el, 'combobox', 'Fuseau horaire'), 'the shared French strings name the zone');
      await expect(el).to.be.accessible();
    });
  });
});

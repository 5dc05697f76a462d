import { aTimeout, expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountApi } from '../../src/api/api.js';
import type { AccountSummary, Page } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import type { RecordedRequest } from '../../src/mock/types.js';
import '../../src/base/test-element.testing.js';
import type { TestAccountView } from '../../src/base/test-element.testing.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import type { AccountCreate, AccountCreateFailure } from './account-create.js';
import { PASSWORD_CHARSET, randomIndex } from '../../src/base/random.js';
import { parseCredit } from './wizard.js';
import './account-create.define.js';

// ---- helpers: what a user sees and does

const root = (el: AccountCreate) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: AccountCreate, sel: string): T | null => root(el).querySelector<T>(sel);
const all = <T extends Element = HTMLElement>(el: AccountCreate, sel: string): T[] => [
  ...root(el).querySelectorAll<T>(sel),
];
const input = (el: AccountCreate, id: string) => q<HTMLInputElement>(el, `#${id}`)!;
const text = (node: Element | ShadowRoot | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: AccountCreate) => text(q(el, '#step-heading'));
const current = (el: AccountCreate) => text(q(el, '[aria-current="step"]'));
const errorOf = (el: AccountCreate, id: string) => text(q(el, `#${id}-error`));

function button(el: Element, name: string | RegExp): HTMLButtonElement {
  const scope = el.shadowRoot ?? el;
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? text(b);
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button "${String(name)}"`);
  return found;
}

async function click(el: AccountCreate, name: string | RegExp): Promise<void> {
  button(el, name).click();
  await el.updateComplete;
}

/** Focuses the field, clears it and types like a user. */
async function type(el: AccountCreate, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.focus();
  field.select();
  if (field.value) await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await el.updateComplete;
}

async function next(el: AccountCreate, expected?: string): Promise<void> {
  await click(el, 'Next');
  if (expected) await until(() => heading(el).endsWith(expected), `the "${expected}" step shows`);
}

const writes = (fx: EmulatorFixture) => fx.emulator.requests.filter((r) => r.method !== 'GET');
const count = (fx: EmulatorFixture, method: string, re: RegExp) =>
  fx.emulator.requests.filter((r) => r.method === method && re.test(r.path)).length;
const body = (r: RecordedRequest | undefined) => (r?.body as { data: Record<string, unknown> }).data;

async function mount(
  fx: EmulatorFixture,
  template = html`<account-create realm-suffix="sip.acme.example"></account-create>`,
) {
  const { provider, el } = await mountInProvider<AccountCreate>(fx.api, template, 'account-create');
  await until(() => q(el, '#f-name'), 'the wizard shows its first step');
  return { provider, el };
}

/** Fills the first step and the first admin, then walks to the review step. */
async function fillToReview(el: AccountCreate, name = 'Acme Dental', email = 'jane@acme-dental.example') {
  await type(el, 'f-name', name);
  await next(el, 'Contacts');
  await next(el, 'Admins');
  const first = all<HTMLInputElement>(el, 'input[name$=".firstName"]')[0]!;
  await type(el, first.id, 'Jane');
  await type(el, first.id.replace('firstName', 'lastName'), 'Doe');
  await type(el, first.id.replace('firstName', 'email'), email);
  for (const step of ['Service plans', 'Limits and calls', 'Initial credit', 'Apps', 'Review']) await next(el, step);
}

async function seededChild(fx: EmulatorFixture): Promise<AccountSummary> {
  const page: Page<AccountSummary> = await fx.api.listChildren(fx.emulator.rootAccountId, { pageSize: 50 });
  for (const child of page.items) {
    const a = await fx.api.getAccount(child.id);
    if (!a.isReseller && a.enabled) return child;
  }
  throw new Error('no plain child');
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
      await until(() => q(el, '[part=skeleton]'), 'a skeleton shows');
      expect(text(q(el, '[part=skeleton]'))).to.contain('Loading');
      expect(q(el, '#f-name')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('tells what failed in words and loads again on Retry', async () => {
      fx.emulator.faults.add({ path: `/accounts/${rootId}/phone_numbers/classifiers`, status: 500, times: 1 });
      const { el } = await mountInProvider<AccountCreate>(fx.api, html`<account-create></account-create>`);
      await until(() => q(el, '[part=error]'), 'the error shows');
      expect(text(q(el, '[part=error]'))).to.contain("Could not load the parent account's settings");
      expect(text(q(el, '[part=error]'))).to.contain('The server ran into a problem.');
      await expect(el).to.be.accessible();
      await click(el, 'Retry');
      await until(() => q(el, '#f-name'), 'the form shows after Retry');
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
      expect(text(q(el, '[part=header]'))).to.contain('Under Acme Telecom');
      expect(input(el, 'f-timezone').value).to.equal('Europe/Paris');
      expect(q<HTMLSelectElement>(el, '#f-language')!.value).to.equal('fr-FR');
      await type(el, 'f-name', 'Defaults Inc');
      await next(el, 'Contacts');
      expect(input(el, 'f-billing-country').value).to.equal('US');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await click(el, /Limits and calls/);
      await until(() => heading(el).endsWith('Limits and calls'), 'the limits step shows');
      expect(input(el, 'f-twowayTrunks').value).to.equal('150');
      expect(input(el, 'f-inboundTrunks').value).to.equal('3');
      expect(input(el, 'f-outboundTrunks').value).to.equal('0');
      const perMinute = all<HTMLLabelElement>(el, 'label.check').find((l) => text(l) === 'Allow per-minute calls')!;
      expect(perMinute.querySelector('input')!.checked).to.equal(false);
      const classes = Object.fromEntries(
        all<HTMLLabelElement>(el, 'fieldset:last-of-type label.check').map((l) => [
          text(l),
          l.querySelector('input')!.checked,
        ]),
      );
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
      expect(all(el, '[aria-current]')).to.have.length(1);
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-name'), 'the name error shows');
      expect(errorOf(el, 'f-name')).to.equal('Required.');
      expect(input(el, 'f-name').getAttribute('aria-invalid')).to.equal('true');
      expect(input(el, 'f-name').getAttribute('aria-describedby')).to.contain('f-name-error');
      expect(root(el).activeElement).to.equal(input(el, 'f-name'));
      expect(heading(el)).to.contain('Step 1 of 8');
      await expect(el).to.be.accessible();
      await type(el, 'f-name', 'Acme Dental');
      await sendKeys({ press: 'Enter' });
      await until(() => heading(el).endsWith('Contacts'), 'Enter moves on');
      expect(current(el)).to.contain('Contacts');
      expect(root(el).activeElement).to.equal(q(el, '#step-heading'));
    });

    it('generates the realm from the reseller’s suffix, and again on request', async () => {
      const { el } = await mount(fx);
      const first = input(el, 'f-realm').value;
      expect(first).to.match(/^[a-z0-9]{7}\.sip\.acme\.example$/);
      expect(input(el, 'f-realm').getAttribute('aria-required')).to.equal('true');
      await click(el, 'Generate another realm');
      const second = input(el, 'f-realm').value;
      expect(second).to.match(/^[a-z0-9]{7}\.sip\.acme\.example$/);
      expect(second).to.not.equal(first);
    });

    it('takes a typed realm, and leaves it to the platform when there is no suffix', async () => {
      const { el } = await mount(fx, html`<account-create></account-create>`);
      expect(input(el, 'f-realm').value).to.equal('');
      expect(text(q(el, '#f-realm-hint'))).to.contain('leave it empty');
      await type(el, 'f-name', 'Typed Realm Co');
      await type(el, 'f-realm', 'typed.pbx.example');
      await until(() => text(q(el, '.realm-status')) === 'This realm is free.', 'the realm is checked');
      await next(el, 'Contacts');
      expect(
        fx.emulator.requests.some((r) => r.path.endsWith('/search') && r.query.v === 'typed.pbx.example'),
      ).to.equal(true);
    });

    it('refuses a realm in the wrong format', async () => {
      const { el } = await mount(fx);
      await type(el, 'f-name', 'Bad Realm');
      await type(el, 'f-realm', 'bad realm!');
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-realm'), 'the realm error shows');
      expect(errorOf(el, 'f-realm')).to.equal('Use only letters, digits, dots, hyphens and underscores.');
      expect(root(el).activeElement).to.equal(input(el, 'f-realm'));
      await type(el, 'f-realm', 'ab');
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-realm') === 'A realm has 4 to 253 characters.', 'the length error shows');
      expect(heading(el)).to.contain('Step 1 of 8');
      await expect(el).to.be.accessible();
    });

    it('refuses a realm another account uses (server search, exact match)', async () => {
      const child = (await fx.api.listChildren(rootId)).items.find((c) => c.realm)!;
      const { el } = await mount(fx);
      await type(el, 'f-name', 'Copycat');
      await type(el, 'f-realm', child.realm!.toUpperCase());
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-realm'), 'the taken error shows');
      expect(errorOf(el, 'f-realm')).to.equal('This realm is already used by another account.');
      expect(heading(el)).to.contain('Step 1 of 8');
      // A realm that only starts like a taken one is free.
      await type(el, 'f-realm', child.realm!.slice(0, -2));
      await next(el, 'Contacts');
    });

    it('puts the server’s own "unique" refusal on the realm field', async () => {
      const { el } = await mount(fx);
      // Globex's realm is outside the user's tree: the search cannot see it, the server still refuses it.
      await fillToReview(el, 'Realm Clash');
      await click(el, /Name and realm/);
      await type(el, 'f-realm', 'sip.globex.example');
      await click(el, /Review/);
      await until(() => heading(el).endsWith('Review'), 'back on review');
      await click(el, 'Create account');
      await until(() => heading(el).endsWith('Name and realm'), 'back on the first step');
      expect(errorOf(el, 'f-realm')).to.equal('This realm is already used by another account.');
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(0);
    });

    it('searches the time zones and picks one with the keyboard', async () => {
      const { el } = await mount(fx);
      const tz = input(el, 'f-timezone');
      expect(tz.value).to.equal('America/New_York');
      expect(tz.getAttribute('role')).to.equal('combobox');
      expect(all(el, '[role=option]').length).to.equal(0);
      await type(el, 'f-timezone', 'paris');
      expect(tz.getAttribute('aria-expanded')).to.equal('true');
      expect(all(el, '[role=option]').map((o) => text(o.querySelector('span')))).to.deep.equal(['Europe/Paris']);
      await expect(el).to.be.accessible();
      await type(el, 'f-timezone', 'new y');
      const options = all(el, '[role=option]').map((o) => text(o.querySelector('span')));
      expect(options).to.include('America/New_York');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(tz.getAttribute('aria-activedescendant')).to.match(/^f-timezone-opt-\d+$/);
      await type(el, 'f-timezone', 'tokyo');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(tz.value).to.equal('Asia/Tokyo');
      expect(tz.getAttribute('aria-expanded')).to.equal('false');
      expect(Intl.supportedValuesOf('timeZone').length).to.be.greaterThan(300);
    });
  });

  describe('step 3: admins', () => {
    async function toAdmins(el: AccountCreate) {
      await type(el, 'f-name', 'Admins Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
    }
    const passwords = (el: AccountCreate) => all<HTMLInputElement>(el, 'input[name$=".password"]').map((i) => i.value);

    it('adds and removes admins; none is allowed with a warning', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      expect(all(el, 'fieldset.admin')).to.have.length(1);
      await click(el, 'Add an admin');
      expect(all(el, 'fieldset.admin legend').map(text)).to.deep.equal(['Admin 1', 'Admin 2']);
      await until(
        () => root(el).activeElement?.getAttribute('name')?.endsWith('.firstName'),
        'focus goes to the new row',
      );
      await click(el, 'Remove admin 1');
      await click(el, 'Remove admin 1');
      expect(all(el, 'fieldset.admin')).to.have.length(0);
      expect(text(q(el, '.warning'))).to.contain('nobody can sign in');
      await expect(el).to.be.accessible();
      await next(el, 'Service plans');
    });

    it('refuses the same e-mail twice in the wizard, whatever the case', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      await click(el, 'Add an admin');
      const rows = all<HTMLInputElement>(el, 'input[name$=".firstName"]').map((i) => i.id.replace('-firstName', ''));
      for (const [i, row] of rows.entries()) {
        await type(el, `${row}-firstName`, `First${i}`);
        await type(el, `${row}-lastName`, `Last${i}`);
        await type(el, `${row}-email`, i ? 'Jane@Acme.example' : 'jane@acme.example');
      }
      await click(el, 'Next');
      await until(() => errorOf(el, `${rows[1]}-email`), 'the duplicate is refused');
      expect(errorOf(el, `${rows[1]}-email`)).to.equal('Another admin in this wizard has this e-mail.');
      expect(errorOf(el, `${rows[0]}-email`)).to.equal('');
      expect(heading(el)).to.contain('Admins');
      await expect(el).to.be.accessible();
    });

    it('generates crypto-random passwords: 16 characters of the set, different each time', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      await click(el, 'Add an admin');
      const seen = new Set(passwords(el));
      for (let i = 0; i < 5; i++) {
        await click(el, 'Generate a password');
        seen.add(passwords(el)[0]!);
      }
      expect(seen.size).to.equal(7);
      for (const p of seen) {
        expect(p).to.have.length(16);
        expect(
          [...p].every((c) => PASSWORD_CHARSET.includes(c)),
          p,
        ).to.equal(true);
        expect(p).to.match(/[a-z]/).and.match(/[A-Z]/).and.match(/[0-9]/);
      }
      expect(text(q(el, '.strength'))).to.equal('Strength: very strong');
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
      expect(passwords(long.el)[0]).to.have.length(24);
      const short = await mount(await startEmulator(), html`<account-create password-length="6"></account-create>`);
      await toAdmins(short.el);
      expect(passwords(short.el)[0]).to.have.length(12);
      await type(short.el, all<HTMLInputElement>(short.el, 'input[name$=".password"]')[0]!.id, 'short');
      expect(text(q(short.el, '.strength'))).to.equal('Strength: weak');
      await click(short.el, 'Next');
      await until(() => text(q(short.el, '[id$="-password-error"]')), 'a short password is refused');
      expect(text(q(short.el, '[id$="-password-error"]'))).to.equal('At least 12 characters.');
    });

    it('shows and hides the password', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      const field = all<HTMLInputElement>(el, 'input[name$=".password"]')[0]!;
      const toggle = button(el, 'Show password');
      expect(field.type).to.equal('password');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(field.type).to.equal('text');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      toggle.click();
      await el.updateComplete;
      expect(field.type).to.equal('password');
    });

    it('copies the password to the clipboard and says so', async () => {
      const { el } = await mount(fx);
      await toAdmins(el);
      const copied: string[] = [];
      const clip = navigator.clipboard;
      const original = Object.getOwnPropertyDescriptor(clip, 'writeText');
      Object.defineProperty(clip, 'writeText', { configurable: true, value: async (t: string) => void copied.push(t) });
      try {
        await click(el, 'Copy password');
        await until(() => text(q(el, '[part=status]')), 'the status speaks');
        expect(copied).to.deep.equal([passwords(el)[0]]);
        expect(text(q(el, '[part=status]'))).to.contain('Password copied to the clipboard.');
        await expect(el).to.be.accessible();
        Object.defineProperty(clip, 'writeText', {
          configurable: true,
          value: async () => {
            throw new DOMException('denied', 'NotAllowedError');
          },
        });
        await click(el, 'Copy password');
        await until(() => text(q(el, '[part=status]')).includes('Could not copy'), 'the failure is told');
      } finally {
        if (original) Object.defineProperty(clip, 'writeText', original);
        else delete (clip as unknown as Record<string, unknown>).writeText;
      }
    });
  });

  describe('steps 4 to 7', () => {
    async function toStep(el: AccountCreate, step: string) {
      await type(el, 'f-name', 'Steps Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await click(el, new RegExp(step));
      await until(() => heading(el).endsWith(step), `the ${step} step shows`);
    }

    it('lists the reseller’s plans as checkboxes', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Service plans');
      const plans = all(el, 'fieldset label.check').map(text);
      expect(plans.some((p) => p.startsWith('Hosted PBX Standard Seat'))).to.equal(true);
      expect(all(el, 'fieldset input[type=checkbox]').length).to.equal(plans.length);
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
      expect(all(el, 'input[type=checkbox]')).to.have.length(0);
      expect(text(q(el, '.note'))).to.contain('offers no service plans');
      await expect(el).to.be.accessible();

      const fx2 = await startEmulator();
      fx2.emulator.faults.add({ path: '/accounts/*/services/available', status: 403 });
      const other = await mount(fx2);
      await toStep(other.el, 'Service plans');
      expect(text(q(other.el, '.note'))).to.contain("You don't have permission to see the service plans");
    });

    it('parses the credit without floating point and shows it on review', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Initial credit');
      await type(el, 'f-credit', '12,a');
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-credit'), 'a bad amount is refused');
      expect(errorOf(el, 'f-credit')).to.equal('Enter an amount of 0 or more, such as 25.00.');
      await expect(el).to.be.accessible();
      await type(el, 'f-credit', '-5');
      await click(el, 'Next');
      await until(() => errorOf(el, 'f-credit'), 'a negative amount is refused');
      await type(el, 'f-credit', '1,234.1');
      await next(el, 'Apps');
      await next(el, 'Review');
      const credit = all(el, '.review-section').find((s) => text(s.querySelector('h4')) === 'Initial credit')!;
      expect(text(credit.querySelector('dd'))).to.equal('$1,234.10');
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
      const child = await seededChild(fx);
      const admin = (await fx.api.listUsers(child.id, { privLevel: 'admin' })).items[0]!;
      const api: AccountApi = fx.makeApi({
        credentials: { username: admin.username!, password: 'demo-password-1', accountName: child.name },
      });
      const { el } = await mountInProvider<AccountCreate>(api, html`<account-create></account-create>`);
      await until(() => q(el, '#f-name'), 'the wizard shows');
      await toStep(el, 'Initial credit');
      expect(q(el, '#f-credit')).to.equal(null);
      expect(text(q(el, '.note'))).to.equal(
        'Only a reseller can add credit to an account, so there is nothing to set here.',
      );
      await expect(el).to.be.accessible();
    });

    it('restricts the apps to the ones chosen', async () => {
      const child = await seededChild(fx);
      const { el } = await mount(fx, html`<account-create parent-id=${child.id}></account-create>`);
      await toStep(el, 'Apps');
      const mode = all<HTMLInputElement>(el, 'input[name=apps-mode]');
      expect(mode.map((m) => m.checked)).to.deep.equal([true, false]);
      mode[1]!.click();
      await el.updateComplete;
      const apps = all<HTMLLabelElement>(el, '.checks label.check');
      expect(apps.length).to.be.greaterThan(2);
      // Keep only the first two.
      for (const app of apps.slice(2)) app.querySelector('input')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const kept = apps.slice(0, 2).map((a) =>
        text(a)
          .replace(text(a.querySelector('.am-hint')), '')
          .trim(),
      );
      await next(el, 'Review');
      const appsRow = all(el, '.review-section').find((s) => text(s.querySelector('h4')) === 'Apps')!;
      for (const k of kept) expect(text(appsRow)).to.contain(k);
      await click(el, 'Create account');
      await until(() => q(el, '[part=done]'), 'the account is created');
      const post = fx.emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith('/apps_store/blacklist'))!;
      const blacklist = body(post).blacklist as string[];
      expect(blacklist.length).to.equal(apps.length - 2);
    });

    it('offers the signed-in account’s own apps when creating right under it', async () => {
      const { el } = await mount(fx);
      await toStep(el, 'Apps');
      const mode = all<HTMLInputElement>(el, 'input[name=apps-mode]');
      expect(mode).to.have.length(2);
      mode[1]!.click();
      await el.updateComplete;
      expect(all(el, '.checks label.check').length).to.be.greaterThan(2);
    });

    it('explains the apps when the parent’s list cannot be read', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/apps_store', status: 403 });
      const { el } = await mount(fx);
      await toStep(el, 'Apps');
      expect(text(q(el, '.note'))).to.contain('gets all of them');
      expect(all(el, 'input[name=apps-mode]')).to.have.length(0);
      fx.emulator.faults.clear();
    });
  });

  describe('review', () => {
    it('summarises every choice and its Edit links go back to the step', async () => {
      const { el } = await mount(fx);
      await fillToReview(el);
      const sections = all(el, '.review-section h4').map(text);
      expect(sections).to.deep.equal([
        'Name and realm',
        'Contacts',
        'Admins',
        'Service plans',
        'Limits and calls',
        'Initial credit',
        'Apps',
      ]);
      expect(text(q(el, '[part=review]')))
        .to.contain('Acme Dental')
        .and.contain('jane@acme-dental.example');
      expect(text(q(el, '.mono'))).to.equal('••••••••••••');
      await click(el, 'Show passwords');
      expect(text(q(el, '.mono'))).to.have.length(16);
      await expect(el).to.be.accessible();
      await click(el, 'Edit Contacts');
      await until(() => heading(el).endsWith('Contacts'), 'the contacts step shows');
      expect(current(el)).to.contain('Contacts');
      await type(el, 'f-technical-email', 'noc@acme-dental.example');
      await click(el, /Review/);
      await until(() => heading(el).endsWith('Review'), 'back on review');
      expect(text(q(el, '[part=review]'))).to.contain('noc@acme-dental.example');
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
      await store.listChildren(rootId);

      await type(el, 'f-name', 'Order Test');
      await type(el, 'f-timezone', 'Europe/Berlin');
      await sendKeys({ press: 'Enter' });
      await next(el, 'Contacts');
      await type(el, 'f-billing-email', 'ap@order.example');
      await type(el, 'f-technical-number', '+1 (212) 555-0100');
      await next(el, 'Admins');
      await click(el, 'Add an admin');
      const rows = all<HTMLInputElement>(el, 'input[name$=".firstName"]').map((i) => i.id.replace('-firstName', ''));
      for (const [i, row] of rows.entries()) {
        await type(el, `${row}-firstName`, ['Jane', 'Raj'][i]!);
        await type(el, `${row}-lastName`, ['Doe', 'Patel'][i]!);
        await type(el, `${row}-email`, ['Jane@Order.example', 'raj@order.example'][i]!);
      }
      all<HTMLLabelElement>(el, 'label.check')[0]!.querySelector('input')!.click();
      await next(el, 'Service plans');
      all<HTMLInputElement>(el, 'fieldset input[type=checkbox]')[0]!.click();
      await next(el, 'Limits and calls');
      await type(el, 'f-twowayTrunks', '250');
      await next(el, 'Initial credit');
      await type(el, 'f-credit', '25.5');
      await next(el, 'Apps');
      await next(el, 'Review');
      const realm = text(all(el, '.review-section dd')[1]!);

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

      await until(() => q(el, '[part=done]'), 'the done state shows');
      expect(text(q(el, '[part=done]'))).to.contain('Order Test was created.');
      await expect(el).to.be.accessible();
      // The store heard of the child at once: the cached listing has it without asking again.
      const page = store.peek<Page<AccountSummary>>(storeKey.children(rootId))!;
      expect(page.items.map((c) => c.id)).to.include(id);
      expect((await store.listChildren(rootId)).items.some((c) => c.id === id && c.name === 'Order Test')).to.equal(
        true,
      );
      expect(count(fx, 'GET', /\/children$/)).to.equal(0);
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
      await until(() => q(el, '[part=done]'), 'created');
      expect(count(fx, 'GET', /\/accounts\/[^/]+\/limits$/)).to.be.greaterThan(0);
      expect(count(fx, 'POST', /\/limits$/)).to.equal(0);
    });

    it('keeps one submission in flight and shows the progress', async () => {
      fx.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', latencyMs: 800 });
      const { el } = await mount(fx);
      await fillToReview(el, 'Slow Network');
      const create = button(el, 'Create account');
      create.click();
      create.click();
      void el.submit();
      await until(() => text(q(el, '[part=progress]')).includes('working…'), 'the progress shows');
      expect(text(button(el, 'Creating…'))).to.equal('Creating…');
      expect(button(el, 'Creating…').disabled).to.equal(true);
      expect(all<HTMLButtonElement>(el, '[part=steps] button').every((b) => b.disabled)).to.equal(true);
      await expect(el).to.be.accessible();
      await until(() => q(el, '[part=done]'), 'created');
      expect(count(fx, 'PUT', /^\/v2\/accounts\/[^/]+$/)).to.equal(1);
      expect(count(fx, 'PUT', /\/users$/)).to.equal(1);
    });

    it('stays on review when the account itself fails, and creates it once on the next try', async () => {
      fx.emulator.faults.add({ path: `/accounts/${rootId}`, method: 'PUT', status: 500, times: 1 });
      const { el } = await mount(fx);
      await fillToReview(el, 'Second Try');
      await click(el, 'Create account');
      await until(() => text(q(el, '.am-error-panel')), 'the failure shows');
      expect(text(q(el, '.am-error-panel'))).to.contain('The account was not created: The server ran into a problem.');
      expect(heading(el)).to.contain('Review');
      await click(el, 'Create account');
      await until(() => q(el, '[part=done]'), 'created on the second try');
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
      const { el } = await mountInProvider<AccountCreate>(
        api,
        html`<account-create realm-suffix="sip.acme.example"></account-create>`,
      );
      await until(() => q(el, '#f-name'), 'the wizard shows');
      await fillToReview(el, 'Lost Answer');
      await click(el, 'Create account');
      await until(() => text(q(el, '.am-error-panel')), 'the failure shows');
      expect(text(q(el, '.am-error-panel'))).to.contain('You are offline or the server cannot be reached.');
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
      expect(text(q(el, '[part=progress]'))).to.contain('Admin jane@acme-dental.example: e-mail already used');
      expect(text(q(el, '.progress-box h4'))).to.equal('The account was created, but some steps failed');
      expect(fired).to.equal(0);
      await expect(el).to.be.accessible();

      const fix = all<HTMLInputElement>(el, '[part=progress] input[type=email]')[0]!;
      await type(el, fix.id, 'jane.doe@acme-dental.example');
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
      await type(el, 'f-name', 'No Limits Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      const first = all<HTMLInputElement>(el, 'input[name$=".firstName"]')[0]!.id.replace('-firstName', '');
      await type(el, `${first}-firstName`, 'Ann');
      await type(el, `${first}-lastName`, 'Lee');
      await type(el, `${first}-email`, 'ann@nolimits.example');
      await next(el, 'Service plans');
      await next(el, 'Limits and calls');
      await type(el, 'f-inboundTrunks', '7');
      for (const s of ['Initial credit', 'Apps', 'Review']) await next(el, s);
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'partial');
      expect(text(q(el, '[part=progress]'))).to.contain("Limits: you don't have permission");
      expect(text(q(el, '[part=status]'))).to.contain("Limits: you don't have permission");
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
      await until(() => q(el, '[part=done]'), 'done');
      expect(text(q(el, '[part=done]'))).to.contain("Limits: you don't have permission");
    });

    it('reports declined charges and retries them without creating anything twice', async () => {
      let accept = false;
      const api = fx.makeApi({ onChargesRequired: () => accept });
      const { el } = await mountInProvider<AccountCreate>(api, html`<account-create></account-create>`);
      await until(() => q(el, '#f-name'), 'the wizard shows');
      await type(el, 'f-name', 'Charged Co');
      await next(el, 'Contacts');
      await next(el, 'Admins');
      await click(el, 'Remove admin 1');
      await next(el, 'Service plans');
      const plan = all<HTMLLabelElement>(el, 'fieldset label.check').find((l) =>
        text(l).startsWith('Hosted PBX Executive'),
      )!;
      plan.querySelector('input')!.click();
      for (const s of ['Limits and calls', 'Initial credit', 'Apps', 'Review']) await next(el, s);
      await click(el, 'Create account');
      await until(() => el.matches(':state(partial)'), 'partial');
      expect(text(q(el, '[part=progress]'))).to.contain('Service plans: charges declined');
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
      await type(el, 'f-name', 'Half Done');
      expect(el.dirty).to.equal(true);
      expect(unload()).to.equal(true);
      await click(el, 'Cancel');
      await until(() => q<HTMLDialogElement>(el, 'dialog.am-dialog')?.open, 'the confirm dialog opens');
      expect(text(q(el, 'dialog.am-dialog'))).to.contain('Discard this new account?');
      await expect(el).to.be.accessible();
      button(q(el, 'dialog.am-dialog')!, 'Cancel').click();
      await until(() => !q(el, 'dialog.am-dialog'), 'the dialog closes');
      expect(input(el, 'f-name').value).to.equal('Half Done');

      const cancelled = oneEvent(el, 'account-create-cancel');
      await click(el, 'Cancel');
      await until(() => q<HTMLDialogElement>(el, 'dialog.am-dialog')?.open, 'the confirm dialog opens again');
      button(q(el, 'dialog.am-dialog')!, 'Discard').click();
      expect((await cancelled).detail.parentId).to.equal(rootId);
      await el.updateComplete;
      expect(input(el, 'f-name').value).to.equal('');
      expect(el.dirty).to.equal(false);
      expect(unload()).to.equal(false);
    });
  });

  describe('as a modal dialog', () => {
    it('asks the server for nothing until it is opened', async () => {
      const { el } = await mountInProvider<AccountCreate>(
        fx.api,
        html`<account-create modal></account-create>`,
        'account-create',
      );
      await aTimeout(300);
      const defaultsRead = () =>
        fx.emulator.requests.filter((r) => /\/(limits|classifiers|apps_store|services\/available)/.test(r.path)).length;
      expect(defaultsRead()).to.equal(0);
      await el.show();
      await until(() => q(el, '#f-name'), 'the form shows');
      expect(defaultsRead()).to.be.greaterThan(0);
    });

    it('opens with show(), traps focus in a native dialog, and Escape asks before discarding', async () => {
      const { el } = await mountInProvider<AccountCreate>(
        fx.api,
        html`<account-create modal></account-create>`,
        'account-create',
      );
      await el.updateComplete;
      const dialog = q<HTMLDialogElement>(el, 'dialog[part=modal]')!;
      expect(dialog.open).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(0);
      await el.show();
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      await until(() => q(el, '#f-name'), 'the form shows');
      await el.show();
      expect(el.open).to.equal(true);
      await expect(el).to.be.accessible();

      await type(el, 'f-name', 'Modal Co');
      await sendKeys({ press: 'Escape' });
      await until(() => q<HTMLDialogElement>(el, 'dialog.am-dialog')?.open, 'Escape asks first');
      expect(dialog.open).to.equal(true);
      const cancelled = oneEvent(el, 'account-create-cancel');
      button(q(el, 'dialog.am-dialog')!, 'Discard').click();
      await cancelled;
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(el.open).to.equal(false);

      // Nothing typed: Escape closes at once.
      await el.show();
      await until(() => q(el, '#f-name'), 'the form shows again');
      input(el, 'f-name').focus();
      const again = oneEvent(el, 'account-create-cancel');
      await sendKeys({ press: 'Escape' });
      await again;
      expect(dialog.open).to.equal(false);
    });

    it('follows parentId set before show(), as the tree does', async () => {
      const child = await seededChild(fx);
      const { el } = await mountInProvider<AccountCreate>(
        fx.api,
        html`<account-create modal></account-create>`,
        'account-create',
      );
      el.parentId = child.id;
      await el.show();
      await until(() => text(q(el, '[part=header]')).includes(child.name), 'the parent is named');
      expect(q(el, 'bdi')!.textContent).to.equal(child.name);
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
      await until(() => q(el, '#f-name'), 'the wizard shows');
      await until(() => text(q(el, '.title')) === 'Nouveau compte', 'the French strings load');
      expect(text(button(el, 'Continuer'))).to.equal('Continuer');
      expect(current(el)).to.contain('Nom et domaine');
      await expect(el).to.be.accessible();
    });
  });
});

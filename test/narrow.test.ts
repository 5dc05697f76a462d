/**
 * Every element, and every step of the wizard, on a 360 px wide phone: nothing is wider than the screen (no
 * sideways scrolling, every box inside the viewport), with long names, realms and e-mails from the server.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../components/account-create/account-create.define.js';
import type { AccountCreate } from '../components/account-create/account-create.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import { deepQueryAll, getByLabel, getByRole, queryByRole, textOf } from './queries.js';

const WIDTH = 360;
const LONG_NAME = 'Blue Harbor Hotel and Conference Centre International Holdings Incorporated';
const LONG_REALM = 'blue-harbor-hotel-and-conference-centre.international-holdings.sip.acme.example';
const LONG_EMAIL = 'accounts-payable.department@blue-harbor-hotel-and-conference-centre.example';

/** Elements whose box sticks out of the viewport, or the page's sideways overflow, in words. */
function overflow(): string[] {
  const out: string[] = [];
  const width = document.documentElement.clientWidth;
  const scroll = document.scrollingElement!.scrollWidth;
  if (scroll > innerWidth) out.push(`the page scrolls sideways: ${scroll} > ${innerWidth}`);
  for (const el of deepQueryAll<HTMLElement>(document, '*')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (r.left < -0.5 || r.right > width + 0.5) {
      const root = el.getRootNode() as ShadowRoot;
      const where = root.host ? `<${root.host.localName}> ` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
      out.push(`${where}${el.localName}${cls}: ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
  }
  return out;
}

/** The define modules, by tag (an element still being written, whose module does not exist yet, is skipped). */
const DEFINE: Record<string, () => Promise<unknown>> = {
  'account-tree': () => import('../components/account-tree/account-tree.define.js'),
  'account-overview': () => import('../components/account-overview/account-overview.define.js'),
  'account-admins': () => import('../components/account-admins/account-admins.define.js'),
  'service-plan-picker': () => import('../components/service-plan-picker/service-plan-picker.define.js'),
  'account-limits': () => import('../components/account-limits/account-limits.define.js'),
  'number-features': () => import('../components/number-features/number-features.define.js'),
  'account-restrictions': () => import('../components/account-restrictions/account-restrictions.define.js'),
  'carrier-picker': () => import('../components/carrier-picker/carrier-picker.define.js'),
  'app-exchange-toggle': () => import('../components/app-exchange-toggle/app-exchange-toggle.define.js'),
  'account-notes': () => import('../components/account-notes/account-notes.define.js'),
  'account-announcement': () => import('../components/account-announcement/account-announcement.define.js'),
};

async function tryDefine(tag: string): Promise<boolean> {
  try {
    await DEFINE[tag]!();
    return true;
  } catch {
    return false;
  }
}

interface Case {
  tag: string;
  /** The element's markup (the account is filled in). */
  markup: (id: string) => string;
  /** Shown once the element has loaded. */
  ready: (el: HTMLElement) => unknown;
  /** Opens what the element shows on demand (a dialog, a panel), checked too. */
  open?: { button: string | RegExp; ready: (el: HTMLElement) => unknown };
}

const saveShown = (el: HTMLElement) => queryByRole(el, 'button', 'Save');
const CASES: Case[] = [
  {
    tag: 'account-tree',
    markup: () => '<account-tree style="height: 480px"></account-tree>',
    ready: (el) => deepQueryAll(el, '[role=treeitem]').length > 2,
  },
  {
    tag: 'account-overview',
    markup: (id) => `<account-overview account-id="${id}"></account-overview>`,
    ready: saveShown,
    open: { button: 'Move to…', ready: (el) => deepQueryAll(el, '#move-search')[0] },
  },
  {
    tag: 'account-admins',
    markup: (id) => `<account-admins account-id="${id}"></account-admins>`,
    ready: (el) => queryByRole(el, 'button', 'Add administrator'),
    open: { button: 'Add administrator', ready: (el) => deepQueryAll(el, 'dialog[open]')[0] },
  },
  {
    tag: 'service-plan-picker',
    markup: (id) => `<service-plan-picker account-id="${id}"></service-plan-picker>`,
    ready: saveShown,
  },
  {
    tag: 'account-limits',
    markup: (id) => `<account-limits account-id="${id}"></account-limits>`,
    ready: (el) => saveShown(el) && queryByRole(el, 'button', 'Add credit'),
    open: { button: 'Add credit', ready: (el) => deepQueryAll(el, 'dialog[open]')[0] },
  },
  {
    tag: 'number-features',
    markup: (id) => `<number-features account-id="${id}"></number-features>`,
    ready: saveShown,
  },
  {
    tag: 'account-restrictions',
    markup: (id) => `<account-restrictions account-id="${id}"></account-restrictions>`,
    ready: saveShown,
  },
  { tag: 'carrier-picker', markup: (id) => `<carrier-picker account-id="${id}"></carrier-picker>`, ready: saveShown },
  {
    tag: 'app-exchange-toggle',
    markup: (id) => `<app-exchange-toggle account-id="${id}"></app-exchange-toggle>`,
    ready: saveShown,
  },
  {
    tag: 'account-notes',
    markup: (id) => `<account-notes account-id="${id}"></account-notes>`,
    ready: (el) => textOf(el).length > 20,
  },
  {
    tag: 'account-announcement',
    markup: (id) => `<account-announcement account-id="${id}"></account-announcement>`,
    ready: (el) => el.shadowRoot?.childElementCount !== undefined,
  },
];

describe('at 360 px wide', () => {
  let fx: EmulatorFixture;
  let customer: string;

  before(() => setViewport({ width: WIDTH, height: 740 }));
  after(() => setViewport({ width: 800, height: 600 }));

  beforeEach(async () => {
    fx = await startEmulator();
    const root = fx.emulator.rootAccountId;
    customer =
      fx.emulator.accounts().find((a) => a.parentId === root && a.enabled && !a.isReseller && a.childCount > 0)?.id ??
      fx.emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)!.id;
    // What the server says is long: the layout must wrap it, not widen.
    await fx.api.updateAccount(customer, {
      name: LONG_NAME,
      realm: LONG_REALM,
      contacts: { technical: { name: LONG_NAME, email: LONG_EMAIL }, billing: { email: LONG_EMAIL } },
    });
    await fx.api.updateAccount(root, { name: `${LONG_NAME} Reseller` });
  });

  for (const c of CASES) {
    it(`<${c.tag}> fits`, async function () {
      if (!(await tryDefine(c.tag))) this.skip();
      const { el } = await mountInProvider<HTMLElement>(fx.api, html`${unsafeHTML(c.markup(customer))}`);
      await until(() => c.ready(el), `<${c.tag}> loads`, 8000);
      await new Promise((r) => requestAnimationFrame(r));
      expect(overflow(), `<${c.tag}>`).to.deep.equal([]);
      if (!c.open) return;
      getByRole<HTMLButtonElement>(el, 'button', c.open.button).click();
      await until(() => c.open!.ready(el), `<${c.tag}>: ${String(c.open.button)} opens`);
      await new Promise((r) => setTimeout(r, 100));
      expect(overflow(), `<${c.tag}>: ${String(c.open.button)}`).to.deep.equal([]);
    });
  }

  it('<account-admins> fits with a long generated password shown once', async () => {
    const { el } = await mountInProvider<HTMLElement>(
      fx.api,
      html`<account-admins account-id=${customer} password-length="64"></account-admins>`,
    );
    await until(() => queryByRole(el, 'button', 'Add administrator'), 'the list loads');
    getByRole<HTMLButtonElement>(el, 'button', 'Add administrator').click();
    await until(() => deepQueryAll(el, 'dialog[open]')[0], 'the form opens');
    const type = (label: string, value: string) => {
      const input = getByLabel<HTMLInputElement>(el, label);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('First name', 'Maximiliana');
    type('Last name', 'Vandenberghe-Oyelaran');
    type('E-mail', LONG_EMAIL);
    deepQueryAll<HTMLFormElement>(el, 'am-dialog form')[0]!.requestSubmit();
    await until(() => deepQueryAll(el, '[part=reveal]')[0], 'the password shows');
    getByRole<HTMLButtonElement>(el, 'button', 'Show password').click();
    await new Promise((r) => setTimeout(r, 100));
    expect(overflow()).to.deep.equal([]);
  });

  it('<account-create> as a dialog fits', async () => {
    const { el } = await mountInProvider<AccountCreate>(
      fx.api,
      html`<account-create modal realm-suffix="international-holdings.sip.acme.example"></account-create>`,
      'account-create',
    );
    await el.show();
    await until(() => el.shadowRoot!.querySelector('#f-name'), 'the first step shows');
    await new Promise((r) => setTimeout(r, 100));
    expect(overflow()).to.deep.equal([]);
  });

  it('<account-create> fits at every step', async () => {
    const { el } = await mountInProvider<AccountCreate>(
      fx.api,
      html`<account-create realm-suffix="international-holdings.sip.acme.example"></account-create>`,
      'account-create',
    );
    const root = el.shadowRoot!;
    await until(() => root.querySelector('#f-name'), 'the first step shows');
    const fill = (path: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#f-${path.replace(/[^\w-]/g, '-')}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    const seen: string[] = [];
    for (;;) {
      const step = el.step;
      if (step === 'general') fill('name', LONG_NAME);
      if (step === 'contacts') fill('technical.email', LONG_EMAIL);
      if (step === 'admins') {
        const p = root.querySelector<HTMLInputElement>('input[name$=".firstName"]')!.name.replace(/\.firstName$/, '');
        fill(`${p}.firstName`, 'Maximiliana');
        fill(`${p}.lastName`, 'Vandenberghe-Oyelaran');
        fill(`${p}.email`, LONG_EMAIL);
      }
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 150));
      expect(overflow(), `step ${step}`).to.deep.equal([]);
      seen.push(step);
      if (step === 'review') break;
      root.querySelector('form')!.requestSubmit();
      await until(() => el.step !== step, `the step after ${step} shows`);
    }
    expect(seen).to.deep.equal(['general', 'contacts', 'admins', 'plans', 'limits', 'credit', 'apps', 'review']);
  });
});

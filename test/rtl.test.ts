/**
 * Right to left (Arabic, which the library does not translate yet): every name from the server or the user is
 * isolated in its own direction, inside translated sentences too; the English fallback is shown left to right
 * (its full stop at its end) with Latin digits, in every element.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../components/account-overview/account-overview.define.js';
import '../components/account-admins/account-admins.define.js';
import '../components/account-limits/account-limits.define.js';
import '../components/number-features/number-features.define.js';
import '../components/account-restrictions/account-restrictions.define.js';
import '../components/carrier-picker/carrier-picker.define.js';
import '../components/app-exchange-toggle/app-exchange-toggle.define.js';
import '../components/service-plan-picker/service-plan-picker.define.js';
import '../components/account-create/account-create.define.js';
import type { NumberFeatures } from '../components/number-features/number-features.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import { allByRole, deepQueryAll, flatText, getByLabel, queryByRole, textOf } from './queries.js';

const NAME = 'Blue Harbor Hotel';
const RESELLER = 'Acme Telecom Reseller';
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
/** Text without the invisible direction marks of an isolated fallback. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');
/** The English sentences shown (isolated left to right, or marked `lang="en-US"`): a standalone date or amount is not one. */
function english(root: Element): string[] {
  const marked = deepQueryAll(root, '[lang="en-US"]').map((e) => e.textContent!);
  const isolated = [...flatText(root).matchAll(/\u2066([^\u2069]*)\u2069/g)].map((m) => m[1]!);
  return [...marked, ...isolated].filter((s) => /\d/.test(s));
}

/** Every text node under `root` (through shadow roots) that contains `text`. */
function textNodes(root: Element, text: string): Text[] {
  const out: Text[] = [];
  for (const el of [root, ...deepQueryAll(root, '*')]) {
    const scope = el === root && root.shadowRoot ? root.shadowRoot : el;
    for (const n of scope.childNodes)
      if (n.nodeType === Node.TEXT_NODE && (n as Text).data.includes(text)) out.push(n as Text);
  }
  return out;
}

/** Where `name` is shown but not isolated: its nearest `<bdi>` or `[dir]` must hold the name and nothing else. */
function unisolated(root: Element, name: string): string[] {
  return textNodes(root, name)
    .filter((n) => {
      const box = n.parentElement?.closest('bdi, [dir]');
      return !box || plain(box.textContent!.trim()) !== name;
    })
    .map((n) => `"${n.data.trim()}" in <${n.parentElement?.localName}>`);
}

const saveButton = (el: Element) => queryByRole<HTMLButtonElement>(el, 'button', /^\u2066?Save\u2069?$/);

describe('right to left (ar-EG)', () => {
  let fx: EmulatorFixture;
  let customer: string;
  let root: string;

  beforeEach(async () => {
    fx = await startEmulator();
    root = fx.emulator.rootAccountId;
    customer = fx.emulator
      .accounts()
      .find((a) => a.depth === 1 && a.enabled && !a.isReseller && a.childCount === 0)!.id;
    await fx.api.updateAccount(customer, { name: NAME });
    await fx.api.updateAccount(root, { name: RESELLER });
  });

  /** Mounts `markup` in a provider speaking Arabic, and waits until `ready`. */
  async function mount<T extends HTMLElement>(markup: string, ready: (el: T) => unknown): Promise<T> {
    const { el, provider } = await mountInProvider<HTMLElement>(fx.api, html`<div>${unsafeHTML(markup)}</div>`);
    provider.locale = 'ar-EG';
    await provider.updateComplete;
    const target = el.firstElementChild as T;
    await until(() => ready(target), `${target.localName} loads`, 8000);
    return target;
  }

  const elements: [string, (el: HTMLElement) => unknown][] = [
    ['account-overview', saveButton],
    ['account-admins', (el) => allByRole(el, 'listitem').length],
    ['account-limits', saveButton],
    ['number-features', saveButton],
    ['account-restrictions', saveButton],
    ['carrier-picker', (el) => saveButton(el) && textOf(el).includes(RESELLER)],
    ['app-exchange-toggle', saveButton],
    ['service-plan-picker', saveButton],
  ];

  for (const [tag, ready] of elements) {
    it(`<${tag}>: names isolated, the English fallback left to right`, async () => {
      const el = await mount(`<${tag} account-id="${customer}"></${tag}>`, ready);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(unisolated(el, NAME), 'the account name').to.deep.equal([]);
      expect(unisolated(el, RESELLER), 'the reseller name').to.deep.equal([]);
      // Shared words fell back to English: shown left to right, in English.
      const button = saveButton(el) ?? queryByRole(el, 'button', /Add administrator/)!;
      const ltr = button.querySelector('span[lang="en-US"][dir="ltr"]') || /^\u2066.*\u2069$/.test(textOf(button));
      expect(ltr, 'the button reads left to right').to.be.ok;
      for (const s of english(el)) expect(s, 'digits in an English sentence').to.not.match(ARABIC_DIGITS);
    });
  }

  it('says a save with the name isolated inside a left-to-right English sentence', async () => {
    const el = await mount<NumberFeatures>(`<number-features account-id="${customer}"></number-features>`, saveButton);
    getByLabel<HTMLButtonElement>(el, /Caller name \(CNAM\)/).click();
    await el.updateComplete;
    saveButton(el)!.click();
    await until(() => deepQueryAll(el, '.am-toast')[0], 'the toast shows');
    const toast = deepQueryAll(el, '.am-toast')[0]!;
    const sentence = toast.querySelector('span[lang="en-US"][dir="ltr"]')!;
    expect(plain(textOf(sentence))).to.equal(`Number features of ${NAME} saved.`);
    expect(sentence.querySelector('bdi')!.textContent).to.equal(NAME);
    expect(unisolated(el, NAME)).to.deep.equal([]);
  });

  it('writes numbers in a fallback sentence with Latin digits (Showing 1–N of N)', async () => {
    await fx.api.createUser(customer, {
      firstName: 'Second',
      lastName: 'Admin',
      email: 'second@rtl.example',
      password: 'correct-horse-battery-9',
      privLevel: 'admin',
    });
    const el = await mount(
      `<account-admins account-id="${customer}" page-size="1"></account-admins>`,
      (e) => allByRole(e, 'listitem').length,
    );
    const status = plain(textOf(el));
    expect(status).to.match(/Showing 1–1 of \d+/);
    expect(status).to.match(/Page 1 of \d+/);
    expect(status).to.not.match(ARABIC_DIGITS);
    expect(english(el).length).to.be.greaterThan(1);
  });

  it('asks "Discard changes to …?" with the name isolated', async () => {
    const other = fx.emulator.accounts().find((a) => a.depth === 1 && a.id !== customer && a.enabled)!.id;
    const el = await mount<HTMLElement & { accountId?: string }>(
      `<number-features account-id="${customer}"></number-features>`,
      saveButton,
    );
    getByLabel<HTMLButtonElement>(el, /Caller name \(CNAM\)/).click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    el.accountId = other;
    await until(() => deepQueryAll(el, 'dialog[open]')[0], 'the question shows');
    const title = deepQueryAll(el, 'am-dialog')[0]!.shadowRoot!.querySelector('h2')!;
    expect(plain(textOf(title))).to.equal(`Discard changes to ${NAME}?`);
    expect(title.querySelector('bdi')!.textContent).to.equal(NAME);
    expect(title.querySelector('[dir="ltr"]')).to.exist;
  });

  it('<account-create> isolates the parent and the new account’s names on the review step', async () => {
    const el = await mount<HTMLElement & { step: string }>(
      `<account-create parent-id="${customer}"></account-create>`,
      (e) => e.shadowRoot!.querySelector('#f-name'),
    );
    const fill = (selector: string, value: string) => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    fill('#f-name', 'Harbor Dental Group');
    for (let i = 0; i < 7; i++) {
      const step = el.step;
      if (step === 'admins') {
        fill('input[name$=".firstName"]', 'Jane');
        fill('input[name$=".lastName"]', 'Okafor');
        fill('input[name$=".email"]', 'jane@harbordental.example');
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => el.step !== step, `past ${step}`);
    }
    expect(el.step).to.equal('review');
    expect(unisolated(el, NAME)).to.deep.equal([]);
    expect(unisolated(el, 'Harbor Dental Group')).to.deep.equal([]);
  });
});

/**
 * The status toast never covers a button: on a phone and on a desktop, after an edit that returns focus to
 * the row's own button at the bottom of the screen, the toast overlaps neither that button nor any other.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../components/account-admins/account-admins.define.js';
import { deepActiveElement } from '../src/base/focus.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import { allByRole, deepQueryAll, getByLabel, getByRole, isHiddenDeep } from './queries.js';

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the status toast', () => {
  let fx: EmulatorFixture;
  let customer: string;

  beforeEach(async () => {
    fx = await startEmulator();
    customer = fx.emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)!.id;
    // Enough administrators for the list to reach the bottom of the screen.
    for (let i = 0; i < 14; i++) {
      await fx.api.createUser(customer, {
        firstName: `Zed${String(i).padStart(2, '0')}`,
        lastName: 'Admin',
        email: `zed${i}@toast.example`,
        password: 'correct-horse-battery-9',
        privLevel: 'admin',
      });
    }
  });

  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [
    [360, 640],
    [1280, 720],
  ] as const) {
    it(`covers no button at ${width} px: not the one that has focus after a save, nor any other`, async () => {
      await setViewport({ width, height });
      const { el } = await mountInProvider<HTMLElement>(
        fx.api,
        html`<account-admins account-id=${customer}></account-admins>`,
      );
      await until(() => allByRole(el, 'button', /^Edit: Zed13 Admin$/).length, 'the list loads');
      const edit = getByRole<HTMLButtonElement>(el, 'button', 'Edit: Zed13 Admin');
      // The row sits at the bottom of the screen, where a corner toast would land.
      edit.scrollIntoView({ block: 'end' });
      edit.focus();
      edit.click();
      await until(() => deepQueryAll(el, 'dialog[open]')[0], 'the form opens');
      const first = getByLabel<HTMLInputElement>(el, 'First name');
      first.value = 'Zed13b';
      first.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      deepQueryAll<HTMLFormElement>(el, 'am-dialog form')[0]!.requestSubmit();
      await until(() => deepQueryAll(el, '.am-toast')[0], 'the toast shows');
      await new Promise((r) => requestAnimationFrame(r));
      const toast = deepQueryAll(el, '.am-toast')[0]!.getBoundingClientRect();
      const focused = deepActiveElement() as HTMLElement;
      expect(focused?.localName, 'focus returns to the row').to.equal('button');
      expect(overlaps(toast, focused.getBoundingClientRect()), 'the toast covers the focused button').to.equal(false);
      const covered = allByRole(el, 'button')
        .filter((b) => !isHiddenDeep(b) && !b.closest('.am-toast'))
        .filter((b) => overlaps(toast, b.getBoundingClientRect()))
        .map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());
      expect(covered).to.deep.equal([]);
    });
  }
});

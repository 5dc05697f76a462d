/**
 * `runDraftWidgetTests`: what every element built on `AmDraftElement` must do, run against the emulator
 * through the real Kazoo adapter and driven through visible labels: load, edit, dirty, reset, save, a server
 * field error on the right field, a conflict, 403 read-only, Retry, and no request for an unchanged save.
 * In the spirit of Web Awesome's form-control base tests: each element adds only its own cases.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { AccountApi } from '../src/api/index.js';
import type { EmulatorOptions, FaultRule } from '../src/mock/index.js';
import {
  mountInProvider,
  preparedEmulator,
  startEmulator,
  until,
  type EmulatorFixture,
  type PreparingFixture,
} from './emulator-fixture.js';
import { getByLabel, getByRole, queryByRole, textOf } from './queries.js';

export interface DraftWidgetHandle extends HTMLElement {
  save(): Promise<boolean>;
  reset(): void;
  readonly dirty: boolean;
  updateComplete: Promise<boolean>;
}

export interface DraftWidgetSuiteOptions {
  /** The element's tag (its define module is imported by the caller). */
  tag: string;
  /** Emulator options for the fixture. */
  emulator?: EmulatorOptions;
  /** Changes made once, before the tests, through an adapter: each test's emulator starts from what they leave. */
  prepare?(fx: PreparingFixture): Promise<unknown>;
  /** The account the element shows. */
  account(fx: EmulatorFixture): string;
  /** A label (or heading) that shows once the form is on screen. */
  ready: string | RegExp;
  /**
   * Makes one edit through the UI, as a user would; returns the accessible name of the field it changed and
   * the dotted paths the saved event must list.
   */
  edit(el: HTMLElement, fx: EmulatorFixture): Promise<{ field: string | RegExp; paths: string[] }>;
  /** Checks, through a fresh adapter, that the edit reached the backend. */
  verify(api: AccountApi, accountId: string): Promise<void>;
  /** The request(s) that save (at least one must match). */
  write: { method: string; path: RegExp };
  /** The request the element reads its main resource with (a fault path: `*` one segment, `**` any). */
  read: (accountId: string) => string;
  /** The element's `*-saved` event. */
  savedEvent: string;
  /**
   * Makes a change elsewhere (through another adapter) while the element holds an edit: `clash` when it
   * changes the edited field to another value (both values are shown), `merge` when it changes another
   * field (saved together, said so).
   */
  changeElsewhere(api: AccountApi, accountId: string): Promise<'clash' | 'merge'>;
  /** A 400 reply for the write naming the edited field, and the words expected under it. */
  fieldError?: { fault: (accountId: string) => FaultRule; message: RegExp };
}

async function clickSave(el: DraftWidgetHandle): Promise<void> {
  getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
  await el.updateComplete;
}

export function runDraftWidgetTests(options: DraftWidgetSuiteOptions): void {
  /** A new element for the account, with `.api` when given (no provider needed then). */
  const create = (accountId: string, api?: AccountApi): DraftWidgetHandle => {
    const el = document.createElement(options.tag) as DraftWidgetHandle & { api?: AccountApi };
    el.setAttribute('account-id', accountId);
    if (api) el.api = api;
    return el;
  };

  describe(`<${options.tag}>: the draft-widget suite`, () => {
    let fx: EmulatorFixture;
    let accountId: string;

    async function mount(api: AccountApi = fx.api): Promise<DraftWidgetHandle> {
      const { el } = await mountInProvider<DraftWidgetHandle>(api, html`${create(accountId)}`);
      await until(() => queryByRole(el, 'button', 'Save') || /permission/.test(textOf(el)), 'the form loads');
      return el;
    }

    let start = options.emulator;
    before(async () => {
      if (options.prepare) start = await preparedEmulator(options.prepare, options.emulator);
    });

    beforeEach(async () => {
      fx = await startEmulator(start);
      accountId = options.account(fx);
    });

    it('loads its form, writes nothing on opening, and passes axe', async () => {
      fx.emulator.clearRequests();
      const el = await mount();
      await until(() => textOf(el).match(options.ready), 'the form shows');
      expect(fx.writes()).to.deep.equal([]);
      const paths = fx.emulator.requests.map((r) => `${r.method} ${r.path}`);
      expect(new Set(paths).size, `no read repeated: ${paths.join(', ')}`).to.equal(paths.length);
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Save').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is dirty after an edit and clean again after Reset', async () => {
      const el = await mount();
      const { field } = await options.edit(el, fx);
      await el.updateComplete;
      expect(el.dirty).to.equal(true);
      expect(el.matches(':state(dirty)')).to.equal(true);
      expect(textOf(el)).to.contain('Unsaved changes');
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Save').disabled).to.equal(false);
      getByRole<HTMLButtonElement>(el, 'button', 'Reset').click();
      await el.updateComplete;
      expect(el.dirty).to.equal(false);
      expect(el.matches(':state(dirty)')).to.equal(false);
      expect(getByLabel(el, field).getAttribute('aria-invalid')).to.not.equal('true');
      expect(fx.writes()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('saves once, fires its saved event with the changed paths, and the backend has the value', async () => {
      const el = await mount();
      const { paths } = await options.edit(el, fx);
      fx.emulator.clearRequests();
      const events: CustomEvent[] = [];
      el.addEventListener(options.savedEvent, (e) => events.push(e as CustomEvent));
      await clickSave(el);
      await until(() => events.length === 1, `${options.savedEvent} fires`);
      expect((events[0]!.detail as { changes: string[] }).changes).to.include.members(paths);
      expect(el.dirty).to.equal(false);
      expect(el.matches(':state(saved)')).to.equal(true);
      const saves = fx.writes().filter((r) => r.method === options.write.method && options.write.path.test(r.path));
      expect(saves.length, 'one save request').to.equal(1);
      await options.verify(fx.makeApi(), accountId);
      await expect(el).to.be.accessible();
    });

    it('sends nothing for a save with no change', async () => {
      const el = await mount();
      fx.emulator.clearRequests();
      expect(await el.save()).to.equal(true);
      expect(fx.writes()).to.deep.equal([]);
    });

    if (options.fieldError) {
      const fe = options.fieldError;
      it("shows the server's refusal on the field it names, in words, and keeps the draft", async () => {
        const el = await mount();
        const { field } = await options.edit(el, fx);
        fx.emulator.faults.add({ ...fe.fault(accountId), times: 1 });
        await clickSave(el);
        await until(() => el.matches(':not(:state(saving))') && !el.matches(':state(saved)'), 'the save fails');
        await until(() => getByLabel(el, field).getAttribute('aria-invalid') === 'true', 'the field is marked');
        const input = getByLabel(el, field);
        const described = (input.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => (input.getRootNode() as ShadowRoot).getElementById(id))
          .map((n) => (n ? textOf(n) : ''))
          .join(' ');
        expect(described).to.match(fe.message);
        expect(el.dirty, 'the draft is kept').to.equal(true);
        await expect(el).to.be.accessible();
      });
    }

    it('catches a save based on an old revision and loses nothing typed', async () => {
      const el = await mount();
      await options.edit(el, fx);
      const kind = await options.changeElsewhere(fx.makeApi(), accountId);
      await clickSave(el);
      if (kind === 'clash') {
        await until(() => el.matches(':state(conflict)'), 'the conflict shows');
        const region = getByRole(el, 'alert', /changed this while you were editing/);
        expect(textOf(region)).to.match(/Your value/);
        expect(textOf(region)).to.match(/Their value/);
        expect(el.dirty).to.equal(true);
        await expect(el).to.be.accessible();
        getByRole<HTMLButtonElement>(el, 'button', /^Keep mine/).click();
        await el.updateComplete;
        await clickSave(el);
      }
      await until(() => el.matches(':state(saved)'), 'saved');
      if (kind === 'merge') expect(textOf(el)).to.contain('Changes saved elsewhere were merged with yours.');
      await options.verify(fx.makeApi(), accountId);
    });

    it('says plainly when the user may not see it (403 on load)', async () => {
      fx.emulator.faults.add({ path: options.read(accountId), method: 'GET', status: 403 });
      const { el } = await mountInProvider<DraftWidgetHandle>(fx.api, html`${create(accountId)}`);
      await until(() => /permission/.test(textOf(el)), 'the forbidden note shows');
      expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
      expect(el.matches(':state(forbidden)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('turns read-only when the server refuses the save (403), keeping the draft', async () => {
      const el = await mount();
      await options.edit(el, fx);
      fx.emulator.faults.add({ path: /./, method: options.write.method, status: 403, times: 5 });
      await clickSave(el);
      await until(() => el.matches(':state(read-only)'), 'read-only');
      expect(textOf(el)).to.contain('You can see this but not change it.');
      expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
      expect(el.dirty).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows what failed with Retry, and Retry loads it', async () => {
      fx.emulator.faults.add({ path: options.read(accountId), method: 'GET', status: 500, times: 1 });
      const { el } = await mountInProvider<DraftWidgetHandle>(fx.api, html`${create(accountId)}`);
      await until(() => queryByRole(el, 'button', 'Retry'), 'the error shows with Retry');
      expect(textOf(el)).to.contain('The server ran into a problem.');
      await expect(el).to.be.accessible();
      getByRole<HTMLButtonElement>(el, 'button', 'Retry').click();
      await until(() => queryByRole(el, 'button', 'Save'), 'Retry loads the form');
    });

    it('works with .api set directly, without a provider', async () => {
      const el = await fixture<DraftWidgetHandle>(html`<div>${create(accountId, fx.api)}</div>`).then(
        (div) => div.firstElementChild as DraftWidgetHandle,
      );
      await until(() => queryByRole(el, 'button', 'Save'), 'the form loads');
      await until(() => textOf(el).match(options.ready), 'the form shows');
    });

    // A host page styles the element as it styles its own: sized by its content, it still shows a whole form.
    for (const rule of [`${options.tag} { display: inline-block }`, `${options.tag} { display: inline-flex }`]) {
      it(`keeps a usable width with ${rule} in the page`, async () => {
        const style = document.createElement('style');
        style.textContent = rule;
        document.head.append(style);
        try {
          const el = await mount();
          const save = getByRole(el, 'button', 'Save').getBoundingClientRect();
          expect(el.getBoundingClientRect().width, 'the element’s width').to.be.at.least(280);
          expect(save.width, 'the Save button’s width').to.be.greaterThan(0);
        } finally {
          style.remove();
        }
      });
    }
  });
}

export { startEmulator };

import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountApi } from '../../src/api/index.js';
import type { EmulatorOptions, RecordedRequest } from '../../src/mock/index.js';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  accessibleName,
  allByRole,
  button,
  deepQueryAll,
  dialogContent,
  getByLabel,
  queryByRole,
  textOf,
  typeInto,
} from '../../test/queries.js';
import type { AccountLimits } from './account-limits.js';
import './account-limits.define.js';

/** A direct customer of the root reseller: its limits and credit are the root's to change. */
const customer = (fx: EmulatorFixture) => fx.customer().id;

const limitsPost = /^\/v2\/accounts\/[^/]+\/limits$/;
const dataOf = (r: RecordedRequest) => (r.body as { data: Record<string, unknown> }).data;
const dialog = (el: Element) => dialogContent(el)!;

/** The words a field's `aria-describedby` points at (hint and message). */
function describedText(input: Element): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (input.getRootNode() as ShadowRoot).getElementById(id))
    .map((n) => (n ? textOf(n) : ''))
    .join(' ');
}

async function type(el: AccountLimits, label: string, value: string): Promise<void> {
  await typeInto(getByLabel<HTMLInputElement>(el, label), value);
  await el.updateComplete;
}

/** Flips a switch from the keyboard. */
async function flip(el: AccountLimits, name: string | RegExp): Promise<void> {
  getByLabel<HTMLElement>(el, name).focus();
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

async function saveFromKeyboard(el: AccountLimits): Promise<void> {
  button(el, 'Save').focus();
  await sendKeys({ press: 'Enter' });
}

async function mount(api: AccountApi, id: string, form = false): Promise<AccountLimits> {
  const { el } = await mountInProvider<AccountLimits>(
    api,
    form
      ? html`<account-limits form account-id=${id}></account-limits>`
      : html`<account-limits account-id=${id}></account-limits>`,
  );
  await until(() => /Outbound trunks/.test(textOf(el)), 'the form loads');
  return el;
}

async function mountLoaded(api: AccountApi, id: string): Promise<AccountLimits> {
  const el = await mount(api, id);
  await until(() => /Current balance/.test(textOf(el)), 'the balance loads');
  return el;
}

/** What the suite's edit set the inbound trunks to. */
let lowered: number | undefined;

runDraftWidgetTests({
  tag: 'account-limits',
  // A customer without sub-accounts; its seeded inbound trunks leave room to go down (more trunks would cost).
  account: (fx) => fx.customers().find((a) => a.childCount === 0)!.id,
  ready: /Outbound trunks/,
  async edit(el) {
    const input = getByLabel<HTMLInputElement>(el, 'Inbound trunks');
    const before = Number(input.value);
    expect(before, 'seeded inbound trunks above 0').to.be.greaterThan(0);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    lowered = before - 1;
    return { field: 'Inbound trunks', paths: ['inboundTrunks'] };
  },
  async verify(api, id) {
    expect((await api.getLimits(id)).inboundTrunks).to.equal(lowered);
  },
  write: { method: 'POST', path: limitsPost },
  read: (id) => `/accounts/${id}/limits`,
  savedEvent: 'limits-saved',
  async changeElsewhere(api, id) {
    const l = await api.getLimits(id);
    await api.updateLimits(id, { outboundTrunks: (l.outboundTrunks ?? 0) + 1 });
    return 'merge';
  },
  fieldError: {
    fault: (id) => ({
      path: `/accounts/${id}/limits`,
      method: 'POST',
      status: 400,
      body: {
        status: 'error',
        error: '400',
        message: 'validation error',
        data: { inbound_trunks: { minimum: { message: 'Value is below minimum of 0', target: 0 } } },
      },
    }),
    message: /Enter a whole number, 0 or more\./,
  },
});

describe('<account-limits>', () => {
  let fx: EmulatorFixture;
  let id: string;

  async function start(options?: EmulatorOptions) {
    fx = await startEmulator(options);
    id = customer(fx);
  }

  describe('opening', () => {
    beforeEach(() => start());

    it('reads the account, its limits, its classes and its balance once each, and writes nothing', async () => {
      fx.emulator.clearRequests();
      const el = await mountLoaded(fx.api, id);
      const mine = fx.emulator.requests.filter((r) => r.path.includes(id)).map((r) => `${r.method} ${r.path}`);
      expect(mine.sort()).to.deep.equal(
        [
          `GET /v2/accounts/${id}`,
          `GET /v2/accounts/${id}/ledgers/total`,
          `GET /v2/accounts/${id}/limits`,
          `GET /v2/accounts/${id}/phone_numbers/classifiers`,
        ].sort(),
      );
      expect(fx.writes()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('trunks', () => {
    beforeEach(() => start());

    it('keeps counts above 100 (250 / 10 / 5), saved from the keyboard, in a fresh element', async () => {
      const el = await mount(fx.api, id);
      const twoway = getByLabel<HTMLInputElement>(el, 'Two-way trunks');
      expect(twoway.getAttribute('role')).to.equal('spinbutton');
      expect(twoway.hasAttribute('aria-valuemax')).to.equal(false);
      await type(el, 'Two-way trunks', '249');
      twoway.focus();
      await sendKeys({ press: 'ArrowUp' });
      await type(el, 'Inbound trunks', '10');
      await type(el, 'Outbound trunks', '5');
      expect(twoway.value).to.equal('250');
      await saveFromKeyboard(el);
      await until(() => el.matches(':state(saved)'), 'saved');
      const saved = await fx.makeApi().getLimits(id);
      expect([saved.twowayTrunks, saved.inboundTrunks, saved.outboundTrunks]).to.deep.equal([250, 10, 5]);

      const fresh = await mount(fx.makeApi(), id);
      expect(
        ['Two-way trunks', 'Inbound trunks', 'Outbound trunks'].map((l) => getByLabel(fresh, l).value),
      ).to.deep.equal(['250', '10', '5']);
      await expect(fresh).to.be.accessible();
    });

    for (const [typed, words] of [
      ['-3', /Enter a whole number, 0 or more\./],
      ['1.5', /Enter a whole number\./],
      ['', /Enter a number of trunks: 0 or more\./],
    ] as const) {
      it(`refuses "${typed}" on the field, in words, and sends nothing`, async () => {
        const el = await mount(fx.api, id);
        fx.emulator.clearRequests();
        await type(el, 'Two-way trunks', typed);
        button(el, 'Save').click();
        const input = getByLabel<HTMLInputElement>(el, 'Two-way trunks');
        await until(() => input.getAttribute('aria-invalid') === 'true', 'the field is marked');
        expect(describedText(input)).to.match(words);
        expect(input.value, 'the text stays as typed').to.equal(typed);
        expect(el.dirty).to.equal(true);
        expect(fx.writes()).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
    it('takes a count typed right after each save, with either decimal separator, and stores each as typed', async () => {
      const el = await mount(fx.api, id);
      const api = fx.makeApi();
      const labels = ['Two-way trunks', 'Inbound trunks', 'Outbound trunks'];
      const keys = ['twowayTrunks', 'inboundTrunks', 'outboundTrunks'] as const;
      const problems: string[] = [];
      for (const typed of ['1', '0,00', '1', '2.0', '0', '00', '1', '3', '3,0', '4']) {
        // Typed at once, the way a paste or a fast typist changes a field, with no wait after the last save.
        for (const label of labels) {
          const input = getByLabel<HTMLInputElement>(el, label);
          input.value = typed;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
        }
        const want = Number(typed.replace(',', '.'));
        const before = await api.getLimits(id);
        if (keys.every((k) => before[k] === want)) continue;
        await until(() => !button(el, 'Save').disabled, `Save takes "${typed}"`);
        button(el, 'Save').click();
        await until(() => el.matches(':state(saved)') && !el.dirty, `"${typed}" saved`);
        const after = await api.getLimits(id);
        for (const k of keys) if (after[k] !== want) problems.push(`"${typed}": ${k} stored as ${after[k]}`);
        for (const label of labels) {
          const shown = getByLabel<HTMLInputElement>(el, label).value;
          if (Number(shown.replace(',', '.')) !== want) problems.push(`"${typed}": ${label} shows ${shown}`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  });

  describe('call classes', () => {
    it('writes a refused class once, to the account only; limits and classes together make one write each', async () => {
      await start();
      const el = await mount(fx.api, id);
      const before = await fx.makeApi().getAccount(id);
      fx.emulator.clearRequests();
      const international = getByLabel(el, 'International');
      expect(international.getAttribute('aria-checked')).to.equal('true');
      await flip(el, 'International');
      await saveFromKeyboard(el);
      await until(() => el.matches(':state(saved)'), 'saved');
      const patches = fx.requestsTo('PATCH', new RegExp(`^/v2/accounts/${id}$`));
      expect(patches).to.have.length(1);
      expect(dataOf(patches[0]!).call_restriction).to.deep.equal({ international: { action: 'deny' } });
      expect(fx.requestsTo('POST', limitsPost)).to.have.length(0);
      const after = await fx.makeApi().getAccount(id);
      expect(after.callRestrictions).to.deep.equal({ ...before.callRestrictions, international: 'deny' });

      fx.emulator.clearRequests();
      await flip(el, 'Caribbean');
      await type(el, 'Outbound trunks', '3');
      await saveFromKeyboard(el);
      await until(() => el.matches(':state(saved)') && !el.dirty, 'saved again');
      const posts = fx.requestsTo('POST', limitsPost).filter((r) => r.status === 200);
      expect(posts).to.have.length(1);
      expect(dataOf(posts[0]!)).to.not.have.property('call_restriction');
      expect(dataOf(posts[0]!).outbound_trunks).to.equal(3);
      const accountWrites = fx.writes().filter((r) => new RegExp(`^/v2/accounts/${id}$`).test(r.path));
      expect(accountWrites).to.have.length(1);
      expect(dataOf(accountWrites[0]!).call_restriction).to.deep.equal({ caribbean: { action: 'deny' } });
      await expect(el).to.be.accessible();
    });

    for (const shape of ['object', 'array'] as const) {
      it(`lists the server's classes by their own names, usual ones first (${shape} shape)`, async () => {
        await start({ classifierShape: shape });
        const el = await mount(fx.api, id);
        const names = allByRole(el, 'switch').map((s) => accessibleName(s));
        expect(names.slice(0, 7)).to.deep.equal([
          'US TollFree',
          'US Toll',
          'Emergency Dispatcher',
          'Caribbean',
          'US DID',
          'International',
          'Unknown',
        ]);
        expect(names[7]).to.equal('Per-minute calls beyond the trunks');
      });
    }

    it('says so when the server lists no class, and the rest still saves', async () => {
      await start();
      fx.emulator.faults.add({
        path: '/accounts/*/phone_numbers/classifiers',
        method: 'GET',
        status: 200,
        body: { status: 'success', data: {} },
      });
      const el = await mount(fx.api, id);
      expect(textOf(el)).to.contain('The platform lists no kinds of call for this account');
      expect(allByRole(el, 'switch').map((s) => accessibleName(s))).to.deep.equal([
        'Per-minute calls beyond the trunks',
      ]);
      await expect(el).to.be.accessible();
      await type(el, 'Inbound trunks', '4');
      button(el, 'Save').click();
      await until(() => el.matches(':state(saved)'), 'saved');
      expect((await fx.makeApi().getLimits(id)).inboundTrunks).to.equal(4);
    });
  });

  describe('per-minute calls and postpay', () => {
    beforeEach(() => start());

    it('turns per-minute calls off, and they stay off', async () => {
      const api = fx.makeApi();
      await api.updateLimits(id, { allowPerMinute: true });
      const el = await mount(fx.api, id);
      const perMinute = getByLabel(el, 'Per-minute calls beyond the trunks');
      expect(perMinute.getAttribute('aria-checked')).to.equal('true');
      await flip(el, 'Per-minute calls beyond the trunks');
      await saveFromKeyboard(el);
      await until(() => el.matches(':state(saved)'), 'saved');
      expect((await api.getLimits(id)).allowPerMinute).to.equal(false);
      const fresh = await mount(fx.makeApi(), id);
      expect(getByLabel(fresh, 'Per-minute calls beyond the trunks').getAttribute('aria-checked')).to.equal('false');
    });

    it("shows the platform's postpay facts as read-only, with no control for them", async () => {
      const api = fx.makeApi();
      let postpay: { id: string; max: number } | undefined;
      let none: string | undefined;
      const root = fx.emulator.rootAccountId;
      for (const c of fx.emulator.accounts().filter((a) => a.resellerId === root && a.id !== root)) {
        const l = await api.getLimits(c.id);
        if (l.postpay.allowed && l.postpay.maxAmount) postpay ??= { id: c.id, max: l.postpay.maxAmount };
        else none ??= c.id;
      }
      expect(postpay, 'a seeded customer with postpay').to.not.equal(undefined);
      const el = await mount(fx.api, postpay!.id);
      const text = textOf(el);
      const max = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(postpay!.max);
      expect(text).to.contain(`Postpay Allowed, up to ${max} below zero`);
      expect(text).to.contain('Set by the platform; not editable here.');
      expect(() => getByLabel(el, /postpay/i)).to.throw();
      await expect(el).to.be.accessible();
      const other = await mount(fx.api, none!);
      expect(textOf(other)).to.contain('Postpay Not allowed');
    });
  });

  describe('credit', () => {
    beforeEach(() => start());

    async function adjust(el: AccountLimits, action: 'Add credit' | 'Remove credit', amount: string) {
      button(el, action).click();
      await until(() => dialogContent(el), 'the dialog opens');
      await typeInto(getByLabel<HTMLInputElement>(dialog(el), 'Amount (USD)'), amount);
      await typeInto(getByLabel<HTMLInputElement>(dialog(el), 'Reason (optional)'), 'Goodwill');
      await sendKeys({ press: 'Enter' });
      await until(() => queryByRole(dialog(el), 'button', 'Back'), 'the confirmation shows');
    }

    it('adds 12.34 then removes 1.34: the balance moves by exactly 11.00, shown each time', async () => {
      const api = fx.makeApi();
      const before = (await api.getBalance(id)).amount.units;
      const el = await mountLoaded(fx.api, id);
      const events: CustomEvent[] = [];
      el.addEventListener('balance-adjusted', (e) => events.push(e as CustomEvent));
      const name = (await api.getAccount(id)).name;

      await adjust(el, 'Add credit', '12.34');
      expect(textOf(dialog(el))).to.contain(`Add $12.34 to the credit of ${name}?`);
      expect(textOf(dialog(el))).to.contain('Reason: Goodwill');
      // The name and the reason, from other people, each keep their own direction inside the sentence.
      expect(deepQueryAll(dialog(el), 'bdi').map((b) => b.textContent)).to.include.members([name, 'Goodwill']);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await until(() => /Credit added\. The balance is now/.test(textOf(dialog(el))), 'the new balance shows');
      const added = (await api.getBalance(id)).amount;
      expect(added.units - before).to.equal(123_400);
      const shown = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
      expect(textOf(dialog(el))).to.contain(shown.format(added.units / 10_000));
      await expect(el).to.be.accessible();
      button(dialog(el), 'Close').click();
      await until(() => !dialogContent(el), 'the dialog closes');

      await adjust(el, 'Remove credit', '1.34');
      expect(textOf(dialog(el))).to.contain('Remove $1.34 from the credit of');
      button(dialog(el), 'Remove credit').click();
      await until(() => /Credit removed/.test(textOf(dialog(el))), 'the new balance shows');
      const after = (await api.getBalance(id)).amount;
      expect(after.units - before).to.equal(110_000);
      expect(textOf(el)).to.contain(`Current balance ${shown.format(after.units / 10_000)}`);

      const puts = fx.writes().filter((r) => /\/ledgers\/(credit|debit)$/.test(r.path));
      expect(puts.map((r) => [r.path.split('/').pop(), dataOf(r).amount, dataOf(r).description])).to.deep.equal([
        ['credit', 12.34, 'Goodwill'],
        ['debit', 1.34, 'Goodwill'],
      ]);
      expect(events.map((e) => [e.detail.direction, e.detail.amount.units, e.detail.balance.units])).to.deep.equal([
        ['credit', 123_400, added.units],
        ['debit', 13_400, after.units],
      ]);
    });

    it('refuses 0.34 on the field, in words, before sending anything', async () => {
      const el = await mountLoaded(fx.api, id);
      fx.emulator.clearRequests();
      button(el, 'Remove credit').click();
      await until(() => dialogContent(el), 'the dialog opens');
      const amount = getByLabel<HTMLInputElement>(dialog(el), 'Amount (USD)');
      await typeInto(amount, '0.34');
      await sendKeys({ press: 'Enter' });
      await until(() => amount.getAttribute('aria-invalid') === 'true', 'the amount is refused');
      expect(describedText(amount)).to.contain('The amount must be at least $1.00.');
      expect(queryByRole(dialog(el), 'button', 'Back'), 'no confirmation step').to.equal(undefined);
      expect(fx.writes()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it("tells a user who is not the account's reseller why, with no button that would fail", async () => {
      const parent = fx.emulator
        .accounts()
        .find((a) => a.parentId === fx.emulator.rootAccountId && !a.isReseller && a.childCount > 0)!;
      const child = fx.emulator.accounts().find((a) => a.parentId === parent.id && !a.isReseller)!;
      const api = fx.makeApi({ credentials: { ...fx.emulator.loginFor(parent.id) } });
      const el = await mountLoaded(api, child.id);
      expect(textOf(el)).to.contain(
        'Only the reseller of this account or a platform administrator can add or remove credit.',
      );
      expect(queryByRole(el, 'button', 'Add credit')).to.equal(undefined);
      expect(queryByRole(el, 'button', 'Remove credit')).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it("makes the limits of another reseller's customer read-only, saying so", async () => {
      const sub = fx.emulator
        .accounts()
        .find((a) => a.parentId === fx.emulator.rootAccountId && a.isReseller && a.childCount > 0)!;
      const theirs = fx.emulator.accounts().find((a) => a.parentId === sub.id)!;
      const el = await mountLoaded(fx.api, theirs.id);
      expect(el.readOnly).to.equal(true);
      expect(el.matches(':state(read-only)')).to.equal(true);
      expect(textOf(el)).to.contain('You can see this but not change it.');
      expect(getByLabel(el, 'Two-way trunks').hasAttribute('readonly')).to.equal(true);
      expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
      expect(queryByRole(el, 'button', 'Add credit')).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  });

  describe('charges (402)', () => {
    beforeEach(() => start());

    const charges = (fx: EmulatorFixture) =>
      fx.emulator.faults.add({
        path: '/accounts/*/limits',
        method: 'POST',
        status: 402,
        body: {
          status: 'error',
          error: '402',
          message: 'accept charges',
          data: { limits: { outbound_trunks: { quantity: 1, rate: 5 } } },
        },
        times: 1,
      });

    it('shows the charges in words, in the account currency; Accept saves', async () => {
      const api = fx.makeApi({ onChargesRequired: undefined, currency: 'EUR' });
      const el = await mountLoaded(api, id);
      charges(fx);
      await type(el, 'Outbound trunks', '8');
      button(el, 'Save').click();
      await until(() => dialogContent(el), 'the charges question shows');
      const question = textOf(dialog(el));
      expect(question).to.contain('Accept these charges?');
      expect(question).to.contain('Outbound trunks: 1 × €5.00 per month');
      await expect(el).to.be.accessible();
      button(dialog(el), 'Accept and save').click();
      await until(() => el.matches(':state(saved)'), 'saved');
      const posts = fx.requestsTo('POST', limitsPost);
      expect(posts.map((p) => p.status)).to.deep.equal([402, 200]);
      expect((posts[1]!.body as { accept_charges?: boolean }).accept_charges).to.equal(true);
      expect((await fx.makeApi().getLimits(id)).outboundTrunks).to.equal(8);
    });

    it('keeps the draft and saves nothing when the charges are declined', async () => {
      const api = fx.makeApi({ onChargesRequired: undefined });
      const el = await mountLoaded(api, id);
      const before = (await fx.makeApi().getLimits(id)).outboundTrunks;
      charges(fx);
      await type(el, 'Outbound trunks', '8');
      button(el, 'Save').click();
      await until(() => dialogContent(el), 'the charges question shows');
      expect(textOf(dialog(el))).to.contain('Outbound trunks: 1 × $5.00 per month');
      button(dialog(el), 'Cancel').click();
      await until(() => /charges were not accepted/.test(textOf(el)), 'said so');
      expect(el.dirty).to.equal(true);
      expect(getByLabel<HTMLInputElement>(el, 'Outbound trunks').value).to.equal('8');
      expect(fx.requestsTo('POST', limitsPost).map((p) => p.status)).to.deep.equal([402]);
      expect((await fx.makeApi().getLimits(id)).outboundTrunks).to.equal(before);
      await expect(el).to.be.accessible();
    });
  });

  describe('form mode', () => {
    beforeEach(() => start());

    it("offers the parent's classes, fires input and change, and writes nothing", async () => {
      const parent = fx.emulator.rootAccountId;
      fx.emulator.clearRequests();
      const { el, provider } = await mountInProvider<AccountLimits>(
        fx.api,
        html`<account-limits form account-id=${parent}></account-limits>`,
      );
      await until(() => /International/.test(textOf(el)), 'the classes show');
      const heard: string[] = [];
      provider.addEventListener('input', () => heard.push('input'));
      provider.addEventListener('change', () => heard.push('change'));
      expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
      expect(queryByRole(el, 'button', 'Reset')).to.equal(undefined);
      expect(textOf(el)).to.not.contain('Credit balance');
      await expect(el).to.be.accessible();

      await type(el, 'Two-way trunks', '12');
      expect(heard).to.deep.equal(['input', 'change', 'input', 'change']);
      await flip(el, 'International');
      await flip(el, 'Per-minute calls beyond the trunks');
      expect(el.value).to.deep.include({
        twowayTrunks: 12,
        inboundTrunks: null,
        outboundTrunks: null,
        allowPerMinute: false,
      });
      expect(el.value.callRestrictions.international).to.equal('deny');
      expect(el.value.callRestrictions.tollfree_us).to.equal('inherit');
      expect(el.dirty).to.equal(false);

      await type(el, 'Inbound trunks', '-2');
      const inbound = getByLabel<HTMLInputElement>(el, 'Inbound trunks');
      await until(() => inbound.getAttribute('aria-invalid') === 'true', 'the field says what is wrong');
      expect(describedText(inbound)).to.match(/Enter a whole number, 0 or more\./);
      expect(el.value.inboundTrunks).to.equal('-2');
      expect(await el.save()).to.equal(false);
      await expect(el).to.be.accessible();

      expect(fx.writes()).to.deep.equal([]);
      expect(fx.emulator.requests.filter((r) => /\/(limits|ledgers)/.test(r.path))).to.deep.equal([]);
    });

    it('tells a host whether the value can be saved; reportValidity() shows why and focuses the field', async () => {
      const { el } = await mountInProvider<AccountLimits>(
        fx.api,
        html`<account-limits form account-id=${fx.emulator.rootAccountId}></account-limits>`,
      );
      await until(() => /International/.test(textOf(el)), 'the classes show');
      expect(el.checkValidity()).to.equal(true);
      expect(el.reportValidity()).to.equal(true);

      // A host's value is checked as it is, and checkValidity() alone shows nothing.
      el.value = { ...el.value, outboundTrunks: '2.5' };
      await el.updateComplete;
      const outbound = getByLabel<HTMLInputElement>(el, 'Outbound trunks');
      expect(el.checkValidity()).to.equal(false);
      await el.updateComplete;
      expect(outbound.getAttribute('aria-invalid')).to.equal('false');

      expect(el.reportValidity()).to.equal(false);
      await until(() => outbound.getAttribute('aria-invalid') === 'true', 'the field says what is wrong');
      expect(describedText(outbound)).to.match(/Enter a whole number\./);
      await until(() => el.shadowRoot!.activeElement === outbound, 'the field has focus');
      await expect(el).to.be.accessible();

      await type(el, 'Outbound trunks', '3');
      expect(el.checkValidity()).to.equal(true);
      expect(el.value.outboundTrunks).to.equal(3);
      // Not yet loaded, the host's value is still checked.
      const early = document.createElement('account-limits') as AccountLimits;
      early.form = true;
      early.value = { ...el.value, twowayTrunks: '-1' };
      expect(early.checkValidity()).to.equal(false);
      expect(fx.writes()).to.deep.equal([]);
    });

    it('with classes-only, offers the call classes alone', async () => {
      const { el } = await mountInProvider<AccountLimits>(
        fx.api,
        html`<account-limits form classes-only account-id=${fx.emulator.rootAccountId}></account-limits>`,
      );
      await until(() => /International/.test(textOf(el)), 'the classes show');
      expect(queryByRole(el, 'spinbutton')).to.equal(undefined);
      expect(queryByRole(el, 'switch', /Per-minute calls/)).to.equal(undefined);
      expect(queryByRole(el, 'region', 'Calls allowed')).to.not.equal(undefined);
      await flip(el, 'International');
      expect(el.value.callRestrictions.international).to.equal('deny');
      expect(el.checkValidity()).to.equal(true);
      await expect(el).to.be.accessible();
      expect(fx.writes()).to.deep.equal([]);
    });

    it('shows a value set by the host and fires nothing for it', async () => {
      const { el, provider } = await mountInProvider<AccountLimits>(
        fx.api,
        html`<account-limits form account-id=${fx.emulator.rootAccountId}></account-limits>`,
      );
      await until(() => /International/.test(textOf(el)), 'the classes show');
      const heard: string[] = [];
      provider.addEventListener('input', () => heard.push('input'));
      el.value = {
        twowayTrunks: 150,
        inboundTrunks: 2,
        outboundTrunks: null,
        allowPerMinute: true,
        callRestrictions: { caribbean: 'deny' },
      };
      await el.updateComplete;
      expect(getByLabel<HTMLInputElement>(el, 'Two-way trunks').value).to.equal('150');
      expect(getByLabel(el, 'Caribbean').getAttribute('aria-checked')).to.equal('false');
      expect(getByLabel(el, 'International').getAttribute('aria-checked')).to.equal('true');
      expect(heard).to.deep.equal([]);
    });
  });
});

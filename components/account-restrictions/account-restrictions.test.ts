import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { restrictionsAllow } from '../../src/api/restrictions.js';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { getByLabel, getByRole, queryByRole, textOf } from '../../test/queries.js';
import type { AccountRestrictions, RestrictionSet } from './account-restrictions.js';
import './account-restrictions.define.js';

/** A customer whose seeded document holds no restrictions (the first one's hides a few pages already). */
const customer = (fx: EmulatorFixture) => fx.customers()[1]!.id;

/** `aria-checked` of the switch the user reads as `label`. */
const checked = (el: Element, label: string) => getByLabel(el, label).getAttribute('aria-checked');

runDraftWidgetTests({
  tag: 'account-restrictions',
  account: customer,
  ready: /The list of credits and charges on their account/,
  async edit(el) {
    expect(checked(el, 'Transactions'), 'the account starts with Transactions shown').to.equal('true');
    getByLabel<HTMLButtonElement>(el, 'Transactions').click();
    return { field: 'Transactions', paths: ['billing.transactions'] };
  },
  async verify(api, id) {
    expect((await api.getAccount(id)).uiRestrictions['billing.transactions']).to.equal(false);
  },
  write: { method: 'PATCH', path: /^\/v2\/accounts\/[^/]+$/ },
  read: (id) => `/accounts/${id}`,
  savedEvent: 'restrictions-saved',
  async changeElsewhere(api, id) {
    await api.updateAccount(id, { uiRestrictions: { 'trunking.inbound': false } });
    return 'merge';
  },
});

type Saved = CustomEvent<{ accountId: string; restrictions: RestrictionSet; changes: string[] }>;
interface SentAccount {
  data: { ui_restrictions: Record<string, unknown> & { myaccount: Record<string, Record<string, boolean>> } };
}

/** The switches of the Billing section. */
const BILLING = ['Credit card', 'Per minute', 'Credit info', 'Minutes info', 'Service plan', 'Transactions'];
const LEAVES = ['User', 'Account', ...BILLING, 'Inbound', 'Outbound', 'Two-way', 'UI errors log'];

/** The description read after a switch's name. */
function described(control: Element): string {
  const id = control.getAttribute('aria-describedby');
  const node = id ? (control.getRootNode() as ShadowRoot).getElementById(id) : null;
  return node ? textOf(node) : '';
}

/** The focused element, through every shadow root. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<account-restrictions>', () => {
  let fx: EmulatorFixture;
  let id: string;

  beforeEach(async () => {
    fx = await startEmulator();
    id = customer(fx);
  });

  async function mount(api = fx.api): Promise<AccountRestrictions> {
    const { el } = await mountInProvider<AccountRestrictions>(
      api,
      html`<account-restrictions account-id=${id}></account-restrictions>`,
    );
    await until(() => queryByRole(el, 'button', 'Save'), 'the form loads');
    return el;
  }

  const patches = () => fx.emulator.requests.filter((r) => r.method === 'PATCH').map((r) => r.body as SentAccount);

  /** The account document as Crossbar answers it, read without the adapter. */
  const raw = (method: 'GET' | 'PATCH', data?: unknown) =>
    fetch(`${fx.baseUrl}/v2/accounts/${id}`, {
      method,
      headers: { 'X-Auth-Token': fx.emulator.issueToken(), 'Content-Type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify({ data }),
    });

  it('groups the switches by section, names each by its label and says what its page shows', async () => {
    const el = await mount();
    for (const section of ['Settings', 'Billing', 'Trunking', 'Misc', 'Per minute']) getByRole(el, 'group', section);
    for (const label of [...LEAVES, 'Settings', 'Billing', 'Trunking', 'Misc']) {
      const control = getByLabel(el, label);
      expect(control.getAttribute('role'), label).to.equal('switch');
      expect(control.getAttribute('aria-checked'), label).to.equal('true');
      expect(described(control), label).to.not.equal('');
    }
    expect(described(getByLabel(el, 'Transactions'))).to.equal('The list of credits and charges on their account.');
    expect(textOf(el)).to.contain('do not change what their users may do through the API');
    await expect(el).to.be.accessible();
  });

  it('hides Transactions and the whole Trunking group from the keyboard, saves only those, and keeps them', async () => {
    const el = await mount();
    fx.emulator.clearRequests();
    const events: Saved[] = [];
    el.addEventListener('restrictions-saved', (e) => events.push(e as Saved));

    getByLabel(el, 'Transactions').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(el, 'Transactions')).to.equal('false');
    // The next stop after Transactions is the Trunking section's own switch.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(getByLabel(el, 'Trunking'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    for (const label of ['Trunking', 'Inbound', 'Outbound', 'Two-way'])
      expect(checked(el, label), label).to.equal('false');
    const billing = getByLabel(el, 'Billing');
    expect(billing.getAttribute('role')).to.equal('checkbox');
    expect(billing.getAttribute('aria-checked')).to.equal('mixed');
    expect(checked(el, 'Settings')).to.equal('true');
    await expect(el).to.be.accessible();

    const save = getByRole<HTMLButtonElement>(el, 'button', 'Save');
    for (let i = 0; i < 12 && deepActive() !== save; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'Save is reached with Tab').to.equal(save);
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 'restrictions-saved fires');

    const detail = events[0]!.detail;
    expect(detail.accountId).to.equal(id);
    expect(detail.changes).to.have.members([
      'billing.transactions',
      'trunking.inbound',
      'trunking.outbound',
      'trunking.twoway',
    ]);
    expect(detail.restrictions['billing.transactions']).to.equal(false);
    expect(detail.restrictions['billing.creditCard']).to.equal(true);
    const sent = patches();
    expect(sent.length, 'one save').to.equal(1);
    const myaccount = sent[0]!.data.ui_restrictions.myaccount;
    expect(myaccount.transactions!.show_tab).to.equal(false);
    expect(myaccount.inbound!.show_tab).to.equal(false);
    expect(myaccount.outbound!.show_tab).to.equal(false);
    expect(myaccount.twoway!.show_tab).to.equal(false);
    // Nothing was stored before: only the changed paths are written.
    expect(Object.keys(myaccount)).to.have.members(['transactions', 'inbound', 'outbound', 'twoway']);
    expect(textOf(el)).to.match(/Portal restrictions of .+ saved\./);
    await expect(el).to.be.accessible();

    // A fresh element through a fresh adapter reads them back.
    const again = await mount(fx.makeApi());
    expect(checked(again, 'Transactions')).to.equal('false');
    for (const label of ['Trunking', 'Inbound', 'Outbound', 'Two-way'])
      expect(checked(again, label), label).to.equal('false');
    expect(checked(again, 'Billing')).to.equal('mixed');
    expect(checked(again, 'Credit card')).to.equal('true');
    const account = await fx.makeApi().getAccount(id);
    expect(restrictionsAllow(account.uiRestrictions, 'billing.transactions')).to.equal(false);
    expect(restrictionsAllow(account.uiRestrictions, 'billing.servicePlan')).to.equal(true);
  });

  it("hides Per minute's two with it: they say why and wait, and the Billing switch sets all of Billing", async () => {
    const el = await mount();
    getByLabel(el, 'Per minute').click();
    await el.updateComplete;
    const credit = getByLabel<HTMLButtonElement>(el, 'Credit info');
    expect(credit.disabled).to.equal(true);
    expect(described(credit)).to.match(/Hidden while Per minute is off\./);
    expect(getByLabel<HTMLButtonElement>(el, 'Minutes info').disabled).to.equal(true);
    expect(checked(el, 'Billing')).to.equal('mixed');
    await expect(el).to.be.accessible();

    // Pressing a mixed section shows everything in it.
    getByLabel(el, 'Billing').click();
    await el.updateComplete;
    expect(checked(el, 'Billing')).to.equal('true');
    expect(checked(el, 'Per minute')).to.equal('true');
    expect(getByLabel<HTMLButtonElement>(el, 'Credit info').disabled).to.equal(false);
    expect(el.dirty, 'back to what is saved').to.equal(false);

    // Then hides everything in it, Per minute's two included.
    getByLabel(el, 'Billing').click();
    await el.updateComplete;
    for (const label of ['Billing', ...BILLING]) expect(checked(el, label), label).to.equal('false');
    expect(checked(el, 'Settings')).to.equal('true');
    expect(await el.save()).to.equal(true);
    const account = await fx.makeApi().getAccount(id);
    expect(restrictionsAllow(account.uiRestrictions, 'billing.balance.minutes')).to.equal(false);
    expect(restrictionsAllow(account.uiRestrictions, 'settings.user')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reads the older flat layout, writes nothing on opening, and saving one switch converts it', async () => {
    const legacy = await raw('PATCH', {
      ui_restrictions: { transactions: { show_tab: false }, balance: { show_tab: true, show_credit: false } },
    });
    expect(legacy.status).to.equal(200);
    fx.emulator.clearRequests();
    const el = await mount();
    expect(fx.writes(), 'opening writes nothing').to.deep.equal([]);
    expect(checked(el, 'Transactions')).to.equal('false');
    expect(checked(el, 'Credit info')).to.equal('false');
    expect(checked(el, 'Minutes info')).to.equal('true');
    expect(checked(el, 'Billing')).to.equal('mixed');
    await expect(el).to.be.accessible();

    getByLabel(el, 'Outbound').click();
    await el.updateComplete;
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)'), 'saved');

    const sent = patches();
    expect(sent.length, 'one save').to.equal(1);
    const ui = sent[0]!.data.ui_restrictions;
    expect(ui.myaccount).to.deep.equal({
      transactions: { show_tab: false },
      balance: { show_tab: true, show_credit: false },
      outbound: { show_tab: false },
    });
    expect(ui.transactions).to.equal(null);
    expect(ui.balance).to.equal(null);
    const stored = (
      (await (await raw('GET')).json()) as { data: { ui_restrictions: SentAccount['data']['ui_restrictions'] } }
    ).data.ui_restrictions;
    expect(Object.keys(stored), 'only the current layout is left').to.deep.equal(['myaccount']);
    expect(stored.myaccount.transactions!.show_tab).to.equal(false);
    expect(stored.myaccount.outbound!.show_tab).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks French where the provider says so, with the same tree', async () => {
    const provider = await fixture<HTMLElement & { session?: unknown }>(
      html`<account-provider .api=${fx.api} locale="fr-FR"
        ><account-restrictions account-id=${id}></account-restrictions
      ></account-provider>`,
    );
    const el = provider.querySelector('account-restrictions')!;
    await until(() => queryByRole(el, 'button', 'Enregistrer'), 'the French form loads');
    await until(() => /Ce que voient leurs utilisateurs/.test(textOf(el)), 'the French strings load');
    getByRole(el, 'group', 'Facturation');
    getByLabel(el, 'À la minute').click();
    await el.updateComplete;
    expect(described(getByLabel(el, 'Infos de crédit'))).to.match(/Masqué tant que/);
    expect(checked(el, 'Facturation')).to.equal('mixed');
    await expect(el).to.be.accessible();
  });
});

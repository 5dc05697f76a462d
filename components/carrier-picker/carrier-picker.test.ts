import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { getByLabel, getByRole, queryByRole, textOf } from '../../test/queries.js';
import type { CarrierPicker } from './carrier-picker.js';
import './carrier-picker.define.js';

const SYSTEM = 'System-wide carriers';
const OWN = "This account's own carriers";
const ACME = 'Carriers of Acme Telecom';
const NONE_WARNING = 'This account has no carriers of its own: its calls to the outside will fail until one is added.';

const radio = (el: Element, name: string | RegExp) => getByLabel<HTMLInputElement>(el, name);
const checked = (el: Element) =>
  ['System-wide carriers', ACME, "Your reseller's carriers", OWN]
    .map((name) => queryByRole<HTMLInputElement>(el, 'radio', name))
    .filter((r) => r?.checked)
    .map((r) => r!.value);

/** Writes a `no_match` callflow straight to the emulator, as another tool would. */
async function storeNoMatch(fx: EmulatorFixture, accountId: string, flow: Record<string, unknown>) {
  const res = await fetch(`${fx.baseUrl}/v2/accounts/${accountId}/callflows`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': fx.emulator.issueToken(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { numbers: ['no_match'], flow: { children: {}, data: {}, ...flow } } }),
  });
  expect(res.status).to.equal(201);
}

async function mount(fx: EmulatorFixture, accountId: string, api = fx.api): Promise<CarrierPicker> {
  const { el } = await mountInProvider<CarrierPicker>(
    api,
    html`<carrier-picker account-id=${accountId}></carrier-picker>`,
  );
  await until(() => queryByRole(el, 'radio', SYSTEM), 'the choices show');
  await el.updateComplete;
  return el;
}

const newCustomer = (fx: EmulatorFixture, name: string) =>
  fx.makeApi().createAccount(fx.emulator.rootAccountId, { name });

let picked: 'account' | 'system' = 'account';

runDraftWidgetTests({
  tag: 'carrier-picker',
  // Its customer has saved the system-wide carriers, so a save is one POST of that callflow.
  prepare: (fx) => fx.api.setCarrierStrategy(fx.customer().id, 'system'),
  account: (fx) => fx.customer().id,
  ready: /System-wide carriers/,
  async edit(el) {
    await until(() => queryByRole(el, 'radio', OWN), 'the choices show');
    picked = radio(el, OWN).checked ? 'system' : 'account';
    (picked === 'account' ? getByLabel(el, OWN) : getByLabel(el, SYSTEM)).click();
    return { field: picked === 'account' ? OWN : SYSTEM, paths: ['strategy'] };
  },
  async verify(api, id) {
    expect((await api.getCarrierStrategy(id)).strategy).to.equal(picked);
  },
  write: { method: 'POST', path: /^\/v2\/accounts\/[^/]+\/callflows\/[^/]+$/ },
  read: (id) => `/accounts/${id}/callflows`,
  savedEvent: 'carrier-saved',
  async changeElsewhere(api, id) {
    // Neither the saved choice (system) nor the edit: both values are shown.
    await api.setCarrierStrategy(id, 'reseller');
    return 'clash';
  },
});

describe('<carrier-picker>', () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await startEmulator();
  });

  it("switches to the reseller's carriers from the keyboard, creates the callflow once (PUT), and keeps it", async () => {
    const account = await newCustomer(fx, 'Keyboard Carriers');
    const el = await mount(fx, account.id);
    expect(textOf(el)).to.contain('Nothing is saved for this account yet');
    expect(checked(el)).to.deep.equal(['system']);
    const group = getByRole(el, 'radiogroup', 'Carriers');
    expect(group.getAttribute('aria-describedby')).to.contain('cp-intro');
    await expect(el).to.be.accessible();

    const events: CustomEvent[] = [];
    el.addEventListener('carrier-saved', (e) => events.push(e as CustomEvent));
    radio(el, SYSTEM).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['account']);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['reseller']);
    expect(el.dirty).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, ACME));
    await expect(el).to.be.accessible();

    fx.emulator.clearRequests();
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => events.length === 1, 'carrier-saved fires');
    expect(events[0]!.detail).to.deep.equal({ accountId: account.id, strategy: 'reseller', changes: ['strategy'] });
    expect(fx.writes().map((r) => `${r.method} ${r.path}`)).to.deep.equal([`PUT /v2/accounts/${account.id}/callflows`]);
    expect(textOf(el)).to.contain('Carriers of Keyboard Carriers saved.');
    expect(textOf(el)).to.not.contain('Nothing is saved');

    const fresh = await mount(fx, account.id, fx.makeApi());
    expect(checked(fresh)).to.deep.equal(['reseller']);
    expect(fresh.dirty).to.equal(false);
    const saved = await fx.makeApi().getCarrierStrategy(account.id);
    expect(saved).to.include({ strategy: 'reseller', source: 'saved', huntAccountId: fx.emulator.rootAccountId });
  });

  it('updates an existing callflow (POST, no PUT) and warns when the account has no carriers of its own', async () => {
    const account = await newCustomer(fx, 'Own Carriers Missing');
    await fx.makeApi().setCarrierStrategy(account.id, 'system');
    const el = await mount(fx, account.id);
    expect(textOf(el)).to.not.contain('Nothing is saved');
    expect(el.matches(':state(no-own-carriers)')).to.equal(true);
    const warning = el.shadowRoot!.getElementById(
      radio(el, OWN)
        .getAttribute('aria-describedby')!
        .split(' ')
        .find((id) => id.endsWith('warning'))!,
    )!;
    expect(textOf(warning)).to.equal(NONE_WARNING);

    fx.emulator.clearRequests();
    getByLabel(el, OWN).closest('.option')!.querySelector('label')!.click();
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['account']);
    await expect(el).to.be.accessible();
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)'), 'saved');
    const sent = fx.writes();
    expect(sent).to.have.length(1);
    expect(sent[0]!.method).to.equal('POST');
    expect(sent[0]!.path).to.match(new RegExp(`^/v2/accounts/${account.id}/callflows/[0-9a-f]{32}$`));
    expect((await fx.makeApi().getCarrierStrategy(account.id)).strategy).to.equal('account');
    expect(textOf(el)).to.contain(NONE_WARNING);
  });

  it('says how many carriers of its own an account has', async () => {
    const owner = fx.emulator.accounts().find((a) => a.depth >= 1 && !a.isReseller && a.ownCarriers > 0)!;
    const el = await mount(fx, owner.id);
    const expected =
      owner.ownCarriers === 1 ? 'It has 1 carrier of its own.' : `It has ${owner.ownCarriers} carriers of its own.`;
    const described = radio(el, OWN)
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => textOf(el.shadowRoot!.getElementById(id)!));
    expect(described).to.include(expected);
    expect(textOf(el)).to.not.contain(NONE_WARNING);
    expect(el.matches(':state(no-own-carriers)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a setup it does not manage in words, selects nothing, and replaces it only on an explicit choice', async () => {
    const neighbour = fx.emulator.accounts().find((a) => a.depth === 1 && !a.isReseller)!;
    const cases = [
      {
        flow: { module: 'resources', data: { hunt_account_id: fx.emulator.foreignAccountId } },
        says: 'its calls to the outside go through the carriers of another account, which you may not see.',
      },
      {
        flow: { module: 'resources', data: { hunt_account_id: neighbour.id } },
        says: `its calls to the outside go through the carriers of ${neighbour.name}.`,
      },
      { flow: { module: 'ring_group', data: { endpoints: [] } }, says: 'handled by a call flow set up elsewhere.' },
    ];
    for (const [i, c] of cases.entries()) {
      const account = await newCustomer(fx, `Unmanaged Carriers ${i}`);
      await storeNoMatch(fx, account.id, c.flow);
      fx.emulator.clearRequests();
      const el = await mount(fx, account.id);
      await until(() => textOf(el).includes(c.says), 'the setup is told');
      expect(textOf(el)).to.contain('This account uses a carrier setup this page does not manage:');
      expect(checked(el), 'nothing pre-selected').to.deep.equal([]);
      expect(el.matches(':state(unsupported)')).to.equal(true);
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Save').disabled).to.equal(true);
      expect(await el.save()).to.equal(true);
      expect(fx.writes(), 'nothing changed silently').to.deep.equal([]);
      if (i === 0) await expect(el).to.be.accessible();
      if (i === 1) {
        const name = [...el.shadowRoot!.querySelectorAll('[part~=note] bdi')].map((b) => b.textContent);
        expect(name).to.deep.equal([neighbour.name]);
        expect(el.shadowRoot!.querySelector('[part~=note] bdi')!.getAttribute('dir')).to.equal('auto');
      }
      if (i === 2) {
        getByLabel(el, SYSTEM).click();
        await el.updateComplete;
        getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
        await until(() => el.matches(':state(saved)'), 'saved');
        expect(fx.writes().map((r) => r.method)).to.deep.equal(['POST']);
        expect(await fx.makeApi().getCarrierStrategy(account.id)).to.include({ strategy: 'system', source: 'saved' });
        expect(el.matches(':state(unsupported)')).to.equal(false);
      }
    }
  });

  it('opening writes nothing: no seeded account gets a callflow on view', async () => {
    const api = fx.makeApi();
    const accounts = fx.emulator
      .accounts()
      .filter((a) => a.depth >= 1)
      .slice(0, 12);
    const before = await Promise.all(accounts.map((a) => api.getCarrierStrategy(a.id)));
    expect(
      before.some((s) => s.source === 'default'),
      'some have nothing saved',
    ).to.equal(true);
    fx.emulator.clearRequests();
    for (const a of accounts) {
      const el = await mount(fx, a.id);
      el.remove();
    }
    expect(fx.emulator.requests.length).to.be.greaterThan(0);
    expect(fx.writes()).to.deep.equal([]);
    const after = await Promise.all(accounts.map((a) => api.getCarrierStrategy(a.id)));
    expect(after).to.deep.equal(before);
  });

  it('names the reseller in dir=auto, or says "your reseller\'s carriers" when its name may not be read', async () => {
    const customer = fx.emulator.accounts().find((a) => a.depth === 1 && !a.isReseller)!;
    const el = await mount(fx, customer.id);
    const bdi = getByLabel(el, ACME).labels![0]!.querySelector('bdi')!;
    expect(bdi.textContent).to.equal('Acme Telecom');
    expect(bdi.getAttribute('dir')).to.equal('auto');
    // The root reseller's own reseller is the platform's master account, which its admin may not read.
    const root = await mount(fx, fx.emulator.rootAccountId);
    await until(() => queryByRole(root, 'radio', "Your reseller's carriers"), 'the unnamed label');
  });

  it('form mode: offers the new account its reseller, fires input and change, and writes nothing', async () => {
    fx.emulator.clearRequests();
    const { provider, el } = await mountInProvider<CarrierPicker>(
      fx.api,
      html`<carrier-picker form account-id=${fx.emulator.rootAccountId}></carrier-picker>`,
    );
    await until(() => queryByRole(el, 'radio', ACME), 'the choices show');
    expect(el.value).to.equal('system');
    expect(checked(el)).to.deep.equal(['system']);
    expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Reset')).to.equal(undefined);
    expect(textOf(el)).to.contain(
      'A new account has no carriers of its own: its calls to the outside will fail until one is added.',
    );
    await expect(el).to.be.accessible();

    const seen: string[] = [];
    for (const type of ['input', 'change']) {
      provider.addEventListener(type, (e) => {
        expect(e.bubbles && e.composed, `${type} bubbles out of the element`).to.equal(true);
        seen.push(`${type}:${(e.target as CarrierPicker).value}`);
      });
    }
    getByLabel(el, OWN).click();
    await el.updateComplete;
    expect(el.value).to.equal('account');
    expect(seen).to.deep.equal(['input:account', 'change:account']);
    radio(el, OWN).focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.value).to.equal('reseller');
    expect(seen.slice(2)).to.deep.equal(['input:reseller', 'change:reseller']);
    expect(el.dirty).to.equal(false);
    expect(checked(el)).to.deep.equal(['reseller']);

    el.value = 'account';
    await el.updateComplete;
    expect(checked(el), 'the host sets the value').to.deep.equal(['account']);
    expect(seen, 'nothing fires for a programmatic change').to.have.length(4);
    expect(fx.writes()).to.deep.equal([]);
    expect(fx.emulator.requests.some((r) => r.path.includes('/callflows'))).to.equal(false);
    await expect(el).to.be.accessible();
  });
});

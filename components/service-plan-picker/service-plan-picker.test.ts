import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ServicePlan } from '../../src/api/model.js';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  accessibleName,
  allByRole,
  clickButton,
  dialogContent,
  getByLabel,
  getByRole,
  isHiddenDeep,
  queryByRole,
  textOf,
  transitionsDone,
} from '../../test/queries.js';
import type { ServicePlanPicker } from './service-plan-picker.js';
import './service-plan-picker.define.js';

/** A customer of the root reseller (which offers plans). */
const customer = (fx: EmulatorFixture) => fx.customer().id;

/** A customer of a sub-reseller, which offers no plans. */
const planless = (fx: EmulatorFixture) =>
  fx.emulator
    .accounts()
    .find((a) => a.enabled && !a.isReseller && a.resellerId && a.resellerId !== fx.emulator.rootAccountId)!.id;

const boxes = (el: Element) => allByRole<HTMLInputElement>(el, 'checkbox').filter((b) => !isHiddenDeep(b));
/** The names of the checked plans, in the order shown. */
const checked = (el: Element) =>
  boxes(el)
    .filter((b) => b.checked)
    .map(accessibleName);
/** The named groups (categories) shown. */
const groups = (el: Element) => allByRole(el, 'group').map(accessibleName).filter(Boolean);
const box = (el: Element, name: string) => getByLabel<HTMLInputElement>(el, name);
const names = (plans: ServicePlan[]) => plans.map((p) => p.name);
const posts = (fx: EmulatorFixture) =>
  fx.emulator.requests.filter((r) => r.method === 'POST' && /\/services\/?$/.test(r.path));

async function mount(fx: EmulatorFixture, accountId?: string, api = fx.api) {
  const { el, provider } = await mountInProvider<ServicePlanPicker>(
    api,
    accountId
      ? html`<service-plan-picker account-id=${accountId}></service-plan-picker>`
      : html`<service-plan-picker></service-plan-picker>`,
  );
  await until(() => boxes(el).length || queryByRole(el, 'note') || queryByRole(el, 'button', 'Retry'), 'loads');
  return { el, provider };
}

async function save(el: ServicePlanPicker): Promise<void> {
  await el.updateComplete;
  clickButton(el, 'Save');
  await el.updateComplete;
}

/** The plan the suite's edit unchecked (its name), for `verify`. */
let edited = '';

runDraftWidgetTests({
  tag: 'service-plan-picker',
  /**
   * Its customer has one plan, so the suite's edit (unchecking it) has no charges to accept (every plan the
   * emulator adds has some, and their 402 would be a second request).
   */
  async prepare(fx) {
    const [plan] = await fx.api.listServicePlans(fx.emulator.rootAccountId);
    await fx.api.setAccountServicePlans(fx.customer().id, [plan!.id]);
  },
  account: customer,
  ready: /Service plans/,
  async edit(el) {
    const on = boxes(el).find((b) => b.checked)!;
    edited = accessibleName(on);
    on.click();
    return { field: edited, paths: ['planIds'] };
  },
  async verify(api, id) {
    expect(names(await api.getAccountServicePlans(id))).to.not.include(edited);
  },
  write: { method: 'POST', path: /^\/v2\/accounts\/[^/]+\/services$/ },
  read: (id) => `/accounts/${id}/services`,
  savedEvent: 'service-plans-saved',
  async changeElsewhere(api, id) {
    // The unchecked plan and another: both choices differ.
    const plans = await api.listServicePlans((await api.getAccount(id)).resellerId!);
    await api.setAccountServicePlans(
      id,
      plans.slice(0, 2).map((p) => p.id),
    );
    return 'clash';
  },
});

describe('<service-plan-picker>', () => {
  let fx: EmulatorFixture;
  let offered: ServicePlan[];
  let leaf: string;

  beforeEach(async () => {
    fx = await startEmulator();
    offered = await fx.api.listServicePlans(fx.emulator.rootAccountId);
    leaf = customer(fx);
  });

  afterEach(() => fx.emulator.faults.clear());

  it('shows the reseller’s plans by category, with the account’s checked', async () => {
    const mine = names(await fx.api.getAccountServicePlans(leaf)).sort();
    const { el } = await mount(fx, leaf);
    expect(groups(el)).to.deep.equal([...new Set(offered.map((p) => p.category!))].sort());
    expect(boxes(el)).to.have.length(offered.length);
    expect(checked(el).sort()).to.deep.equal(mine);
    const plan = offered[0]!;
    const input = box(el, plan.name);
    const description = (input.getRootNode() as ShadowRoot).getElementById(input.getAttribute('aria-describedby')!)!;
    expect(textOf(description)).to.equal(plan.description);
    expect(getByRole(el, 'heading', 'Service plans')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('adds and removes plans as a draft, then saves: one write, service-plans-saved', async () => {
    const [first, second] = offered;
    await fx.api.setAccountServicePlans(leaf, [first!.id]);
    const { el } = await mount(fx, leaf);
    fx.emulator.clearRequests();
    expect(checked(el)).to.deep.equal([first!.name]);
    box(el, first!.name).click();
    box(el, second!.name).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.dirty).to.equal(true);
    expect(textOf(el)).to.contain('Unsaved changes');
    expect(textOf(el)).to.contain('1 plan chosen');
    expect(posts(fx)).to.have.length(0);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'service-plans-saved');
    await save(el);
    const { detail } = await saved;
    expect(detail.accountId).to.equal(leaf);
    expect(detail.added).to.deep.equal([second!.id]);
    expect(detail.removed).to.deep.equal([first!.id]);
    expect(names(detail.plans)).to.deep.equal([second!.name]);
    // One write; Kazoo may answer 402 first, and the adapter replays it with the charges accepted.
    const write = posts(fx);
    expect(write.filter((r) => r.status === 200)).to.have.length(1);
    expect((write[write.length - 1]!.body as { data: unknown }).data).to.deep.equal({
      add: [second!.id],
      delete: [first!.id],
    });
    expect(names(await fx.api.getAccountServicePlans(leaf))).to.deep.equal([second!.name]);
    await until(() => !el.dirty && textOf(el).includes('Saved'), 'Saved');
    expect(textOf(el)).to.contain('Service plans saved.');
  });

  it('keeps the choice when charges are declined, and says why', async () => {
    await fx.api.setAccountServicePlans(leaf, []);
    const api = fx.makeApi({ onChargesRequired: () => false });
    const { el } = await mount(fx, leaf, api);
    const charged = offered.find((p) => p.name.includes('Standard Seat'))!;
    box(el, charged.name).click();
    await save(el);
    // The host's own question was answered no: the element does not ask the same question again.
    await until(() => textOf(el).includes('These plans have charges that were not accepted'), 'the reason in words');
    expect(textOf(el)).to.contain('Your choice is kept.');
    expect(box(el, charged.name).checked).to.equal(true);
    expect(el.dirty).to.equal(true);
    expect(dialogContent(el)).to.equal(undefined);
    expect(await fx.api.getAccountServicePlans(leaf)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('asks about the charges in words when the adapter leaves them to it, and saves once accepted', async () => {
    await fx.api.setAccountServicePlans(leaf, []);
    const api = fx.makeApi({ onChargesRequired: undefined });
    const { el } = await mount(fx, leaf, api);
    const charged = offered.find((p) => p.name.includes('Standard Seat'))!;
    box(el, charged.name).click();
    const saved = oneEvent(el, 'service-plans-saved');
    await save(el);
    await until(() => dialogContent(el), 'the charges are asked about');
    const dialog = dialogContent(el)!;
    expect(getByRole(dialog, 'heading', 'Accept these charges?')).to.exist;
    expect(textOf(dialog)).to.match(/Users: 1 × \$19\.99 per month/);
    await expect(el).to.be.accessible();
    clickButton(dialog, 'Accept and save');
    expect((await saved).detail.added).to.deep.equal([charged.id]);
    expect(names(await fx.api.getAccountServicePlans(leaf))).to.deep.equal([charged.name]);
  });

  it('keeps the draft when the save fails, and saves on the next try', async () => {
    await fx.api.setAccountServicePlans(leaf, []);
    const { el } = await mount(fx, leaf);
    const plan = offered[2]!;
    box(el, plan.name).click();
    await el.updateComplete;
    fx.emulator.faults.add({ path: '/accounts/*/services', method: 'POST', status: 500, times: 1 });
    await save(el);
    await until(() => textOf(el).includes('The server ran into a problem.'), 'the failure in words');
    expect(textOf(el)).to.contain('Could not save. Your changes are kept.');
    expect(box(el, plan.name).checked).to.equal(true);
    const saved = oneEvent(el, 'service-plans-saved');
    await save(el);
    expect((await saved).detail.added).to.deep.equal([plan.id]);
  });

  it('shows both choices when another widget saved different plans meanwhile', async () => {
    await fx.api.setAccountServicePlans(leaf, []);
    const { provider } = await mountInProvider<ServicePlanPicker>(
      fx.api,
      html`<service-plan-picker account-id=${leaf}></service-plan-picker
        ><service-plan-picker account-id=${leaf}></service-plan-picker>`,
    );
    const [a, b] = [...provider.querySelectorAll('service-plan-picker')];
    await until(() => boxes(a!).length && boxes(b!).length, 'both load');
    box(a!, offered[0]!.name).click();
    box(b!, offered[1]!.name).click();
    await b!.updateComplete;
    await save(b!);
    await until(() => queryByRole(a!, 'alert', /changed this while you were editing/), 'A shows the clash');
    const region = textOf(getByRole(a!, 'alert', /changed this while you were editing/));
    expect(region).to.contain('Chosen plans');
    expect(region).to.contain(`Their value: ${offered[1]!.name}`);
    expect(region).to.contain(`Your value: ${offered[0]!.name}`);
    expect(a!.matches(':state(conflict)')).to.equal(true);
    await expect(a!).to.be.accessible();
  });

  it('is hidden, saying why, when the reseller offers no plan', async () => {
    const { el } = await mount(fx, planless(fx));
    expect(textOf(getByRole(el, 'note'))).to.equal(
      'No service plans to choose from: the reseller of this account offers none.',
    );
    expect(boxes(el)).to.have.length(0);
    expect(el.matches(':state(unavailable)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is hidden, saying why, when the user may not see the reseller’s plans', async () => {
    const { el } = await mount(fx);
    expect(textOf(getByRole(el, 'note'))).to.contain("you don't have permission to see the plans");
    expect(boxes(el)).to.have.length(0);
    expect(el.matches(':state(unavailable)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while slow, the failure in words with Retry', async () => {
    fx.emulator.faults.add({
      path: `/accounts/${leaf}/services`,
      method: 'GET',
      latencyMs: 1200,
      status: 500,
      times: 1,
    });
    const { el } = await mountInProvider<ServicePlanPicker>(
      fx.api,
      html`<service-plan-picker account-id=${leaf}></service-plan-picker>`,
    );
    await until(() => allByRole(el, 'status').some((s) => textOf(s) === 'Loading…'), 'the skeleton');
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
    await until(() => queryByRole(el, 'button', 'Retry'), 'the error');
    expect(textOf(el)).to.contain('The server ran into a problem.');
    clickButton(el, 'Retry');
    await until(() => boxes(el).length, 'the plans after Retry');
  });

  it('works as a form value with a reseller and no account: value, name, input and change, reset', async () => {
    const root = fx.emulator.rootAccountId;
    const [a, b] = offered;
    const { provider } = await mountInProvider<HTMLFormElement>(
      fx.api,
      html`<form>
        <service-plan-picker reseller-id=${root} name="plans" value=${a!.id}></service-plan-picker>
      </form>`,
    );
    const form = provider.querySelector('form')!;
    const el = form.querySelector('service-plan-picker')!;
    await until(() => boxes(el).length, 'the plans load');
    expect(el.mode).to.equal('value');
    expect(el.form).to.equal(form);
    expect(checked(el)).to.deep.equal([a!.name]);
    expect(new FormData(form).getAll('plans')).to.deep.equal([a!.id]);
    expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Reset')).to.equal(undefined);
    await expect(el).to.be.accessible();
    const events: string[] = [];
    form.addEventListener('input', () => events.push('input'));
    form.addEventListener('change', () => events.push('change'));
    fx.emulator.clearRequests();
    box(el, b!.name).click();
    await el.updateComplete;
    expect(events).to.deep.equal(['input', 'change']);
    expect(el.value).to.deep.equal([a!.id, b!.id].sort());
    expect(el.dirty).to.equal(false);
    expect(new FormData(form).getAll('plans').sort()).to.deep.equal([a!.id, b!.id].sort());
    expect(checked(el).sort()).to.deep.equal([a!.name, b!.name].sort());
    expect(fx.emulator.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    el.value = [];
    await el.updateComplete;
    expect(events).to.have.length(2);
    expect(checked(el)).to.deep.equal([]);
    expect(new FormData(form).getAll('plans')).to.deep.equal([]);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([a!.id]);
    expect(checked(el)).to.deep.equal([a!.name]);
    expect(await el.save()).to.equal(false);
  });

  it('keeps an unknown plan id from the host, shown and marked invalid, and warns once', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const root = fx.emulator.rootAccountId;
      const { provider } = await mountInProvider<HTMLFormElement>(
        fx.api,
        html`<form><service-plan-picker reseller-id=${root} name="plans"></service-plan-picker></form>`,
      );
      const el = provider.querySelector('service-plan-picker')!;
      await until(() => boxes(el).length, 'the plans load');
      el.value = ['no-such-plan'];
      await el.updateComplete;
      expect(groups(el)).to.include('No longer offered');
      expect(box(el, 'Unknown plan no-such-plan').checked).to.equal(true);
      expect(provider.querySelector('form')!.checkValidity()).to.equal(false);
      (el as unknown as { value: unknown }).value = 42;
      await el.updateComplete;
      (el as unknown as { value: unknown }).value = { nope: true };
      await el.updateComplete;
      expect(warnings.filter((w) => String(w).includes('value must be an array'))).to.have.length(1);
      expect((el as unknown as { value: unknown }).value).to.deep.equal({ nope: true });
    } finally {
      console.warn = warn;
    }
  });

  it('speaks French, and is accessible in the dark theme', async () => {
    const { el, provider } = await mount(fx, leaf);
    provider.locale = 'fr-FR';
    await until(() => queryByRole(el, 'heading', 'Offres de service'), 'its French strings load');
    await until(() => queryByRole(el, 'button', 'Enregistrer'), 'the shared French strings load');
    provider.theme = 'dark';
    await provider.updateComplete;
    await transitionsDone(el);
    await expect(el).to.be.accessible();
  });
});

import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountSummary, ServicePlan } from '../../src/api/model.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import type { ServicePlanPicker } from './service-plan-picker.js';
import './service-plan-picker.define.js';

const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
const text = (el: Element) => sr(el).textContent!.replace(/\s+/g, ' ');
const box = (el: Element, planId: string) => $<HTMLInputElement>(el, `[data-plan="${planId}"] input`)!;
const checked = (el: Element) =>
  $$<HTMLInputElement>(el, '[part=plan] input:checked').map(
    (i) => i.closest<HTMLElement>('[data-plan]')!.dataset.plan!,
  );
const posts = (fx: EmulatorFixture) =>
  fx.emulator.requests.filter((r) => r.method === 'POST' && /\/services\/?$/.test(r.path));

interface Setup {
  offered: ServicePlan[];
  /** Customers directly under the root reseller (no sub-accounts). */
  leaves: AccountSummary[];
  /** A customer of the sub-reseller, which offers no plans. */
  planless: AccountSummary;
}

async function setup(fx: EmulatorFixture): Promise<Setup> {
  const root = fx.emulator.rootAccountId;
  const offered = await fx.api.listServicePlans(root);
  const children = (await fx.api.listChildren(root, { pageSize: 100 })).items;
  const leaves = children.filter((a) => !a.descendantsCount);
  let planless: AccountSummary | undefined;
  for (const c of children.filter((a) => a.descendantsCount)) {
    const doc = await fx.api.getAccount(c.id);
    if (!doc.isReseller) continue;
    planless = (await fx.api.listChildren(c.id, { pageSize: 5 })).items[0];
    if (planless) break;
  }
  return { offered, leaves, planless: planless! };
}

async function mount(fx: EmulatorFixture, accountId?: string, api = fx.api) {
  const { el, provider } = await mountInProvider<ServicePlanPicker>(
    api,
    accountId
      ? html`<service-plan-picker account-id=${accountId}></service-plan-picker>`
      : html`<service-plan-picker></service-plan-picker>`,
  );
  await until(() => $(el, '[part=plan]') || $(el, '[part=note]') || $(el, '[part=error]'), 'the picker loads');
  return { el, provider };
}

describe('<service-plan-picker>', () => {
  let fx: EmulatorFixture;
  let s: Setup;

  beforeEach(async () => {
    fx = await startEmulator();
    s = await setup(fx);
  });

  afterEach(() => fx.emulator.faults.clear());

  it('shows the reseller’s plans by category, with the account’s checked', async () => {
    const leaf = s.leaves[0]!;
    const mine = (await fx.api.getAccountServicePlans(leaf.id)).map((p) => p.id).sort();
    const { el } = await mount(fx, leaf.id);
    const legends = $$(el, '[part=group] legend').map((l) => l.textContent);
    expect(legends).to.deep.equal([...new Set(s.offered.map((p) => p.category!))].sort());
    expect($$(el, '[part=plan]')).to.have.length(s.offered.length);
    expect(checked(el).sort()).to.deep.equal(mine);
    const plan = s.offered[0]!;
    const row = $(el, `[data-plan="${plan.id}"]`)!;
    expect(row.textContent).to.contain(plan.name);
    expect(row.textContent).to.contain(plan.description!);
    expect(box(el, plan.id).getAttribute('aria-describedby')).to.equal(`plan-${plan.id}-desc`);
    await expect(el).to.be.accessible();
  });

  it('adds and removes plans as a draft, then saves: one write, service-plans-saved', async () => {
    const leaf = s.leaves[0]!;
    const first = s.offered[0]!.id;
    const second = s.offered[1]!.id;
    await fx.api.setAccountServicePlans(leaf.id, [first]);
    const { el } = await mount(fx, leaf.id);
    fx.emulator.clearRequests();
    expect(checked(el)).to.deep.equal([first]);
    box(el, first).click();
    box(el, second).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.dirty).to.equal(true);
    expect($(el, '[part=actions]')!.textContent).to.contain('Unsaved changes');
    expect(posts(fx)).to.have.length(0);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'service-plans-saved');
    $$<HTMLButtonElement>(el, '[part=actions] button')
      .find((b) => b.textContent!.trim() === 'Save')!
      .click();
    const { detail } = await saved;
    expect(detail.accountId).to.equal(leaf.id);
    expect(detail.added).to.deep.equal([second]);
    expect(detail.removed).to.deep.equal([first]);
    // One write; Kazoo may answer 402 first, and the adapter replays it with the charges accepted.
    const write = posts(fx);
    expect(write.filter((r) => r.status === 200)).to.have.length(1);
    expect((write[write.length - 1]!.body as { data: unknown }).data).to.deep.equal({ add: [second], delete: [first] });
    expect((await fx.api.getAccountServicePlans(leaf.id)).map((p) => p.id)).to.deep.equal([second]);
    await until(() => !el.dirty && $(el, '[part=actions]')!.textContent!.includes('Saved'), 'Saved');
  });

  it('keeps the choice when charges are declined, and says why', async () => {
    const leaf = s.leaves[0]!;
    await fx.api.setAccountServicePlans(leaf.id, []);
    const api = fx.makeApi({ onChargesRequired: () => false });
    const { el } = await mount(fx, leaf.id, api);
    const charged = s.offered.find((p) => p.name.includes('Standard Seat'))!;
    box(el, charged.id).click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '[part=actions] button')
      .find((b) => b.textContent!.trim() === 'Save')!
      .click();
    await until(() => text(el).includes('charges that were not accepted'), 'the reason in words');
    expect(text(el)).to.contain('Could not save. Your changes are kept.');
    expect(box(el, charged.id).checked).to.equal(true);
    expect(el.dirty).to.equal(true);
    expect(await fx.api.getAccountServicePlans(leaf.id)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft when the save fails, and saves on the next try', async () => {
    const leaf = s.leaves[0]!;
    await fx.api.setAccountServicePlans(leaf.id, []);
    const { el } = await mount(fx, leaf.id);
    const plan = s.offered[2]!;
    box(el, plan.id).click();
    await el.updateComplete;
    fx.emulator.faults.add({ path: '/accounts/*/services', method: 'POST', status: 500, times: 1 });
    const save = () =>
      $$<HTMLButtonElement>(el, '[part=actions] button')
        .find((b) => b.textContent!.trim() === 'Save')!
        .click();
    save();
    await until(() => text(el).includes('The server ran into a problem.'), 'the failure in words');
    expect(box(el, plan.id).checked).to.equal(true);
    const saved = oneEvent(el, 'service-plans-saved');
    save();
    expect((await saved).detail.added).to.deep.equal([plan.id]);
  });

  it('shows both choices when another widget saved different plans meanwhile', async () => {
    const leaf = s.leaves[0]!;
    await fx.api.setAccountServicePlans(leaf.id, []);
    const { provider } = await mountInProvider<ServicePlanPicker>(
      fx.api,
      html`<service-plan-picker account-id=${leaf.id}></service-plan-picker
        ><service-plan-picker account-id=${leaf.id}></service-plan-picker>`,
    );
    const [a, b] = [...provider.querySelectorAll('service-plan-picker')];
    await until(() => $(a!, '[part=plan]') && $(b!, '[part=plan]'), 'both load');
    box(a!, s.offered[0]!.id).click();
    box(b!, s.offered[1]!.id).click();
    await (b as ServicePlanPicker).updateComplete;
    $$<HTMLButtonElement>(b!, '[part=actions] button')
      .find((x) => x.textContent!.trim() === 'Save')!
      .click();
    await until(() => $(a!, '[part=conflicts]'), 'A shows the clash');
    expect($(a!, '[part=conflicts]')!.textContent).to.contain(`Their value: ${s.offered[1]!.name}`);
    expect($(a!, '[part=conflicts]')!.textContent).to.contain(`Your value: ${s.offered[0]!.name}`);
    await expect(a!).to.be.accessible();
  });

  it('is hidden, saying why, when the reseller offers no plan', async () => {
    const { el } = await mount(fx, s.planless.id);
    expect($(el, '[part=note]')!.textContent).to.contain('the reseller of this account offers none');
    expect($(el, '[part=plan]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is hidden, saying why, when the user may not see the reseller’s plans', async () => {
    const { el } = await mount(fx);
    expect($(el, '[part=note]')!.textContent).to.contain("you don't have permission to see the plans");
    expect($(el, '[part=plan]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while slow, the failure in words with Retry', async () => {
    const leaf = s.leaves[0]!;
    fx.emulator.faults.add({
      path: `/accounts/${leaf.id}/services`,
      method: 'GET',
      latencyMs: 1200,
      status: 500,
      times: 1,
    });
    const { el } = await mountInProvider<ServicePlanPicker>(
      fx.api,
      html`<service-plan-picker account-id=${leaf.id}></service-plan-picker>`,
    );
    await until(() => $(el, '[part=skeleton]'), 'the skeleton');
    await expect(el).to.be.accessible();
    await until(() => $(el, '[part=error]'), 'the error');
    expect($(el, '[part=error]')!.textContent).to.contain('The server ran into a problem.');
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await until(() => $(el, '[part=plan]'), 'the plans after Retry');
  });

  it('works as a form value with a reseller and no account: value, name, input and change, reset', async () => {
    const root = fx.emulator.rootAccountId;
    const [a, b] = s.offered;
    const { provider } = await mountInProvider<HTMLFormElement>(
      fx.api,
      html`<form>
        <service-plan-picker reseller-id=${root} name="plans" value=${a!.id}></service-plan-picker>
      </form>`,
    );
    const form = provider.querySelector('form')!;
    const el = form.querySelector('service-plan-picker')!;
    await until(() => $(el, '[part=plan]'), 'the plans load');
    expect(el.mode).to.equal('value');
    expect(checked(el)).to.deep.equal([a!.id]);
    expect(new FormData(form).getAll('plans')).to.deep.equal([a!.id]);
    expect($(el, '[part=actions]')).to.equal(null);
    await expect(el).to.be.accessible();
    const events: string[] = [];
    form.addEventListener('input', () => events.push('input'));
    form.addEventListener('change', () => events.push('change'));
    fx.emulator.clearRequests();
    box(el, b!.id).click();
    await el.updateComplete;
    expect(events).to.deep.equal(['input', 'change']);
    expect(el.value).to.deep.equal([a!.id, b!.id].sort());
    expect(new FormData(form).getAll('plans').sort()).to.deep.equal([a!.id, b!.id].sort());
    expect(fx.emulator.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    el.value = [];
    await el.updateComplete;
    expect(events).to.have.length(2);
    expect(new FormData(form).getAll('plans')).to.deep.equal([]);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([a!.id]);
    expect(checked(el)).to.deep.equal([a!.id]);
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
      await until(() => $(el, '[part=plan]'), 'the plans load');
      el.value = ['no-such-plan'];
      await el.updateComplete;
      expect(text(el)).to.contain('Unknown plan no-such-plan');
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
    const { el, provider } = await mount(fx, s.leaves[0]!.id);
    provider.locale = 'fr-FR';
    await until(() => $(el, '#heading')?.textContent === 'Offres de service', 'French strings load');
    provider.theme = 'dark';
    await provider.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await expect(el).to.be.accessible();
  });
});

import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountApi, App } from '../../src/api/index.js';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { allByRole, deepQueryAll, getByLabel, getByRole, queryByRole, textOf } from '../../test/queries.js';
import type { AppExchangeToggle } from './app-exchange-toggle.js';
import './app-exchange-toggle.define.js';

const customer = (fx: EmulatorFixture) => fx.customer().id;
const reseller = (fx: EmulatorFixture) => fx.emulator.accounts().find((a) => a.depth === 0)!.id;

const nameOf = (a: App) => a.label || a.name;
const switches = (el: Element) => allByRole<HTMLButtonElement>(el, 'switch');
const isOn = (s: Element) => s.getAttribute('aria-checked') === 'true';
const blacklistPosts = (fx: EmulatorFixture) =>
  fx.emulator.requests.filter((r) => r.method === 'POST' && /\/apps_store\/blacklist$/.test(r.path));

async function mount(fx: EmulatorFixture, id: string, api: AccountApi = fx.api) {
  const { el } = await mountInProvider<AppExchangeToggle>(
    api,
    html`<app-exchange-toggle account-id=${id}></app-exchange-toggle>`,
  );
  await until(() => queryByRole(el, 'button', 'Save'), 'the apps load');
  return el;
}

/** Markup of the page and of every shadow root in it. */
function everyMarkup(): string {
  const roots = deepQueryAll(document.body, '*').filter((e) => e.shadowRoot);
  return [document.body.outerHTML, ...roots.map((e) => e.shadowRoot!.innerHTML)].join('\n');
}

let edited = '';
runDraftWidgetTests({
  tag: 'app-exchange-toggle',
  account: customer,
  ready: /Enable all/,
  async edit(el) {
    const on = switches(el).find(isOn)!;
    edited = textOf(on);
    on.click();
    const id = (on.getRootNode() as ShadowRoot).host.closest('[data-app]')!.getAttribute('data-app')!;
    return { field: edited, paths: [`apps.${id}`] };
  },
  async verify(api, id) {
    const apps = await api.listApps(id);
    expect(apps.find((a) => nameOf(a) === edited)!.enabled).to.equal(false);
  },
  write: { method: 'POST', path: /^\/v2\/accounts\/[^/]+\/apps_store\/blacklist$/ },
  read: (id) => `/accounts/${id}/**`,
  savedEvent: 'apps-saved',
  async changeElsewhere(api, id) {
    const apps = await api.listApps(id);
    const other = apps.find((a) => a.enabled && nameOf(a) !== edited)!;
    const keep = apps.filter((a) => a.enabled && a.id !== other.id).map((a) => a.id);
    await api.setEnabledApps(id, keep);
    return 'merge';
  },
});

describe('<app-exchange-toggle>', () => {
  it('names each switch after its app, and two apps go off from the keyboard in one blacklist POST', async () => {
    const fx = await startEmulator();
    const id = customer(fx);
    const before = await fx.makeApi().listApps(id);
    const [a, b] = before.filter((x) => x.enabled);
    fx.emulator.clearRequests();
    const el = await mount(fx, id);
    expect(fx.writes(), 'opening writes nothing').to.deep.equal([]);
    expect(switches(el)).to.have.length(before.length);

    const first = getByLabel<HTMLButtonElement>(el, nameOf(a!));
    expect(first.getAttribute('role')).to.equal('switch');
    expect(isOn(first)).to.equal(true);
    const description = (first.getRootNode() as ShadowRoot).getElementById(first.getAttribute('aria-describedby')!)!;
    expect(textOf(description)).to.equal(a!.description);
    expect(description.getAttribute('dir')).to.equal('auto');
    await expect(el).to.be.accessible();

    first.focus();
    await sendKeys({ press: 'Space' });
    const second = getByLabel<HTMLButtonElement>(el, nameOf(b!));
    second.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect([isOn(first), isOn(second)]).to.deep.equal([false, false]);
    expect(el.matches(':state(dirty)')).to.equal(true);
    await expect(el).to.be.accessible();

    const events: CustomEvent[] = [];
    el.addEventListener('apps-saved', (e) => events.push(e as CustomEvent));
    fx.emulator.clearRequests();
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)'), 'saved');
    const posts = blacklistPosts(fx);
    expect(posts, 'one blacklist POST').to.have.length(1);
    const sent = (posts[0]!.body as { data: { blacklist: string[] } }).data.blacklist;
    expect(sent).to.include.members([a!.id, b!.id]);
    expect(events).to.have.length(1);
    expect(events[0]!.detail.changes).to.have.members([`apps.${a!.id}`, `apps.${b!.id}`]);
    expect(events[0]!.detail.enabled).to.not.include.members([a!.id]);
    expect(textOf(el)).to.match(/Apps of .+ saved\./);
    await expect(el).to.be.accessible();

    el.parentElement!.remove();
    const again = await mount(fx, id, fx.makeApi());
    expect(isOn(getByLabel(again, nameOf(a!)))).to.equal(false);
    expect(isOn(getByLabel(again, nameOf(b!)))).to.equal(false);
    const untouched = before.filter((x) => x.id !== a!.id && x.id !== b!.id);
    for (const x of untouched) expect(isOn(getByLabel(again, nameOf(x))), nameOf(x)).to.equal(x.enabled);
  });

  it('turns every app off with "Disable all" and on with "Enable all", each saved as one change', async () => {
    const fx = await startEmulator();
    const id = customer(fx);
    const el = await mount(fx, id);
    getByRole<HTMLButtonElement>(el, 'button', 'Disable all').click();
    await el.updateComplete;
    expect(switches(el).some(isOn)).to.equal(false);
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Disable all').disabled).to.equal(true);
    expect(textOf(el)).to.match(/0 of \d+ apps enabled/);
    await expect(el).to.be.accessible();
    fx.emulator.clearRequests();
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)'), 'saved');
    expect(blacklistPosts(fx)).to.have.length(1);
    expect((await fx.makeApi().listApps(id)).some((a) => a.enabled)).to.equal(false);

    getByRole<HTMLButtonElement>(el, 'button', 'Enable all').click();
    await el.updateComplete;
    expect(switches(el).every(isOn)).to.equal(true);
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)') && !el.dirty, 'saved again');
    expect(blacklistPosts(fx)).to.have.length(2);
    expect((await fx.makeApi().listApps(id)).every((a) => a.enabled)).to.equal(true);
  });

  it('filters fifty apps by name or description and saves without losing the hidden ones', async () => {
    const fx = await startEmulator({ extraApps: 40 });
    const id = customer(fx);
    const before = await fx.makeApi().listApps(id);
    expect(before.length).to.be.at.least(45);
    const el = await mount(fx, id);
    // Off before filtering: an app the filter will hide.
    const hidden = before.find((a) => a.enabled && !/queue/i.test(`${nameOf(a)} ${a.description}`))!;
    getByLabel<HTMLButtonElement>(el, nameOf(hidden)).click();
    await el.updateComplete;

    getByLabel(el, 'Filter apps').focus();
    await sendKeys({ type: 'queue' });
    await until(() => switches(el).filter((s) => s.checkVisibility()).length < 10, 'the list narrows');
    const shown = before.filter((a) => /queue/i.test(`${nameOf(a)} ${a.description}`));
    expect(shown.length).to.be.within(2, 9);
    const visible = switches(el).filter((s) => s.checkVisibility());
    expect(visible.map((s) => textOf(s)).sort()).to.deep.equal(shown.map(nameOf).sort());
    expect(textOf(el)).to.contain(`${shown.length} of ${before.length} apps shown`);
    expect(() => getByLabel(el, nameOf(hidden))).to.throw();
    await expect(el).to.be.accessible();

    getByRole<HTMLButtonElement>(el, 'button', `Disable the ${shown.length} shown`).click();
    await el.updateComplete;
    getByLabel(el, 'Filter apps').focus();
    await sendKeys({ press: 'Enter' });
    expect(el.matches(':state(saving)'), 'Enter in the filter does not save').to.equal(false);
    getByLabel<HTMLInputElement>(el, 'Filter apps').select();
    await sendKeys({ press: 'Backspace' });
    await until(() => switches(el).filter((s) => s.checkVisibility()).length === before.length, 'every app again');
    expect(isOn(getByLabel(el, nameOf(hidden)))).to.equal(false);

    fx.emulator.clearRequests();
    getByRole<HTMLButtonElement>(el, 'button', 'Save').click();
    await until(() => el.matches(':state(saved)'), 'saved');
    expect(blacklistPosts(fx)).to.have.length(1);
    const after = await fx.makeApi().listApps(id);
    const off = new Set([hidden.id, ...shown.map((a) => a.id)]);
    for (const a of after) {
      const want = off.has(a.id) ? false : before.find((x) => x.id === a.id)!.enabled;
      expect(a.enabled, nameOf(a)).to.equal(want);
    }
  });

  it('shows icons through object URLs, lazily and never with the token in the page', async () => {
    const fx = await startEmulator({ extraApps: 40 });
    const id = customer(fx);
    fx.emulator.clearRequests();
    const el = await mount(fx, id);
    await until(() => deepQueryAll<HTMLImageElement>(el, 'img').length > 3, 'icons come');
    const imgs = deepQueryAll<HTMLImageElement>(el, 'img');
    expect(imgs.every((i) => i.src.startsWith('blob:'))).to.equal(true);
    await until(() => imgs[0]!.complete && imgs[0]!.naturalWidth > 0, 'the first icon decodes');
    const iconReads = fx.emulator.requests.filter((r) => /\/apps_store\/[^/]+\/icon$/.test(r.path));
    expect(iconReads.length, 'only the icons near the screen are read').to.be.below(switches(el).length);
    const tokens = fx.emulator.snapshot().tokens.map((t) => t.token);
    expect(tokens.length).to.be.greaterThan(0);
    const markup = everyMarkup();
    for (const token of tokens) expect(markup.includes(token), 'a token in the page').to.equal(false);
    expect(markup).to.not.match(/auth_token/);
    await expect(el).to.be.accessible();
  });

  it('shown again (a tab opened again), shows its icons at once from the same images: no new read, no new decode', async () => {
    const fx = await startEmulator();
    const id = customer(fx);
    const el = await mount(fx, id);
    await until(() => deepQueryAll<HTMLImageElement>(el, 'img').length >= 3, 'icons come');
    const first = deepQueryAll<HTMLImageElement>(el, 'img').map((i) => i.src);
    const reads = () => fx.emulator.requests.filter((r) => /\/apps_store\/[^/]+\/icon$/.test(r.path)).length;
    const readBefore = reads();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    // Its icons are there in the first frame it is shown again, not its initials first.
    const again = deepQueryAll<HTMLImageElement>(el, 'img');
    expect(again.map((i) => i.src)).to.deep.equal(first);
    await until(() => again.every((i) => i.complete && i.naturalWidth > 0), 'the icons show');
    expect(reads(), 'icon reads').to.equal(readBefore);
  });

  it('shows the initials of an app whose icon fails or is missing', async () => {
    const fx = await startEmulator();
    const id = customer(fx);
    fx.emulator.faults.add({ path: '/accounts/*/apps_store/*/icon', method: 'GET', status: 500 });
    const el = await mount(fx, id);
    await until(
      () => fx.emulator.requests.filter((r) => r.path.endsWith('/icon') && r.status === 500).length >= 3,
      'icons are tried',
    );
    await el.updateComplete;
    expect(deepQueryAll(el, 'img')).to.have.length(0);
    const tiles = deepQueryAll(el, '[part~=monogram]');
    expect(tiles.length).to.equal(switches(el).length);
    expect(tiles.every((t) => t.closest('[aria-hidden=true]'))).to.equal(true);
    const apps = await fx.makeApi().listApps(id);
    const accounts = apps.find((a) => a.label === 'Accounts Manager');
    if (accounts) {
      const row = deepQueryAll(el, `[data-app="${accounts.id}"]`)[0]!;
      expect(row.querySelector('[part~=monogram]')!.textContent).to.equal('AM');
    }
    expect(textOf(el)).to.not.match(/server ran into a problem/);
    await expect(el).to.be.accessible();
  });

  it('in form mode offers the parent’s apps, fires input and change, and writes nothing', async () => {
    const fx = await startEmulator();
    const parent = reseller(fx);
    const offered = (await fx.makeApi().listApps(parent)).filter((a) => a.enabled);
    fx.emulator.clearRequests();
    const { el } = await mountInProvider<AppExchangeToggle>(
      fx.api,
      html`<app-exchange-toggle form account-id=${parent}></app-exchange-toggle>`,
    );
    await until(() => switches(el).length === offered.length, 'the parent’s apps show');
    expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Reset')).to.equal(undefined);
    expect(el.value).to.have.members(offered.map((a) => a.id));
    await expect(el).to.be.accessible();

    const seen: string[] = [];
    const outer = el.parentElement!;
    for (const type of ['input', 'change']) {
      outer.addEventListener(type, (e) => {
        if (e.target === el && e.composed) seen.push(type);
      });
    }
    const target = offered[0]!;
    const s = getByLabel<HTMLButtonElement>(el, nameOf(target));
    s.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(seen).to.deep.equal(['input', 'change']);
    expect(el.value).to.not.include(target.id);
    expect(el.value).to.have.length(offered.length - 1);
    expect(el.dirty).to.equal(false);

    getByRole<HTMLButtonElement>(el, 'button', 'Disable all').click();
    await el.updateComplete;
    expect(seen).to.have.length(4);
    expect(el.value).to.deep.equal([]);

    el.value = [offered[1]!.id];
    await el.updateComplete;
    expect(
      switches(el)
        .filter(isOn)
        .map((x) => textOf(x)),
    ).to.deep.equal([nameOf(offered[1]!)]);
    expect(seen, 'nothing fires for the host’s own change').to.have.length(4);
    expect(fx.writes()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('is read-only on the user’s own account: only the account above may change its apps', async () => {
    const fx = await startEmulator();
    const { el } = await mountInProvider<AppExchangeToggle>(
      fx.api,
      html`<app-exchange-toggle account-id=${reseller(fx)}></app-exchange-toggle>`,
    );
    await until(() => switches(el).length > 0, 'the apps show');
    expect(el.matches(':state(read-only)')).to.equal(true);
    expect(switches(el).every((s) => s.disabled)).to.equal(true);
    expect(queryByRole(el, 'button', 'Save')).to.equal(undefined);
    expect(queryByRole(el, 'button', 'Disable all')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

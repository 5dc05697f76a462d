import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { AccountApiError } from '../../src/api/errors.js';
import type { AccountApi } from '../../src/api/api.js';
import { createFakeApi } from '../../src/data/fake-api.testing.js';
import '../../src/base/test-element.testing.js';
import type { TestAccountView } from '../../src/base/test-element.testing.js';
import { AccountProvider } from './account-provider.js';
import './account-provider.define.js';

const heading = (view: TestAccountView) => view.shadowRoot!.querySelector('h2')?.textContent ?? '';
const banner = (p: AccountProvider) => p.shadowRoot!.querySelector<HTMLElement>('[part=banner]');
const prop = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

async function setup(api: AccountApi = createFakeApi().api, attrs = '') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<account-provider ${attrs}><p>Host content</p><test-account-view></test-account-view></account-provider>`;
  const provider = host.querySelector('account-provider')!;
  const view = host.querySelector('test-account-view')!;
  provider.api = api;
  return { provider, view };
}

describe('<account-provider>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('reaches a widget that was upgraded before the provider', async () => {
    const fake = createFakeApi();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = '<late-provider-one><test-account-view></test-account-view></late-provider-one>';
    const view = host.querySelector('test-account-view')!;
    await view.updateComplete;
    expect(view.am.store).to.equal(undefined);
    AccountProvider.define('late-provider-one');
    const provider = host.querySelector('late-provider-one') as AccountProvider;
    expect(provider).to.be.instanceOf(AccountProvider);
    provider.api = fake.api;
    await waitUntil(() => heading(view) === 'Root Reseller', 'the widget shows the session account');
    expect(view.am.store).to.be.instanceOf(Object);
  });

  it('loads the session and hands it down; the host content stays', async () => {
    const fake = createFakeApi();
    const { provider, view } = await setup(fake.api);
    await waitUntil(() => heading(view) === 'Root Reseller');
    expect(provider.session?.accountId).to.equal('root');
    expect(provider.actingAccountId).to.equal('root');
    expect(provider.isMasquerading).to.equal(false);
    expect(view.am.session?.accountName).to.equal('Root Reseller');
    expect(provider.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(fake.count('getSession')).to.equal(1);
    await expect(provider).to.be.accessible();
  });

  it('works the same when api is set before connecting', async () => {
    const provider = document.createElement('account-provider');
    provider.api = createFakeApi().api;
    const view = document.createElement('test-account-view');
    provider.append(view);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(provider);
    await waitUntil(() => heading(view) === 'Root Reseller');
  });

  it('uses a descendant account on request, re-targets widgets and shows the banner', async () => {
    const { provider, view } = await setup();
    await waitUntil(() => provider.session);
    const request = oneEvent(provider, 'masquerade-request');
    const change = oneEvent(provider, 'masquerade-change');
    const done = provider.masquerade('b1');
    expect((await request).detail.accountId).to.equal('b1');
    expect((await change).detail).to.deep.equal({ accountId: 'b1', stack: ['root', 'b1'] });
    expect(await done).to.equal(true);
    expect(provider.isMasquerading).to.equal(true);
    await waitUntil(() => heading(view) === 'Beta One', 'the widget follows the acting account');
    await provider.updateComplete;
    expect(banner(provider)!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'You are viewing the portal as Beta One (signed in as Root Reseller)',
    );
    expect(view.am.acting!.stack).to.deep.equal(['root', 'b1']);
    await expect(provider).to.be.accessible();
  });

  it('says who is used and who is signed in, in every language, each name isolated', async () => {
    const { provider, view } = await setup();
    await waitUntil(() => provider.session);
    await provider.masquerade('b1');
    await waitUntil(() => heading(view) === 'Beta One');
    const said: Record<string, string> = {
      'en-US': 'You are viewing the portal as Beta One (signed in as Root Reseller)',
      'fr-FR': 'Vous utilisez le portail en tant que Beta One (connecté en tant que Root Reseller)',
      'de-DE': 'Sie nutzen das Portal als Beta One (angemeldet als Root Reseller)',
      'es-ES': 'Está usando el portal como Beta One (con la sesión de Root Reseller)',
      'ru-RU': 'Вы работаете в портале как Beta One (вход выполнен как Root Reseller)',
    };
    for (const [locale, text] of Object.entries(said)) {
      provider.locale = locale;
      await waitUntil(
        () => banner(provider)?.textContent!.replace(/\s+/g, ' ').includes(text),
        `${locale}: ${banner(provider)?.textContent}`,
      );
      const names = [...banner(provider)!.querySelectorAll('strong > bdi')].map((b) => b.textContent);
      expect(names).to.deep.equal(['Beta One', 'Root Reseller']);
    }
  });

  it('changes nothing when the request is cancelled', async () => {
    const fake = createFakeApi();
    const { provider, view } = await setup(fake.api);
    await waitUntil(() => heading(view) === 'Root Reseller');
    provider.addEventListener('masquerade-request', (e) => e.preventDefault(), { once: true });
    let changed = false;
    provider.addEventListener('masquerade-change', () => (changed = true));
    expect(await provider.masquerade('a')).to.equal(false);
    await provider.updateComplete;
    expect(changed).to.equal(false);
    expect(provider.actingAccountId).to.equal('root');
    expect(banner(provider)).to.equal(null);
    expect(fake.count('getAncestors')).to.equal(0);
  });

  it('refuses an account that is not a descendant, with a message and an api-error', async () => {
    const { provider, view } = await setup();
    await waitUntil(() => heading(view) === 'Root Reseller');
    const apiError = oneEvent(provider, 'api-error');
    expect(await provider.masquerade('x')).to.equal(false);
    const { detail } = await apiError;
    expect(detail.source).to.equal('masquerade');
    expect(detail.error.kind).to.equal('forbidden');
    await provider.updateComplete;
    const notice = provider.shadowRoot!.querySelector('[part=notice]')!;
    expect(notice.textContent).to.contain('You can only use accounts below your own.');
    expect(provider.actingAccountId).to.equal('root');
    expect(banner(provider)).to.equal(null);
    expect(heading(view)).to.equal('Root Reseller');
    await expect(provider).to.be.accessible();
  });

  it('returns to the logged-in account from the banner', async () => {
    const { provider, view } = await setup();
    await waitUntil(() => provider.session);
    await provider.masquerade('b');
    await provider.masquerade('b1');
    await provider.updateComplete;
    const change = oneEvent(provider, 'masquerade-change');
    banner(provider)!.querySelector('button')!.click();
    expect((await change).detail).to.deep.equal({ accountId: 'root', stack: ['root'] });
    await waitUntil(() => heading(view) === 'Root Reseller');
    expect(banner(provider)).to.equal(null);
  });

  it('restore() goes back one level', async () => {
    const { provider } = await setup();
    await waitUntil(() => provider.session);
    await provider.masquerade('b');
    await provider.masquerade('b1');
    const change = oneEvent(provider, 'masquerade-change');
    provider.restore();
    expect((await change).detail).to.deep.equal({ accountId: 'b', stack: ['root', 'b'] });
  });

  it('hands its theme down to the widgets inside', async () => {
    const { provider, view } = await setup();
    await waitUntil(() => provider.session);
    expect(prop(view, '--am-color-surface')).to.equal('rgb(255, 255, 255)');
    provider.theme = 'dark';
    await provider.updateComplete;
    expect(prop(view, '--am-color-surface')).to.equal('rgb(27, 31, 38)');
    provider.theme = 'auto';
    await provider.updateComplete;
    expect(prop(view, '--am-color-surface')).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(prop(view, '--am-color-surface')).to.equal('rgb(27, 31, 38)');
  });

  it('is accessible in the dark theme while masquerading', async () => {
    const { provider } = await setup(undefined, 'theme="dark"');
    await waitUntil(() => provider.session);
    await provider.masquerade('a');
    await provider.updateComplete;
    await expect(provider).to.be.accessible();
  });

  it('hands its locale down, with the writing direction', async () => {
    const { provider, view } = await setup(undefined, 'locale="fr-FR"');
    await waitUntil(
      () => view.shadowRoot!.querySelector('button')!.textContent === 'Enregistrer',
      'French strings load',
    );
    expect(view.l.locale).to.equal('fr-FR');
    provider.locale = 'ar';
    await provider.updateComplete;
    await view.updateComplete;
    expect(view.l.dir).to.equal('rtl');
    expect(getComputedStyle(view).direction).to.equal('rtl');
  });

  it('reports a session that cannot load, and loads on Retry', async () => {
    const fake = createFakeApi();
    fake.failNext('getSession', new AccountApiError({ kind: 'network', message: 'down' }));
    const errorEvent = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('api-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const { provider, view } = await setup(fake.api);
    const { detail } = await errorEvent;
    expect(detail.source).to.equal('session');
    expect(detail.error.kind).to.equal('network');
    await provider.updateComplete;
    const panel = provider.shadowRoot!.querySelector('[part=error]')!;
    expect(panel.textContent).to.contain('You are offline or the server cannot be reached');
    expect(provider.querySelector('p')!.textContent).to.equal('Host content');
    await expect(provider).to.be.accessible();
    panel.querySelector('button')!.click();
    await waitUntil(() => heading(view) === 'Root Reseller');
    expect(provider.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('keeps a bad api value without throwing, shows it and warns once', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const { provider } = await setup({ nope: true } as unknown as AccountApi);
      await provider.updateComplete;
      expect(provider.api).to.deep.equal({ nope: true });
      expect(provider.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('not an AccountApi');
      expect(provider.querySelector('p')!.textContent).to.equal('Host content');
      const again = document.createElement('account-provider');
      again.api = 42 as unknown as AccountApi;
      document.body.append(again);
      await again.updateComplete;
      again.remove();
      expect(warnings.filter((w) => String(w).includes('not an AccountApi'))).to.have.length(1);
      await expect(provider).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});

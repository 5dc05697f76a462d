import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { AccountApi } from '../../src/api/api.js';
import type { AccountProvider } from '../account-provider/account-provider.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  allByRole,
  deepQueryAll,
  dialogContent,
  getByRole,
  openDialog,
  queryByRole,
  textOf,
} from '../../test/queries.js';
import { ANNOUNCEMENT_STORAGE_PREFIX, type AccountAnnouncement } from './account-announcement.js';
import './account-announcement.define.js';

/** Forgets what the element remembered, in one storage or both (`sessionStorage`: a new sign-in). */
function forget(...kinds: ('localStorage' | 'sessionStorage')[]): void {
  for (const kind of kinds) {
    const s = window[kind];
    for (const k of Object.keys(s)) if (k.startsWith(ANNOUNCEMENT_STORAGE_PREFIX)) s.removeItem(k);
  }
}

/** An adapter signed in as the admin of `accountId`. */
const signIn = (fx: EmulatorFixture, accountId: string) =>
  fx.makeApi({ credentials: { ...fx.emulator.loginFor(accountId) } });

const stripIsolates = (s: string) => s.replace(/[\u2068\u2069]/g, '');

/** Long enough for a decision that shows nothing to have been taken (the account and DOMPurify are local). */
const settle = () => new Promise((r) => setTimeout(r, 250));

async function mount(api: AccountApi, attrs = '') {
  const el = document.createElement('account-announcement') as AccountAnnouncement;
  if (attrs) el.setAttribute('account-id', attrs);
  return mountInProvider<AccountAnnouncement>(api, html`${el}`);
}

/** A page whose "Before" button has the focus when the provider and the element arrive. */
async function afterFocus(api: AccountApi) {
  const page = await fixture<HTMLElement>(html`<div><button>Before</button></div>`);
  const before = page.querySelector('button')!;
  before.focus();
  const provider = document.createElement('account-provider');
  provider.api = api;
  const el = document.createElement('account-announcement');
  provider.append(el);
  page.append(provider);
  return { page, before, el };
}

const shown = (el: AccountAnnouncement) => until(() => el.matches(':state(open)') && openDialog(el), 'it shows');

async function showsNothing(el: AccountAnnouncement): Promise<void> {
  await settle();
  await el.updateComplete;
  expect(el.matches(':state(open)')).to.equal(false);
  expect(named(openDialog(el))).to.equal('nothing');
}

type Flagged = Window & { __amHostile?: unknown };

/** An element in words, for failure messages (chai would walk a DOM node's whole object graph). */
const named = (e: Element | null | undefined) => (e ? `<${e.localName}> ${textOf(e)}` : 'nothing');

/** What has the focus, through shadow roots. */
function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<account-announcement>', () => {
  let fx: EmulatorFixture;
  let account: ReturnType<EmulatorFixture['customer']>;

  beforeEach(async () => {
    fx = await startEmulator();
    account = fx.customer((a) => a.childCount === 0);
    forget('localStorage', 'sessionStorage');
    // The page's language wins over the signed-in user's (a customer of the seed may read French).
    document.documentElement.lang = 'en-US';
  });

  afterEach(() => {
    forget('localStorage', 'sessionStorage');
    document.documentElement.removeAttribute('lang');
  });

  it("shows the signed-in account's announcement once per sign-in, from what the session read", async () => {
    await fx.api.updateAccount(account.id, {
      notes: { announcement: '<p>Maintenance on <strong>Saturday</strong>.</p><ul><li>Calls may drop.</li></ul>' },
    });
    const api = signIn(fx, account.id);
    fx.emulator.clearRequests();
    const { el, provider } = await mount(api);
    await shown(el);
    const dialog = getByRole(el, 'dialog');
    expect(stripIsolates(textOf(getByRole(el, 'heading')))).to.equal(`Announcement from ${account.name}`);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    const content = dialogContent(el)!;
    await until(() => textOf(content).includes('Saturday'), 'the text shows');
    expect(textOf(content)).to.contain('Maintenance on Saturday.');
    expect(textOf(content)).to.contain('Calls may drop.');
    expect(deepQueryAll(content, 'strong')).to.have.length(1);
    expect(allByRole(content, 'listitem')).to.have.length(1);
    const dismiss = getByRole<HTMLButtonElement>(content, 'button', 'Dismiss');
    await until(() => focused() === dismiss, `Dismiss has the focus, not ${named(focused())}`);
    const reads = fx.emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v2/accounts/${account.id}`);
    expect(reads, 'the account is read once, by the session').to.have.length(1);
    await expect(el).to.be.accessible();

    // A reload in the same sign-in (same sessionStorage): not again, though it was never dismissed.
    provider.remove();
    const again = await mount(api);
    await showsNothing(again.el);
    again.provider.remove();

    // A new sign-in: it was not dismissed, so it shows.
    forget('sessionStorage');
    const next = await mount(signIn(fx, account.id));
    await shown(next.el);
  });

  it('closes on sign-out, and the next sign-in shows it again', async () => {
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>Until you sign out</p>' } });
    const { el, provider } = await mount(signIn(fx, account.id));
    await shown(el);
    await (provider as AccountProvider).logout();
    await until(() => !openDialog(el), 'signing out closes it');
    expect(el.matches(':state(open)')).to.equal(false);
    provider.api = signIn(fx, account.id);
    await shown(el);
  });

  it('closes with Dismiss or Escape, gives the focus back, and stays dismissed until the text changes', async () => {
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>First text</p>' } });
    const { page, before, el } = await afterFocus(signIn(fx, account.id));
    await shown(el);
    const events: CustomEvent[] = [];
    el.addEventListener('announcement-dismiss', (e) => events.push(e));
    getByRole<HTMLButtonElement>(el, 'button', 'Dismiss').click();
    await until(() => !openDialog(el), 'it closes');
    expect(events.map((e) => e.detail)).to.deep.equal([{ accountId: account.id }]);
    expect(named(focused())).to.equal(named(before));
    expect(el.matches(':state(open)')).to.equal(false);
    page.remove();

    // Another sign-in: dismissed, so not again.
    forget('sessionStorage');
    const later = await mount(signIn(fx, account.id));
    await showsNothing(later.el);
    later.provider.remove();

    // The text changes: it shows again, and Escape dismisses it.
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>Second text</p>' } });
    const { page: page2, before: before2, el: el2 } = await afterFocus(signIn(fx, account.id));
    await shown(el2);
    await until(() => textOf(dialogContent(el2)!).includes('Second text'), 'the new text shows');
    const dismissed: CustomEvent[] = [];
    el2.addEventListener('announcement-dismiss', (e) => dismissed.push(e));
    await sendKeys({ press: 'Escape' });
    await until(() => !openDialog(el2), 'Escape closes it');
    expect(dismissed).to.have.length(1);
    expect(named(focused())).to.equal(named(before2));
    page2.remove();
    forget('sessionStorage');
    await showsNothing((await mount(signIn(fx, account.id))).el);
  });

  it('shows nothing, and asks nothing more, when there is no announcement', async () => {
    await fx.api.updateAccount(account.id, { notes: { announcement: null } });
    const api = signIn(fx, account.id);
    fx.emulator.clearRequests();
    const { el } = await mount(api);
    await showsNothing(el);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    const reads = fx.emulator.requests.filter((r) => r.path.startsWith(`/v2/accounts/${account.id}`));
    expect(reads.map((r) => `${r.method} ${r.path}`)).to.deep.equal([`GET /v2/accounts/${account.id}`]);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith(ANNOUNCEMENT_STORAGE_PREFIX))).to.deep.equal([]);
  });

  it('shows nothing for an announcement with no words', async () => {
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p><br></p><script>1</script>' } });
    const { el } = await mount(signIn(fx, account.id));
    await showsNothing(el);
  });

  it('shows a hostile announcement as text, and nothing in it runs', async () => {
    const alerts: unknown[] = [];
    const alert = window.alert;
    window.alert = (m?: unknown) => void alerts.push(m);
    try {
      delete (window as Flagged).__amHostile;
      await fx.api.updateAccount(account.id, {
        notes: {
          announcement: [
            '<p>Script text<script>window.__amHostile = "script"</script></p>',
            '<p>Image text<img src="x" onerror="window.__amHostile = \'img\'"></p>',
            '<p onclick="window.__amHostile = \'click\'">Click text</p>',
            '<p><a href="javascript:window.__amHostile=\'js\'">Script link</a></p>',
            '<p><a href="data:text/html,<script>alert(1)</script>">Data link</a></p>',
            '<p>Svg text<svg><script>window.__amHostile = "svg"</script></svg></p>',
            '<style>* { display: none !important; }</style>',
            '<div style="position:fixed;inset:0;z-index:99999">Fixed text</div>',
            '<p>Frame text<iframe srcdoc="<script>parent.__amHostile=1</script>"></iframe></p>',
            '<form action="https://evil.example"><p>Form text</p><input name="password"></form>',
            '<p><a href="https://help.example.com" onclick="window.__amHostile=1">Safe link</a></p>',
          ].join(''),
        },
      });
      const { el } = await mount(signIn(fx, account.id));
      await shown(el);
      const content = dialogContent(el)!;
      await until(() => textOf(content).includes('Form text'), 'the text shows');
      const text = textOf(content);
      for (const words of ['Script text', 'Image text', 'Click text', 'Script link', 'Data link', 'Svg text'])
        expect(text).to.contain(words);
      for (const words of ['Fixed text', 'Frame text']) expect(text).to.contain(words);
      const body = el.shadowRoot!.querySelector('[part=content]')!;
      const bad = body.querySelectorAll('script, img, svg, style, iframe, form, input, [style], [onclick]');
      expect([...bad].map((n) => n.outerHTML)).to.deep.equal([]);
      const links = allByRole<HTMLAnchorElement>(body, 'link');
      expect(links.map((a) => a.href)).to.deep.equal(['https://help.example.com/']);
      expect(links[0]!.rel).to.equal('noopener noreferrer');
      expect(links[0]!.target).to.equal('_blank');
      for (const p of body.querySelectorAll<HTMLElement>('p')) p.click();
      await settle();
      expect((window as Flagged).__amHostile).to.equal(undefined);
      expect(alerts).to.deep.equal([]);
      expect(getComputedStyle(getByRole(el, 'button', 'Dismiss')).display).not.to.equal('none');
      await expect(el).to.be.accessible();
    } finally {
      window.alert = alert;
    }
  });

  it("shows the acting account's announcement when the provider uses a sub-account, and obeys account-id", async () => {
    await fx.api.updateAccount(fx.emulator.rootAccountId, { notes: { announcement: null } });
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>For the customer</p>' } });
    const { el, provider } = await mount(fx.api);
    await showsNothing(el);
    expect(await (provider as AccountProvider).masquerade(account.id)).to.equal(true);
    await shown(el);
    expect(stripIsolates(textOf(getByRole(el, 'heading')))).to.equal(`Announcement from ${account.name}`);
    getByRole<HTMLButtonElement>(el, 'button', 'Dismiss').click();
    await until(() => !openDialog(el), 'it closes');
    provider.remove();

    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>Changed for the customer</p>' } });
    const chosen = await mount(fx.makeApi(), account.id);
    await shown(chosen.el);
    await until(() => textOf(dialogContent(chosen.el)!).includes('Changed for the customer'), 'its text shows');
  });

  it("speaks the signed-in user's language", async () => {
    document.documentElement.removeAttribute('lang');
    await fx.api.updateAccount(account.id, { language: 'fr-FR', notes: { announcement: '<p>Bonjour</p>' } });
    const { el } = await mount(signIn(fx, account.id));
    await shown(el);
    await until(() => queryByRole(el, 'button', 'Fermer'), 'the French words show');
    expect(stripIsolates(textOf(getByRole(el, 'heading')))).to.equal(`Annonce de ${account.name}`);
    await expect(el).to.be.accessible();
  });

  it('works when storage refuses every call (private windows)', async () => {
    await fx.api.updateAccount(account.id, { notes: { announcement: '<p>Private mode</p>' } });
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const methods = ['getItem', 'setItem', 'removeItem', 'key'] as const;
    const saved = methods.map((m) => Storage.prototype[m]);
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      Object.defineProperty(window, 'localStorage', { configurable: true, get: refuse });
      for (const m of methods) (Storage.prototype as unknown as Record<string, unknown>)[m] = refuse;
      const { el } = await mount(signIn(fx, account.id));
      await shown(el);
      getByRole<HTMLButtonElement>(el, 'button', 'Dismiss').click();
      await until(() => !openDialog(el), 'it closes');
    } finally {
      methods.forEach((m, i) => ((Storage.prototype as unknown as Record<string, unknown>)[m] = saved[i]));
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
  });
});

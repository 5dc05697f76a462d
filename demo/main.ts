/**
 * The demo portal: a host page that embeds the widgets. By default it runs on the built-in Crossbar emulator
 * (served to the page by MSW, its data kept in IndexedDB across reloads and tabs); it can also sign in to a real
 * Kazoo through its Crossbar URL.
 */
import { html, nothing, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AccountApiError, type AccountApi, type Session } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import '../exports/define.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';
import { startCrossbar } from './backend.js';
import { customerView, loadCustomerView, type CustomerView } from './customer-view.js';
import { PAGES } from './chrome.js';
import { demoText, LANGUAGES, type DemoKey } from './i18n.js';

const app = document.getElementById('app')!;
app.querySelector('.boot')?.replaceChildren(demoText(localStorage.getItem('amw-demo-locale') ?? 'en-US', 'starting'));

// ---- the emulator: one for every tab and page of this browser, its data kept across reloads ----
const crossbar = await startCrossbar();
const demoLogin = await crossbar.login();

// ---- portal state ----
const TABS = ['overview', 'admins', 'limits', 'numbers', 'restrictions', 'carrier', 'apps', 'notes', 'plans'] as const;
type Tab = (typeof TABS)[number];
interface LoginForm {
  baseUrl: string;
  username: string;
  password: string;
  accountName: string;
}
const ui = {
  backend: 'emulator' as 'emulator' | 'kazoo',
  form: { baseUrl: '', username: '', password: '', accountName: '' } as LoginForm,
  signedIn: false,
  busy: false,
  error: '',
  api: undefined as AccountApi | undefined,
  session: undefined as Session | undefined,
  theme: (localStorage.getItem('amw-demo-theme') ?? 'auto') as 'light' | 'dark' | 'auto',
  locale: localStorage.getItem('amw-demo-locale') ?? 'en-US',
  selected: undefined as string | undefined,
  tab: 'overview' as Tab,
  /** While an account is used ("Use account"): what its users see. */
  customer: undefined as CustomerView | undefined,
};

/** The demo's own words in the chosen language. */
const tr = (key: DemoKey) => demoText(ui.locale, key);
const RTL = /^(ar|he|fa|ur)\b/i;

function makeApi(f: LoginForm): AccountApi {
  // No onChargesRequired: each widget shows the charges in words and asks before accepting them.
  return createKazooAdapter({
    baseUrl: ui.backend === 'emulator' ? crossbar.baseUrl : f.baseUrl,
    credentials: { username: f.username, password: f.password, accountName: f.accountName },
  });
}

function connect(api: AccountApi, session: Session | undefined) {
  ui.api = api;
  ui.session = session;
  draw();
}

async function signIn(event: Event) {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  ui.form = {
    baseUrl: String(data.get('baseUrl') ?? ''),
    username: String(data.get('username') ?? ''),
    password: String(data.get('password') ?? ''),
    accountName: String(data.get('accountName') ?? ''),
  };
  ui.busy = true;
  ui.error = '';
  draw();
  try {
    const api = makeApi(ui.form);
    const session = await api.getSession();
    ui.signedIn = true;
    sessionStorage.setItem(
      'amw-demo-login',
      JSON.stringify({ backend: ui.backend, form: ui.backend === 'emulator' ? ui.form : { ...ui.form, password: '' } }),
    );
    connect(api, session);
  } catch (e) {
    // Said by kind, in the page's language: the server's own text is not for the user.
    const kind = AccountApiError.is(e) ? e.kind : 'server';
    ui.error = kind === 'auth' || kind === 'network' || kind === 'timeout' || kind === 'forbidden' ? kind : 'other';
  } finally {
    ui.busy = false;
    draw();
  }
}

/** Signs out through the provider: the token is revoked, the widgets forget what they showed, no password stays. */
async function signOut() {
  sessionStorage.removeItem('amw-demo-login');
  await (document.querySelector('account-provider') as AccountProvider | null)?.logout();
  ui.form = { ...ui.form, password: '' };
  Object.assign(ui, { signedIn: false, api: undefined, session: undefined, selected: undefined, customer: undefined });
  draw();
}

async function resetDemo() {
  if (!confirm(tr('resetConfirm'))) return;
  await crossbar.reset();
}

function setTheme(value: string) {
  ui.theme = value as typeof ui.theme;
  localStorage.setItem('amw-demo-theme', value);
  draw();
}
function setLocale(value: string) {
  ui.locale = value;
  localStorage.setItem('amw-demo-locale', value);
  setPageLanguage();
  draw();
}
function setPageLanguage() {
  document.documentElement.lang = ui.locale;
  document.documentElement.dir = RTL.test(ui.locale) ? 'rtl' : 'ltr';
}

// ---- views ----
function header() {
  const dark = ui.theme === 'dark' || (ui.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.body.classList.toggle('am-theme-dark', dark);
  return html`<header class="portal">
    <h1>${tr('title')} <span class="muted">· ${tr('subtitle')}</span></h1>
    <label
      >${tr('theme')}
      <select @change=${(e: Event) => setTheme((e.target as HTMLSelectElement).value)}>
        ${(['auto', 'light', 'dark'] as const).map(
          (t) => html`<option ?selected=${ui.theme === t} value=${t}>${tr(`theme.${t}`)}</option>`,
        )}
      </select></label
    >
    <label
      >${tr('language')}
      <select @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value)}>
        ${LANGUAGES.map(
          ([v, label]) =>
            html`<option ?selected=${ui.locale === v} value=${v} lang=${v} dir=${RTL.test(v) ? 'rtl' : 'ltr'}>
              ${label}
            </option>`,
        )}
      </select></label
    >
    ${ui.backend === 'emulator' ? html`<button @click=${resetDemo}>${tr('resetDemo')}</button>` : nothing}
    ${ui.signedIn ? html`<button @click=${() => void signOut()}>${tr('signOut')}</button>` : nothing}
    <nav class="pages" aria-label=${tr('nav.label')}>
      ${PAGES.map(
        (p) =>
          html`<a href=${p.href} aria-current=${ifDefined(p.id === 'dashboard' ? 'page' : undefined)}>${tr(p.key)}</a>`,
      )}
    </nav>
  </header>`;
}

function signInView() {
  const em = ui.backend === 'emulator';
  const f = em ? { baseUrl: '', ...demoLogin } : ui.form;
  return html`<section class="card signin" aria-labelledby="signin-title">
    <h2 id="signin-title">${tr('signIn')}</h2>
    <div class="tabs" role="tablist" aria-label=${tr('backend')}>
      <button role="tab" aria-selected=${em} @click=${() => ((ui.backend = 'emulator'), (ui.error = ''), draw())}>
        ${tr('emulator')}
      </button>
      <button role="tab" aria-selected=${!em} @click=${() => ((ui.backend = 'kazoo'), (ui.error = ''), draw())}>
        ${tr('kazoo')}
      </button>
    </div>
    <p class="muted">${em ? tr('emulatorIntro') : tr('kazooIntro')}</p>
    <form @submit=${signIn}>
      ${
        em
          ? nothing
          : html`<label
              >${tr('crossbarUrl')}
              <input
                name="baseUrl"
                type="url"
                dir="ltr"
                required
                placeholder="https://kazoo.example.com:8443"
                .value=${f.baseUrl}
            /></label>`
      }
      <label
        >${tr('username')} <input name="username" autocomplete="username" dir="auto" required .value=${f.username}
      /></label>
      <label
        >${tr('password')}
        <input name="password" type="password" autocomplete="current-password" required .value=${f.password}
      /></label>
      <label>${tr('accountName')} <input name="accountName" dir="auto" required .value=${f.accountName} /></label>
      ${ui.error ? html`<p class="error" role="alert">${tr(`error.${ui.error}` as DemoKey)}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${ui.busy}>${ui.busy ? tr('signingIn') : tr('signIn')}</button>
    </form>
  </section>`;
}

function sessionView(s: Session) {
  const tier = s.isSuperduper ? 'tier.superduper' : s.isReseller ? 'tier.reseller' : 'tier.standard';
  return html`<section class="card session" aria-label=${tr('session')}>
    <dl>
      <div>
        <dt>${tr('account')}</dt>
        <dd dir="auto">${s.accountName ?? s.accountId}</dd>
      </div>
      <div>
        <dt>${tr('accountId')}</dt>
        <dd><code dir="ltr">${s.accountId}</code></dd>
      </div>
      <div>
        <dt>${tr('user')}</dt>
        <dd dir="auto">${ui.form.username}</dd>
      </div>
      <div>
        <dt>${tr('tier')}</dt>
        <dd>${tr(tier)}</dd>
      </div>
      <div>
        <dt>${tr('language')}</dt>
        <dd dir="ltr">${s.language ?? '—'}</dd>
      </div>
      <div>
        <dt>${tr('backendLabel')}</dt>
        <dd>${ui.backend === 'emulator' ? tr('emulator') : html`<span dir="ltr">${ui.form.baseUrl}</span>`}</dd>
      </div>
    </dl>
  </section>`;
}

/** The account and tab in the address, so Back and Forward move between them (and a link opens them). */
function readLocation(): void {
  const q = new URLSearchParams(location.search);
  ui.selected = q.get('account') ?? undefined;
  const tab = q.get('tab');
  ui.tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'overview';
}

function writeLocation(accountId: string | undefined, tab: Tab): void {
  const q = new URLSearchParams(location.search);
  if (accountId) q.set('account', accountId);
  else q.delete('account');
  q.set('tab', tab);
  const next = `${location.pathname}?${q}`;
  if (next !== `${location.pathname}${location.search}`) history.pushState(null, '', next);
}

addEventListener('popstate', () => {
  readLocation();
  draw();
});

/** Reads the customer view of the account in use (again after a change to what it shows); drops a stale answer. */
async function showCustomerView(accountId: string | undefined): Promise<void> {
  ui.customer = accountId ? { accountId } : undefined;
  draw();
  if (!accountId || !ui.api) return;
  const view = await loadCustomerView(ui.api, accountId);
  if (ui.customer?.accountId !== accountId) return;
  ui.customer = view;
  draw();
}

function workspace() {
  // The manager composes every widget; the portal keeps its place in the address.
  const navigate = (e: CustomEvent<{ accountId?: string; tab: Tab }>) => {
    ui.selected = e.detail.accountId;
    ui.tab = e.detail.tab;
    writeLocation(ui.selected, ui.tab);
  };
  // "Use account" and its return: the customer view follows the account in use.
  const acting = (e: CustomEvent<{ accountId: string; stack: string[] }>) =>
    void showCustomerView(e.detail.stack.length > 1 ? e.detail.accountId : undefined);
  const changed = (e: CustomEvent<{ accountId?: string }>) => {
    if (ui.customer && e.detail.accountId === ui.customer.accountId) void showCustomerView(ui.customer.accountId);
  };
  return html`<account-provider
    .api=${ui.api}
    theme=${ui.theme}
    locale=${ui.locale}
    @masquerade-change=${acting}
    @session-end=${() => void showCustomerView(undefined)}
    @restrictions-saved=${changed}
    @limits-saved=${changed}
    @balance-adjusted=${changed}
  >
    ${ui.customer ? customerView(ui.customer, ui.locale, () => void showCustomerView(ui.customer?.accountId)) : nothing}
    <account-manager
      class="card"
      account-id=${ifDefined(ui.selected)}
      tab=${ui.tab}
      @account-manager-navigate=${navigate}
    ></account-manager>
  </account-provider>`;
}

function draw() {
  render(
    html`${header()}
      <main class="portal">
        ${ui.signedIn && ui.api && ui.session ? html`${sessionView(ui.session)} ${workspace()}` : signInView()}
      </main>`,
    app,
  );
}

app.replaceChildren();
readLocation();
setPageLanguage();
const saved = sessionStorage.getItem('amw-demo-login');
if (saved) {
  // Same tab, after a reload: sign in again with what was used (the emulator's password only).
  const { backend, form } = JSON.parse(saved) as { backend: 'emulator' | 'kazoo'; form: LoginForm };
  ui.backend = backend;
  ui.form = form;
  if (backend === 'emulator') {
    try {
      const api = makeApi(form);
      const session = await api.getSession();
      ui.signedIn = true;
      ui.api = api;
      ui.session = session;
    } catch {
      sessionStorage.removeItem('amw-demo-login');
    }
  }
}
draw();

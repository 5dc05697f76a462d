/**
 * The demo portal: a host page that embeds the widgets. By default it runs on the built-in Crossbar emulator
 * (served to the page by MSW, its data kept in IndexedDB across reloads and tabs); it can also sign in to a real
 * Kazoo through its Crossbar URL.
 */
import { html, nothing, render } from 'lit';
import { http, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { AccountApiError, type AccountApi, type Session } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { Login } from '../src/mock/index.js';
import '../exports/define.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';
import { connectEmulator } from './emulator-link.js';

const EMULATOR_URL = `${location.origin}/demo-crossbar`;
const app = document.getElementById('app')!;

// ---- the emulator: one for every tab of this browser, its data kept across reloads ----
const link = connectEmulator();
let demoLogin: Login;

async function bootEmulator() {
  demoLogin = await link.login();
  const handler: RequestHandler = http.all(`${EMULATOR_URL}/v2/*`, ({ request }) => link.handle(request));
  await setupWorker(handler).start({ quiet: true, onUnhandledRequest: 'bypass' });
}

// Another tab changed the data: every widget reloads what it shows.
link.onChanged = () => (document.querySelector('account-provider') as AccountProvider | null)?.refresh();
link.onReset = () => location.reload();

// ---- portal state ----
const TABS = [
  ['overview', 'Overview'],
  ['admins', 'Admins'],
  ['limits', 'Limits'],
  ['numbers', 'Numbers'],
  ['restrictions', 'Restrictions'],
  ['carrier', 'Carrier'],
  ['apps', 'Apps'],
  ['notes', 'Notes'],
  ['plans', 'Service plans'],
] as const;
type Tab = (typeof TABS)[number][0];
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
};

function makeApi(f: LoginForm): AccountApi {
  // No onChargesRequired: each widget shows the charges in words and asks before accepting them.
  return createKazooAdapter({
    baseUrl: ui.backend === 'emulator' ? EMULATOR_URL : f.baseUrl,
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
    ui.error = AccountApiError.is(e)
      ? e.kind === 'auth'
        ? 'The user name, password or account name is not right.'
        : e.kind === 'network'
          ? 'The server cannot be reached (check the URL, and that it allows this page’s origin: CORS).'
          : e.message
      : String(e);
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
  Object.assign(ui, { signedIn: false, api: undefined, session: undefined, selected: undefined });
  draw();
}

async function resetDemo() {
  if (!confirm('Reset the demo data? Every change made in the demo is lost, in every tab.')) return;
  await link.reset();
}

function setTheme(value: string) {
  ui.theme = value as typeof ui.theme;
  localStorage.setItem('amw-demo-theme', value);
  draw();
}
function setLocale(value: string) {
  ui.locale = value;
  localStorage.setItem('amw-demo-locale', value);
  document.documentElement.lang = value;
  draw();
}

// ---- views ----
function header() {
  const dark = ui.theme === 'dark' || (ui.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.body.classList.toggle('am-theme-dark', dark);
  return html`<header class="portal">
    <h1>Reseller portal <span class="muted">· Account Manager widgets demo</span></h1>
    <label
      >Theme
      <select @change=${(e: Event) => setTheme((e.target as HTMLSelectElement).value)}>
        ${['auto', 'light', 'dark'].map((t) => html`<option ?selected=${ui.theme === t} value=${t}>${t}</option>`)}
      </select></label
    >
    <label
      >Language
      <select @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value)}>
        ${[
          ['en-US', 'English'],
          ['fr-FR', 'Français'],
          ['de-DE', 'Deutsch'],
          ['es-ES', 'Español'],
          ['ru-RU', 'Русский'],
          ['ar-EG', 'العربية (RTL)'],
        ].map(([v, label]) => html`<option ?selected=${ui.locale === v} value=${v}>${label}</option>`)}
      </select></label
    >
    ${ui.backend === 'emulator' ? html`<button @click=${resetDemo}>Reset demo data</button>` : nothing}
    ${ui.signedIn ? html`<button @click=${() => void signOut()}>Sign out</button>` : nothing}
  </header>`;
}

function signInView() {
  const em = ui.backend === 'emulator';
  const f = em ? { baseUrl: '', ...demoLogin } : ui.form;
  return html`<section class="card signin" aria-labelledby="signin-title">
    <h2 id="signin-title">Sign in</h2>
    <div class="tabs" role="tablist" aria-label="Backend">
      <button role="tab" aria-selected=${em} @click=${() => ((ui.backend = 'emulator'), (ui.error = ''), draw())}>
        Built-in emulator
      </button>
      <button role="tab" aria-selected=${!em} @click=${() => ((ui.backend = 'kazoo'), (ui.error = ''), draw())}>
        Connect to a real Kazoo
      </button>
    </div>
    <p class="muted">
      ${
        em
          ? 'A Kazoo Crossbar emulator runs in this page, with a reseller and its customers. The demo credentials are filled in.'
          : 'Your Crossbar API address (e.g. https://kazoo.example.com:8443) and a user of the account to manage. Crossbar must allow this page’s origin (CORS).'
      }
    </p>
    <form @submit=${signIn}>
      ${
        em
          ? nothing
          : html`<label
              >Crossbar URL
              <input
                name="baseUrl"
                type="url"
                required
                placeholder="https://kazoo.example.com:8443"
                .value=${f.baseUrl}
            /></label>`
      }
      <label>User name <input name="username" autocomplete="username" required .value=${f.username} /></label>
      <label
        >Password <input name="password" type="password" autocomplete="current-password" required .value=${f.password}
      /></label>
      <label>Account name <input name="accountName" required .value=${f.accountName} /></label>
      ${ui.error ? html`<p class="error" role="alert">${ui.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${ui.busy}>${ui.busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  </section>`;
}

function sessionView(s: Session) {
  return html`<section class="card session" aria-label="Session">
    <dl>
      <div>
        <dt>Account</dt>
        <dd>${s.accountName ?? s.accountId}</dd>
      </div>
      <div>
        <dt>Account id</dt>
        <dd><code>${s.accountId}</code></dd>
      </div>
      <div>
        <dt>User</dt>
        <dd>${ui.form.username}</dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>${s.isSuperduper ? 'Platform admin (superduper)' : s.isReseller ? 'Reseller' : 'Standard'}</dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>${s.language ?? '—'}</dd>
      </div>
      <div>
        <dt>Backend</dt>
        <dd>${ui.backend === 'emulator' ? 'Built-in emulator' : ui.form.baseUrl}</dd>
      </div>
    </dl>
  </section>`;
}

function panel(tab: Tab, id: string) {
  switch (tab) {
    case 'overview':
      return html`<account-overview account-id=${id}></account-overview>`;
    case 'admins':
      return html`<account-admins account-id=${id}></account-admins>`;
    case 'limits':
      return html`<account-limits account-id=${id}></account-limits>`;
    case 'numbers':
      return html`<number-features account-id=${id}></number-features>`;
    case 'restrictions':
      return html`<account-restrictions account-id=${id}></account-restrictions>`;
    case 'carrier':
      return html`<carrier-picker account-id=${id}></carrier-picker>`;
    case 'apps':
      return html`<app-exchange-toggle account-id=${id}></app-exchange-toggle>`;
    case 'notes':
      return html`<account-notes account-id=${id}></account-notes>`;
    default:
      return html`<service-plan-picker account-id=${id}></service-plan-picker>`;
  }
}

/** The tree asks for a new account: the portal opens the wizard for that parent. */
function openCreate(e: CustomEvent<{ parentId: string }>) {
  const create = document.querySelector<HTMLElement & { parentId?: string; show?: () => unknown }>('account-create');
  if (!create) return;
  e.preventDefault();
  create.parentId = e.detail.parentId;
  void create.show?.();
}

function workspace() {
  const id = ui.selected;
  const tab = (name: Tab, label: string) =>
    html`<button role="tab" aria-selected=${ui.tab === name} @click=${() => ((ui.tab = name), draw())}>
      ${label}
    </button>`;
  const select = (accountId: string) => ((ui.selected = accountId), draw());
  return html`<account-provider .api=${ui.api} theme=${ui.theme} locale=${ui.locale}>
    <account-announcement></account-announcement>
    <div class="workspace">
      <section class="card" aria-label="Customers">
        <account-tree
          .selected=${id}
          @account-select=${(e: CustomEvent<{ account: { id: string } }>) => select(e.detail.account.id)}
          @account-create-request=${openCreate}
        ></account-tree>
      </section>
      <section class="card" aria-label="Selected account">
        ${
          id
            ? html`<div class="panel-head">
                  <h2>Account</h2>
                  <div class="tabs" role="tablist" aria-label="Account sections">
                    ${TABS.map(([name, label]) => tab(name, label))}
                  </div>
                  <button
                    @click=${() => (document.querySelector('account-provider') as AccountProvider | null)?.masquerade(id)}
                  >
                    Use account
                  </button>
                </div>
                ${panel(ui.tab, id)}`
            : html`<p class="muted">Choose a customer in the tree, or add one.</p>`
        }
      </section>
    </div>
    <account-create
      modal
      @account-created=${(e: CustomEvent<{ account: { id: string } }>) => select(e.detail.account.id)}
      @account-select=${(e: CustomEvent<{ accountId?: string; account?: { id: string } }>) => {
        const accountId = e.detail.accountId ?? e.detail.account?.id;
        if (accountId) select(accountId);
      }}
    ></account-create>
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

await bootEmulator();
app.replaceChildren();
document.documentElement.lang = ui.locale;
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

import type { Meta } from '@storybook/web-components-vite';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, draftStories, until } from './support/draft-stories.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountAdmins } from '../components/account-admins/account-admins.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountAdmins.define('account-admins');

/** A customer directly under the root reseller, with no sub-accounts. */
const leafOf = (emulator: CrossbarEmulator) =>
  emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller && !a.childCount)!.id;

const root = (el: Element) => el.shadowRoot!;

/** The loaded element (its list on screen). */
async function loaded(canvas: HTMLElement): Promise<AccountAdmins> {
  const el = await until(() => canvas.querySelector<AccountAdmins>('account-admins'));
  await until(() => root(el).querySelector('[part=list]'));
  return el;
}

/** Clicks the button a user reads as `name` (its text, or its label when it names a row). */
async function click(el: Element, name: string | RegExp): Promise<void> {
  const matches = (b: HTMLButtonElement) =>
    [b.textContent!.trim(), b.getAttribute('aria-label') ?? ''].some((s) =>
      typeof name === 'string' ? s === name : name.test(s),
    );
  (await until(() => [...root(el).querySelectorAll('button')].find(matches))).click();
}

async function openDialog(el: AccountAdmins, opener: string | RegExp): Promise<HTMLElement> {
  await click(el, opener);
  return until(() => root(el).querySelector<HTMLElement>('am-dialog'));
}

function fill(dialog: HTMLElement, name: string, value: string): void {
  const input = dialog.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Opens "Add administrator" and fills in a new one. */
async function addAdmin(el: AccountAdmins, first: string, last: string, email: string): Promise<HTMLElement> {
  const d = await openDialog(el, 'Add administrator');
  fill(d, 'firstName', first);
  fill(d, 'lastName', last);
  fill(d, 'email', email);
  await el.updateComplete;
  return d;
}

const submit = (d: HTMLElement) => d.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

const s = draftStories({
  tag: 'account-admins',
  // The reseller's own administrators: the signed-in one is marked "You" and cannot be removed.
  account: (emulator) => emulator.rootAccountId,
  async edit(el) {
    await addAdmin(el as AccountAdmins, 'Robin', 'Okafor', 'robin.okafor@acme.example');
  },
  read: (id) => `/accounts/${id}/users`,
  write: { method: 'PUT', path: '/accounts/*/users' },
});

export default { ...s.meta } satisfies Meta;

export const Loaded = s.states.Loaded;
export const LoadedDark = s.states.LoadedDark;
export const LoadedFrench = s.states.LoadedFrench;
export const LoadedRightToLeft = s.states.LoadedRightToLeft;
/** The list never arrives: a skeleton after a short delay. */
export const Loading = s.states.Loading;
/** The list fails to load: the reason in words, with Retry. */
export const LoadError = s.states.LoadError;
export const Offline = s.states.Offline;

/** An account outside the signed-in reseller's tree. */
export const Forbidden = s.scenario((b) => ({ accountId: b.emulator.foreignAccountId }));

/** 120 administrators: every page is fetched (no truncation at 50), a count, pages and the filter. */
export const ManyAdmins = s.scenario(async (b) => {
  const accountId = leafOf(b.emulator);
  const api = directApi(b.emulator);
  const first = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jordan'];
  const last = ['Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Ulloa', 'Varga', 'Weber', 'Xu'];
  for (let i = 0; i < 120; i++) {
    const f = first[i % first.length]!;
    const l = last[Math.floor(i / first.length) % last.length]!;
    await api.createUser(accountId, {
      firstName: f,
      lastName: l,
      email: `${f}.${l}.${i}@many-admins.example`.toLowerCase(),
      privLevel: 'admin',
    });
  }
  return { accountId };
});

export const ManyAdminsDark = { ...ManyAdmins, parameters: { theme: 'dark' } };

/** Add an administrator: a generated password (show, copy, generate another) or a typed one, with its strength. */
export const AddAdministrator = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    await addAdmin(await loaded(canvasElement), 'Robin', 'Okafor', 'robin.okafor@acme.example');
  },
});

export const AddAdministratorFrench = { ...AddAdministrator, parameters: { locale: 'fr-FR' } };

let signedIn = '';
/** The e-mail is already a user's sign-in name: said in words on the e-mail field. */
export const DuplicateEmail = s.scenario(
  (b) => {
    signedIn = b.emulator.login.username;
  },
  {
    play: async ({ canvasElement }) => {
      submit(await addAdmin(await loaded(canvasElement), 'Alex', 'Again', signedIn));
    },
  },
);

/** A save on its way (the server never answers). */
export const Saving = s.scenario(
  (b) => {
    b.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', timeout: true });
  },
  {
    play: async ({ canvasElement }) => {
      submit(await addAdmin(await loaded(canvasElement), 'Pending', 'Save', 'pending.save@acme.example'));
    },
  },
);

/** A reset password, shown once with Copy. */
export const PasswordShownOnce = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const other = await until(() =>
      root(el).querySelector<HTMLButtonElement>('[part=row]:not(:has(.badge)) button[aria-label^="Reset password"]'),
    );
    other.click();
    submit(await until(() => root(el).querySelector<HTMLElement>('am-dialog')));
    await until(() => root(el).querySelector('[part=reveal]'));
  },
});

/** Make an existing user administrator: search among every user of the account. */
export const PromoteUser = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const d = await openDialog(el, 'Make a user administrator');
    await until(() => d.querySelector('input[name=pick]'));
  },
});

/** Removing asks first (after the host let it through `admin-remove-request`). */
export const RemoveConfirmation = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    await click(await loaded(canvasElement), /^Remove: /);
  },
});

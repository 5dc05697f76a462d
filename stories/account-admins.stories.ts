import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import type { AccountApi } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator, StoredDoc } from '../src/mock/index.js';
import { neverAnswer, STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountAdmins } from '../components/account-admins/account-admins.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountAdmins.define('account-admins');

/** A customer account directly under the root reseller, with no sub-accounts. */
function leafOf(emulator: CrossbarEmulator): StoredDoc {
  const root = emulator.rootAccountId;
  const accounts = emulator.snapshot().accounts;
  return accounts.find(
    (a) =>
      (a.pvt_tree as string[]).at(-1) === root &&
      !a.pvt_reseller &&
      !accounts.some((b) => (b.pvt_tree as string[]).includes(a._id as string)),
  )!;
}

/** The reseller's own session, talking to the emulator directly: seeds data before the story renders. */
function direct(emulator: CrossbarEmulator): AccountApi {
  return createKazooAdapter({
    baseUrl: STORY_BASE,
    credentials: { ...emulator.login },
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

interface Scenario {
  accountId?: string;
  handlers?: RequestHandler[];
}

let current: { backend: StoryBackend; scenario: Scenario } | undefined;

async function until<T>(get: () => T | null | undefined, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state in time.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const inner = <T extends Element>(el: Element, sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;

async function loaded(canvas: HTMLElement): Promise<AccountAdmins> {
  const el = canvas.querySelector<AccountAdmins>('account-admins')!;
  await until(() => inner(el, '[part=list]'));
  return el;
}

async function openDialog(el: AccountAdmins, selector: string): Promise<HTMLDialogElement> {
  inner<HTMLButtonElement>(el, selector)!.click();
  return until(() => inner<HTMLDialogElement>(el, 'dialog[open]'));
}

function fill(dialog: HTMLDialogElement, name: string, value: string) {
  const input = dialog.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

type Story = StoryObj;

function scenario(setup: (b: StoryBackend) => Scenario | Promise<Scenario>, extra: Story = {}): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend();
      const s = await setup(backend);
      msw.use(...(s.handlers ?? []), ...backend.handlers);
      current = { backend, scenario: s };
    },
  };
}

const meta: Meta = {
  title: 'Widgets/account-admins',
  component: 'account-admins',
  render: () => {
    const { backend, scenario: s } = current!;
    return html`<account-provider .api=${backend.api}>
      <div style="padding: 1rem">
        <account-admins account-id=${ifDefined(s.accountId)}></account-admins>
      </div>
    </account-provider>`;
  },
};
export default meta;

/** The reseller's own administrators (the signed-in one is marked "You" and cannot be removed). */
export const Loaded = scenario(() => ({}));

export const LoadedDark = scenario(() => ({}), { parameters: { theme: 'dark' } });

export const LoadedFrench = scenario(() => ({}), { parameters: { locale: 'fr-FR' } });

/** 120 administrators: every page is fetched (no truncation at 50), a count, pages and the filter. */
export const ManyAdmins = scenario(async (b) => {
  const leaf = leafOf(b.emulator);
  const api = direct(b.emulator);
  const first = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jordan'];
  const last = [
    'Nguyen',
    'Okafor',
    'Patel',
    'Quinn',
    'Rossi',
    'Silva',
    'Tanaka',
    'Ulloa',
    'Varga',
    'Weber',
    'Xu',
    'Young',
  ];
  for (let i = 0; i < 120; i++) {
    const f = first[i % first.length]!;
    const l = last[Math.floor(i / first.length) % last.length]!;
    await api.createUser(leaf._id as string, {
      firstName: f,
      lastName: l,
      email: `${f}.${l}.${i}@many-admins.example`.toLowerCase(),
      privLevel: 'admin',
    });
  }
  return { accountId: leaf._id as string };
});

export const ManyAdminsDark = { ...ManyAdmins, parameters: { theme: 'dark' } } satisfies Story;

/** The list never arrives: a skeleton after a short delay. */
export const Loading = scenario((b) => ({ handlers: [neverAnswer(`/accounts/${b.emulator.rootAccountId}/users`)] }));

/** The list fails to load: the reason in words, with Retry. */
export const LoadError = scenario((b) => {
  b.emulator.faults.add({ path: '/accounts/*/users', method: 'GET', status: 500, times: 1 });
  return {};
});

/** An account outside the signed-in reseller's tree. */
export const Forbidden = scenario((b) => ({ accountId: b.emulator.foreignAccountId }));

/** Add an administrator: generated password (show, copy, another), typed password with a strength hint. */
export const AddAdministrator = scenario(() => ({}), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const d = await openDialog(el, '[data-action=add]');
    fill(d, 'firstName', 'Robin');
    fill(d, 'lastName', 'Okafor');
    fill(d, 'email', 'robin.okafor@acme.example');
  },
});

export const AddAdministratorFrench = { ...AddAdministrator, parameters: { locale: 'fr-FR' } } satisfies Story;

/** The e-mail is already a user's sign-in name: the error on the e-mail field. */
export const DuplicateEmail = scenario(() => ({}), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const d = await openDialog(el, '[data-action=add]');
    fill(d, 'firstName', 'Alex');
    fill(d, 'lastName', 'Again');
    fill(d, 'email', current!.backend.emulator.login.username);
    await el.updateComplete;
    d.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
});

/** A save on its way (the server never answers). */
export const Saving = scenario(
  (b) => {
    b.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', timeout: true });
    return {};
  },
  {
    play: async ({ canvasElement }) => {
      const el = await loaded(canvasElement);
      const d = await openDialog(el, '[data-action=add]');
      fill(d, 'firstName', 'Pending');
      fill(d, 'lastName', 'Save');
      fill(d, 'email', 'pending.save@acme.example');
      await el.updateComplete;
      d.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    },
  },
);

/** A reset password, shown once with Copy. */
export const PasswordShownOnce = scenario(() => ({}), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const d = await openDialog(el, '[part=row]:not(:has(.badge)) [data-action=reset]');
    await el.updateComplete;
    d.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => inner(el, '[part=reveal]'));
  },
});

/** Make an existing user administrator: search among every user of the account. */
export const PromoteUser = scenario(() => ({}), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const d = await openDialog(el, '[data-action=promote]');
    await until(() => d.querySelector('input[name=pick]'));
  },
});

/** Removing asks first. */
export const RemoveConfirmation = scenario(() => ({}), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    inner<HTMLButtonElement>(el, '[data-action=remove]')!.click();
  },
});

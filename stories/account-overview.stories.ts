import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import type { AccountApi } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator, StoredDoc } from '../src/mock/index.js';
import { neverAnswer, STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountOverview } from '../components/account-overview/account-overview.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountOverview.define('account-overview');

/** Accounts of the deterministic seed that show each state. */
interface Seeded {
  leaf: StoredDoc;
  other: StoredDoc;
  parent: StoredDoc;
  subReseller: StoredDoc;
  disabled: StoredDoc;
}

function seeded(emulator: CrossbarEmulator): Seeded {
  const root = emulator.rootAccountId;
  const accounts = emulator.snapshot().accounts;
  const below = (id: unknown) => accounts.filter((a) => (a.pvt_tree as string[]).includes(id as string));
  const direct = accounts.filter((a) => (a.pvt_tree as string[]).at(-1) === root);
  const leaves = direct.filter((a) => !a.pvt_reseller && a.pvt_enabled !== false && !below(a._id).length);
  const subReseller = direct.find((a) => a.pvt_reseller === true && below(a._id).length)!;
  return {
    leaf: leaves[0]!,
    other: leaves[1]!,
    parent: direct.find((a) => !a.pvt_reseller && below(a._id).length) ?? subReseller,
    subReseller,
    disabled: accounts.find((a) => a.pvt_enabled === false && (a.pvt_tree as string[]).includes(root))!,
  };
}

/** Another user's session on the same data, talking to the emulator directly (no service worker needed). */
function elsewhere(emulator: CrossbarEmulator, login = emulator.login): AccountApi {
  return createKazooAdapter({
    baseUrl: STORY_BASE,
    credentials: { ...login },
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

interface Scenario {
  accountId?: string;
  api?: AccountApi;
  handlers?: RequestHandler[];
}

let current: { backend: StoryBackend; scenario: Scenario } | undefined;

const id = (doc: StoredDoc) => doc._id as string;

async function until<T>(get: () => T | null | undefined, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state in time.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const overviewOf = (canvas: HTMLElement) => canvas.querySelector<AccountOverview>('account-overview')!;
const inner = <T extends Element>(el: Element, sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;

async function loaded(canvas: HTMLElement): Promise<AccountOverview> {
  const el = overviewOf(canvas);
  await until(() => inner(el, 'h2'));
  return el;
}

function type(el: Element, name: string, value: string) {
  const input = inner<HTMLInputElement>(el, `input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function click(el: Element, selector: string) {
  inner<HTMLButtonElement>(el, selector)!.click();
}

function save(el: Element) {
  click(el, '[part=actions] button[data-variant=primary]');
}

type Story = StoryObj;

/** A story: fresh seeded data, then `setup` picks the account and any faults. */
function scenario(setup: (b: StoryBackend, s: Seeded) => Scenario | Promise<Scenario>, extra: Story = {}): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend();
      const s = await setup(backend, seeded(backend.emulator));
      msw.use(...(s.handlers ?? []), ...backend.handlers);
      current = { backend, scenario: s };
    },
  };
}

const meta: Meta = {
  title: 'Widgets/account-overview',
  component: 'account-overview',
  render: () => {
    const { backend, scenario: s } = current!;
    return html`<account-provider .api=${s.api ?? backend.api}>
      <div style="padding: 1rem">
        <account-overview account-id=${ifDefined(s.accountId)}></account-overview>
      </div>
    </account-provider>`;
  },
};
export default meta;

/** A customer account of the reseller: everything editable. */
export const Loaded = scenario((_, s) => ({ accountId: id(s.leaf) }));

export const LoadedDark = scenario((_, s) => ({ accountId: id(s.leaf) }), { parameters: { theme: 'dark' } });

export const LoadedFrench = scenario((_, s) => ({ accountId: id(s.leaf) }), { parameters: { locale: 'fr-FR' } });

/** The signed-in account itself: no disable, move or delete. */
export const OwnAccount = scenario(() => ({}));

/** The account never arrives: a skeleton after a short delay. */
export const Loading = scenario((_, s) => ({
  accountId: id(s.leaf),
  handlers: [neverAnswer(`/accounts/${id(s.leaf)}`)],
}));

/** The load fails: what failed, in words, with Retry (which works: the fault happens once). */
export const LoadError = scenario((b, s) => {
  b.emulator.faults.add({ path: `/accounts/${id(s.leaf)}`, method: 'GET', status: 500, times: 1 });
  return { accountId: id(s.leaf) };
});

export const LoadErrorFrench = scenario(
  (b, s) => {
    b.emulator.faults.add({ path: `/accounts/${id(s.leaf)}`, method: 'GET', status: 503, times: 1 });
    return { accountId: id(s.leaf) };
  },
  { parameters: { locale: 'fr-FR' } },
);

/** An account outside the signed-in reseller's tree. */
export const Forbidden = scenario((b) => ({ accountId: b.emulator.foreignAccountId }));

/** A disabled account: the banner, the badge, Enable. */
export const DisabledAccount = scenario((_, s) => ({ accountId: id(s.disabled) }));

export const DisabledAccountDark = scenario((_, s) => ({ accountId: id(s.disabled) }), {
  parameters: { theme: 'dark' },
});

/** Unsaved edits: the dirty marker on each changed field and Save / Reset. */
export const Dirty = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    type(el, 'name', 'Harbor Dental Group (renamed)');
    type(el, 'contacts.technical.email', 'noc@harbor-dental.example');
  },
});

/** A save on its way (the server never answers): Save is disabled, "Saving…" is spoken. */
export const Saving = scenario(
  (b, s) => {
    b.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', timeout: true });
    return { accountId: id(s.leaf) };
  },
  {
    play: async ({ canvasElement }) => {
      const el = await loaded(canvasElement);
      type(el, 'name', 'Saving in progress');
      await el.updateComplete;
      save(el);
    },
  },
);

/** After a save: "Saved" and the announcement. */
export const Saved = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    type(el, 'realm', 'saved-realm.sip.acme.example');
    await el.updateComplete;
    save(el);
    await until(() => !el.dirty);
  },
});

/** A failed save: the reason in words, the draft kept. */
export const SaveError = scenario(
  (b, s) => {
    b.emulator.faults.add({ path: '/accounts/*', method: 'PATCH', status: 500, times: 1 });
    return { accountId: id(s.leaf) };
  },
  {
    play: async ({ canvasElement }) => {
      const el = await loaded(canvasElement);
      type(el, 'name', 'Kept after a failure');
      await el.updateComplete;
      save(el);
    },
  },
);

/** A server field error on its field: the realm is taken. */
export const FieldError = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    type(el, 'realm', 'sip.acme.example');
    await el.updateComplete;
    save(el);
  },
});

/** Someone else changed the same field meanwhile: both values, "Keep mine" / "Use theirs". */
export const Conflict = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    type(el, 'name', 'My new name');
    type(el, 'contacts.billing.locality', 'Springfield');
    await elsewhere(current!.backend.emulator).updateAccount(el.accountId!, { name: 'Their new name' });
    await el.updateComplete;
    save(el);
  },
});

export const ConflictFrench = { ...Conflict, parameters: { locale: 'fr-FR' } } satisfies Story;

/** Deleting is refused while it has sub-accounts: the message and "Show sub-accounts". */
export const HasSubAccounts = scenario((_, s) => ({ accountId: id(s.parent) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    click(el, '[data-action=delete]');
  },
});

/** The typed confirmation before deleting. */
export const DeleteConfirmation = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    click(el, '[data-action=delete]');
  },
});

export const DisableConfirmation = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    click(el, '[data-action=toggle-enabled]');
  },
});

/** "Move to…" a parent under another reseller: refused up front, with the reason. */
export const MoveAcrossResellers = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    click(el, '[data-action=move-toggle]');
    await el.updateComplete;
    const search = inner<HTMLInputElement>(el, '#move-search')!;
    const target = seeded(current!.backend.emulator).subReseller;
    search.value = String(target.name).slice(0, 10);
    search.dispatchEvent(new Event('input'));
    const radio = await until(() => inner<HTMLInputElement>(el, '.results input'));
    radio.click();
  },
});

/** "Move to…" within the reseller: the target can take it. */
export const MoveWithinReseller = scenario((_, s) => ({ accountId: id(s.leaf) }), {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    click(el, '[data-action=move-toggle]');
    await el.updateComplete;
    const search = inner<HTMLInputElement>(el, '#move-search')!;
    const target = seeded(current!.backend.emulator).other;
    search.value = String(target.name).slice(0, 10);
    search.dispatchEvent(new Event('input'));
    const radio = await until(() => inner<HTMLInputElement>(el, '.results input'));
    radio.click();
  },
});

/** A superduper admin sees "Make reseller" / "Make standard account". */
export const SuperduperSession = scenario((b, s) => ({
  accountId: id(s.leaf),
  api: createKazooAdapter({ baseUrl: STORY_BASE, credentials: { ...b.emulator.superduperLogin } }),
}));

export const SuperduperSessionDark = { ...SuperduperSession, parameters: { theme: 'dark' } } satisfies Story;

/** The same account for a reseller admin: the tier is shown, not changeable. */
export const ResellerSession = scenario((_, s) => ({ accountId: id(s.leaf) }));

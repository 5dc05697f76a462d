import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { neverAnswer, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountManager } from '../components/account-manager/account-manager.define.js';
import type { AccountManagerTab } from '../components/account-manager/account-manager.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountManager.define('account-manager');

interface Scenario {
  accountId?: string;
  tab?: AccountManagerTab;
  handlers?: RequestHandler[];
  /** The width the manager gets (a phone: `360px`). */
  width?: string;
  /** Accounts used in turn ("Use account"), outermost first. */
  use?: string[];
}

type Story = StoryObj;

let current: { backend: StoryBackend; scenario: Scenario } | undefined;

/** A customer of the signed-in reseller with customers of its own. */
const customer = (e: CrossbarEmulator) =>
  e.accounts().find((a) => a.parentId === e.rootAccountId && a.enabled && a.childCount > 0)!;
/** One of its own customers. */
const subCustomer = (e: CrossbarEmulator) => e.accounts().find((a) => a.parentId === customer(e).id && a.enabled)!;

async function until<T>(get: () => T | null | undefined | false, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state in time.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A story: fresh seeded data, then `setup` picks the account, the tab and any faults. */
function scenario(setup: (b: StoryBackend) => Scenario = () => ({}), extra: Story = {}): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend();
      const s = setup(backend);
      msw.use(...(s.handlers ?? []), ...backend.handlers);
      current = { backend, scenario: s };
    },
  };
}

/** Uses the scenario's accounts in turn, as "Use account" does. */
async function useAccounts(canvas: HTMLElement): Promise<void> {
  const provider = await until(() => canvas.querySelector<AccountProvider>('account-provider'));
  await until(() => provider.session);
  for (const id of current!.scenario.use ?? []) await provider.masquerade(id);
}

const meta: Meta = {
  title: 'Widgets/account-manager',
  component: 'account-manager',
  render: () => {
    const { backend, scenario: s } = current!;
    return html`<account-provider .api=${backend.api}>
      <div style="padding: 1rem; box-sizing: border-box; max-width: ${s.width ?? '72rem'}">
        <account-manager account-id=${ifDefined(s.accountId)} tab=${ifDefined(s.tab)}></account-manager>
      </div>
    </account-provider>`;
  },
  play: async ({ canvasElement }) => useAccounts(canvasElement),
};
export default meta;

const onTab = (tab: AccountManagerTab): Story => scenario((b) => ({ accountId: customer(b.emulator).id, tab }));

/** The signed-in reseller's own account, its customers in the tree beside it. */
export const Loaded = scenario();

/** A customer selected, on each tab: each section's code and data are loaded when its tab is first opened. */
export const OverviewTab = onTab('overview');
export const AdminsTab = onTab('admins');
export const LimitsTab = onTab('limits');
export const NumbersTab = onTab('numbers');
export const RestrictionsTab = onTab('restrictions');
export const CarrierTab = onTab('carrier');
export const AppsTab = onTab('apps');
export const NotesTab = onTab('notes');
export const PlansTab = onTab('plans');

/** "Use account": the tree is the customer's, the banner says whose view it is and returns in one click. */
export const UsingAnAccount = scenario((b) => ({ use: [customer(b.emulator).id] }));

/** A customer's customer used from inside the customer: "Return to …" goes back one step at a time. */
export const NestedUse = scenario((b) => ({
  use: [customer(b.emulator).id, subCustomer(b.emulator).id],
}));

/** A 360 px phone: the account on its own screen, "Back to accounts" to the tree. */
export const Phone = scenario((b) => ({ accountId: customer(b.emulator).id, width: '360px' }));

/** The accounts screen of the phone. */
export const PhoneAccounts = scenario(() => ({ width: '360px' }));

export const Dark = { ...OverviewTab, parameters: { theme: 'dark' } } satisfies Story;

export const French = { ...OverviewTab, parameters: { locale: 'fr-FR' } } satisfies Story;

/** Right to left (Arabic): the layout mirrors, the arrow keys follow; names keep their own direction. */
export const RightToLeft = { ...OverviewTab, parameters: { locale: 'ar-EG' } } satisfies Story;

/** The account never answers: "Loading…" in the header and the section's skeleton. */
export const Loading = scenario((b) => {
  const id = customer(b.emulator).id;
  return { accountId: id, handlers: [neverAnswer(`/accounts/${id}`)] };
});

/** The account cannot be read: the section says what failed, with Retry; the tree still works. */
export const LoadError = scenario((b) => {
  const id = customer(b.emulator).id;
  b.emulator.faults.add({ path: `/accounts/${id}`, method: 'GET', status: 500 });
  return { accountId: id };
});

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import { ContextEvent } from '@lit/context';
import { storeContext } from '../src/context/contexts.js';
import type { AccountStore } from '../src/data/store.js';
import type { CrossbarEmulator, EmulatorOptions } from '../src/mock/index.js';
import { neverAnswer, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountTree } from '../components/account-tree/account-tree.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountTree.define('account-tree');

interface Scenario {
  rootId?: string;
  selected?: string;
  handlers?: RequestHandler[];
}

let current: { backend: StoryBackend; scenario: Scenario } | undefined;

/** The reseller's customers at every level below it, in the emulator's own words (depth, counts, flags). */
const below = (emulator: CrossbarEmulator) => emulator.accounts().filter((a) => a.depth > 0);

async function until<T>(get: () => T | null | undefined, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state in time.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const treeOf = (canvas: HTMLElement) => canvas.querySelector<AccountTree>('account-tree')!;
const inner = <T extends Element>(el: Element, sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;

/** The provider's store, asked the way widgets ask it. */
function storeOf(el: Element): AccountStore | undefined {
  let store: AccountStore | undefined;
  el.dispatchEvent(new ContextEvent(storeContext, el, (v) => (store = v)));
  return store;
}

type Story = StoryObj;

/** A story: fresh seeded data of the given size, then `setup` picks the root, the selection and any faults. */
function scenario(
  options: EmulatorOptions,
  setup: (b: StoryBackend) => Scenario | Promise<Scenario> = () => ({}),
  extra: Story = {},
): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend(options);
      const s = await setup(backend);
      msw.use(...(s.handlers ?? []), ...backend.handlers);
      current = { backend, scenario: s };
    },
  };
}

const meta: Meta = {
  title: 'Widgets/account-tree',
  component: 'account-tree',
  render: () => {
    const { backend, scenario: s } = current!;
    return html`<account-provider .api=${backend.api}>
      <div style="padding: 1rem; max-width: 40rem">
        <account-tree
          style="height: 480px"
          root-id=${ifDefined(s.rootId)}
          selected=${ifDefined(s.selected)}
        ></account-tree>
      </div>
    </account-provider>`;
  },
};
export default meta;

/** The reseller's customers (60 accounts, 3 levels): expand with the caret, Right arrow or a double click. */
export const SmallTree = scenario({});

/**
 * 100,000 customers under one reseller: one page asked at first, the next as it scrolls into view; a few
 * dozen rows in the DOM whatever the size.
 */
export const HundredThousandChildren = scenario({ seed: { accounts: 100_000, depth: 1 } });

/** Eight levels deep, with an account on the deepest level selected: its ancestors open, it scrolls into view. */
export const DeepTree = scenario({ seed: { accounts: 400, depth: 8 } }, (b) => {
  const deepest = below(b.emulator).sort((x, y) => y.depth - x.depth)[0]!;
  return { selected: deepest.id };
});

/** Rooted three levels down: the breadcrumbs lead back up to the logged-in account, never above it. */
export const Breadcrumbs = scenario({ seed: { accounts: 400, depth: 6 } }, (b) => {
  const deep = below(b.emulator).find((a) => a.depth === 4 && a.childCount > 0)!;
  return { rootId: deep.id };
});

/** A search of every descendant on the server; a result reveals its place in the tree (Enter or click). */
export const Search = scenario({ seed: { accounts: 2000, depth: 4 } }, undefined, {
  play: async ({ canvasElement }) => {
    const el = treeOf(canvasElement);
    const input = await until(() => inner<HTMLInputElement>(el, 'input'));
    input.value = 'bl';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
});

/** An account with no sub-accounts. */
export const Empty = scenario({}, (b) => {
  const leaf = below(b.emulator).find((a) => a.depth === 1 && a.childCount === 0)!;
  return { rootId: leaf.id };
});

/** Every answer takes 0.6-1.2 s: placeholder rows show where pages are on their way. */
export const SlowNetwork = scenario({ seed: { accounts: 5000, depth: 2 }, latencyMs: [600, 1200] });

/** The first page never arrives: placeholder rows, `aria-busy`. */
export const Loading = scenario({}, (b) => ({
  handlers: [neverAnswer(`/accounts/${b.emulator.rootAccountId}/children`)],
}));

/** One level fails to load: the reason in words and Retry on that level; the rest of the tree works. */
export const ErrorOnALevel = scenario(
  {},
  (b) => {
    const parent = below(b.emulator).find((a) => a.depth === 1 && a.childCount > 0)!;
    b.emulator.faults.add({ path: `/accounts/${parent.id}/children`, status: 500, times: 1 });
    return { selected: below(b.emulator).find((a) => a.parentId === parent.id)!.id };
  },
  { parameters: { docs: { description: { story: 'Retry succeeds: the fault happens once.' } } } },
);

/** The whole first page fails: Retry in place of the rows. */
export const ErrorOnTheRoot = scenario({}, (b) => {
  b.emulator.faults.add({ path: `/accounts/${b.emulator.rootAccountId}/children`, status: 503, times: 1 });
  return {};
});

/**
 * Badges: Kazoo's listings do not say whether an account is disabled or a reseller; once an account was read
 * (here by the story, as `<account-overview>` would) its row shows it.
 */
export const Badges = scenario({}, undefined, {
  play: async ({ canvasElement }) => {
    const { emulator } = current!.backend;
    const el = treeOf(canvasElement);
    const store = await until(() => storeOf(el));
    const flagged = below(emulator).filter((a) => !a.enabled || a.isReseller);
    await Promise.all(flagged.map((a) => store.getAccount(a.id).catch(() => undefined)));
  },
});

export const Dark = scenario({}, undefined, { parameters: { theme: 'dark' } });

export const French = scenario({}, undefined, { parameters: { locale: 'fr-FR' } });

/** Right to left: indent, caret and arrow keys mirrored. */
export const RightToLeft = scenario({}, undefined, { parameters: { locale: 'ar-EG' } });

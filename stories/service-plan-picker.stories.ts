import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import type { AccountApi } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { neverAnswer, STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { ServicePlanPicker } from '../components/service-plan-picker/service-plan-picker.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
ServicePlanPicker.define('service-plan-picker');

interface Seeded {
  /** A customer of the root reseller, which offers plans. */
  leaf: string;
  /** A customer of the sub-reseller, which offers none. */
  planless: string;
}

function seeded(emulator: CrossbarEmulator): Seeded {
  const root = emulator.rootAccountId;
  const accounts = emulator.snapshot().accounts;
  const tree = (a: (typeof accounts)[number]) => a.pvt_tree as string[];
  const below = (id: unknown) => accounts.filter((a) => tree(a).includes(id as string));
  const direct = accounts.filter((a) => tree(a).at(-1) === root);
  const leaf = direct.find((a) => !a.pvt_reseller && !below(a._id).length)!;
  const sub = direct.find((a) => a.pvt_reseller === true && below(a._id).length)!;
  const planless = accounts.find((a) => tree(a).at(-1) === sub._id)!;
  return { leaf: leaf._id as string, planless: planless._id as string };
}

function direct(emulator: CrossbarEmulator): AccountApi {
  return createKazooAdapter({
    baseUrl: STORY_BASE,
    credentials: { ...emulator.login },
    onChargesRequired: () => true,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

interface Scenario {
  accountId?: string;
  /** Form-value mode: a reseller and no account. */
  resellerId?: string;
  value?: string;
  /** Two pickers on the same account, to show a clash between them. */
  twice?: boolean;
  api?: AccountApi;
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

async function loaded(canvas: HTMLElement): Promise<ServicePlanPicker> {
  const el = canvas.querySelector<ServicePlanPicker>('service-plan-picker')!;
  await until(() => inner(el, '[part=plan]'));
  return el;
}

/** Checks the first unchecked plan and the checked ones off, then (optionally) saves. */
async function change(el: ServicePlanPicker, save: boolean) {
  const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=plan] input')];
  const off = boxes.find((b) => !b.checked)!;
  off.click();
  await el.updateComplete;
  if (save) inner<HTMLButtonElement>(el, '[part=actions] button[data-variant=primary]')!.click();
}

type Story = StoryObj;

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
  title: 'Widgets/service-plan-picker',
  component: 'service-plan-picker',
  render: () => {
    const { backend, scenario: s } = current!;
    const picker = s.resellerId
      ? html`<form @submit=${(e: Event) => e.preventDefault()}>
          <service-plan-picker
            reseller-id=${s.resellerId}
            name="plans"
            value=${ifDefined(s.value)}
          ></service-plan-picker>
        </form>`
      : s.twice
        ? html`<service-plan-picker account-id=${ifDefined(s.accountId)}></service-plan-picker>
            <hr />
            <service-plan-picker account-id=${ifDefined(s.accountId)} no-heading></service-plan-picker>`
        : html`<service-plan-picker account-id=${ifDefined(s.accountId)}></service-plan-picker>`;
    return html`<account-provider .api=${s.api ?? backend.api}
      ><div style="padding: 1rem">${picker}</div></account-provider
    >`;
  },
};
export default meta;

/** A customer's plans: the reseller's offer by category, the account's checked. */
export const Loaded = scenario(async (b, s) => {
  const api = direct(b.emulator);
  const [first] = await api.listServicePlans(b.emulator.rootAccountId);
  await api.setAccountServicePlans(s.leaf, [first!.id]);
  return { accountId: s.leaf };
});

export const LoadedDark = { ...Loaded, parameters: { theme: 'dark' } } satisfies Story;

export const LoadedFrench = { ...Loaded, parameters: { locale: 'fr-FR' } } satisfies Story;

/** The plans never arrive: a skeleton after a short delay. */
export const Loading = scenario((b, s) => ({
  accountId: s.leaf,
  handlers: [neverAnswer(`/accounts/${b.emulator.rootAccountId}/services/available`)],
}));

/** The plans fail to load: the reason in words, with Retry. */
export const LoadError = scenario((b, s) => {
  b.emulator.faults.add({ path: '/accounts/*/services', method: 'GET', status: 500, times: 1 });
  return { accountId: s.leaf };
});

/** The account's reseller offers no plan: hidden, saying why. */
export const NoPlans = scenario((_, s) => ({ accountId: s.planless }));

export const NoPlansFrench = { ...NoPlans, parameters: { locale: 'fr-FR' } } satisfies Story;

/** The user may not see the reseller's plans (here: the reseller's own account, whose plans come from above). */
export const Forbidden = scenario(() => ({}));

/** An unsaved choice: Save and Reset. */
export const Dirty = scenario((_, s) => ({ accountId: s.leaf }), {
  play: async ({ canvasElement }) => change(await loaded(canvasElement), false),
});

/** A save on its way (the server never answers). */
export const Saving = scenario(
  (b, s) => {
    b.emulator.faults.add({ path: '/accounts/*/services', method: 'POST', timeout: true });
    return { accountId: s.leaf };
  },
  { play: async ({ canvasElement }) => change(await loaded(canvasElement), true) },
);

export const Saved = scenario((_, s) => ({ accountId: s.leaf }), {
  play: async ({ canvasElement }) => change(await loaded(canvasElement), true),
});

/** The plan has charges and the host declines them: nothing changes, the choice stays. */
export const ChargesDeclined = scenario(
  (b, s) => ({
    accountId: s.leaf,
    api: createKazooAdapter({
      baseUrl: STORY_BASE,
      credentials: { ...b.emulator.login },
      onChargesRequired: () => false,
    }),
  }),
  { play: async ({ canvasElement }) => change(await loaded(canvasElement), true) },
);

/** In a creation form: a reseller's plans as a form value (`name`, `value`, native input / change). */
export const FormValue = scenario(async (b) => {
  const [first] = await direct(b.emulator).listServicePlans(b.emulator.rootAccountId);
  return { resellerId: b.emulator.rootAccountId, value: first!.id };
});

export const FormValueDark = { ...FormValue, parameters: { theme: 'dark' } } satisfies Story;

/** Two widgets on one account: the second saves while the first has an unsaved choice, which now clashes. */
export const Conflict = scenario((_, s) => ({ accountId: s.leaf, twice: true }), {
  play: async ({ canvasElement }) => {
    const [a, b] = [...canvasElement.querySelectorAll<ServicePlanPicker>('service-plan-picker')];
    await until(() => inner(a!, '[part=plan]') && inner(b!, '[part=plan]'));
    const boxes = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=plan] input')];
    boxes(a!)
      .find((x) => !x.checked)!
      .click();
    boxes(b!)
      .filter((x) => !x.checked)
      .at(-1)!
      .click();
    await b!.updateComplete;
    inner<HTMLButtonElement>(b!, '[part=actions] button[data-variant=primary]')!.click();
  },
});

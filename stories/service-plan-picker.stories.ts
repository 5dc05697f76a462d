import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createKazooAdapter, type KazooAdapterOptions } from '../src/kazoo/index.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, draftStories, saveButton } from './support/draft-stories.js';
import { STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { ServicePlanPicker } from '../components/service-plan-picker/service-plan-picker.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
ServicePlanPicker.define('service-plan-picker');

type Story = StoryObj;

/** A customer of the root reseller, which offers plans. */
const customer = (emulator: CrossbarEmulator) =>
  emulator
    .accounts()
    .find((a) => a.depth === 1 && a.enabled && !a.isReseller && a.resellerId === emulator.rootAccountId)!.id;

/** A customer of a sub-reseller, which offers none. */
const planless = (emulator: CrossbarEmulator) =>
  emulator
    .accounts()
    .find((a) => a.enabled && !a.isReseller && a.resellerId && a.resellerId !== emulator.rootAccountId)!.id;

const checkboxes = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];

/** Checks the unchecked plan at this picker's place on the page, so two pickers on one account clash. */
async function edit(el: HTMLElement) {
  const index = [...document.querySelectorAll('service-plan-picker')].indexOf(el as ServicePlanPicker);
  const off = checkboxes(el).filter((b) => !b.checked);
  off[index % off.length]!.click();
}

const s = draftStories({
  tag: 'service-plan-picker',
  account: customer,
  edit,
  read: (id) => `/accounts/${id}/services`,
  write: { method: 'POST', path: '/accounts/*/services' },
});

export default { ...s.meta } satisfies Meta;

export const Loaded = s.states.Loaded;
export const LoadedDark = s.states.LoadedDark;
export const LoadedFrench = s.states.LoadedFrench;
export const LoadedRightToLeft = s.states.LoadedRightToLeft;
export const Loading = s.states.Loading;
export const LoadError = s.states.LoadError;
export const Offline = s.states.Offline;
export const Forbidden = s.states.Forbidden;
export const Dirty = s.states.Dirty;
export const Saving = s.states.Saving;
export const Saved = s.states.Saved;
export const ReadOnly = s.states.ReadOnly;
export const Conflict = s.states.Conflict;
export const DisabledAccount = s.states.DisabledAccount;

/** A customer with two plans, one of them under its own category. */
export const TwoPlans = s.scenario(async (b, id) => {
  const api = directApi(b.emulator);
  const plans = await api.listServicePlans(b.emulator.rootAccountId);
  await api.setAccountServicePlans(id, [plans[0]!.id, plans.at(-1)!.id]);
});

/** The account's reseller offers no plan: hidden, saying why. */
export const NoPlans = s.scenario((b) => ({ accountId: planless(b.emulator) }));

export const NoPlansFrench = { ...NoPlans, parameters: { locale: 'fr-FR' } } satisfies Story;

/** The user may not see the reseller's plans (the root reseller's own account: its plans come from above). */
export const Unavailable = s.scenario((b) => ({ accountId: b.emulator.rootAccountId }));

/** The save fails once: what failed in words, the choice kept, Save again. */
export const SaveFailed = s.scenario(
  (b) => {
    b.emulator.faults.add({ path: '/accounts/*/services', method: 'POST', status: 500, times: 1 });
  },
  { play: async ({ canvasElement }) => void (await editThenSave(canvasElement)) },
);

/** An adapter with no `onChargesRequired` handler: the picker asks, listing the charges in words. */
export const ChargesAsked = s.scenario((b) => ({ api: storyApi(b, { onChargesRequired: undefined }) }), {
  play: async ({ canvasElement }) => void (await editThenSave(canvasElement)),
});

/** The host declines the charges, then the user too: nothing changes, the choice stays, said so. */
export const ChargesDeclined = s.scenario((b) => ({ api: storyApi(b, { onChargesRequired: () => false }) }), {
  play: async ({ canvasElement }) => void (await editThenSave(canvasElement)),
});

async function editThenSave(canvas: HTMLElement): Promise<HTMLElement> {
  const el = await s.element(canvas);
  await edit(el);
  await (el as ServicePlanPicker).updateComplete;
  saveButton(el)!.click();
  return el;
}

function storyApi(b: StoryBackend, options: Partial<KazooAdapterOptions>) {
  return createKazooAdapter({ baseUrl: STORY_BASE, credentials: { ...b.emulator.login }, ...options });
}

// ---- form-value mode: a reseller's plans in a creation form, no account yet

let form: { backend: StoryBackend; value: string } | undefined;

/** The picker in a `<form>` with `reseller-id`, `name` and `value`. */
function formStory(value: (b: StoryBackend) => Promise<string>, extra: Story = {}): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend();
      form = { backend, value: await value(backend) };
      msw.use(...backend.handlers);
    },
    render: () => {
      const { backend, value } = form!;
      return html`<account-provider .api=${backend.api}>
        <div style="padding: 1rem; max-width: 60rem">
          <form @submit=${(e: Event) => e.preventDefault()}>
            <service-plan-picker
              reseller-id=${backend.emulator.rootAccountId}
              name="plans"
              value=${value}
            ></service-plan-picker>
          </form>
        </div>
      </account-provider>`;
    },
  };
}

const firstPlan = async (b: StoryBackend) =>
  (await directApi(b.emulator).listServicePlans(b.emulator.rootAccountId))[0]!.id;

/** In a creation form: a reseller's plans as a form value (`name`, `value`, native input / change). */
export const FormValue = formStory(firstPlan);

export const FormValueDark = { ...FormValue, parameters: { theme: 'dark' } } satisfies Story;

/** The host's value names a plan the reseller does not offer: shown apart, and the form is invalid. */
export const FormUnknownPlan = formStory(async (b) => `${await firstPlan(b)} retired-plan`);

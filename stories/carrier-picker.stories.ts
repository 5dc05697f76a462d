import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, draftStories, saveButton } from './support/draft-stories.js';
import { STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { CarrierPicker } from '../components/carrier-picker/carrier-picker.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
CarrierPicker.define('carrier-picker');

type Story = StoryObj;

/** Customers of the root reseller (Acme Telecom), whose carriers the reseller option names. */
const customers = (emulator: CrossbarEmulator) =>
  emulator
    .accounts()
    .filter((a) => a.depth === 1 && a.enabled && !a.isReseller && a.resellerId === emulator.rootAccountId);

const radios = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];

/** Picks an unchosen option by this picker's place on the page, so two pickers on one account clash. */
async function edit(el: HTMLElement) {
  const index = [...document.querySelectorAll('carrier-picker')].indexOf(el as CarrierPicker);
  const off = radios(el).filter((r) => !r.checked && !r.disabled);
  off[index % off.length]!.click();
}

const s = draftStories({
  tag: 'carrier-picker',
  // One with carriers of its own, so every common state shows the count too.
  account: (emulator) => (customers(emulator).find((a) => a.ownCarriers > 0) ?? customers(emulator)[0]!).id,
  edit,
  read: (id) => `/accounts/${id}/callflows`,
  write: { method: 'POST', path: '/accounts/*/callflows/*' },
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
export const Saved = s.states.Saved;
export const Conflict = s.states.Conflict;
export const DisabledAccount = s.states.DisabledAccount;

/** A choice saved first: the account has its no_match callflow, so a save is one POST of it. */
const savedChoice = (b: StoryBackend, id: string) => directApi(b.emulator).setCarrierStrategy(id, 'system');

async function editThenSave(canvas: HTMLElement): Promise<void> {
  const el = await s.element(canvas);
  await edit(el);
  await (el as CarrierPicker).updateComplete;
  saveButton(el)!.click();
}

/** A save on its way (the server never answers). */
export const Saving = s.scenario(
  async (b, id) => {
    await savedChoice(b, id);
    b.emulator.faults.add({ path: '/accounts/*/callflows/*', method: 'POST', timeout: true });
  },
  { play: async ({ canvasElement }) => editThenSave(canvasElement) },
);

/** The server refuses the save (403): read-only, the choice kept on screen. */
export const ReadOnly = s.scenario(
  async (b, id) => {
    await savedChoice(b, id);
    b.emulator.faults.add({ path: '/accounts/*/callflows/*', method: 'POST', status: 403 });
  },
  { play: async ({ canvasElement }) => editThenSave(canvasElement) },
);

/** Writes a no_match callflow straight to the emulator, as another tool would have. */
async function storeNoMatch(b: StoryBackend, accountId: string, flow: Record<string, unknown>): Promise<void> {
  await b.emulator.handle(
    new Request(`${STORY_BASE}/v2/accounts/${accountId}/callflows`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': b.emulator.issueToken(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { numbers: ['no_match'], flow: { children: {}, ...flow } } }),
    }),
  );
}

/** Another account's carriers, set up elsewhere: said in words, nothing selected, changed only by a choice. */
export const UnsupportedStrategy = s.scenario(async (b) => {
  const a = await directApi(b.emulator).createAccount(b.emulator.rootAccountId, { name: 'Harbor Freight Logistics' });
  await storeNoMatch(b, a.id, { module: 'resources', data: { hunt_account_id: b.emulator.foreignAccountId } });
  return { accountId: a.id };
});

export const UnsupportedStrategyFrench = { ...UnsupportedStrategy, parameters: { locale: 'fr-FR' } } satisfies Story;

/** Its own carriers chosen, and it has none: the warning under the option. */
export const NoOwnCarriers = s.scenario(async (b) => {
  const id = customers(b.emulator).find((a) => a.ownCarriers === 0)!.id;
  await directApi(b.emulator).setCarrierStrategy(id, 'account');
  return { accountId: id };
});

/** Its own carriers chosen, with how many it has. */
export const OwnCarriers = s.scenario(async (b) => {
  const id = customers(b.emulator).find((a) => a.ownCarriers > 0)!.id;
  await directApi(b.emulator).setCarrierStrategy(id, 'account');
  return { accountId: id };
});

// ---- form mode: the carriers of an account being created, under a parent

let form: StoryBackend | undefined;

/** In a creation form: `form`, `account-id` the parent (its reseller's carriers offered), `value` the choice. */
export const FormMode: Story = {
  async beforeEach({ msw }) {
    form = storyBackend();
    msw.use(...form.handlers);
  },
  render: () =>
    html`<account-provider .api=${form!.api}>
      <div style="padding: 1rem; max-width: 60rem">
        <carrier-picker form account-id=${form!.emulator.rootAccountId} value="reseller"></carrier-picker>
      </div>
    </account-provider>`,
};

export const FormModeDark = { ...FormMode, parameters: { theme: 'dark' } } satisfies Story;

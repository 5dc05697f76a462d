import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { draftStories, saveButton, until } from './support/draft-stories.js';
import { STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountLimits } from '../components/account-limits/account-limits.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountLimits.define('account-limits');

type Story = StoryObj;

/** Accounts of the deterministic seed that show each state, in domain words. */
function seeded(emulator: CrossbarEmulator) {
  const all = emulator.accounts();
  const direct = all.filter((a) => a.parentId === emulator.rootAccountId);
  const parent = direct.find((a) => !a.isReseller && a.enabled && a.childCount > 0)!;
  const subReseller = direct.find((a) => a.isReseller && a.childCount > 0)!;
  return {
    customer: direct.find((a) => !a.isReseller && a.enabled)!,
    parent,
    child: all.find((a) => a.parentId === parent.id && !a.isReseller)!,
    subCustomer: all.find((a) => a.parentId === subReseller.id)!,
  };
}

/** Types a trunk count, as a user would. */
function typeTrunks(el: Element, name: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function button(el: Element, label: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
}

let edits = 0;

const s = draftStories({
  tag: 'account-limits',
  account: (emulator) => seeded(emulator).customer.id,
  async edit(el) {
    // Each edit types another count, so two elements editing at once clash.
    typeTrunks(el, 'inboundTrunks', String(30 + ++edits));
  },
  read: (id) => `/accounts/${id}/limits`,
  write: { method: 'POST', path: '/accounts/*/limits' },
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

/** The platform lists no kind of call: said so, the trunks still editable. */
export const EmptyClassifiers = s.scenario((b) => {
  b.emulator.faults.add({
    path: '/accounts/*/phone_numbers/classifiers',
    method: 'GET',
    status: 200,
    body: { status: 'success', data: {} },
  });
});

/** Newer servers list the classes as an array of `{name, friendly_name}`: the same switches. */
const arrays = draftStories({
  tag: 'account-limits',
  account: (emulator) => seeded(emulator).customer.id,
  edit: async () => undefined,
  read: (id) => `/accounts/${id}/limits`,
  write: { method: 'POST', path: '/accounts/*/limits' },
  emulator: { classifierShape: 'array' },
});
export const ClassifiersAsArray = { ...arrays.states.Loaded, render: arrays.meta.render } satisfies Story;

/** More trunks cost money: Save asks, listing the charges in words (the adapter has no charges handler). */
export const ChargesQuestion = s.scenario(
  (b) => ({ api: createKazooAdapter({ baseUrl: STORY_BASE, credentials: { ...b.emulator.login } }) }),
  {
    play: async ({ canvasElement }) => {
      const el = await s.element(canvasElement);
      const outbound = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="outboundTrunks"]')!;
      typeTrunks(el, 'outboundTrunks', String(Number(outbound.value || '0') + 2));
      await (el as AccountLimits).updateComplete;
      saveButton(el)!.click();
    },
  },
);

/** "Add credit": the amount and reason, before the confirmation step. */
export const CreditDialogOpen = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    const el = await s.element(canvasElement);
    (await until(() => button(el, 'Add credit'))).click();
    const amount = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#credit-amount'));
    amount.value = '12.34';
    amount.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
});

/** "Remove credit" under the ledger's minimum: refused on the field, nothing sent. */
export const CreditTooSmall = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    const el = await s.element(canvasElement);
    (await until(() => button(el, 'Remove credit'))).click();
    const amount = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#credit-amount'));
    amount.value = '0.34';
    amount.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    amount.form!.requestSubmit();
  },
});

/** Signed in as a customer that is not a reseller, on its own sub-account: a sentence instead of credit buttons. */
export const NonResellerRefusal = s.scenario((b) => {
  const { parent, child } = seeded(b.emulator);
  return {
    accountId: child.id,
    api: createKazooAdapter({
      baseUrl: STORY_BASE,
      credentials: { ...b.emulator.loginFor(parent.id) },
      onChargesRequired: () => true,
    }),
  };
});

/** A customer of another reseller: the limits are read-only, and credit is theirs to move. */
export const AnotherResellersCustomer = s.scenario((b) => ({ accountId: seeded(b.emulator).subCustomer.id }));

// ---- form mode: a new account's limits in the creation wizard

let form: StoryBackend | undefined;

/** `<account-limits form>` under the root reseller: its classes, no Save and no balance, `input` / `change`. */
export const FormMode: Story = {
  async beforeEach({ msw }) {
    form = storyBackend();
    msw.use(...form.handlers);
  },
  render: () =>
    html`<account-provider .api=${form!.api}>
      <div style="padding: 1rem; max-width: 60rem">
        <account-limits
          form
          account-id=${form!.emulator.rootAccountId}
          .value=${{
            twowayTrunks: 150,
            inboundTrunks: null,
            outboundTrunks: null,
            allowPerMinute: false,
            callRestrictions: { international: 'deny' },
          }}
        ></account-limits>
      </div>
    </account-provider>`,
};

export const FormModeFrench = { ...FormMode, parameters: { locale: 'fr-FR' } } satisfies Story;

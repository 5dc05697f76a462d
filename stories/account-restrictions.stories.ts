import type { Meta } from '@storybook/web-components-vite';
import { directApi, draftStories } from './support/draft-stories.js';
import { STORY_BASE } from './support/emulator.js';
import { RESTRICTION_PATHS, type UiRestrictions } from '../src/api/model.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountRestrictions } from '../components/account-restrictions/account-restrictions.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountRestrictions.define('account-restrictions');

/** A customer whose seeded document holds no restrictions (the first one's hides a few pages already). */
const customer = (emulator: CrossbarEmulator) =>
  emulator.accounts().filter((a) => a.depth === 1 && a.enabled && !a.isReseller)[1]!.id;

/** Clicks the switch of `path` (its field is marked with the path, dots as slashes). */
function press(el: HTMLElement, path: string): void {
  const field = el.shadowRoot!.querySelector(`[data-field="${path.replaceAll('.', '/')}"] am-switch`)!;
  field.shadowRoot!.querySelector('button')!.click();
}

const s = draftStories({
  tag: 'account-restrictions',
  account: customer,
  async edit(el) {
    press(el, 'billing.transactions');
  },
  read: (id) => `/accounts/${id}`,
  write: { method: 'PATCH', path: '/accounts/*' },
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

/** Every page hidden: each section's switch is off, and Per minute's two wait, disabled, with the reason. */
export const EverythingHidden = s.scenario(async (b, id) => {
  const all: UiRestrictions = Object.fromEntries(RESTRICTION_PATHS.map((p) => [p, false]));
  await directApi(b.emulator).updateAccount(id, { uiRestrictions: all });
});

/**
 * A document an older Monster UI wrote, in the flat layout (`ui_restrictions.<key>`): read as it is, and
 * converted to the `myaccount` layout by the next save.
 */
export const LegacyLayout = s.scenario(async (b, id) => {
  const reply = await b.emulator.handle(
    new Request(`${STORY_BASE}/v2/accounts/${id}`, {
      method: 'PATCH',
      headers: { 'X-Auth-Token': b.emulator.issueToken(), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: {
          ui_restrictions: {
            transactions: { show_tab: false },
            balance: { show_tab: true, show_credit: false },
            errorTracker: { show_tab: false },
          },
        },
      }),
    }),
  );
  if (!reply.ok) throw new Error(`The legacy document was refused (${reply.status}).`);
});

/** Some pages of Settings, Billing and Trunking hidden: their switches show `mixed`; Misc is all on. */
export const MixedGroups = s.scenario(async (b, id) => {
  await directApi(b.emulator).updateAccount(id, {
    uiRestrictions: {
      'settings.account': false,
      'billing.transactions': false,
      'billing.balance.minutes': false,
      'trunking.twoway': false,
    },
  });
});

/** Per minute hidden: Credit info and Minutes info keep their own values but say they are hidden with it. */
export const PerMinuteHidden = s.scenario(async (b, id) => {
  await directApi(b.emulator).updateAccount(id, { uiRestrictions: { 'billing.balance': false } });
});

/** The whole Trunking section hidden from its own switch, not saved yet. */
export const TrunkingSectionOff = s.scenario(() => undefined, {
  play: async ({ canvasElement }) => {
    const el = await s.element(canvasElement);
    const trunking = el.shadowRoot!.querySelector('[data-group="trunking"] [part~="group-field"] am-switch')!;
    trunking.shadowRoot!.querySelector('button')!.click();
  },
});

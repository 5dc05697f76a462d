import type { Meta } from '@storybook/web-components-vite';
import { directApi, draftStories } from './support/draft-stories.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { NumberFeatures } from '../components/number-features/number-features.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
NumberFeatures.define('number-features');

const customer = (emulator: Parameters<Parameters<typeof draftStories>[0]['account']>[0]) =>
  emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)!.id;

const s = draftStories({
  tag: 'number-features',
  account: customer,
  async edit(el) {
    const cnam = el.shadowRoot!.querySelectorAll('am-switch')[1]!;
    cnam.shadowRoot!.querySelector('button')!.click();
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

/** Both features off, as a reseller that does not offer them sets it. */
export const BothOff = s.scenario(async (b, id) => {
  await directApi(b.emulator).updateAccount(id, { numberFeatures: { e911: false, cnam: false } });
});

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, draftStories, until } from './support/draft-stories.js';
import { storyBackend, type StoryBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AppExchangeToggle } from '../components/app-exchange-toggle/app-exchange-toggle.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AppExchangeToggle.define('app-exchange-toggle');

type Story = StoryObj;

const customer = (emulator: CrossbarEmulator) =>
  emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)!.id;

/** Turns off the enabled app at this element's place on the page, so two elements on one account differ. */
async function edit(el: HTMLElement) {
  const index = [...document.querySelectorAll('app-exchange-toggle')].indexOf(el as AppExchangeToggle);
  const on = [...el.shadowRoot!.querySelectorAll<HTMLElement & { checked: boolean }>('am-switch')].filter(
    (s) => s.checked,
  );
  on[index % on.length]!.shadowRoot!.querySelector('button')!.click();
}

const options = {
  tag: 'app-exchange-toggle',
  account: customer,
  edit,
  read: (id: string) => `/accounts/${id}/**`,
  write: { method: 'POST', path: '/accounts/*/apps_store/blacklist' },
};
const s = draftStories(options);
/** The same states on a platform whose catalog holds 52 apps. */
const many = draftStories({ ...options, emulator: { extraApps: 40 } });

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

/** A reseller with dozens of apps: the filter narrows the list to "queue", and the bulk buttons act on those. */
export const FiftyAppsWithAFilter: Story = {
  ...many.scenario(() => undefined, {
    play: async ({ canvasElement }) => {
      const el = await many.element(canvasElement);
      const input = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]'));
      input.value = 'queue';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
  }),
  render: many.meta.render,
};

/** Fifty apps, unfiltered, in a list that scrolls after 24rem. */
export const FiftyAppsScrolling: Story = {
  ...many.scenario(() => undefined),
  render: many.meta.render,
  decorators: [(story) => html`<div style="--am-app-exchange-toggle-list-max-height: 24rem">${story()}</div>`],
};

/** Every app switched off on the account. */
export const AllDisabled = s.scenario(async (b, id) => {
  await directApi(b.emulator).setEnabledApps(id, []);
});

/** The icons fail to load: each app shows its initials. */
export const IconsMissing = s.scenario((b) => {
  b.emulator.faults.add({ path: '/accounts/*/apps_store/*/icon', method: 'GET', status: 404 });
});

// ---- form mode: a creation wizard's apps step, on the parent whose apps are offered

let form: StoryBackend | undefined;

/** In a creation wizard: the root reseller's apps, all on by default, the choice read from `value`. */
export const FormMode: Story = {
  async beforeEach({ msw }) {
    form = storyBackend();
    msw.use(...form.handlers);
  },
  render: () => {
    const backend = form!;
    const parent = backend.emulator.accounts().find((a) => a.depth === 0)!.id;
    const show = (e: Event) => {
      const out = (e.currentTarget as HTMLElement).parentElement!.querySelector('output')!;
      out.value = `${(e.currentTarget as AppExchangeToggle).value.length} apps chosen`;
    };
    return html`<account-provider .api=${backend.api}>
      <div style="padding: 1rem; max-width: 60rem">
        <app-exchange-toggle form account-id=${parent} @change=${show}></app-exchange-toggle>
        <p><output></output></p>
      </div>
    </account-provider>`;
  },
};

export const FormModeFrench = { ...FormMode, parameters: { locale: 'fr-FR' } } satisfies Story;

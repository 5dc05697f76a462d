import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { EmulatorOptions } from '../src/mock/index.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountCreate, type StepId } from '../components/account-create/account-create.js';
import { neverAnswer, STORY_BASE, storyBackend, type StoryBackend } from './support/emulator.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountCreate.define('account-create');

interface Args {
  /** The reseller's realm suffix; empty: the realm is optional. */
  realmSuffix: string;
  passwordLength: number;
}

interface Setup {
  emulator?: EmulatorOptions;
  /** Faults and extra handlers, once the backend exists. */
  setup?: (backend: StoryBackend) => unknown[] | void;
  /** Create under a seeded customer (its apps can be listed) rather than the logged-in reseller. */
  underCustomer?: boolean;
  modal?: boolean;
  /** Where the story's play function takes the wizard. */
  to?: StepId | 'submitting' | 'done';
  /** Admins beyond the first, filled in. */
  admins?: number;
  /** Signed in as a customer's admin: the new account's limits and credit are its reseller's to set. */
  signedInBelow?: boolean;
  /** On the limits step: the carriers chosen, or a trunk count typed (then Next, to show how it is refused). */
  carrier?: 'reseller' | 'account';
  inboundTrunks?: string;
  /** On the apps step: "Only these…" with the apps' switches. */
  appsOnly?: boolean;
}

// ---- driving the wizard like a user (plain DOM events, no test library; ids, so every language works)

async function waitFor<T>(find: () => T | null | undefined | false, timeout = 8000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = find();
    if (v) return v;
    if (Date.now() > end) throw new Error('The story did not reach its state.');
    await new Promise((r) => setTimeout(r, 30));
  }
}

const inner = (el: AccountCreate) => el.shadowRoot!;

/** Types into the field of a dotted path (`name`, `technical.email`, `admins.1.firstName`). */
function fill(el: AccountCreate, path: string, value: string): void {
  const input = inner(el).querySelector<HTMLInputElement>(`#f-${path.replace(/[^\w-]/g, '-')}`);
  if (!input) throw new Error(`No field ${path}.`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The shadow root of a form-mode element on the step, once it has loaded (`ready` is in it). */
async function part(el: AccountCreate, tag: string, ready: string): Promise<ShadowRoot> {
  return waitFor(() => {
    const root = inner(el).querySelector(tag)?.shadowRoot;
    return root?.querySelector(ready) && root;
  });
}

/** What a story does on the step it stops at. */
async function onStep(el: AccountCreate, options: Setup): Promise<void> {
  if (el.step === 'limits' && options.carrier) {
    (await part(el, 'carrier-picker', `#cp-${options.carrier}`))
      .querySelector<HTMLInputElement>(`#cp-${options.carrier}`)!
      .click();
  }
  if (el.step === 'limits' && options.inboundTrunks !== undefined) {
    const input = (await part(el, 'account-limits', '#f-inboundTrunks')).querySelector<HTMLInputElement>(
      '#f-inboundTrunks',
    )!;
    input.value = options.inboundTrunks;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await submitStep(el);
  }
  if (el.step === 'apps' && options.appsOnly) {
    inner(el).querySelectorAll<HTMLInputElement>('input[name="apps-mode"]')[1]!.click();
    await part(el, 'app-exchange-toggle', '[part~="app"]');
  }
  await el.updateComplete;
}

/** Next, or Create on the review step: the form's own submission, whatever the language. */
async function submitStep(el: AccountCreate): Promise<void> {
  inner(el).querySelector('form')!.requestSubmit();
  await el.updateComplete;
}

const ORDER: StepId[] = ['general', 'contacts', 'admins', 'plans', 'limits', 'credit', 'apps', 'review'];
const ADMINS = [
  ['Jane', 'Okafor', 'jane@harbordental.example'],
  ['Raj', 'Patel', 'raj@harbordental.example'],
  ['Mia', 'Sørensen', 'mia@harbordental.example'],
];

async function walk(el: AccountCreate, options: Setup): Promise<void> {
  const { to = 'general', admins = 1 } = options;
  await waitFor(() => inner(el).querySelector('#f-name'));
  const target = to === 'submitting' || to === 'done' ? 'review' : to;
  fill(el, 'name', 'Harbor Dental Group');
  for (const step of ORDER.slice(1, ORDER.indexOf(target) + 1)) {
    // The carriers are chosen on the way; anything else happens on the step the story stops at.
    if (el.step === 'limits' && options.carrier) await onStep(el, { carrier: options.carrier });
    if (el.step === 'contacts') {
      fill(el, 'technical.name', 'Front Desk');
      fill(el, 'technical.email', 'it@harbordental.example');
    }
    if (el.step === 'admins') {
      // "Add an admin" is the panel's one button outside the rows.
      for (let n = 1; n < admins; n++) inner(el).querySelector<HTMLButtonElement>('form > div > button')!.click();
      await el.updateComplete;
      const rows = [...inner(el).querySelectorAll<HTMLInputElement>('input[name$=".firstName"]')];
      rows.forEach((row, i) => {
        const [first, last, email] = ADMINS[i % ADMINS.length]!;
        const p = row.name.replace(/\.firstName$/, '');
        fill(el, `${p}.firstName`, first!);
        fill(el, `${p}.lastName`, last!);
        fill(el, `${p}.email`, email!);
      });
    }
    await el.updateComplete;
    await submitStep(el);
    await waitFor(() => el.step === step);
  }
  if (to === 'submitting' || to === 'done') {
    await submitStep(el);
    if (to === 'done') await waitFor(() => inner(el).querySelector('[part=done]'));
  }
  if (el.step === target) await onStep(el, { ...options, carrier: target === 'limits' ? options.carrier : undefined });
}

/** One story: its own emulator (seeded, deterministic), faults, and where the wizard is taken. */
function story(options: Setup = {}, extra: Partial<Story> = {}): Story {
  let backend: StoryBackend;
  let parentId: string | undefined;
  return {
    ...extra,
    async beforeEach({ msw }) {
      backend = storyBackend(options.emulator);
      const handlers = (options.setup?.(backend) ?? []) as Parameters<typeof msw.use>;
      msw.use(...handlers, ...backend.handlers);
      const customer = backend.emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)?.id;
      parentId = options.underCustomer ? customer : undefined;
      if (options.signedInBelow && customer) {
        const credentials = { ...backend.emulator.loginFor(customer) };
        backend = { ...backend, api: createKazooAdapter({ baseUrl: STORY_BASE, credentials }) };
      }
    },
    render: (args) =>
      html`<account-provider .api=${backend.api}>
        <account-create
          parent-id=${parentId ?? ''}
          realm-suffix=${args.realmSuffix}
          password-length=${args.passwordLength}
          ?modal=${options.modal}
        ></account-create>
        ${
          options.modal
            ? html`<p style="padding: 1rem">
                <button
                  type="button"
                  @click=${(e: Event) =>
                    (
                      (e.target as HTMLElement)
                        .closest('account-provider')!
                        .querySelector('account-create') as AccountCreate
                    ).show()}
                >
                  Add account
                </button>
              </p>`
            : ''
        }
      </account-provider>`,
    play: async ({ canvasElement }) => {
      const el = await waitFor(() => canvasElement.querySelector('account-create'));
      if (options.modal) await el.show();
      if (options.to) await walk(el, options);
    },
  };
}

const meta: Meta<Args> = {
  title: 'Widgets/account-create',
  component: 'account-create',
  args: { realmSuffix: 'sip.acme.example', passwordLength: 16 },
  argTypes: {
    realmSuffix: { control: 'text' },
    passwordLength: { control: { type: 'number', min: 12, max: 64 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Step 1: name, a realm generated under the reseller's suffix, time zone and language from the parent. */
export const NameAndRealm: Story = story();

/** With no realm suffix the realm is optional: left empty, the platform chooses one. */
export const NoRealmSuffix: Story = story({}, { args: { realmSuffix: '' } });

export const Contacts: Story = story({ to: 'contacts' });

/** Admins with generated passwords: show/hide, generate, copy, strength, e-mail the credentials. */
export const Admins: Story = story({ to: 'admins' });

/** Three admins, each with a password of its own. */
export const SeveralAdmins: Story = story({ to: 'admins', admins: 3 });

/** The reseller's plans through `<service-plan-picker>` in its form mode. */
export const ServicePlans: Story = story({ to: 'plans' });

/** The reseller offers no plans: the step explains instead of showing an empty list. */
export const ServicePlansNoneOffered: Story = story({
  to: 'plans',
  setup: (b) =>
    void b.emulator.faults.add({
      path: '/accounts/*/services/available',
      status: 200,
      body: { status: 'success', data: [], request_id: 'story', auth_token: '', revision: 'x' },
    }),
});

/** Listing the plans is forbidden for this user (403). */
export const ServicePlansForbidden: Story = story({
  to: 'plans',
  setup: (b) => void b.emulator.faults.add({ path: '/accounts/*/services/available', status: 403 }),
});

/**
 * `<account-limits form>`: trunks and per-minute calls from the parent's limits, allowed calls from its
 * restrictions; then `<carrier-picker form>`, the system-wide carriers chosen (Monster's default).
 */
export const LimitsAndCalls: Story = story({ to: 'limits' });

/** The reseller's carriers chosen: the review names them, and they become the new account's `no_match` callflow. */
export const LimitsResellerCarriers: Story = story({ to: 'limits', carrier: 'reseller' });

/** The new account's own carriers: it has none yet, so its calls to the outside fail until one is added. */
export const LimitsOwnCarriers: Story = story({ to: 'limits', carrier: 'account' });

/** A trunk count that is not a whole number: Next stops, and the element says why on the field. */
export const LimitsWrongCount: Story = story({ to: 'limits', inboundTrunks: '1.5' });

/** Signed in below the new account's reseller: only the call classes and the carriers, with a line why. */
export const LimitsNotReseller: Story = story({ to: 'limits', signedInBelow: true });

export const InitialCredit: Story = story({ to: 'credit' });

/** Under a customer account, whose apps can be listed: "All of the parent's apps" (the default) or "Only these…". */
export const Apps: Story = story({ to: 'apps', underCustomer: true });

/** "Only these…": the parent's apps through `<app-exchange-toggle form>`, each on until switched off. */
export const AppsOnlySome: Story = story({ to: 'apps', underCustomer: true, appsOnly: true });

/** The parent's apps cannot be listed: the step says the new account gets all of them. */
export const AppsUnavailable: Story = story({
  to: 'apps',
  setup: (b) => void b.emulator.faults.add({ path: '/accounts/*/apps_store', status: 403 }),
});

/** Every choice with "Edit" links; passwords masked behind "Show passwords"; the carriers with the limits. */
export const Review: Story = story({ to: 'review' });

/** The reseller's carriers chosen on the way, named on the review. */
export const ReviewResellerCarriers: Story = story({ to: 'review', carrier: 'reseller' });

/** Slow network: the account is created, the admins are on their way; one submission at a time. */
export const Submitting: Story = story({
  to: 'submitting',
  setup: (b) => void b.emulator.faults.add({ path: '/accounts/*/users', method: 'PUT', latencyMs: 3_600_000 }),
});

/** The account itself was refused (500): said on the review step, and "Create account" tries again. */
export const AccountFailed: Story = story({
  to: 'submitting',
  setup: (b) =>
    void b.emulator.faults.add({ path: `/accounts/${b.emulator.rootAccountId}`, method: 'PUT', status: 500 }),
});

/** The server refuses an admin's e-mail (400 unique): named, fixable in place, retried alone. */
export const PartialFailureAdmin: Story = story({
  to: 'submitting',
  setup: (b) =>
    void b.emulator.faults.add({
      path: '/accounts/*/users',
      method: 'PUT',
      status: 400,
      times: 1,
      body: {
        status: 'error',
        error: '400',
        message: 'invalid data',
        data: { username: { unique: { message: 'Username already in use' } } },
      },
    }),
});

/** The limits are refused (403): "Limits: you don't have permission", with Retry and "Finish anyway". */
export const PartialFailureLimits: Story = story({
  to: 'submitting',
  setup: (b) => void b.emulator.faults.add({ path: '/accounts/*/limits', method: 'POST', status: 403 }),
});

/** Created: "Open account" (fires `account-select`) and "Create another". */
export const Done: Story = story({ to: 'done' });

/** The parent's settings never arrive: the skeleton stays. */
export const Loading: Story = story({ setup: () => [neverAnswer('/accounts/*/limits')] });

/** Loading the parent's settings failed: what failed, in words, with Retry. */
export const ErrorLoadingDefaults: Story = story({
  setup: (b) => void b.emulator.faults.add({ path: '/accounts/*/phone_numbers/classifiers', status: 500 }),
});

/** As a modal dialog (`show()`), the way a host opens it; Escape asks before discarding input. */
export const Dialog: Story = story({ modal: true });

export const DialogDone: Story = story({ modal: true, to: 'done' });

export const Dark: Story = story({ to: 'admins' }, { parameters: { theme: 'dark' } });

export const DarkDialogReview: Story = story({ modal: true, to: 'review' }, { parameters: { theme: 'dark' } });

export const French: Story = story({ to: 'admins' }, { parameters: { locale: 'fr-FR' } });

export const FrenchReview: Story = story({ to: 'review' }, { parameters: { locale: 'fr-FR' } });

/** Right to left: names, realms, e-mails and zones keep their own direction. */
export const RightToLeftReview: Story = story({ to: 'review' }, { parameters: { locale: 'ar-EG' } });

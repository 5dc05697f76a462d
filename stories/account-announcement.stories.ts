import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AccountApi } from '../src/api/api.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, until } from './support/draft-stories.js';
import { STORY_BASE, storyBackend } from './support/emulator.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountAnnouncement } from '../components/account-announcement/account-announcement.define.js';
import { ANNOUNCEMENT_STORAGE_PREFIX } from '../components/account-announcement/account-announcement.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountAnnouncement.define('account-announcement');

type Story = StoryObj;

const customer = (emulator: CrossbarEmulator) =>
  emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller && a.childCount === 0)!.id;

/** Each story is a first sign-in: what an earlier one remembered is forgotten. */
function forget(): void {
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    try {
      const s = window[kind];
      for (const k of Object.keys(s)) if (k.startsWith(ANNOUNCEMENT_STORAGE_PREFIX)) s.removeItem(k);
    } catch {
      // Storage refused: nothing remembered either.
    }
  }
}

let api: AccountApi | undefined;

const meta: Meta = {
  title: 'Widgets/account-announcement',
  component: 'account-announcement',
  render: () =>
    html`<account-provider .api=${api}>
      <div style="padding: 1rem; max-width: 40rem">
        <p>The customer's portal, just after its administrator signed in.</p>
        <p>
          Last event:
          <output data-event>none</output>
        </p>
        <account-announcement
          @announcement-dismiss=${(e: CustomEvent<{ accountId: string }>) => {
            const out = (e.target as HTMLElement).parentElement!.querySelector('[data-event]')!;
            out.textContent = `announcement-dismiss for ${e.detail.accountId}`;
          }}
        ></account-announcement>
      </div>
    </account-provider>`,
};
export default meta;

/** Signs in as the admin of a customer whose announcement is `announcement`. */
function scenario(announcement: string | null, extra: Story = {}): Story {
  return {
    ...extra,
    async beforeEach({ msw }) {
      const backend = storyBackend();
      const id = customer(backend.emulator);
      await directApi(backend.emulator).updateAccount(id, { language: 'en-US', notes: { announcement } });
      msw.use(...backend.handlers);
      forget();
      api = createKazooAdapter({
        baseUrl: STORY_BASE,
        credentials: { ...backend.emulator.loginFor(id) },
        onChargesRequired: () => true,
      });
    },
  };
}

const MAINTENANCE =
  '<p><strong>Maintenance window</strong> on Saturday, 02:00 to 04:00 local time.</p>' +
  '<ul><li>Calls may drop for a few seconds.</li><li>Voicemail stays available.</li></ul>' +
  '<p>Questions: <a href="https://status.example.com">status.example.com</a> or <a href="mailto:noc@acme.example">noc@acme.example</a>.</p>';

/** The announcement, once, on signing in; the focus is on Dismiss. */
export const Shown = scenario(MAINTENANCE);

/** Dismissed: nothing on screen, and the host heard `announcement-dismiss`. */
export const Dismissed = scenario(MAINTENANCE, {
  play: async ({ canvasElement }) => {
    const el = await until(() => canvasElement.querySelector('account-announcement'));
    const button = await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part=dismiss]'));
    button.click();
  },
});

/** No announcement: nothing is rendered and nothing more is asked. */
export const None = scenario(null);

/** Another tenant's hostile HTML: shown as text, nothing runs, nothing leaves the dialog. */
export const Hostile = scenario(
  [
    '<p>Welcome!<script>alert("announcement-xss")</script></p>',
    '<p>Image: <img src="x" onerror="alert(\'onerror\')">no image, no alert.</p>',
    '<p onclick="alert(1)">Click me: no handler.</p>',
    '<p><a href="javascript:alert(2)">A javascript: link</a> is text.</p>',
    '<style>* { display: none !important; }</style>',
    '<div style="position:fixed;inset:0;background:red">A box that wanted the whole page.</div>',
    '<iframe src="https://evil.example"></iframe><form><input name="password"></form>',
  ].join(''),
);

/** In French (the page's language). */
export const French = {
  ...scenario(
    '<p><strong>Maintenance</strong> samedi de 2 h à 4 h. Les appels peuvent être coupés quelques secondes.</p>',
  ),
  parameters: { locale: 'fr-FR' },
} satisfies Story;

/** Right to left: the dialog mirrors; the text keeps its own direction. */
export const RightToLeft = {
  ...scenario('<p>صيانة مجدولة يوم السبت من الساعة 2 إلى 4 صباحًا.</p><p>Calls may drop briefly.</p>'),
  parameters: { locale: 'ar-EG' },
} satisfies Story;

/** The dark theme. */
export const Dark = { ...scenario(MAINTENANCE), parameters: { theme: 'dark' } } satisfies Story;

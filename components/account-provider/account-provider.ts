import { html, isServer, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextProvider } from '@lit/context';
import type { AccountApi } from '../../src/api/api.js';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { Account, Session } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';
import { storeKey } from '../../src/data/keys.js';
import {
  actingAccountContext,
  apiContext,
  ensureContextRoot,
  localeContext,
  sessionContext,
  storeContext,
  type ActingAccount,
} from '../../src/context/contexts.js';
import { AmElement } from '../../src/base/am-element.js';
import { isAccountApi, storeFor } from '../../src/base/context-controller.js';
import { PhraseLocalizeController, dirOf, registerTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { renderErrorPanel, RETRY_EVENT } from '../../src/base/error-panel.js';
import { warnOnce } from '../../src/base/warn.js';
import { basicControlStyles } from '../../src/base/basic-controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-provider.styles.js';
import en, { type ProviderMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** Before acting as another account; cancel to refuse. */
    'masquerade-request': { accountId: string; account?: Account };
    /** The acting account changed (masquerade or restore). */
    'masquerade-change': { accountId: string; stack: string[] };
    /** A backend call failed where no widget shows it (`source`: `session`, `masquerade`). */
    'api-error': { error: AccountApiError; source: string };
    /** Someone else is signed in now (the api's credential changed): everything shown was read again. */
    'session-change': { accountId: string; userId?: string };
    /** Signed out (`logout()`): nothing of the session is shown or kept. */
    'session-end': Record<string, never>;
  }
}

export type ProviderTheme = 'light' | 'dark' | 'auto';

type Key = keyof ProviderMessages;
export type { ProviderMessages };

registerTranslations('account-provider', {
  'en-US': en,
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

// Widgets upgraded before any provider still find it once it connects.
ensureContextRoot();

const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/**
 * Hands an api, one shared store, the session, the acting account and the locale to every widget inside,
 * and sets their theme. Its children are always rendered as they are (the host's layout stays intact).
 *
 * Locale: `locale`, else the session's language when the page has no `<html lang>`; widgets fall back to
 * `<html lang>`, then en-US.
 *
 * @tag account-provider
 * @summary The root of every account widget: backend, session, "Use account" and theme.
 *
 * @slot - The host's content; widgets anywhere inside bind to this provider.
 *
 * @csspart banner - The "You are viewing the portal as … (signed in as …)" bar shown while using another account.
 * @csspart banner-button - Its "Return to my account" button.
 * @csspart error - Shown when the session cannot load or `api` is not an AccountApi.
 * @csspart notice - Shown when a "Use account" request is refused.
 * @csspart content - Wraps the slot (carries `dir` for right-to-left locales).
 *
 * @cssproperty --am-account-provider-background - Background painted when `theme` is set (default `--am-color-surface`).
 * @cssproperty --am-account-provider-banner-background - Banner background (default `--am-color-warning-surface`).
 * @cssproperty --am-account-provider-banner-color - Banner text (default `--am-color-warning-text`).
 *
 * @event masquerade-request - Cancelable, before acting as another account. `detail: { accountId, account? }`.
 * @event masquerade-change - The acting account changed. `detail: { accountId, stack }` (stack: original first).
 * @event api-error - The session failed to load, or a "Use account" was refused. `detail: { error, source }`.
 */
export class AccountProvider extends AmElement {
  static override styles = [tokens, basicControlStyles, errorPanelStyles, styles];

  // Reactive properties declared without decorators: the provider loads with the first page, and lit's
  // decorators are code only the editing elements need.
  static override properties = {
    api: { attribute: false },
    locale: {},
    theme: { reflect: true },
    _session: { state: true },
    stack: { state: true },
    error: { state: true },
    invalidApi: { state: true },
    notice: { state: true },
  };

  /** The backend (required). Widgets inside read and write through one store over it. */
  declare api?: AccountApi;

  /** BCP 47 locale for the widgets inside (`fr-FR`); see the class notes for the fallbacks. */
  declare locale?: string;

  /** `light`, `dark`, or `auto` (follows the system). Unset: whatever the page's theme tokens say. */
  declare theme?: ProviderTheme;

  declare private _session?: Session;
  private stack: string[] = [];
  declare private error?: AccountApiError;
  private invalidApi = false;
  declare private notice?: string;

  private readonly l = new PhraseLocalizeController<Key>(this, {
    namespace: 'account-provider',
    locale: () => this.providedLocale,
  });
  private readonly apiP = new ContextProvider(this, { context: apiContext });
  private readonly storeP = new ContextProvider(this, { context: storeContext });
  private readonly sessionP = new ContextProvider(this, { context: sessionContext });
  private readonly actingP = new ContextProvider(this, { context: actingAccountContext });
  private readonly localeP = new ContextProvider(this, { context: localeContext });
  private store?: AccountStore;
  private bound?: unknown;
  private sessionLoad?: AbortController;
  private unsubscribe?: () => void;
  private masqueradeSeq = 0;
  /** After `logout()`: nothing is read until a credential signs someone in again. */
  private signedOut = false;

  constructor() {
    super();
    // Retry pressed in an element inside: a session that failed too is tried again, so its failure does not stay.
    this.addEventListener(RETRY_EVENT, () => {
      if (this.error && !this.signedOut) this.loadSession();
    });
  }

  /** Who is logged in; `undefined` until loaded. */
  get session(): Session | undefined {
    return this._session;
  }

  /** The account widgets inside act on. */
  get actingAccountId(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  /**
   * Signs out: the api revokes its credential and forgets its secrets, the store, every draft and the "Use
   * account" stack are cleared, so no element inside shows customer data any more; fires `session-end`.
   * Setting a new `.api` (or a new credential on the same one) signs in again.
   */
  async logout(): Promise<void> {
    const store = this.store;
    this.signedOut = true;
    this.sessionLoad?.abort();
    try {
      await store?.api.logout?.();
    } catch (e) {
      // The credential is forgotten locally even when the server could not be told.
      this.emit('api-error', { error: toAccountApiError(e), source: 'logout' });
    }
    store?.clear();
    this._session = this.error = this.notice = undefined;
    this.stack = [];
    this.sessionP.setValue(undefined);
    this.publishActing();
    this.emit('session-end', {});
  }

  /** Reloads what every widget inside shows (for data changed outside these widgets). */
  refresh(): void {
    this.store?.invalidateAll();
  }

  /** Whether a "Use account" is in force. */
  get isMasquerading(): boolean {
    return this.stack.length > 1;
  }

  private get providedLocale(): string | undefined {
    if (this.locale || isServer) return this.locale || undefined;
    return (document.documentElement.lang ? undefined : this._session?.language) || undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Bound at once, not at the first render: elements inside find the store as they connect, and ask for their
    // data in the same task.
    if (this.api !== this.bound) return this.bind();
    if (this.store && !this.unsubscribe) this.unsubscribe = this.store.subscribe(this.onStoreChange);
    if (this.store && !this._session && !this.error && !this.signedOut) this.loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sessionLoad?.abort();
    this.sessionLoad = undefined;
    // The store outlives the provider (one per api): listening on while detached would keep the provider alive.
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.api !== this.bound) this.bind();
    if (changed.has('theme') && this.theme !== undefined && !THEMES.includes(this.theme)) {
      warnOnce(
        'provider-theme',
        `<account-provider> theme="${String(this.theme)}" is not light, dark or auto; ignored.`,
      );
    }
    this.localeP.setValue(this.providedLocale);
  }

  private bind(): void {
    const api = this.api;
    this.bound = api;
    this.sessionLoad?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this._session = this.error = this.notice = undefined;
    this.stack = [];
    this.signedOut = false;
    this.invalidApi = api !== undefined && api !== null && !isAccountApi(api);
    if (this.invalidApi) warnOnce('provider-api', '<account-provider> was given an .api that is not an AccountApi.');
    this.store = api && !this.invalidApi ? storeFor(api) : undefined;
    if (this.isConnected) this.unsubscribe = this.store?.subscribe(this.onStoreChange);
    this.apiP.setValue(this.store ? api : undefined);
    this.storeP.setValue(this.store);
    this.sessionP.setValue(undefined);
    this.publishActing();
    this.loadSession();
  }

  private loadSession(): void {
    const store = this.store;
    if (!store || !this.isConnected) return;
    this.sessionLoad?.abort();
    const ctrl = (this.sessionLoad = new AbortController());
    this.error = undefined;
    // Elements connected in the same task as this ask for their first pages first: who is logged in is read
    // after those rows are drawn.
    Promise.resolve()
      .then(() => store.afterFirstRows())
      .then(() => {
        if (ctrl.signal.aborted) throw new DOMException('The session read was stopped.', 'AbortError');
        return store.getSession({ signal: ctrl.signal, force: true });
      })
      .then(
        (session) => {
          if (ctrl !== this.sessionLoad) return;
          this._session = session;
          this.stack = [session.accountId];
          this.sessionP.setValue(session);
          this.publishActing();
        },
        (e: unknown) => {
          const error = toAccountApiError(e);
          if (ctrl !== this.sessionLoad || error.kind === 'aborted') return;
          this.error = error;
          this.emit('api-error', { error, source: 'session' });
        },
      );
  }

  private publishActing(): void {
    const value: ActingAccount = {
      accountId: this.actingAccountId,
      stack: [...this.stack],
      masquerade: (id) => this.masquerade(id),
      restore: (options) => this.restore(options),
    };
    this.actingP.setValue(value);
  }

  private setStack(stack: string[]): void {
    this.stack = stack;
    this.publishActing();
    this.emit('masquerade-change', { accountId: this.actingAccountId!, stack: [...stack] });
  }

  /**
   * Act as `accountId`, a descendant of the logged-in account: fires the cancelable `masquerade-request`,
   * checks the account's ancestry, then every widget inside re-targets and the banner shows.
   * Resolves `true` when the acting account is `accountId`; a refusal shows a message and changes nothing.
   */
  async masquerade(accountId: string): Promise<boolean> {
    const store = this.store;
    const session = this._session;
    if (!this.isConnected || !store || !session || typeof accountId !== 'string' || !accountId) return false;
    if (accountId === this.actingAccountId) return true;
    if (accountId === session.accountId) {
      this.restore({ all: true });
      return true;
    }
    const account = store.peek<Account>(storeKey.account(accountId));
    if (!this.emit('masquerade-request', { accountId, account }, { cancelable: true })) return false;
    const seq = ++this.masqueradeSeq;
    const current = () => seq === this.masqueradeSeq && store === this.store && this.isConnected;
    try {
      const ancestors = await store.getAncestors(accountId);
      if (!current()) return false;
      if (!ancestors.some((a) => a.id === session.accountId)) {
        this.refuse(
          new AccountApiError({ kind: 'forbidden', message: en.masqueradeRefused }),
          this.l.t('masqueradeRefused'),
        );
        return false;
      }
      // The banner names the account; widgets will read it anyway, so this costs no extra request.
      await store.getAccount(accountId);
      if (!current()) return false;
      this.notice = undefined;
      this.setStack([...this.stack, accountId]);
      return true;
    } catch (e) {
      const error = toAccountApiError(e);
      if (current()) this.refuse(error, this.l.errorMessage(error));
      return false;
    }
  }

  /** Stop acting as the current account: back one level, or with `{ all: true }` to the logged-in account. */
  restore(options: { all?: boolean } = {}): void {
    if (!this.isConnected || this.stack.length <= 1) return;
    this.masqueradeSeq++;
    this.setStack(options.all ? this.stack.slice(0, 1) : this.stack.slice(0, -1));
  }

  private refuse(error: AccountApiError, message: string): void {
    this.notice = message;
    this.emit('api-error', { error, source: 'masquerade' });
  }

  /** The store forgot everything: another identity is signed in (its session is cached), or none is. */
  private onCleared(): void {
    const store = this.store;
    const next = store?.peek<Session>(storeKey.session());
    this.masqueradeSeq++;
    this.notice = undefined;
    if (!next) {
      this._session = undefined;
      this.stack = [];
      this.sessionP.setValue(undefined);
      this.publishActing();
      if (!this.signedOut) this.loadSession();
      return;
    }
    this.signedOut = false;
    this._session = next;
    this.stack = [next.accountId];
    this.sessionP.setValue(next);
    this.publishActing();
    this.emit('session-change', { accountId: next.accountId, userId: next.userId });
  }

  private onStoreChange = (change: StoreChange): void => {
    if (change.type === 'cleared') return this.onCleared();
    if (change.type === 'account-deleted' && this.stack.slice(1).includes(change.id)) {
      this.setStack(this.stack.slice(0, this.stack.indexOf(change.id)));
    } else if (change.type === 'account-updated' && this.stack.includes(change.account.id)) {
      this.requestUpdate();
    }
  };

  private nameOf(id: string): string {
    if (id === this._session?.accountId && this._session.accountName) return this._session.accountName;
    return this.store?.peek<Account>(storeKey.account(id))?.name ?? this.store?.summaryFacts(id)?.name ?? id;
  }

  private renderBanner(): unknown {
    if (!this.isMasquerading) return nothing;
    // The names in bold, each in its own direction, wherever the language puts them.
    const name = (id: string) => html`<strong><bdi>${this.nameOf(id)}</bdi></strong>`;
    const text = phrase(this.l, 'viewingAs', { account: name(this.actingAccountId!), me: name(this.stack[0]!) });
    return html`<div class="banner" part="banner" role="region" aria-label=${this.l.t('bannerLabel')}>
      <span>${text}</span>
      <button type="button" class="am-button" part="banner-button" @click=${() => this.restore({ all: true })}>
        ${this.l.t('returnToMine')}
      </button>
    </div>`;
  }

  private renderProblem(): unknown {
    if (this.invalidApi)
      return renderErrorPanel({ kind: 'invalid-response' }, this.l, { title: this.l.t('invalidApi') });
    if (this.error) {
      return renderErrorPanel(this.error, this.l, {
        title: this.l.t('sessionFailed'),
        onRetry: () => this.loadSession(),
      });
    }
    if (this.notice) {
      return html`<div class="am-error-panel notice" part="notice" role="alert">
        <p>${this.notice}</p>
        <button type="button" class="am-button" @click=${() => (this.notice = undefined)}>
          ${this.l.t('dismiss')}
        </button>
      </div>`;
    }
    return nothing;
  }

  protected override render(): unknown {
    const locale = this.providedLocale;
    return html`${this.renderBanner()}${this.renderProblem()}
      <div class="content" part="content" dir=${ifDefined(locale ? dirOf(locale) : undefined)}><slot></slot></div>`;
  }
}

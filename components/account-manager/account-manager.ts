import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { AccountApi } from '../../src/api/api.js';
import type { Account, AccountSummary, Session } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';
import { storeKey } from '../../src/data/keys.js';
import { actingAccountContext, localeContext, sessionContext, storeContext } from '../../src/context/contexts.js';
import type { ActingAccount } from '../../src/context/contexts.js';
import { AmElement } from '../../src/base/am-element.js';
import { askOnServer } from '../../src/base/context-controller.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { defineTranslations, type SharedKey } from '../../src/base/localize.js';
import { LocalizeController } from '../../src/base/localize-controller.js';
import { bdi, phrase } from '../../src/base/phrase.js';
import { renderSkeleton } from '../../src/base/primitives.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { skeletonStyles } from '../../src/base/skeleton.styles.js';
import { warnOnce } from '../../src/base/warn.js';
import { tokens } from '../../src/themes/tokens.js';
import { AccountAnnouncement } from '../account-announcement/account-announcement.js';
import type { AccountCreate } from '../account-create/account-create.js';
import { AccountOverview } from '../account-overview/account-overview.js';
import { AccountProvider } from '../account-provider/account-provider.js';
import { AccountTree } from '../account-tree/account-tree.js';
import { styles } from './account-manager.styles.js';
import { ContextFeed } from './context-feed.js';
import en from './locales/en-US.js';
import { defineLazy, isTab, knownTag, LAZY, Panels, REGISTRIES, TABS } from './panels.js';
import type { AccountManagerTab, Loader, ShownElements } from './panels.js';

export { TABS as ACCOUNT_MANAGER_TABS } from './panels.js';
export type { AccountManagerTab } from './panels.js';
export type { ManagerMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /**
     * The account or the tab on screen changed by the user's doing (never when the host set `account-id` or
     * `tab`): a host keeps both in its URL.
     */
    'account-manager-navigate': { accountId: string; tab: AccountManagerTab };
  }
}

defineTranslations('account-manager', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});
type Key = keyof typeof en;

type Screen = 'accounts' | 'account';

const startsWith = (list: string[], head: string[]) => head.every((id, i) => list[i] === id);

/** Where a ResourceController finds the store the manager was handed. */
class StoreSource {
  constructor(private readonly get: () => AccountStore | undefined) {}
  get store(): AccountStore | undefined {
    return this.get();
  }
}

/**
 * The whole Account Manager in one element: the account tree beside the selected account's sections as tabs
 * (Overview, Admins, Limits, Numbers, Restrictions, Carrier, Apps, Notes, Plans), "Add account" in a dialog,
 * "Use account" with step-by-step return, and the signed-in account's announcement.
 *
 * A tab's element is created the first time the tab is opened and kept while the account stays, so going back
 * to a tab is instant and keeps its unsaved edits; only the tree and the overview are loaded with the manager,
 * every other section's code when first opened. Opening an account reads each resource it shows once.
 *
 * Place it inside `<account-provider>`, or give it `.api` and it brings its own provider (the "Use account"
 * banner then shows at its top). Unsaved edits are never lost on the way to another account: the section asks,
 * and "Keep editing" brings the tree and the tab back to the edits.
 *
 * Below about 48rem of width (a phone) the accounts and the account are two screens, with "Back to accounts";
 * from there on they sit side by side.
 *
 * Keyboard: the tree (see `<account-tree>`), then "Use account", then the tabs (WAI-ARIA tabs: Left / Right,
 * Home / End move between tabs, Enter or Space opens one, since opening reads from the server), then the section.
 *
 * The elements inside are found through the manager only (never through `document`), under the tags
 * `static dependencies` and `static lazyDependencies` give them. Their events (`account-select`,
 * `account-saved`, `account-created`, …) bubble out of the manager too; it acts on them first: "Add account"
 * (`account-create-request`, cancelled) opens its own wizard, a new account is selected, a deleted one's parent
 * is selected, "Show sub-accounts" expands the account in the tree, a moved one is revealed in its new place.
 *
 * @tagname account-manager
 * @summary Tree, account sections in tabs, "Add account" and "Use account", in one element.
 *
 * @csspart base - The layout: the accounts and the account.
 * @csspart accounts - The accounts side (heading, the root account and the tree).
 * @csspart root-button - The tree's root account (the acting account), which the tree has no row for; also
 * `root-button-current` while it is the one shown.
 * @csspart tree - The `<account-tree>`.
 * @csspart detail - The account side (header, tabs, sections).
 * @csspart header - The account's name, "Back to accounts" and "Use account".
 * @csspart title - The account's name (the overview's own name header is hidden: this one says it).
 * @csspart badge - The "Reseller" badge beside it.
 * @csspart back-button - "Back to accounts" (on a narrow screen only).
 * @csspart use-button - "Use account".
 * @csspart nested - The bar with "Return to …" while using an account from inside another used one.
 * @csspart return-button - Its "Return to …" button.
 * @csspart tabs - The tab row (`role="tablist"`).
 * @csspart tab - Each tab; also `tab-selected`.
 * @csspart panel - Each section (`role="tabpanel"`).
 * @csspart skeleton - Shown while a section's code loads slowly.
 * @csspart error - A section whose code could not be loaded, with Retry.
 * @csspart provider - The manager's own `<account-provider>` (with `.api` only).
 * @csspart banner - The "Use account" banner of the manager's own provider (with `.api` only).
 * @csspart banner-button - Its "Return to my account" button.
 *
 * @cssproperty --am-account-manager-tree-width - Width of the accounts side beside the account (default `22rem`).
 * @cssproperty --am-account-manager-tree-height - Height of the tree (default `32rem`).
 * @cssproperty --am-account-manager-gap - Space between the parts (default `--am-space-4`).
 * @cssproperty --am-account-manager-border-color - Line under the tabs (default `--am-color-border`).
 * @cssproperty --am-account-manager-tab-color - Tab text (default `--am-color-text-muted`).
 * @cssproperty --am-account-manager-tab-selected-color - Marker of the selected tab (default `--am-color-accent`).
 * @cssproperty --am-account-manager-root-current-background - The root account's button while shown (default `--am-color-accent`).
 * @cssproperty --am-account-manager-root-current-color - Its text (default `--am-color-on-accent`).
 *
 * @event account-manager-navigate - The user moved to another account or tab. `detail: { accountId, tab }`.
 *
 * @cssstate account-screen - On a narrow screen: the account is shown (not the accounts).
 * @cssstate loading - The selected tab's code is loading.
 * @cssstate masquerading - An account is in use ("Use account").
 * @cssstate nested - An account is in use from inside another used account.
 */
export class AccountManager extends AmElement {
  static override styles = [tokens, controlStyles, skeletonStyles, errorPanelStyles, styles];
  static override dependencies = {
    'account-provider': AccountProvider,
    'account-tree': AccountTree,
    'account-overview': AccountOverview,
    'account-announcement': AccountAnnouncement,
  };
  /**
   * Elements loaded on first use, by their default tag: defined under it in every registry the manager was defined
   * in, unless the page defined the class under a name of its own already (the manager then shows that one).
   */
  static lazyDependencies: Record<string, Loader> = LAZY;

  static override define(tagName: string | undefined = this.tagName, registry: CustomElementRegistry = customElements) {
    super.define(tagName, registry);
    REGISTRIES.add(registry);
  }

  /** The selected account; default: the acting account (the signed-in one, or the one in use). */
  @property({ attribute: 'account-id', reflect: true }) accountId?: string;

  /** The tab on screen: `overview`, `admins`, `limits`, `numbers`, `restrictions`, `carrier`, `apps`, `notes`, `plans`. */
  @property({ reflect: true }) tab: AccountManagerTab = 'overview';

  /** A backend, for use without `<account-provider>`: the manager then wraps its content in its own provider. */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides single labels, e.g. `{ 'tab.plans': 'Service plans' }`. */
  @property({ attribute: false }) i18n?: Partial<Record<Key | SharedKey, string>>;

  @state() private screen: Screen = 'accounts';

  private readonly sessionFeed = new ContextFeed(sessionContext, (now, was) => this.onSession(now, was));
  private readonly actingFeed = new ContextFeed(actingAccountContext, (now, was) => this.onActing(now, was));
  private readonly storeFeed = new ContextFeed(storeContext, () => this.requestUpdate());
  private readonly localeFeed = new ContextFeed(localeContext, () => this.requestUpdate());
  private readonly l = new LocalizeController<Key>(this, {
    namespace: 'account-manager',
    // On a server no feed listens: the provider around is asked.
    locale: () => this.localeFeed.value ?? (isServer ? askOnServer(this, localeContext) : undefined),
  });
  /** The shown account's document (its name in the header): the same read its sections make. */
  private readonly account = new ResourceController<Account>(this, new StoreSource(() => this.storeFeed.value), {
    key: () => {
      const id = this.signedOut ? undefined : this.shownId;
      return id ? storeKey.account(id) : undefined;
    },
    load: (store, o) => store.getAccount(this.shownId!, o),
    isEmpty: () => false,
    states: false,
  });
  private readonly panels = new Panels(
    this,
    (key) => knownTag(this, this.kinds, key),
    (key) => defineLazy(this, this.kinds, key),
  );
  private readonly baseRef = createRef<HTMLElement>();
  private readonly treeRef = createRef<AccountTree>();
  private create?: AccountCreate;
  private subscribed?: AccountStore;
  private unsubscribe?: () => void;
  /** The parent of each account deleted while shown, learnt from the store's change. */
  private readonly parents = new Map<string, string>();
  private identity?: string;
  private signedOut = false;
  private lastShown?: string;
  private focusNext?: { screen: Screen; always: boolean };
  private listening?: Element;

  /** The account on screen: `account-id`, else the acting account. */
  private get shownId(): string | undefined {
    return this.accountId || this.actingFeed.value?.accountId || this.sessionFeed.value?.accountId;
  }

  private get currentTab(): AccountManagerTab {
    return isTab(this.tab) ? this.tab : 'overview';
  }

  // ---- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Inside a host's provider the contexts arrive before the first render.
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const f of this.feeds) f.stop();
    this.listening = undefined;
    this.unsubscribe?.();
    this.unsubscribe = this.subscribed = undefined;
  }

  private get feeds() {
    return [this.sessionFeed, this.actingFeed, this.storeFeed, this.localeFeed];
  }

  /** Where the contexts are asked from: the manager itself, or inside its own provider when it has `.api`. */
  private get probe(): Element | undefined {
    return this.api === undefined || this.api === null ? this : this.baseRef.value;
  }

  private listen(): void {
    if (!this.isConnected) return;
    const probe = this.probe;
    this.listening = probe;
    for (const f of this.feeds) f.listen(probe);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') && !isTab(this.tab)) {
      warnOnce(
        'manager-tab',
        `<account-manager> tab="${String(this.tab)}" is not one of ${TABS.join(', ')}; overview is shown.`,
      );
    }
    // The host chose a place: it is what shows, on a phone too.
    if ((changed.has('accountId') && this.accountId) || (changed.has('tab') && this.hasUpdated))
      this.screen = 'account';
    const id = this.shownId;
    const tab = this.currentTab;
    if (id !== this.lastShown) {
      this.lastShown = id;
      // Sections of the last account go, but for those holding unsaved edits: they ask when shown again.
      this.panels.dropAllBut(tab, id);
    }
    if (id && !this.signedOut) this.panels.bind(tab, id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The manager's own provider exists once rendered: its answers make the next update, not this one.
    if (this.isConnected && this.probe !== this.listening) queueMicrotask(() => this.listen());
    this.syncStore();
    const stack = this.actingFeed.value?.stack ?? [];
    const panel = this.panels.get(this.currentTab);
    this.setCustomState('account-screen', this.screen === 'account');
    this.setCustomState('loading', !!panel && !panel.el && !panel.failed);
    this.setCustomState('masquerading', stack.length > 1);
    this.setCustomState('nested', stack.length > 2);
    const next = this.focusNext;
    this.focusNext = undefined;
    // Side by side the focus stays put, unless asked: on a phone the screen that had it went away.
    if (next && (next.always || this.narrow)) {
      const side = this.renderRoot.querySelector<HTMLElement>(next.screen === 'account' ? '.detail' : '.accounts');
      side?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
      side?.scrollIntoView({ block: 'nearest' });
    }
  }

  private get narrow(): boolean {
    const back = this.renderRoot.querySelector<HTMLElement>('.back');
    return !!back && getComputedStyle(back).display !== 'none';
  }

  private syncStore(): void {
    const store = this.isConnected ? this.storeFeed.value : undefined;
    if (store === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = store;
    this.unsubscribe = store?.subscribe(this.onStoreChange);
  }

  private onStoreChange = (c: StoreChange): void => {
    if (c.type === 'account-deleted' && c.parentId) this.parents.set(c.id, c.parentId);
    // The names in the header and in "Return to …" follow renames.
    if (c.type === 'account-updated') this.requestUpdate();
  };

  // ---- what the provider says

  private onSession(now: Session | undefined, was: Session | undefined): void {
    if (now) {
      const who = `${now.accountId}|${now.userId ?? ''}`;
      if (this.identity && this.identity !== who) {
        // Someone else signed in: nothing of the last one's accounts stays.
        this.reset();
        this.accountId = undefined;
      }
      this.identity = who;
      this.signedOut = false;
    } else if (was) {
      this.signedOut = true;
      this.reset();
    }
    this.requestUpdate();
  }

  private reset(): void {
    this.panels.clear();
    this.create?.remove();
    this.create = undefined;
    this.screen = 'accounts';
  }

  /** "Use account" or a return changed the acting account: the selection stays inside the tree now shown. */
  private onActing(now: ActingAccount | undefined, was: ActingAccount | undefined): void {
    this.requestUpdate();
    const next = now?.stack ?? [];
    const prev = was?.stack ?? [];
    if (!next.length || !prev.length || next[0] !== prev[0] || next.join() === prev.join()) return;
    const top = next[next.length - 1]!;
    if (next.length < prev.length && startsWith(prev, next)) {
      // Back from an account: it stays selected, now as a row of the larger tree.
      if (!this.accountId) this.navigate(prev[prev.length - 1], this.currentTab);
    } else if (this.accountId !== top) {
      this.navigate(top, this.currentTab);
    }
  }

  // ---- sections

  /** The tag to render a dependency under: the page's name for it, else its default tag. */
  private tagFor(key: keyof typeof AccountManager.dependencies) {
    return unsafeStatic(knownTag(this, this.kinds, key) ?? key);
  }

  /** The elements the manager shows: its class's dependencies, imported and lazy. */
  private get kinds(): ShownElements {
    return this.constructor as typeof AccountManager;
  }

  // ---- navigation

  /** Shows `accountId` on `tab`; tells the host when that is another place than before. */
  private navigate(accountId: string | undefined, tab: AccountManagerTab): void {
    const fromId = this.shownId;
    const fromTab = this.currentTab;
    this.accountId = accountId;
    this.tab = tab;
    const id = this.shownId;
    if (id && (id !== fromId || tab !== fromTab)) this.emit('account-manager-navigate', { accountId: id, tab });
  }

  /** Shows a screen (on a phone); `always` moves the focus to it wherever it is shown. */
  private show(screen: Screen, always = false): void {
    if (this.screen !== screen || always) this.focusNext = { screen, always };
    this.screen = screen;
  }

  private onTreeSelect = (e: CustomEvent<{ account: AccountSummary }>): void => {
    this.navigate(e.detail.account.id, this.currentTab);
    this.show('account');
  };

  private selectTab(tab: AccountManagerTab): void {
    this.navigate(this.accountId, tab);
  }

  private back = (): void => this.show('accounts');

  // ---- what the sections and the tree ask

  private useAccount = (): void => {
    const id = this.shownId;
    const acting = this.actingFeed.value;
    if (id && acting) void acting.masquerade(id);
  };

  private onCreateRequest = (e: CustomEvent<{ parentId: string }>): void => {
    e.preventDefault();
    void this.openCreate(e.detail.parentId);
  };

  private async openCreate(parentId: string): Promise<void> {
    if (!this.create) {
      let tag: string;
      try {
        tag = await defineLazy(this, this.kinds, 'account-create');
      } catch {
        warnOnce('manager-create', '<account-manager> could not load the account creation wizard.');
        return;
      }
      if (this.create || !this.isConnected) return;
      const el = document.createElement(tag) as AccountCreate;
      el.modal = true;
      el.addEventListener('account-created', (ev) => this.opened(ev.detail.account.id));
      el.addEventListener('account-select', (ev) => this.opened(ev.detail.account.id));
      this.create = el;
    }
    const create = this.create;
    create.parentId = parentId;
    this.requestUpdate();
    await this.updateComplete;
    if (create.isConnected) await create.show();
  }

  /** A new account (or "Open account" on it): shown on its overview, revealed in the tree. */
  private opened(id: string): void {
    this.navigate(id, 'overview');
    this.screen = 'account';
  }

  private onShowChildren = async (e: CustomEvent<{ accountId: string }>): Promise<void> => {
    const id = e.detail.accountId;
    this.navigate(id, this.currentTab);
    // The sub-accounts are where the user goes next, on any screen: the focus and the view move there.
    this.show('accounts', true);
    await this.updateComplete;
    const tree = this.treeRef.value;
    if (tree && (await tree.reveal(id))) tree.expand(id);
  };

  private onDeleted = (e: CustomEvent<{ accountId: string }>): void => {
    const id = e.detail.accountId;
    this.panels.dropAccount(id, this.currentTab);
    this.navigate(this.parents.get(id) ?? this.actingFeed.value?.accountId, 'overview');
  };

  private onMoved = (e: CustomEvent<{ accountId: string }>): void => {
    void this.treeRef.value?.reveal(e.detail.accountId);
  };

  /** "Keep editing" in a section's question: back to the account and the tab holding the edits. */
  private onDraftKeep = (e: CustomEvent<{ accountId: string }>): void => {
    const tab = (e.target as HTMLElement).closest<HTMLElement>('[role="tabpanel"]')?.dataset.tab;
    if (!isTab(tab)) return;
    this.navigate(e.detail.accountId, tab);
    this.screen = 'account';
  };

  // ---- rendering

  private nameOf(id: string): string | undefined {
    const store = this.storeFeed.value;
    const session = this.sessionFeed.value;
    const doc = this.account.value?.id === id ? this.account.value : store?.peek<Account>(storeKey.account(id));
    return (
      doc?.name ??
      store?.summaryFacts(id)?.name ??
      store?.peekSummary(id)?.name ??
      (session?.accountId === id ? session.accountName : undefined)
    );
  }

  protected override render(): unknown {
    const body = this.renderBody();
    if (this.api === undefined || this.api === null) return body;
    const provider = this.tagFor('account-provider');
    return staticHtml`<${provider} part="provider" exportparts="banner, banner-button" .api=${this.api}>
      ${body}
    </${provider}>`;
  }

  private renderBody(): TemplateResult {
    const t = this.l.t.bind(this.l);
    const tree = this.tagFor('account-tree');
    const announcement = this.tagFor('account-announcement');
    return staticHtml`<div class="frame"><div class="room"><div
      class="base"
      part="base"
      data-screen=${this.screen}
      ${ref(this.baseRef)}
      @account-show-children=${this.onShowChildren}
      @account-deleted=${this.onDeleted}
      @account-moved=${this.onMoved}
      @draft-keep=${this.onDraftKeep}
    >
      ${this.renderNested()}
      <section class="accounts" part="accounts" aria-labelledby="accounts-title">
        <h2 id="accounts-title" tabindex="-1">${t('accounts')}</h2>
        ${this.renderRootButton()}
        <${tree}
          part="tree"
          ${ref(this.treeRef)}
          .selected=${this.accountId}
          @account-select=${this.onTreeSelect}
          @account-create-request=${this.onCreateRequest}
        ></${tree}>
      </section>
      <section class="detail" part="detail" aria-labelledby="account-title" ?hidden=${this.signedOut}>
        ${this.renderDetail()}
      </section>
      <${announcement}></${announcement}>
      ${this.create ?? nothing}
    </div></div></div>`;
  }

  /** The tree's root (the acting account) is no row of it: this selects it. */
  private renderRootButton(): unknown {
    const id = this.actingFeed.value?.accountId ?? this.sessionFeed.value?.accountId;
    if (!id || this.signedOut) return nothing;
    const current = this.shownId === id;
    return html`<button
      type="button"
      class="am-button root"
      part=${current ? 'root-button root-button-current' : 'root-button'}
      aria-current=${ifDefined(current ? 'true' : undefined)}
      @click=${() => {
        this.navigate(id, this.currentTab);
        this.show('account');
      }}
    >
      ${bdi(this.nameOf(id) ?? id)}
    </button>`;
  }

  private renderNested(): unknown {
    const acting = this.actingFeed.value;
    const stack = acting?.stack ?? [];
    if (stack.length < 3) return nothing;
    const to = stack[stack.length - 2]!;
    return html`<div class="nested" part="nested">
      <button type="button" class="am-button" part="return-button" @click=${() => acting?.restore()}>
        <span>${phrase(this.l, 'returnTo', { name: this.nameOf(to) ?? to })}</span>
      </button>
    </div>`;
  }

  private renderDetail(): unknown {
    const t = this.l.t.bind(this.l);
    const id = this.signedOut ? undefined : this.shownId;
    const back = html`<button type="button" class="am-button back" part="back-button" @click=${this.back}>
      <span class="chevron" aria-hidden="true">‹</span> ${t('back')}
    </button>`;
    if (!id) {
      return html`<div class="header" part="header">
          ${back}
          <h2 class="title" id="account-title" part="title" tabindex="-1">${t('loading')}</h2>
        </div>
        ${renderSkeleton(this.l)}`;
    }
    // An account that cannot be read is named by its id (the section says why).
    const failed = this.account.state === 'error' || this.account.state === 'forbidden';
    const name = this.nameOf(id) ?? (failed ? id : undefined);
    const acting = this.actingFeed.value;
    const canUse = !!acting && !!this.sessionFeed.value && id !== acting.accountId;
    const tab = this.currentTab;
    return html`<div class="header" part="header">
        ${back}
        <h2 class="title" id="account-title" part="title" tabindex="-1">
          ${name === undefined ? t('loading') : bdi(name)}
        </h2>
        ${
          this.account.value?.id === id && this.account.value.isReseller
            ? html`<span class="badge" part="badge">${t('reseller')}</span>`
            : nothing
        }
        ${
          canUse
            ? html`<button
                type="button"
                class="am-button use"
                part="use-button"
                aria-describedby="account-title"
                @click=${this.useAccount}
              >
                ${t('useAccount')}
              </button>`
            : nothing
        }
      </div>
      ${this.panels.renderTabs(
        tab,
        t('sections'),
        (name) => t(`tab.${name}`),
        this.l,
        (name) => this.selectTab(name),
      )}`;
  }
}

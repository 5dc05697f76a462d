import { ContextConsumer, ContextEvent, type Context } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AccountApi } from '../api/api.js';
import type { AccountApiError } from '../api/errors.js';
import type { Session } from '../api/model.js';
import type { AccountStore } from '../data/store.js';
import {
  actingAccountContext,
  apiContext,
  ensureContextRoot,
  localeContext,
  sessionContext,
  storeContext,
  type ActingAccount,
} from '../context/contexts.js';
import { ownStores } from './own-stores.js';
import { warnOnce } from './warn.js';

/** An element that binds to an account: `.api` set directly wins over the provider's; `accountId` is `account-id`. */
export interface AmContextHost extends ReactiveControllerHost, HTMLElement {
  api?: AccountApi;
  accountId?: string;
}

export { storeFor } from './store-for.js';

/** Whether a value from the host can serve as an AccountApi. */
export function isAccountApi(value: unknown): value is AccountApi {
  return typeof value === 'object' && value !== null && typeof (value as AccountApi).getAccount === 'function';
}

/**
 * What the provider around `host` hands down now (one answer, no subscription). For a server's render: nothing
 * connects there, so no consumer asks, but a server renderer links an element to those around it for events, and a
 * provider has set its values by the time the elements inside it render.
 */
export function askOnServer<T>(host: Element, context: Context<unknown, T>): T | undefined {
  let value: T | undefined;
  host.dispatchEvent(new ContextEvent(context, host, (v) => (value = v)));
  return value;
}

/**
 * Gives an element what the nearest `<account-provider>` hands down (api, store, session, acting account,
 * locale), or, when `.api` is set on the element itself, its own store over that api (shared with every
 * element given the same api) and a session it loads itself.
 *
 * `accountId`: the element's `account-id`, else the acting account, else the session's account.
 */
export class AmContextController implements ReactiveController {
  private readonly host: AmContextHost;
  private readonly apiC: ContextConsumer<typeof apiContext, AmContextHost>;
  private readonly storeC: ContextConsumer<typeof storeContext, AmContextHost>;
  private readonly sessionC: ContextConsumer<typeof sessionContext, AmContextHost>;
  private readonly actingC: ContextConsumer<typeof actingAccountContext, AmContextHost>;
  private readonly localeC: ContextConsumer<typeof localeContext, AmContextHost>;
  /** The store's code is on its way (for the element's own api). */
  private loadingStore = false;
  private ownSession?: Session;
  private ownSessionOf?: AccountStore;
  private ownEpoch?: number;
  private ownError?: AccountApiError;

  constructor(host: AmContextHost) {
    this.host = host;
    host.addController(this);
    const sub = <C>(context: C) => ({ context, subscribe: true });
    this.apiC = new ContextConsumer(host, sub(apiContext));
    this.storeC = new ContextConsumer(host, sub(storeContext));
    this.sessionC = new ContextConsumer(host, sub(sessionContext));
    this.actingC = new ContextConsumer(host, sub(actingAccountContext));
    this.localeC = new ContextConsumer(host, sub(localeContext));
  }

  hostConnected(): void {
    // Runs before the consumers below ask, so their requests are buffered until a provider appears.
    ensureContextRoot();
  }

  /** The element's own api when valid (a bad value is kept on the element, warned about once, and ignored). */
  private get ownApi(): AccountApi | undefined {
    const api = this.host.api;
    if (api === undefined || api === null) return undefined;
    if (isAccountApi(api)) return api;
    warnOnce(`api:${this.host.localName}`, `<${this.host.localName}> was given an .api that is not an AccountApi.`);
    return undefined;
  }

  /** Whether the values come from an enclosing provider (rather than the element's own `.api`). */
  get fromProvider(): boolean {
    return !this.ownApi && !!this.storeC.value;
  }

  get api(): AccountApi | undefined {
    return this.ownApi ?? this.apiC.value;
  }

  /**
   * The provider's store, or the element's own over its `.api`. For the latter, when the store's code is not
   * loaded yet (nothing on the page has needed it), `undefined` until it is: the host updates then.
   */
  get store(): AccountStore | undefined {
    const api = this.ownApi;
    if (!api) return this.storeC.value;
    if (ownStores.storeFor) return ownStores.storeFor(api);
    this.loadStore();
    return undefined;
  }

  private loadStore(): void {
    if (this.loadingStore) return;
    this.loadingStore = true;
    import('./load-store.js').then(
      ({ storeFor }) => {
        // Loading it filled `ownStores` (the reference keeps a bundler from leaving the module out).
        ownStores.storeFor ??= storeFor;
        this.loadingStore = false;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        this.loadingStore = false;
        warnOnce(`store:${this.host.localName}`, `<${this.host.localName}> could not load its store: ${e}`);
      },
    );
  }

  /** Who is logged in; `undefined` while loading. */
  get session(): Session | undefined {
    if (!this.ownApi) return this.sessionC.value;
    this.loadOwnSession();
    return this.ownSession;
  }

  /** The acting account and masquerade actions (provider only). */
  get acting(): ActingAccount | undefined {
    return this.ownApi ? undefined : this.actingC.value;
  }

  get actingAccountId(): string | undefined {
    return this.acting?.accountId ?? this.session?.accountId;
  }

  /** The account the element shows. */
  get accountId(): string | undefined {
    return this.host.accountId || this.actingAccountId;
  }

  /** The provider's locale, if any (LocalizeController adds the fallbacks). */
  get locale(): string | undefined {
    if (this.ownApi) return undefined;
    return isServer ? this.serverLocale() : this.localeC.value;
  }

  private askedOnServer?: { locale: string | undefined };

  private serverLocale(): string | undefined {
    return (this.askedOnServer ??= { locale: askOnServer(this.host, localeContext) }).locale;
  }

  /** Why the element cannot know its account (its own session failed), if so. */
  get error(): AccountApiError | undefined {
    return this.ownApi ? this.ownError : undefined;
  }

  private loadOwnSession(): void {
    const store = this.store;
    const toError = ownStores.toError;
    if (!store || !toError || this.host.accountId || (this.ownSessionOf === store && this.ownEpoch === store.epoch))
      return;
    this.ownSessionOf = store;
    this.ownEpoch = store.epoch;
    this.ownSession = store.peek<Session>('session');
    this.ownError = undefined;
    if (this.ownSession) return;
    store.getSession().then(
      (s) => {
        if (this.ownSessionOf !== store || this.ownEpoch !== store.epoch) return;
        this.ownSession = s;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        if (this.ownSessionOf !== store || this.ownEpoch !== store.epoch) return;
        this.ownError = toError(e);
        this.host.requestUpdate();
      },
    );
  }

  /** Try the element's own session again after a failure. */
  retry(): void {
    this.ownError = undefined;
    this.ownSessionOf = undefined;
    this.host.requestUpdate();
  }
}

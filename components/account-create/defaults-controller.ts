import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { AccountStore } from '../../src/data/store.js';
import type { WizardDefaults } from './values.js';

export interface DefaultsSource {
  store(): AccountStore | undefined;
  /** The parent the account is created under; `undefined` while not known. */
  parentId(): string | undefined;
  /** False while nothing is shown (a closed dialog): loading waits until it is. */
  active?(): boolean;
}

/** Lists a user may not read (403) or that do not exist (404) leave their step explained, not broken. */
async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    const err = toAccountApiError(e);
    if (err.kind === 'forbidden' || err.kind === 'not-found') return undefined;
    throw err;
  }
}

/**
 * Loads what the wizard starts from: the parent account, its limits, call classes and apps, and the plans its
 * reseller offers. Aborts with the element's life; a skeleton only after a short delay; Retry after an error.
 */
export class DefaultsController implements ReactiveController {
  state: 'idle' | 'loading' | 'loaded' | 'error' = 'idle';
  value: WizardDefaults | undefined;
  error: AccountApiError | undefined;
  showSkeleton = false;

  private readonly host: ReactiveControllerHost;
  private readonly source: DefaultsSource;
  private readonly onLoaded: (defaults: WizardDefaults) => void;
  private store?: AccountStore;
  private parentId?: string;
  private ctrl?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, source: DefaultsSource, onLoaded: (d: WizardDefaults) => void) {
    this.host = host;
    this.source = source;
    this.onLoaded = onLoaded;
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.source.active && !this.source.active()) return;
    const store = this.source.store();
    const parentId = this.source.parentId();
    if (store === this.store && parentId === this.parentId) return;
    this.store = store;
    this.parentId = parentId;
    this.start();
  }

  hostDisconnected(): void {
    this.stop();
    // A load cut short starts again on reconnect; loaded defaults (and the user's input) stay.
    if (this.state === 'loading') this.store = this.parentId = undefined;
  }

  retry(): void {
    this.start();
  }

  private stop(): void {
    this.ctrl?.abort();
    this.ctrl = undefined;
    clearTimeout(this.timer);
  }

  private start(): void {
    this.stop();
    const { store, parentId } = this;
    this.value = this.error = undefined;
    this.showSkeleton = false;
    if (!store || !parentId) {
      this.state = 'idle';
      return;
    }
    this.state = 'loading';
    const ctrl = (this.ctrl = new AbortController());
    this.timer = setTimeout(() => {
      this.showSkeleton = true;
      this.host.requestUpdate();
    }, 150);
    this.load(store, parentId, ctrl.signal).then(
      (d) => {
        if (ctrl !== this.ctrl) return;
        clearTimeout(this.timer);
        this.value = d;
        this.state = 'loaded';
        this.showSkeleton = false;
        this.onLoaded(d);
        this.host.requestUpdate();
      },
      (e: unknown) => {
        const err = toAccountApiError(e);
        if (ctrl !== this.ctrl || err.kind === 'aborted') return;
        clearTimeout(this.timer);
        this.error = err;
        this.state = 'error';
        this.showSkeleton = false;
        this.host.requestUpdate();
      },
    );
    this.host.requestUpdate();
  }

  private async load(store: AccountStore, parentId: string, signal: AbortSignal): Promise<WizardDefaults> {
    const o = { signal };
    const [parent, limits, callClasses, apps] = await Promise.all([
      store.getAccount(parentId, o),
      optional(store.getLimits(parentId, o)),
      optional(store.listCallClasses(parentId, o)),
      optional(store.listApps(parentId, o)),
    ]);
    const resellerId = parent.isReseller ? parent.id : parent.resellerId;
    const plans = resellerId ? await optional(store.listServicePlans(resellerId, o)) : [];
    return { parent, resellerId, limits, callClasses, apps, plans };
  }
}

import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AccountSummary, Session } from '../../src/api/model.js';
import type { AccountStore, StoreChange } from '../../src/data/store.js';
import { knownName } from './tree-controller.js';

/**
 * The breadcrumbs of the tree's root: the path from the logged-in account down to the root (never above the
 * logged-in account), and the root's name. Read beside the rows, never before them; a convenience only, so a
 * failure leaves them empty.
 */
export class TreeCrumbs {
  crumbs: AccountSummary[] = [];
  rootName?: string;
  private seq = 0;
  private loadedFor?: string;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Loads the path of `root` unless it is known for this root and session already. */
  update(store: AccountStore, root: string, session: Session | undefined, force = false): void {
    const key = `${root}|${session?.accountId}`;
    if (key === this.loadedFor && !force) return;
    this.loadedFor = key;
    const seq = ++this.seq;
    const top = session?.accountId;
    this.rootName = knownName(store, root, session);
    this.crumbs = [];
    this.host.requestUpdate();
    // The root's document names it and tells the store how many accounts its level can hold.
    const quiet = <T>(p: Promise<T>) => p.catch(() => undefined);
    void Promise.all([root === top ? [] : quiet(store.getAncestors(root)), quiet(store.getAccount(root))]).then(
      ([chain, account]) => {
        if (seq !== this.seq) return;
        const at = chain?.findIndex((a) => a.id === top) ?? -1;
        if (at >= 0) this.crumbs = chain!.slice(at);
        this.rootName ??= account?.name;
        this.host.requestUpdate();
      },
    );
  }

  /** Follows renames; a move reloads the path. */
  onStoreChange(c: StoreChange, store: AccountStore, root: string | undefined, session: Session | undefined): void {
    if (c.type === 'account-updated') {
      const { id, name } = c.account;
      if (id === root) this.rootName = name;
      if (this.crumbs.some((a) => a.id === id))
        this.crumbs = this.crumbs.map((a) => (a.id === id ? { ...a, name } : a));
      this.host.requestUpdate();
    } else if (c.type === 'cleared') {
      this.crumbs = [];
      this.rootName = this.loadedFor = undefined;
      this.host.requestUpdate();
    } else if (c.type === 'account-moved' && root) this.update(store, root, session, true);
  }

  render(label: string, onCrumb: (e: Event) => void): TemplateResult {
    return html`<nav part="breadcrumbs" aria-label=${label}>
      <ol>
        ${this.crumbs.map(
          (c) =>
            html`<li>
              <button
                type="button"
                class="am-button"
                data-variant="link"
                part="crumb"
                data-id=${c.id}
                @click=${onCrumb}
              >
                <bdi>${c.name}</bdi>
              </button>
            </li>`,
        )}
        <li>
          <span part="crumb-current" aria-current="page"><bdi>${this.rootName ?? ''}</bdi></span>
        </li>
      </ol>
    </nav>`;
  }
}

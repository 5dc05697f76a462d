import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { Account, AccountSummary } from '../../src/api/model.js';
import type { ConfirmOptions } from '../../src/base/confirm-dialog.js';
import { inputField } from '../../src/base/fields.js';
import type { LocalizeController } from '../../src/base/localize-controller.js';
import { phrase } from '../../src/base/phrase.js';
import type { AccountStore } from '../../src/data/store.js';
import type en from './locales/en-US.js';

/** What is known of a chosen parent before asking the server to move the account under it. */
export type MoveVerdict =
  | { kind: 'checking' }
  | { kind: 'ok' }
  | { kind: 'self' }
  | { kind: 'same-parent' }
  | { kind: 'cross-reseller'; reseller?: string; targetIsReseller?: boolean }
  | { kind: 'refused'; error?: AccountApiError };

/** What the move section needs from `<account-overview>`. */
export interface MoveOptions {
  l: LocalizeController<keyof typeof en>;
  store(): AccountStore | undefined;
  /** The account on screen (a reply for another one settles nothing). */
  accountId(): string | undefined;
  /** Where the search starts: the signed-in account. */
  rootId(): string | undefined;
  /** Another action is on its way. */
  busy(): boolean;
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** Runs the move as the element's one action (see `AccountOverview.act`). */
  act<T>(
    run: () => Promise<T>,
    done: (value: T) => void,
    failed: (error: AccountApiError) => Promise<boolean>,
  ): Promise<void>;
  /** Says it failed, in words. */
  failed(error: AccountApiError): void;
  moved(account: Account, fromParentId: string | undefined, target: AccountSummary): void;
}

/**
 * "Move to…": search for a new parent among the accounts the user manages, say up front when the move
 * cannot work (its own subtree, the same parent, another reseller) and move after a confirmation.
 */
export class MoveController implements ReactiveController {
  open = false;
  query = '';
  results?: AccountSummary[];
  searching = false;
  target?: AccountSummary;
  verdict?: MoveVerdict;
  /** The current parent, once read (`null`: none). */
  parent?: AccountSummary | null;

  private timer?: ReturnType<typeof setTimeout>;
  private ctrl?: AbortController;
  /** Bumped by each pick and by closing: a check that comes back late settles nothing. */
  private checks = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: MoveOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
    this.searching = false;
  }

  /** Closes the panel and forgets the parent (another account is shown). */
  reset(): void {
    this.close();
    this.parent = undefined;
  }

  private set(patch: Partial<MoveController>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.ctrl?.abort();
    this.ctrl = undefined;
  }

  close(): void {
    this.stop();
    this.checks++;
    this.set({ open: false, target: undefined, verdict: undefined, results: undefined, query: '', searching: false });
  }

  private async openPanel(a: Account): Promise<void> {
    this.set({ open: true, query: '', results: undefined, target: undefined, verdict: undefined });
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLInputElement>('#move-search')?.focus();
    const ancestors = await this.o
      .store()
      ?.getAncestors(a.id)
      .catch(() => undefined);
    if (this.o.accountId() === a.id) this.set({ parent: ancestors ? (ancestors.at(-1) ?? null) : undefined });
  }

  private onQuery(value: string): void {
    this.stop();
    const query = value.trim();
    this.set({ query: value, searching: !!query, results: query ? this.results : undefined });
    if (query) this.timer = setTimeout(() => void this.search(query), 250);
  }

  private async search(query: string): Promise<void> {
    const store = this.o.store();
    const id = this.o.accountId();
    if (!store || !id) return;
    const ctrl = (this.ctrl = new AbortController());
    try {
      const page = await store.searchAccounts(query, { rootId: this.o.rootId(), pageSize: 20, signal: ctrl.signal });
      if (ctrl.signal.aborted || id !== this.o.accountId()) return;
      this.set({ results: page.items.filter((s) => s.id !== id && !s.tree?.includes(id)) });
    } catch (e) {
      const err = toAccountApiError(e);
      if (err.kind === 'aborted' || ctrl.signal.aborted) return;
      this.set({ results: [] });
      this.o.failed(err);
    } finally {
      if (this.ctrl === ctrl) this.set({ searching: false });
    }
  }

  private async pick(a: Account, target: AccountSummary): Promise<void> {
    const seq = ++this.checks;
    this.set({ target, verdict: { kind: 'checking' } });
    const verdict = await this.check(a, target);
    if (seq === this.checks) this.set({ verdict });
  }

  /** What is known before asking the server: its own subtree, the same parent, another reseller. */
  private async check(a: Account, target: AccountSummary): Promise<MoveVerdict> {
    const store = this.o.store();
    if (!store) return { kind: 'ok' };
    const [ancestors, doc, own] = await Promise.all([
      store.getAncestors(target.id).catch(() => undefined),
      store.getAccount(target.id).catch(() => undefined),
      store.getAncestors(a.id).catch(() => undefined),
    ]);
    if (target.id === a.id || ancestors?.some((x) => x.id === a.id)) return { kind: 'self' };
    if (own?.at(-1)?.id === target.id) return { kind: 'same-parent' };
    if (doc && a.resellerId) {
      const theirs = doc.isReseller ? doc.id : doc.resellerId;
      if (theirs && theirs !== a.resellerId) {
        if (theirs === doc.id) return { kind: 'cross-reseller', targetIsReseller: true };
        const name = ancestors?.find((x) => x.id === theirs)?.name ?? store.summaryFacts(theirs)?.name;
        return { kind: 'cross-reseller', reseller: name };
      }
    }
    return { kind: 'ok' };
  }

  private async move(a: Account): Promise<void> {
    const { l } = this.o;
    const store = this.o.store();
    const target = this.target;
    if (!store || !target || this.verdict?.kind !== 'ok') return;
    const ok = await this.o.confirm({
      title: phrase(l, 'moveTitle', { name: a.name, target: target.name }),
      message: l.t('moveMessage'),
      confirmLabel: l.t('moveConfirm'),
    });
    if (!ok || this.o.accountId() !== a.id) return;
    const fromParentId = this.parent?.id;
    await this.o.act(
      () => store.moveAccount(a.id, target.id),
      (account) => {
        this.close();
        this.set({ parent: { id: target.id, name: target.name } });
        this.o.moved(account, fromParentId, target);
      },
      async (err) => {
        if (err.kind === 'validation' && err.fieldErrors?.to) this.set({ verdict: { kind: 'self' } });
        else if (err.kind === 'forbidden') {
          // Say why in words: check the facts again, else say what kind of refusal it was (never the server's text).
          const again = await this.check(a, target);
          if (this.o.accountId() !== a.id) return true;
          const known = again.kind === 'cross-reseller' || again.kind === 'self';
          this.set({ verdict: known ? again : { kind: 'refused', error: err } });
        } else return false;
        return true;
      },
    );
  }

  /** The section: the current parent, "Move to…", and the search panel while open. */
  render(a: Account, { own, readOnly }: { own: boolean; readOnly: boolean }): TemplateResult {
    const t = this.o.l.t.bind(this.o.l);
    const heading = html`<h3 id="move-heading">${t('moveHeading')}</h3>`;
    if (own) {
      return html`<section part="section" aria-labelledby="move-heading">
        ${heading}
        <p class="muted">${t('ownAccountMove')}</p>
      </section>`;
    }
    return html`<section part="section move" aria-labelledby="move-heading">
      ${heading}
      ${
        this.parent
          ? html`<p>
              ${t('currentParent')}: <strong><bdi>${this.parent.name}</bdi></strong>
            </p>`
          : nothing
      }
      ${
        readOnly
          ? nothing
          : html`<div class="row">
              <button
                type="button"
                class="am-button"
                aria-expanded=${this.open ? 'true' : 'false'}
                aria-controls="move-panel"
                ?disabled=${this.o.busy()}
                @click=${() => (this.open ? this.close() : this.openPanel(a))}
              >
                ${this.open ? t('moveCancel') : t('moveTo')}
              </button>
            </div>`
      }
      ${this.open && !readOnly ? this.renderPanel(a) : nothing}
    </section>`;
  }

  private renderPanel(a: Account): TemplateResult {
    const t = this.o.l.t.bind(this.o.l);
    const { results, target, verdict } = this;
    return html`<div id="move-panel" class="layout">
      ${inputField('move-search', t('moveSearch'), this.query, (v) => this.onQuery(v), {
        type: 'search',
        dir: 'auto',
        hint: t('moveSearchHint'),
      })}
      <p class="am-hint" role="status">
        ${this.searching ? t('moveSearching') : results && !results.length ? t('moveNoResults') : ''}
      </p>
      ${
        results?.length
          ? html`<fieldset class="results am-results">
              <legend class="am-visually-hidden">${t('moveResults')}</legend>
              ${results.map(
                (s) =>
                  html`<label>
                    <input
                      type="radio"
                      name="move-target"
                      .checked=${live(target?.id === s.id)}
                      @change=${() => this.pick(a, s)}
                    />
                    <bdi>${s.name}</bdi>
                    ${s.realm ? html`<span class="am-hint" dir="auto">${s.realm}</span>` : nothing}
                  </label>`,
              )}
            </fieldset>`
          : nothing
      }
      ${target && verdict ? this.renderVerdict(target, verdict) : nothing}
      ${
        target
          ? html`<div class="row">
              <button
                type="button"
                class="am-button"
                data-variant="primary"
                ?disabled=${verdict?.kind !== 'ok' || this.o.busy()}
                @click=${() => this.move(a)}
              >
                ${t('moveButton')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderVerdict(target: AccountSummary, v: MoveVerdict): TemplateResult {
    const t = (key: keyof typeof en, params?: Record<string, unknown>) => phrase(this.o.l, key, params);
    const name = target.name;
    const text = {
      checking: () => t('moveChecking', { name }),
      ok: () => t('moveOk', { name }),
      self: () => t('moveSelf'),
      'same-parent': () => t('moveSameParent', { name }),
      'cross-reseller': () =>
        v.kind !== 'cross-reseller' || v.targetIsReseller
          ? t('moveTargetReseller', { target: name })
          : v.reseller
            ? t('moveCrossReseller', { target: name, reseller: v.reseller })
            : t('moveCrossResellerUnnamed', { target: name }),
      refused: () => t('moveForbidden'),
    }[v.kind]();
    const reason = v.kind === 'refused' && v.error ? this.o.l.errorMessage(v.error) : undefined;
    const pending = v.kind === 'checking' || v.kind === 'ok';
    return html`<div
      class="verdict"
      data-verdict=${v.kind}
      data-ok=${v.kind === 'ok' ? 'true' : v.kind === 'checking' ? nothing : 'false'}
      role=${pending ? 'status' : 'alert'}
    >
      <p>${text}</p>
      ${reason ? html`<p class="am-hint">${reason}</p>` : nothing}
    </div>`;
  }
}

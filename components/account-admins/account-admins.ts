import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AccountApi } from '../../src/api/api.js';
import type { CallOptions } from '../../src/api/api.js';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { Charges, User, UserInput } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmElement } from '../../src/base/am-element.js';
import { askCharges } from '../../src/base/charges.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { titleStyles } from '../../src/base/layout.styles.js';
import { AmCopyButton } from '../../src/base/elements/am-copy-button.js';
import { AmDialog } from '../../src/base/elements/am-dialog.js';
import { AmPasswordField } from '../../src/base/elements/am-password-field.js';
import { checkboxField, inputField, textField } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { LocalizeController } from '../../src/base/localize-controller.js';
import { phrase } from '../../src/base/phrase.js';
import { renderResource } from '../../src/base/primitives.js';
import { DEFAULT_PASSWORD_LENGTH, generatePassword } from '../../src/base/random.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { StatusController } from '../../src/base/status.js';
import { warnOnce } from '../../src/base/warn.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-admins.styles.js';
import { addressOf, AdminForm, type AdminMode } from './admin-form.js';
import en from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** A new admin was created. */
    'admin-created': { accountId: string; user: User };
    /** An admin was edited, given a new password, or a user was made admin; `changes` lists the fields. */
    'admin-updated': { accountId: string; user: User; changes: string[] };
    /** Cancelable, before the element asks the user to confirm the removal. */
    'admin-remove-request': { accountId: string; user: User };
    /** The admin was removed from the account. */
    'admin-removed': { accountId: string; user: User };
  }
}

defineTranslations('account-admins', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

const fullName = (u: Pick<User, 'firstName' | 'lastName'>) => `${u.firstName} ${u.lastName}`.trim();
/** Candidates listed at once in the promote dialog; the search narrows the rest. */
const CANDIDATES_SHOWN = 50;

/**
 * Every administrator of an account, however many: a count, a filter box and pages. Add an administrator
 * (first and last name, e-mail as sign-in name, a generated or typed password, optionally e-mailed), edit
 * one (a changed e-mail needs a new password, as the sign-in hash covers it), reset a password (a generated
 * one is shown once, with Copy), make an existing user administrator, and remove one after a confirmation
 * (never yourself). A reply that returns after the element turned to another account changes nothing on
 * screen and fires no event.
 *
 * @tagname account-admins
 * @summary The administrators of an account: list, add, edit, reset password, promote, remove.
 *
 * @csspart header - The heading and the count.
 * @csspart toolbar - The filter and the add / promote buttons.
 * @csspart list - The list of administrators.
 * @csspart row - One administrator.
 * @csspart pager - Page buttons, shown when there is more than one page.
 * @csspart reveal - A new password, shown once.
 * @csspart form-dialog - The add / edit / password / promote dialog.
 * @csspart field - One field of that dialog.
 * @csspart dialog - The remove confirmation.
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-account-admins-max-width - Widest the widget grows (default 56rem).
 * @cssproperty --am-account-admins-gap - Space between blocks (default `--am-space-4`).
 * @cssproperty --am-account-admins-row-height - Least height of a row (default 3.5rem).
 * @cssproperty --am-account-admins-row-background - Background of the list (default `--am-color-surface`).
 * @cssproperty --am-account-admins-reveal-background - Background of the shown-once password (default `--am-color-success-surface`).
 * @cssproperty --am-account-admins-reveal-color - Its text (default `--am-color-success-text`).
 *
 * @event admin-created - An administrator was added. `detail: { accountId, user }`.
 * @event admin-updated - An administrator was edited or got a new password, or a user was made administrator. `detail: { accountId, user, changes }`.
 * @event admin-remove-request - Cancelable, before the element's own confirmation: a host may replace it. `detail: { accountId, user }`.
 * @event admin-removed - An administrator was removed. `detail: { accountId, user }`.
 *
 * @cssstate loading - The list is loading.
 * @cssstate error - The list failed to load.
 * @cssstate forbidden - The user may not see the list.
 * @cssstate editing - The add / edit / password / promote dialog is open.
 * @cssstate saving - A save or a removal is on its way.
 */
export class AccountAdmins extends AmElement {
  static override styles = [tokens, draftStyles, titleStyles, styles];
  static override dependencies = {
    'am-dialog': AmDialog,
    'am-password-field': AmPasswordField,
    'am-copy-button': AmCopyButton,
  };

  /** The account whose administrators are shown; default: the provider's acting account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** A backend to use without a provider (the provider's is used otherwise). */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides of single labels, by key (see `locales/en-US.ts`). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  /** Administrators per page (default 25). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Length of generated passwords (default 16, at least the 12 characters every password needs). */
  @property({ type: Number, attribute: 'password-length' }) passwordLength = DEFAULT_PASSWORD_LENGTH;

  @state() private filter = '';
  @state() private page = 0;
  /** The save on its way (a token: a reply whose token was dropped settles nothing). */
  @state() private pending?: object;
  @state() private busyUser?: string;
  @state() private reveal?: { name: string; password: string; shown: boolean };

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<keyof typeof en>(this, {
    namespace: 'account-admins',
    locale: () => this.am.locale,
  });
  private readonly admins = new ResourceController<User[]>(this, this.am, {
    key: () => (this.am.accountId ? storeKey.users(this.am.accountId, 'admin') : undefined),
    load: (store, o) => store.listAllUsers(this.am.accountId!, { privLevel: 'admin', ...o }),
    isEmpty: () => false,
  });
  private readonly candidates = new ResourceController<User[]>(this, this.am, {
    key: () =>
      this.form.mode === 'promote' && this.am.accountId ? storeKey.users(this.am.accountId, 'user') : undefined,
    load: (store, o) => store.listAllUsers(this.am.accountId!, { privLevel: 'user', ...o }),
    isEmpty: () => false,
    states: false,
  });
  private readonly status = new StatusController(this);
  private readonly confirm = new ConfirmController(this);
  private readonly form = new AdminForm(this, this.l);
  private lastAccount?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form.close();
    this.reveal = this.pending = this.busyUser = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.am.accountId === this.lastAccount) return;
    // Another account: nothing of the last one's forms, questions or passwords stays on screen.
    this.lastAccount = this.am.accountId;
    this.form.close();
    this.reveal = this.pending = this.busyUser = undefined;
    this.filter = '';
    this.page = 0;
    this.confirm.cancel();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('saving', !!this.pending || !!this.busyUser);
    this.setCustomState('editing', !!this.form.mode);
  }

  private get size(): number {
    if (Number.isFinite(this.pageSize) && this.pageSize >= 1) return Math.floor(this.pageSize);
    warnOnce('admins-page-size', `<account-admins> page-size="${this.pageSize}" is not a positive number; 25 is used.`);
    return 25;
  }

  // ---- form dialog

  private openForm(mode: AdminMode, user?: User): void {
    this.form.start(mode, user, generatePassword(this.passwordLength));
  }

  private close(): void {
    if (!this.pending) this.form.close();
  }

  private async focusProblem(): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        'am-dialog [aria-invalid=true], am-dialog am-password-field:not([error=""]), am-dialog [role=alert]',
      )
      ?.focus();
  }

  private async submit(): Promise<void> {
    const f = this.form;
    const store = this.am.store;
    const accountId = this.am.accountId;
    if (!f.mode || !store || !accountId || this.pending) return;
    if (!f.check()) return this.focusProblem();
    const [mode, changes, generated] = [f.mode, f.changes(), f.generated];
    if (!Object.keys(changes).length) return this.close();
    const token = (this.pending = {});
    // The reply counts only while this save is the one on screen, for the account it wrote to.
    const current = () => this.pending === token && this.am.accountId === accountId;
    const save = (options: CallOptions) =>
      mode === 'add'
        ? store.createUser(
            accountId,
            { ...(changes as UserInput), privLevel: 'admin', sendEmailOnCreation: !!f.values.sendEmail },
            options,
          )
        : store.updateUser(accountId, f.pick ?? f.user!.id, changes, options);
    try {
      const user = await save({}).catch(async (e: unknown) => {
        const err = toAccountApiError(e);
        const charges = err.details as Charges | undefined;
        if (err.kind !== 'charges-required' || charges?.declined || !current()) throw err;
        // A user with a price (a 402): the charges are put to the user in words before they are accepted.
        if (!(await askCharges(this.confirm, this.l as unknown as LocalizeController<string>, charges)))
          throw new AccountApiError({ ...err, kind: err.kind, message: err.message, details: { declined: true } });
        return save({ acceptCharges: true });
      });
      if (!current()) return;
      const said = ({ add: 'created', edit: 'updated', reset: 'passwordSet', promote: 'promoted' } as const)[mode];
      this.finish(phrase(this.l, said, { name: fullName(user) }), user, generated ? changes.password : undefined);
      if (mode === 'add') this.emit('admin-created', { accountId, user });
      else this.emit('admin-updated', { accountId, user, changes: Object.keys(changes) });
    } catch (e) {
      if (current()) {
        f.refused(toAccountApiError(e));
        void this.focusProblem();
      }
    } finally {
      if (this.pending === token) this.pending = undefined;
    }
  }

  /** Closes the dialog, says so, and shows a generated password once. */
  private finish(message: unknown, user: User, password?: string): void {
    this.pending = undefined;
    this.close();
    void this.status.announce(message, { tone: 'success' });
    if (password === undefined) return;
    this.reveal = { name: fullName(user), password, shown: false };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part=reveal] am-copy-button')?.focus(),
    );
  }

  // ---- remove

  private async removeAdmin(user: User): Promise<void> {
    const store = this.am.store;
    const accountId = this.am.accountId;
    if (!store || !accountId || !this.emit('admin-remove-request', { accountId, user }, { cancelable: true })) return;
    const name = fullName(user);
    const ok = await this.confirm.confirm({
      title: phrase(this.l, 'removeTitle', { name }),
      message: this.l.t('removeMessage'),
      confirmLabel: this.l.t('removeConfirm'),
      danger: true,
    });
    if (!ok || this.am.accountId !== accountId) return;
    this.busyUser = user.id;
    try {
      await store.deleteUser(accountId, user.id);
      if (this.am.accountId !== accountId) return;
      this.emit('admin-removed', { accountId, user });
      void this.status.announce(phrase(this.l, 'removed', { name }), { tone: 'success' });
      this.renderRoot.querySelector<HTMLElement>('#filter')?.focus();
    } catch (e) {
      if (this.am.accountId !== accountId) return;
      const reason = this.l.errorMessage(toAccountApiError(e));
      void this.status.announce(phrase(this.l, 'actionFailed', { reason }), { tone: 'error' });
    } finally {
      if (this.busyUser === user.id) this.busyUser = undefined;
    }
  }

  // ---- render

  protected override render(): unknown {
    return html`${renderResource(this.admins, this.l, { loaded: (list) => this.renderList(list) })}
    ${this.renderDialog()} ${this.status.render(this.l)} ${this.confirm.render(this.l)}`;
  }

  private matchesQuery(u: User, query: string): boolean {
    const q = query.toLowerCase();
    return !q || [fullName(u), u.email ?? '', u.username ?? ''].some((s) => s.toLowerCase().includes(q));
  }

  private button(label: string, run: () => void, o: { name?: string; primary?: boolean; off?: boolean } = {}) {
    return html`<button
      type="button"
      class="am-button"
      data-variant=${o.primary ? 'primary' : nothing}
      aria-label=${o.name ? `${label}: ${o.name}` : nothing}
      ?disabled=${!!o.off}
      @click=${run}
    >
      ${label}
    </button>`;
  }

  private renderList(all: User[]): TemplateResult {
    const t = this.l.t.bind(this.l);
    const query = this.filter.trim();
    const byName = (a: User, b: User) =>
      fullName(a).localeCompare(fullName(b), this.l.locale, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
    const shown = [...all].sort(byName).filter((u) => this.matchesQuery(u, query));
    const pages = Math.max(1, Math.ceil(shown.length / this.size));
    const page = Math.min(this.page, pages - 1);
    const from = page * this.size;
    const rows = shown.slice(from, from + this.size);
    const filter = (v: string) => {
      this.filter = v;
      this.page = 0;
    };
    return html`<div class="layout">
      <div class="header" part="header">
        <h2 id="admins-heading">${t('heading')}</h2>
        <p class="am-hint">${t('count', { count: all.length })}</p>
      </div>
      ${this.reveal ? this.renderReveal(this.reveal) : nothing}
      <div class="toolbar" part="toolbar">
        ${inputField('filter', t('filter'), this.filter, filter, { type: 'search', dir: 'auto', hint: t('filterHint') })}
        <div class="actions">
          ${this.button(t('promote'), () => this.openForm('promote'))}
          ${this.button(t('add'), () => this.openForm('add'), { primary: true })}
        </div>
      </div>
      <p class="am-hint" role="status" aria-live="polite">
        ${
          shown.length
            ? t('showing', { from: from + 1, to: from + rows.length, total: shown.length })
            : phrase(this.l, query ? 'noMatch' : 'noAdmins', { query })
        }
      </p>
      ${
        rows.length
          ? html`<ul class="list" part="list" aria-labelledby="admins-heading">
              ${rows.map((u) => this.renderRow(u))}
            </ul>`
          : nothing
      }
      ${
        pages > 1
          ? html`<nav class="pager" part="pager" aria-label=${t('pagination')}>
              ${this.button(t('previous'), () => (this.page = page - 1), { off: page === 0 })}
              <span>${t('pageOf', { page: page + 1, pages })}</span>
              ${this.button(t('next'), () => (this.page = page + 1), { off: page >= pages - 1 })}
            </nav>`
          : nothing
      }
    </div>`;
  }

  private renderRow(u: User): TemplateResult {
    const t = this.l.t.bind(this.l);
    const o = { name: fullName(u), off: this.busyUser === u.id };
    const isMe = u.id === this.am.session?.userId;
    return html`<li class="row" part="row">
      <span class="who">
        <strong><bdi>${o.name}</bdi>${isMe ? html`<span class="badge">${t('you')}</span>` : nothing}</strong>
        <span dir="auto">${addressOf(u)}</span>
      </span>
      <span class="actions">
        ${this.button(t('edit'), () => this.openForm('edit', u), o)}
        ${this.button(t('resetPassword'), () => this.openForm('reset', u), o)}
        ${isMe ? nothing : this.button(t('remove'), () => void this.removeAdmin(u), o)}
      </span>
    </li>`;
  }

  private renderReveal(r: NonNullable<AccountAdmins['reveal']>): TemplateResult {
    const t = this.l.t.bind(this.l);
    const done = () => {
      this.reveal = undefined;
      this.renderRoot.querySelector<HTMLElement>('[part=toolbar] [data-variant=primary]')?.focus();
    };
    return html`<section class="reveal" part="reveal" aria-labelledby="reveal-heading">
      <h3 id="reveal-heading">${phrase(this.l, 'revealTitle', { name: r.name })}</h3>
      <p>${t('revealHelp')}</p>
      <p class="secret" dir="ltr">${r.shown ? r.password : '•'.repeat(r.password.length)}</p>
      <div class="actions">
        <button
          type="button"
          class="am-button"
          aria-pressed=${r.shown ? 'true' : 'false'}
          @click=${() => (this.reveal = { ...r, shown: !r.shown })}
        >
          ${t('passwordShow')}
        </button>
        <am-copy-button .value=${r.password} label=${t('passwordCopy')}></am-copy-button>
        ${this.button(t('done'), done)}
      </div>
    </section>`;
  }

  private renderPassword(f: AdminForm): TemplateResult {
    const t = this.l.t.bind(this.l);
    const label = f.mode === 'add' ? t('password') : t('newPassword');
    f.registerField('password', { label, rule: 'password' });
    const set = (p: AmPasswordField) =>
      f.update({ values: { ...f.values, password: p.value }, generated: p.generated }, 'password');
    return html`${f.mode === 'edit' ? html`<p class="am-note" role="note">${t('emailChangeNeedsPassword')}</p>` : nothing}
      <am-password-field
        part="field"
        label=${label}
        .value=${f.values.password}
        .generated=${f.generated}
        .length=${this.passwordLength}
        error=${f.fieldError('password') ?? ''}
        ?data-autofocus=${f.mode === 'reset'}
        @input=${(e: Event) => set(e.currentTarget as AmPasswordField)}
      ></am-password-field>`;
  }

  private renderCandidates(f: AdminForm, users: User[]): TemplateResult {
    const t = this.l.t.bind(this.l);
    const query = f.query.trim();
    const all = users.filter((u) => u.privLevel !== 'admin');
    const found = all.filter((u) => this.matchesQuery(u, query));
    const error = f.fieldError('pick');
    const more = found.length - CANDIDATES_SHOWN;
    const candidate = (u: User) =>
      html`<label>
        <input
          type="radio"
          name="pick"
          value=${u.id}
          aria-invalid=${error ? 'true' : 'false'}
          .checked=${live(f.pick === u.id)}
          @change=${() => f.update({ pick: u.id }, 'pick')}
        />
        <bdi>${fullName(u)}</bdi>
        <span class="am-hint" dir="auto">${addressOf(u)}</span>
      </label>`;
    return html`${!all.length ? html`<p class="am-hint">${t('noUsers')}</p>` : nothing}
    ${
      all.length && !found.length
        ? html`<p class="am-hint" role="status">${phrase(this.l, 'noUserMatch', { query })}</p>`
        : nothing
    }
    ${
      found.length
        ? html`<fieldset class="am-results">
            <legend class="am-visually-hidden">${t('findUser')}</legend>
            ${found.slice(0, CANDIDATES_SHOWN).map(candidate)}
          </fieldset>`
        : nothing
    }
    ${more > 0 ? html`<p class="am-hint">${t('moreUsers', { count: more })}</p>` : nothing}
    ${error ? html`<p class="am-field-error" role="alert">${error}</p>` : nothing}`;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    const f = this.form;
    if (!f.mode) return nothing;
    const t = this.l.t.bind(this.l);
    const name = f.user ? fullName(f.user) : '';
    const [title, submit] = {
      add: [t('addTitle'), t('create')],
      edit: [t('editTitle', { name }), t('saveChanges')],
      reset: [t('resetTitle', { name }), t('setPassword')],
      promote: [t('promoteTitle'), t('makeAdmin')],
    }[f.mode];
    const heading = {
      add: undefined,
      edit: phrase(this.l, 'editTitle', { name }),
      reset: phrase(this.l, 'resetTitle', { name }),
      promote: undefined,
    }[f.mode];
    const busy = !!this.pending;
    const field = (path: string, label: string, o: Parameters<typeof textField>[3]) =>
      textField(f, path, label, { required: true, ...o });
    return html`<am-dialog
      class="wide"
      open
      label=${title}
      .heading=${heading}
      exportparts="dialog: form-dialog"
      @am-dialog-request-close=${(e: Event) => (e.preventDefault(), this.close())}
    >
      <form class="am-dialog__form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submit())}>
        ${
          f.mode === 'add' || f.mode === 'edit'
            ? html`<div class="grid">
                  ${field('firstName', t('firstName'), { rule: 'personName' })}
                  ${field('lastName', t('lastName'), { rule: 'personName' })}
                </div>
                ${field('email', t('email'), { type: 'email', rule: 'email', hint: t('emailHint') })}`
            : nothing
        }
        ${f.needsPassword ? this.renderPassword(f) : nothing}
        ${f.mode === 'add' ? checkboxField(f, 'sendEmail', t('sendEmail')) : nothing}
        ${
          f.mode === 'promote'
            ? html`${inputField('find-user', t('findUser'), f.query, (query) => f.update({ query }), {
                type: 'search',
                dir: 'auto',
                hint: t('findUserHint'),
              })}
              ${renderResource(this.candidates, this.l, { loaded: (users) => this.renderCandidates(f, users) })}`
            : nothing
        }
        ${
          f.error
            ? html`<p class="am-field-error" role="alert" tabindex="-1">
                ${
                  (f.error.details as { declined?: boolean } | undefined)?.declined
                    ? this.l.t('chargesDeclined')
                    : phrase(this.l, 'actionFailed', { reason: this.l.errorMessage(f.error) })
                }
              </p>`
            : nothing
        }
        <div class="am-dialog__actions">
          <button type="button" class="am-button" ?disabled=${busy} @click=${() => this.close()}>${t('cancel')}</button>
          <button type="submit" class="am-button" data-variant="primary" ?disabled=${busy}>
            ${busy ? t('saving') : submit}
          </button>
        </div>
      </form>
    </am-dialog>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { AccountApi } from '../../src/api/api.js';
import { toAccountApiError, type AccountApiError } from '../../src/api/errors.js';
import type { User, UserChanges } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmElement } from '../../src/base/am-element.js';
import { AmContextController } from '../../src/base/context-controller.js';
import { ResourceController } from '../../src/base/resource-controller.js';
import { LocalizeController, registerTranslations } from '../../src/base/localize.js';
import { StatusController } from '../../src/base/status.js';
import { ConfirmController } from '../../src/base/confirm-dialog.js';
import { renderErrorPanel, renderResource, renderSkeleton } from '../../src/base/primitives.js';
import { warnOnce } from '../../src/base/warn.js';
import { controlStyles } from '../../src/base/controls.styles.js';
import { errorPanelStyles } from '../../src/base/error-panel.styles.js';
import { skeletonStyles } from '../../src/base/skeleton.styles.js';
import { statusStyles } from '../../src/base/status.styles.js';
import { confirmDialogStyles } from '../../src/base/confirm-dialog.styles.js';
import { tokens } from '../../src/themes/tokens.js';
import { generatePassword, MIN_PASSWORD, passwordStrength } from './password.js';
import { styles } from './account-admins.styles.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** A new admin was created. */
    'admin-created': { accountId: string; user: User };
    /** An admin was edited, given a new password, or a user was made admin; `changes` lists the fields. */
    'admin-updated': { accountId: string; user: User; changes: string[] };
    /** Cancelable, after the user confirmed and before the admin is removed. */
    'admin-remove-request': { accountId: string; user: User };
    /** The admin was removed from the account. */
    'admin-removed': { accountId: string; user: User };
  }
}

const en = {
  heading: 'Administrators',
  count: '{count, plural, =0 {No administrators} one {# administrator} other {# administrators}}',
  filter: 'Filter administrators',
  filterHint: 'By name or e-mail.',
  showing: 'Showing {from}–{to} of {total}',
  noMatch: 'No administrator matches “{query}”.',
  noAdmins: 'This account has no administrator yet.',
  pagination: 'Pages',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: 'Page {page} of {pages}',
  you: 'You',
  add: 'Add administrator',
  promote: 'Make a user administrator',
  edit: 'Edit',
  resetPassword: 'Reset password',
  remove: 'Remove',
  // form
  addTitle: 'Add an administrator',
  editTitle: 'Edit {name}',
  resetTitle: 'New password for {name}',
  promoteTitle: 'Make a user administrator',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  emailHint: 'Also the sign-in name.',
  password: 'Password',
  generate: 'Generate a password',
  type: 'Type a password',
  generated: 'Generated password',
  typed: 'New password',
  show: 'Show password',
  copy: 'Copy password',
  regenerate: 'Generate another',
  passwordHint: 'At least {min} characters.',
  strength: 'Strength: {value}',
  'strength.too-short': 'too short',
  'strength.weak': 'weak',
  'strength.fair': 'fair',
  'strength.strong': 'strong',
  sendEmail: 'E-mail the sign-in details to the new administrator',
  emailChangeNeedsPassword: 'The e-mail is also the sign-in name: changing it needs a new password.',
  create: 'Add administrator',
  saveChanges: 'Save changes',
  setPassword: 'Set password',
  makeAdmin: 'Make administrator',
  firstNameRequired: 'Enter a first name.',
  lastNameRequired: 'Enter a last name.',
  emailInvalid: 'Enter an e-mail address such as name@example.com.',
  passwordTooShort: 'Use at least {min} characters.',
  findUser: 'Find a user',
  findUserHint: 'By name or e-mail, among the users of this account who are not administrators.',
  loadingUsers: 'Loading users…',
  noUsers: 'Every user of this account is already an administrator.',
  noUserMatch: 'No user matches “{query}”.',
  moreUsers: '{count, plural, one {# more user: refine the search.} other {# more users: refine the search.}}',
  pickUser: 'Choose a user.',
  // results
  created: '{name} is now an administrator.',
  updated: 'Changes to {name} saved.',
  passwordSet: 'The password of {name} was changed.',
  promoted: '{name} is now an administrator.',
  removed: '{name} was removed.',
  revealTitle: 'Password for {name}',
  revealHelp: 'It is shown only this once: copy it now and send it safely.',
  copied: 'Password copied.',
  copyFailed: 'Could not copy. Show the password and copy it yourself.',
  done: 'Done',
  removeTitle: 'Remove {name}?',
  removeMessage: 'Their user is deleted from this account: they can no longer sign in.',
  removeConfirm: 'Remove',
  actionFailed: 'Could not complete this. {reason}',
};
type Key = keyof typeof en;
/** The admins widget's strings; every locale file holds every key. */
export type AdminsMessages = Record<Key, string>;

registerTranslations('account-admins', {
  'en-US': en,
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Mode = 'add' | 'edit' | 'reset' | 'promote';

interface FormState {
  mode: Mode;
  user?: User;
  firstName: string;
  lastName: string;
  email: string;
  passwordMode: 'generate' | 'type';
  generated: string;
  typed: string;
  show: boolean;
  sendEmail: boolean;
  query: string;
  pick?: string;
}

const fullName = (u: Pick<User, 'firstName' | 'lastName'>) => `${u.firstName} ${u.lastName}`.trim();

/**
 * Every administrator of an account, however many: a count, a filter box and pages. Add an administrator
 * (first and last name, e-mail as sign-in name, a generated or typed password, optionally e-mailed), edit
 * one (a changed e-mail needs a new password, as the sign-in hash covers it), reset a password (shown once,
 * with Copy), make an existing user administrator, and remove one after a confirmation (never yourself).
 * Generated passwords come from `crypto.getRandomValues`, 16 characters by default.
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
 * @event admin-remove-request - Cancelable, after the confirmation, before removing. `detail: { accountId, user }`.
 * @event admin-removed - An administrator was removed. `detail: { accountId, user }`.
 */
export class AccountAdmins extends AmElement {
  static override styles = [
    tokens,
    controlStyles,
    errorPanelStyles,
    skeletonStyles,
    statusStyles,
    confirmDialogStyles,
    styles,
  ];

  /** The account whose administrators are shown; default: the provider's acting account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** A backend to use without a provider (the provider's is used otherwise). */
  @property({ attribute: false }) api?: AccountApi;

  /** Overrides of single labels, by key (see the English strings in the source). */
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;

  /** Administrators per page (default 25). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Length of generated passwords (default 16, at least 8). */
  @property({ type: Number, attribute: 'password-length' }) passwordLength = 16;

  @state() private filter = '';
  @state() private page = 0;
  @state() private form?: FormState;
  @state() private errors: Record<string, string> = {};
  @state() private formError?: AccountApiError;
  @state() private submitting = false;
  @state() private busyUser?: string;
  @state() private reveal?: { name: string; password: string; shown: boolean };

  private readonly am = new AmContextController(this);
  private readonly l = new LocalizeController<Key>(this, {
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
      this.form?.mode === 'promote' && this.am.accountId ? storeKey.users(this.am.accountId, 'user') : undefined,
    load: (store, o) => store.listAllUsers(this.am.accountId!, { privLevel: 'user', ...o }),
    isEmpty: () => false,
  });
  private readonly status = new StatusController(this);
  private readonly confirm = new ConfirmController(this);
  private readonly dialog = createRef<HTMLDialogElement>();
  private returnFocus?: HTMLElement;
  private lastAccount?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form = undefined;
    this.reveal = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pageSize') && (!Number.isFinite(this.pageSize) || this.pageSize < 1)) {
      warnOnce(
        'admins-page-size',
        `<account-admins> page-size="${String(this.pageSize)}" is not a positive number; 25 is used.`,
      );
    }
    const id = this.am.accountId;
    if (id !== this.lastAccount) {
      // Another account: nothing of the last one's forms or passwords stays on screen.
      this.lastAccount = id;
      this.form = this.reveal = undefined;
      this.filter = '';
      this.page = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const d = this.dialog.value;
    if (d && this.form && !d.open) d.showModal();
    this.setCustomState('saving', this.submitting || !!this.busyUser);
    this.setCustomState('editing', !!this.form);
  }

  private get size(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 25;
  }

  // ---- form dialog

  private async openForm(mode: Mode, user?: User): Promise<void> {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | undefined;
    this.errors = {};
    this.formError = undefined;
    this.form = {
      mode,
      user,
      firstName: user?.firstName ?? '',
      lastName: user?.lastName ?? '',
      email: user?.email ?? user?.username ?? '',
      passwordMode: 'generate',
      generated: generatePassword(this.passwordLength),
      typed: '',
      show: false,
      sendEmail: false,
      query: '',
    };
    await this.updateComplete;
    const first = this.dialog.value?.querySelector<HTMLElement>('input:not([type=radio]), input[type=radio]:checked');
    first?.focus();
  }

  private close(focus = true): void {
    if (this.submitting) return;
    this.dialog.value?.close();
    this.form = undefined;
    this.errors = {};
    this.formError = undefined;
    if (focus) this.returnFocus?.focus?.();
  }

  private patch(changes: Partial<FormState>): void {
    if (!this.form) return;
    this.form = { ...this.form, ...changes };
    const cleared = Object.keys(changes).filter((k) => this.errors[k]);
    if (cleared.length || ('typed' in changes && this.errors.password)) {
      const next = { ...this.errors };
      for (const k of [...cleared, 'typed' in changes ? 'password' : '']) delete next[k];
      this.errors = next;
    }
  }

  private password(): string {
    const f = this.form!;
    return f.passwordMode === 'generate' ? f.generated : f.typed;
  }

  private needsPassword(): boolean {
    const f = this.form!;
    if (f.mode === 'add' || f.mode === 'reset') return true;
    if (f.mode !== 'edit' || !f.user) return false;
    return f.email.trim().toLowerCase() !== (f.user.email ?? f.user.username ?? '').toLowerCase();
  }

  private validate(): boolean {
    const f = this.form!;
    const errors: Record<string, string> = {};
    const t = this.l.t.bind(this.l);
    if (f.mode === 'add' || f.mode === 'edit') {
      if (!f.firstName.trim()) errors.firstName = t('firstNameRequired');
      if (!f.lastName.trim()) errors.lastName = t('lastNameRequired');
      if (!EMAIL_RE.test(f.email.trim())) errors.email = t('emailInvalid');
    }
    if (this.needsPassword() && this.password().length < MIN_PASSWORD) {
      errors.password = t('passwordTooShort', { min: MIN_PASSWORD });
    }
    if (f.mode === 'promote' && !f.pick) errors.pick = t('pickUser');
    this.errors = errors;
    return Object.keys(errors).length === 0;
  }

  private async submit(): Promise<void> {
    const f = this.form;
    const store = this.am.store;
    const accountId = this.am.accountId;
    if (!f || !store || !accountId || this.submitting) return;
    if (!this.validate()) {
      await this.updateComplete;
      this.dialog.value?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.submitting = true;
    this.formError = undefined;
    const t = this.l.t.bind(this.l);
    const generated = f.passwordMode === 'generate';
    try {
      if (f.mode === 'add') {
        const email = f.email.trim();
        const user = await store.createUser(accountId, {
          firstName: f.firstName.trim(),
          lastName: f.lastName.trim(),
          email,
          username: email.toLowerCase(),
          password: this.password(),
          privLevel: 'admin',
          sendEmailOnCreation: f.sendEmail,
        });
        this.finish(
          t('created', { name: fullName(user) }),
          generated ? { user, password: this.password() } : undefined,
        );
        this.emit('admin-created', { accountId, user });
      } else if (f.mode === 'edit' && f.user) {
        const changes: UserChanges = {};
        const paths: string[] = [];
        if (f.firstName.trim() !== f.user.firstName) {
          changes.firstName = f.firstName.trim();
          paths.push('firstName');
        }
        if (f.lastName.trim() !== f.user.lastName) {
          changes.lastName = f.lastName.trim();
          paths.push('lastName');
        }
        const withPassword = this.needsPassword();
        if (f.email.trim() !== (f.user.email ?? '')) {
          changes.email = f.email.trim();
          changes.username = f.email.trim().toLowerCase();
          paths.push('email');
        }
        if (withPassword) {
          changes.password = this.password();
          paths.push('password');
        }
        if (!paths.length) {
          this.submitting = false;
          return this.close();
        }
        const user = await store.updateUser(accountId, f.user.id, changes);
        this.finish(
          t('updated', { name: fullName(user) }),
          withPassword && generated ? { user, password: this.password() } : undefined,
        );
        this.emit('admin-updated', { accountId, user, changes: paths });
      } else if (f.mode === 'reset' && f.user) {
        const user = await store.updateUser(accountId, f.user.id, { password: this.password() });
        this.finish(
          t('passwordSet', { name: fullName(user) }),
          generated ? { user, password: this.password() } : undefined,
        );
        this.emit('admin-updated', { accountId, user, changes: ['password'] });
      } else if (f.mode === 'promote' && f.pick) {
        const user = await store.updateUser(accountId, f.pick, { privLevel: 'admin' });
        this.finish(t('promoted', { name: fullName(user) }));
        this.emit('admin-updated', { accountId, user, changes: ['privLevel'] });
      }
    } catch (e) {
      const err = toAccountApiError(e);
      const errors: Record<string, string> = {};
      for (const [field, messages] of Object.entries(err.fieldErrors ?? {})) {
        const key = field === 'username' ? 'email' : field;
        errors[key] ??= messages[0] ?? '';
      }
      this.errors = errors;
      this.formError = Object.keys(errors).length ? undefined : err;
      await this.updateComplete;
      (
        this.dialog.value?.querySelector<HTMLElement>('[aria-invalid=true]') ??
        this.dialog.value?.querySelector<HTMLElement>('[role=alert]')
      )?.focus();
    } finally {
      this.submitting = false;
    }
  }

  private finish(message: string, reveal?: { user: User; password: string }): void {
    this.submitting = false;
    this.close(!reveal);
    void this.status.announce(message, { tone: 'success' });
    if (reveal) {
      this.reveal = { name: fullName(reveal.user), password: reveal.password, shown: false };
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part=reveal] [data-action=copy-reveal]')?.focus(),
      );
    }
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      void this.status.announce(this.l.t('copied'), { tone: 'success' });
    } catch {
      void this.status.announce(this.l.t('copyFailed'), { tone: 'warning' });
    }
  }

  // ---- remove

  private async removeAdmin(user: User): Promise<void> {
    const store = this.am.store;
    const accountId = this.am.accountId;
    if (!store || !accountId) return;
    const name = fullName(user);
    const ok = await this.confirm.confirm({
      title: this.l.t('removeTitle', { name }),
      message: this.l.t('removeMessage'),
      confirmLabel: this.l.t('removeConfirm'),
      danger: true,
    });
    if (!ok || !this.emit('admin-remove-request', { accountId, user }, { cancelable: true })) return;
    this.busyUser = user.id;
    try {
      await store.deleteUser(accountId, user.id);
      this.emit('admin-removed', { accountId, user });
      void this.status.announce(this.l.t('removed', { name }), { tone: 'success' });
      this.renderRoot.querySelector<HTMLElement>('[part=toolbar] input')?.focus();
    } catch (e) {
      void this.status.announce(this.l.t('actionFailed', { reason: this.l.errorMessage(toAccountApiError(e)) }), {
        tone: 'error',
      });
    } finally {
      this.busyUser = undefined;
    }
  }

  // ---- render

  protected override render(): unknown {
    return html`${renderResource(this.admins, this.l, { loaded: (list) => this.renderList(list) })}
    ${this.renderDialog()} ${this.status.render(this.l)} ${this.confirm.render(this.l)}`;
  }

  private matchesQuery(u: User, query: string): boolean {
    if (!query) return true;
    const q = query.toLowerCase();
    return [fullName(u), u.email ?? '', u.username ?? ''].some((s) => s.toLowerCase().includes(q));
  }

  private renderList(all: User[]): TemplateResult {
    const t = this.l.t.bind(this.l);
    const me = this.am.session?.userId;
    const query = this.filter.trim();
    const sorted = [...all].sort(
      (a, b) =>
        fullName(a).localeCompare(fullName(b), this.l.locale, { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    );
    const shown = sorted.filter((u) => this.matchesQuery(u, query));
    const pages = Math.max(1, Math.ceil(shown.length / this.size));
    const page = Math.min(this.page, pages - 1);
    const from = page * this.size;
    const rows = shown.slice(from, from + this.size);
    return html`<div class="layout">
      <div class="header" part="header">
        <h2 id="admins-heading">${t('heading')}</h2>
        <p class="am-hint" data-count=${all.length}>${t('count', { count: all.length })}</p>
      </div>
      ${this.reveal ? this.renderReveal() : nothing}
      <div class="toolbar" part="toolbar">
        <div class="am-field">
          <label class="am-label" for="filter">${t('filter')}</label>
          <input
            id="filter"
            class="am-input"
            type="search"
            autocomplete="off"
            aria-describedby="filter-hint"
            .value=${live(this.filter)}
            @input=${(e: Event) => {
              this.filter = (e.target as HTMLInputElement).value;
              this.page = 0;
            }}
          />
          <span class="am-hint" id="filter-hint">${t('filterHint')}</span>
        </div>
        <div class="actions">
          <button type="button" class="am-button" data-action="promote" @click=${() => this.openForm('promote')}>
            ${t('promote')}
          </button>
          <button
            type="button"
            class="am-button"
            data-variant="primary"
            data-action="add"
            @click=${() => this.openForm('add')}
          >
            ${t('add')}
          </button>
        </div>
      </div>
      <p class="am-hint" role="status" aria-live="polite">
        ${
          shown.length
            ? t('showing', {
                from: this.l.number(from + 1),
                to: this.l.number(from + rows.length),
                total: this.l.number(shown.length),
              })
            : query
              ? t('noMatch', { query })
              : t('noAdmins')
        }
      </p>
      ${
        rows.length
          ? html`<ul class="list" part="list" id="admins-list" aria-labelledby="admins-heading">
              ${rows.map((u) => this.renderRow(u, u.id === me))}
            </ul>`
          : nothing
      }
      ${
        pages > 1
          ? html`<nav class="pager" part="pager" aria-label=${t('pagination')}>
              <button
                type="button"
                class="am-button"
                data-action="previous"
                ?disabled=${page === 0}
                @click=${() => (this.page = page - 1)}
              >
                ${t('previous')}
              </button>
              <span>${t('pageOf', { page: this.l.number(page + 1), pages: this.l.number(pages) })}</span>
              <button
                type="button"
                class="am-button"
                data-action="next"
                ?disabled=${page >= pages - 1}
                @click=${() => (this.page = page + 1)}
              >
                ${t('next')}
              </button>
            </nav>`
          : nothing
      }
    </div>`;
  }

  private renderRow(u: User, isMe: boolean): TemplateResult {
    const t = this.l.t.bind(this.l);
    const name = fullName(u);
    const busy = this.busyUser === u.id;
    return html`<li class="row" part="row" data-user=${u.id}>
      <span class="who">
        <strong>${name}${isMe ? html`<span class="badge">${t('you')}</span>` : nothing}</strong>
        <span>${u.email ?? u.username ?? ''}</span>
      </span>
      <span class="actions">
        <button
          type="button"
          class="am-button"
          data-action="edit"
          aria-label="${t('edit')}: ${name}"
          ?disabled=${busy}
          @click=${() => this.openForm('edit', u)}
        >
          ${t('edit')}
        </button>
        <button
          type="button"
          class="am-button"
          data-action="reset"
          aria-label="${t('resetPassword')}: ${name}"
          ?disabled=${busy}
          @click=${() => this.openForm('reset', u)}
        >
          ${t('resetPassword')}
        </button>
        ${
          isMe
            ? nothing
            : html`<button
                type="button"
                class="am-button"
                data-action="remove"
                aria-label="${t('remove')}: ${name}"
                ?disabled=${busy}
                @click=${() => this.removeAdmin(u)}
              >
                ${t('remove')}
              </button>`
        }
      </span>
    </li>`;
  }

  private renderReveal(): TemplateResult {
    const r = this.reveal!;
    const t = this.l.t.bind(this.l);
    return html`<section class="reveal" part="reveal" aria-labelledby="reveal-heading">
      <h3 id="reveal-heading">${t('revealTitle', { name: r.name })}</h3>
      <p>${t('revealHelp')}</p>
      <p class="secret" data-secret>${r.shown ? r.password : '•'.repeat(r.password.length)}</p>
      <div class="actions">
        <button
          type="button"
          class="am-button"
          aria-pressed=${r.shown ? 'true' : 'false'}
          @click=${() => (this.reveal = { ...r, shown: !r.shown })}
        >
          ${t('show')}
        </button>
        <button type="button" class="am-button" data-action="copy-reveal" @click=${() => this.copy(r.password)}>
          ${t('copy')}
        </button>
        <button
          type="button"
          class="am-button"
          data-action="done-reveal"
          @click=${() => {
            this.reveal = undefined;
            this.renderRoot.querySelector<HTMLElement>('[data-action=add]')?.focus();
          }}
        >
          ${t('done')}
        </button>
      </div>
    </section>`;
  }

  private input(
    key: 'firstName' | 'lastName' | 'email',
    label: string,
    options: { type?: string; autocomplete?: string; hint?: string } = {},
  ): TemplateResult {
    const f = this.form!;
    const err = this.errors[key];
    const described = [options.hint ? `${key}-hint` : '', err ? `${key}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="am-field">
      <label class="am-label" for=${key}>${label}</label>
      <input
        id=${key}
        name=${key}
        class="am-input"
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        required
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        .value=${live(f[key])}
        @input=${(e: Event) => this.patch({ [key]: (e.target as HTMLInputElement).value })}
      />
      ${options.hint ? html`<span class="am-hint" id="${key}-hint">${options.hint}</span>` : nothing}
      ${err ? html`<p class="am-field-error" id="${key}-error">${err}</p>` : nothing}
    </div>`;
  }

  private renderPassword(note?: string): TemplateResult {
    const f = this.form!;
    const t = this.l.t.bind(this.l);
    const err = this.errors.password;
    const value = this.password();
    const strength = passwordStrength(value);
    const generate = f.passwordMode === 'generate';
    const described = ['password-hint', 'password-strength', err ? 'password-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset>
      <legend>${t('password')}</legend>
      ${note ? html`<p class="am-hint">${note}</p>` : nothing}
      <label class="choice">
        <input
          type="radio"
          name="password-mode"
          value="generate"
          .checked=${live(generate)}
          @change=${() => this.patch({ passwordMode: 'generate' })}
        />
        ${t('generate')}
      </label>
      <label class="choice">
        <input
          type="radio"
          name="password-mode"
          value="type"
          .checked=${live(!generate)}
          @change=${() => this.patch({ passwordMode: 'type' })}
        />
        ${t('type')}
      </label>
      <div class="am-field">
        <label class="am-label" for="password">${generate ? t('generated') : t('typed')}</label>
        <div class="password-row">
          <input
            id="password"
            name="password"
            class="am-input"
            type=${f.show ? 'text' : 'password'}
            autocomplete="new-password"
            spellcheck="false"
            ?readonly=${generate}
            aria-invalid=${err ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(value)}
            @input=${(e: Event) => this.patch({ typed: (e.target as HTMLInputElement).value })}
          />
          <button
            type="button"
            class="am-button"
            data-action="toggle-show"
            aria-pressed=${f.show ? 'true' : 'false'}
            aria-controls="password"
            @click=${() => this.patch({ show: !f.show })}
          >
            ${t('show')}
          </button>
          <button
            type="button"
            class="am-button"
            data-action="copy"
            ?disabled=${!value}
            @click=${() => this.copy(value)}
          >
            ${t('copy')}
          </button>
          ${
            generate
              ? html`<button
                  type="button"
                  class="am-button"
                  data-action="regenerate"
                  @click=${() => this.patch({ generated: generatePassword(this.passwordLength) })}
                >
                  ${t('regenerate')}
                </button>`
              : nothing
          }
        </div>
        <span class="am-hint" id="password-hint">${t('passwordHint', { min: MIN_PASSWORD })}</span>
        <span class="am-hint strength" id="password-strength" data-strength=${strength} aria-live="polite">
          ${t('strength', { value: t(`strength.${strength}` as Key) })}
        </span>
        ${err ? html`<p class="am-field-error" id="password-error">${err}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  private renderPromote(): TemplateResult {
    const f = this.form!;
    const t = this.l.t.bind(this.l);
    const r = this.candidates;
    const query = f.query.trim();
    const LIMIT = 50;
    let body: unknown;
    if (r.state === 'loading' || r.state === 'idle')
      body = r.showSkeleton
        ? renderSkeleton(this.l, 3)
        : html`<p class="am-hint" role="status">${t('loadingUsers')}</p>`;
    else if (r.state === 'error' || r.state === 'forbidden')
      body = renderErrorPanel(r.error, this.l, { onRetry: () => r.retry() });
    else {
      const all = (r.value ?? []).filter((u) => u.privLevel !== 'admin');
      const found = all.filter((u) => this.matchesQuery(u, query));
      const shown = found.slice(0, LIMIT);
      body = html`${
        !all.length
          ? html`<p class="am-hint">${t('noUsers')}</p>`
          : !found.length
            ? html`<p class="am-hint" role="status">${t('noUserMatch', { query })}</p>`
            : nothing
      }
      ${
        shown.length
          ? html`<fieldset class="candidates">
              <legend class="am-visually-hidden">${t('findUser')}</legend>
              ${shown.map(
                (u) =>
                  html`<label>
                    <input
                      type="radio"
                      name="pick"
                      value=${u.id}
                      aria-invalid=${this.errors.pick ? 'true' : 'false'}
                      .checked=${live(f.pick === u.id)}
                      @change=${() => {
                        this.patch({ pick: u.id });
                        if (this.errors.pick) this.errors = {};
                      }}
                    />
                    <span>${fullName(u)}</span>
                    <span class="am-hint">${u.email ?? u.username ?? ''}</span>
                  </label>`,
              )}
            </fieldset>`
          : nothing
      }
      ${found.length > LIMIT ? html`<p class="am-hint">${t('moreUsers', { count: found.length - LIMIT })}</p>` : nothing}
      ${this.errors.pick ? html`<p class="am-field-error" role="alert">${this.errors.pick}</p>` : nothing}`;
    }
    return html`<div class="am-field">
        <label class="am-label" for="find-user">${t('findUser')}</label>
        <input
          id="find-user"
          class="am-input"
          type="search"
          autocomplete="off"
          aria-describedby="find-user-hint"
          .value=${live(f.query)}
          @input=${(e: Event) => this.patch({ query: (e.target as HTMLInputElement).value })}
        />
        <span class="am-hint" id="find-user-hint">${t('findUserHint')}</span>
      </div>
      ${body}`;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    const f = this.form;
    if (!f) return nothing;
    const t = this.l.t.bind(this.l);
    const name = f.user ? fullName(f.user) : '';
    const title =
      f.mode === 'add'
        ? t('addTitle')
        : f.mode === 'edit'
          ? t('editTitle', { name })
          : f.mode === 'reset'
            ? t('resetTitle', { name })
            : t('promoteTitle');
    const submit =
      f.mode === 'add'
        ? t('create')
        : f.mode === 'edit'
          ? t('saveChanges')
          : f.mode === 'reset'
            ? t('setPassword')
            : t('makeAdmin');
    return html`<dialog
      class="am-dialog wide"
      part="form-dialog"
      aria-labelledby="form-title"
      data-mode=${f.mode}
      ${ref(this.dialog)}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <form
        class="form"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.submit();
        }}
      >
        <h2 class="am-dialog__title" id="form-title">${title}</h2>
        ${
          f.mode === 'add' || f.mode === 'edit'
            ? html`<div class="grid">
                  ${this.input('firstName', t('firstName'), { autocomplete: 'off' })}
                  ${this.input('lastName', t('lastName'), { autocomplete: 'off' })}
                </div>
                ${this.input('email', t('email'), { type: 'email', hint: t('emailHint') })}`
            : nothing
        }
        ${f.mode === 'add' || f.mode === 'reset' ? this.renderPassword() : nothing}
        ${f.mode === 'edit' && this.needsPassword() ? this.renderPassword(t('emailChangeNeedsPassword')) : nothing}
        ${
          f.mode === 'add'
            ? html`<label class="choice">
                <input
                  type="checkbox"
                  name="send-email"
                  .checked=${live(f.sendEmail)}
                  @change=${(e: Event) => this.patch({ sendEmail: (e.target as HTMLInputElement).checked })}
                />
                ${t('sendEmail')}
              </label>`
            : nothing
        }
        ${f.mode === 'promote' ? this.renderPromote() : nothing}
        ${
          this.formError
            ? html`<p class="am-field-error" role="alert" tabindex="-1">
                ${t('actionFailed', { reason: this.l.errorMessage(this.formError) })}
              </p>`
            : nothing
        }
        <div class="am-dialog__actions">
          <button
            type="button"
            class="am-button"
            value="cancel"
            ?disabled=${this.submitting}
            @click=${() => this.close()}
          >
            ${t('cancel')}
          </button>
          <button type="submit" class="am-button" data-variant="primary" value="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t('saving') : submit}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}

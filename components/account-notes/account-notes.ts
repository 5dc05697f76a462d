import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AccountChanges, Notes } from '../../src/api/model.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { inputField } from '../../src/base/fields.js';
import { richTextStyles, sectionStyles } from '../../src/base/layout.styles.js';
import { defineTranslations } from '../../src/base/localize.js';
import { sanitizeHtml, sanitizeToFragment } from '../../src/base/sanitize.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-notes.styles.js';
import en from './locales/en-US.js';
import { linkAddress, RichTextEditor, type RichTextLabels } from './rich-text-editor.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user saved the notes; `changes` lists `customNotes`, `announcement`. */
    'notes-saved': { accountId: string; notes: Notes; changes: string[] };
  }
}

defineTranslations('account-notes', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

type Key = keyof typeof en;
type NoteKey = 'customNotes' | 'announcement';
const NOTE_KEYS: NoteKey[] = ['customNotes', 'announcement'];

interface Draft extends Notes {
  revision?: string;
}

/** Keeps a name's own direction inside a sentence of the other direction. */
const isolate = (name: string) => `\u2068${name}\u2069`;

/** A note as the words it shows (for conflicts), read from its sanitized nodes: nothing loads or runs. */
async function plainText(markup: string): Promise<string> {
  const text = ((await sanitizeToFragment(markup, 'notes')).textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** What is stored for a note: sanitized HTML, or `null` (the key is removed) when it shows no text. */
async function storedNote(value: unknown): Promise<string | null> {
  if (typeof value !== 'string') return null;
  const [clean, shown] = await Promise.all([sanitizeHtml(value, 'notes'), sanitizeToFragment(value, 'notes')]);
  return shown.textContent?.trim() ? clean : null;
}

/**
 * An account's customer notes (for the administrators who manage it) and its announcement (shown to its
 * users when they sign in, by `<account-announcement>`), each edited as rich text: bold, italic, bulleted
 * and numbered lists, http(s) and mailto links. Both are stored as HTML and are written by other tenants, so
 * what is shown and what is saved goes through DOMPurify (paragraphs, line breaks, bold, italic, lists and
 * links only; links open in a new tab with `rel="noopener noreferrer"`); a note emptied is removed.
 * "Delete announcement" asks first, then saves at once (with any other edit on screen).
 *
 * Each editor: a toolbar (`role="toolbar"`, one tab stop, arrow keys between its buttons) over a
 * `contenteditable` region (`role="textbox"`, `aria-multiline`, named by its label); Ctrl/Cmd+B bold,
 * Ctrl/Cmd+I italic, Ctrl/Cmd+K link; pasted or dropped content becomes sanitized HTML or plain text.
 *
 * @tagname account-notes
 * @summary Customer notes and the sign-in announcement of an account, as rich text.
 *
 * @csspart base - The notes, the form and its actions.
 * @csspart form - The two editors with Save and Reset.
 * @csspart field - One note: its label, hint, editor and messages.
 * @csspart rich-text - An editor: toolbar and editable region.
 * @csspart toolbar - The formatting buttons of an editor.
 * @csspart toolbar-button - One formatting button.
 * @csspart editor - The editable region (`role="textbox"`).
 * @csspart delete - The "Delete announcement" button.
 * @csspart actions - The dirty marker, Reset and Save.
 * @csspart conflicts - Notes changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart dialog - The link and confirmation dialogs.
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-account-notes-max-width - Widest the element grows (default 48rem).
 * @cssproperty --am-account-notes-editor-min-height - Height of an empty editor (default 6rem).
 * @cssproperty --am-account-notes-editor-max-height - Tallest an editor grows before it scrolls (default 24rem).
 *
 * @event notes-saved - The user saved. `detail: { accountId, notes, changes }`.
 *
 * @cssstate loading - The account is loading.
 * @cssstate error - The account failed to load.
 * @cssstate forbidden - The user may not see this account.
 * @cssstate dirty - A note was changed and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - A note changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change these.
 * @cssstate disabled-account - The account is disabled.
 */
export class AccountNotes extends AmDraftElement<Draft, Key> {
  static override namespace = 'account-notes';
  static override styles = [tokens, draftStyles, sectionStyles, richTextStyles, styles];
  static override dependencies = { ...AmDraftElement.dependencies };

  /** Notes in a conflict, in words, once read (see `formatValue`). */
  private readonly words = new Map<string, string>();

  /** The link dialog, while it asks. */
  @state() private linkAsk?: { value: string; invalid: boolean; resolve(url: string | undefined): void };

  private readonly editors: Record<NoteKey, RichTextEditor> = {
    customNotes: this.editor('customNotes'),
    announcement: this.editor('announcement'),
  };

  private editor(key: NoteKey): RichTextEditor {
    return new RichTextEditor(this, {
      id: `note-${key}`,
      value: () => this.draft.get(key) as string | undefined,
      change: (value) => this.setField(key, value),
      askLink: (current) => this.askLink(current),
      readOnly: () => this.readOnly,
    });
  }

  protected override select(): Draft | undefined {
    const a = this.account.value;
    return a && { ...a.notes, revision: a.revision };
  }

  protected override async write(_d: Draft, { changes, base, store, accountId, options }: WriteContext<Draft>) {
    const notes: NonNullable<AccountChanges['notes']> = {};
    for (const key of NOTE_KEYS) if (key in changes) notes[key] = await storedNote(changes[key]);
    await store.updateAccount(accountId, { notes }, { ...options, expectedRevision: base.revision });
  }

  protected override onSaved(changes: string[]): void {
    const { revision: _r, ...notes } = this.draft.base ?? {};
    this.emit('notes-saved', { accountId: this.am.accountId!, notes, changes });
  }

  protected override savedMessage(): string {
    return this.l.t('savedDone', { name: isolate(this.account.value?.name ?? '') });
  }

  protected override formatValue(value: unknown, path: string): string {
    if (typeof value !== 'string') return super.formatValue(value, path);
    const words = this.words.get(value);
    if (words !== undefined) return words || '—';
    void plainText(value).then(
      (text) => {
        this.words.set(value, text);
        this.requestUpdate();
      },
      () => undefined,
    );
    return '…';
  }

  protected override accountChanged(): void {
    this.words.clear();
    this.finishLink(undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.finishLink(undefined);
  }

  // ---- the link dialog

  private askLink(current: string | undefined): Promise<string | undefined> {
    this.finishLink(undefined);
    return new Promise((resolve) => (this.linkAsk = { value: current ?? '', invalid: false, resolve }));
  }

  private finishLink(url: string | undefined): void {
    const ask = this.linkAsk;
    if (!ask) return;
    this.linkAsk = undefined;
    ask.resolve(url);
  }

  private submitLink(e: SubmitEvent): void {
    e.preventDefault();
    const ask = this.linkAsk;
    if (!ask) return;
    const url = linkAddress(ask.value);
    if (url) return this.finishLink(url);
    this.linkAsk = { ...ask, invalid: true };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#link-address')?.focus());
  }

  private renderLinkDialog(): unknown {
    const ask = this.linkAsk;
    if (!ask) return nothing;
    const t = this.l.t.bind(this.l);
    return html`<am-dialog
      part="dialog"
      open
      label=${t('linkTitle')}
      @am-dialog-request-close=${(e: Event) => {
        e.preventDefault();
        this.finishLink(undefined);
      }}
    >
      <form class="am-dialog__form" novalidate @submit=${this.submitLink}>
        ${inputField(
          'link-address',
          t('linkAddress'),
          ask.value,
          (value) => (this.linkAsk = { ...ask, value, invalid: false }),
          {
            inputmode: 'url',
            dir: 'ltr',
            spellcheck: false,
            autofocus: true,
            hint: t('linkHint'),
            error: ask.invalid ? t('linkInvalid') : undefined,
          },
        )}
        <div class="am-dialog__actions">
          <button type="button" class="am-button" @click=${() => this.finishLink(undefined)}>${t('cancel')}</button>
          <button type="submit" class="am-button" data-variant="primary">${t('linkApply')}</button>
        </div>
      </form>
    </am-dialog>`;
  }

  // ---- deleting the announcement

  private async deleteAnnouncement(): Promise<void> {
    const t = this.l.t.bind(this.l);
    const ok = await this.confirm.confirm({
      title: t('deleteTitle'),
      message: t('deleteMessage', { name: isolate(this.account.value?.name ?? '') }),
      confirmLabel: t('deleteAnnouncement'),
      danger: true,
    });
    if (!ok || this.readOnly || !this.draft.draft) return;
    this.setField('announcement', undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#note-announcement')?.focus();
    this.renderRoot.querySelector<HTMLFormElement>('form[part~=form]')?.requestSubmit();
  }

  // ---- rendering

  protected override render(): unknown {
    return html`${super.render()} ${this.renderLinkDialog()}`;
  }

  private labels(label: string): RichTextLabels {
    const t = this.l.t.bind(this.l);
    return {
      toolbar: t('toolbar', { label }),
      bold: t('bold'),
      italic: t('italic'),
      bulletList: t('bulletList'),
      numberList: t('numberList'),
      link: t('link'),
      unlink: t('unlink'),
      ctrl: t('ctrl'),
    };
  }

  private renderNote(key: NoteKey, label: string, hint: string, placeholder: string, extra: unknown = nothing) {
    this.registerField(key, { label });
    const id = `note-${key}`;
    const changed = this.fieldChanged(key);
    const error = this.fieldError(key);
    return html`<div class="am-field note" part="field" ?data-dirty=${changed} data-field=${key}>
      <span class="am-label-row">
        <span
          class="am-label"
          id="${id}-label"
          @click=${() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus()}
          >${label}</span
        >
        ${
          changed
            ? html`<span class="am-dirty-mark" aria-hidden="true" title=${this.l.t('changedField')}></span>`
            : nothing
        }
      </span>
      <span class="am-hint" id="${id}-hint">${hint}</span>
      ${this.editors[key].render({
        labels: this.labels(label),
        labelledBy: `${id}-label`,
        describedBy: error ? `${id}-hint ${id}-error` : `${id}-hint`,
        placeholder,
        invalid: !!error,
      })}
      ${error ? html`<p class="am-field-error" id="${id}-error">${error}</p>` : nothing} ${extra}
    </div>`;
  }

  protected override renderForm() {
    const t = this.l.t.bind(this.l);
    const saved = this.draft.base?.announcement;
    const canDelete = !!saved && !this.readOnly;
    return html`<h2>${t('heading')}</h2>
      <p class="intro">${t('intro')}</p>
      ${this.renderNote('customNotes', t('customNotes'), t('customNotesHint'), t('customNotesPlaceholder'))}
      ${this.renderNote(
        'announcement',
        t('announcement'),
        t('announcementHint'),
        t('announcementPlaceholder'),
        canDelete
          ? html`<div class="note__actions">
              <button
                type="button"
                class="am-button"
                part="delete"
                ?disabled=${this.draft.saving}
                @click=${() => void this.deleteAnnouncement()}
              >
                ${t('deleteAnnouncement')}
              </button>
            </div>`
          : nothing,
      )}`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AccountApiError } from '../../src/api/errors.js';
import type { App } from '../../src/api/model.js';
import { storeKey } from '../../src/data/keys.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { sectionStyles } from '../../src/base/layout.styles.js';
import { AmSwitch } from '../../src/base/elements/am-switch.js';
import { fieldId, inputField } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './app-exchange-toggle.styles.js';
import en from './locales/en-US.js';

export type { AppExchangeMessages } from './locales/en-US.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user saved the account's apps; `enabled` lists the ids now on, `changes` the `apps.<id>` paths. */
    'apps-saved': { accountId: string; enabled: string[]; changes: string[] };
  }
}

defineTranslations('app-exchange-toggle', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

interface Draft {
  /** Whether each app is on, by app id. */
  apps: Record<string, boolean>;
}

interface Icon {
  state: 'queued' | 'loading' | 'ready' | 'failed';
  url?: string;
  /** Held while the icon is: its URL stays valid while any toggle shows it, even once the store let it go. */
  blob?: Blob;
}

/**
 * One object URL per icon the store holds, shared by every toggle that shows it: shown again (a tab opened again),
 * a toggle finds its images decoded. A URL is revoked once the store has let the icon go (its blob was collected).
 */
const iconUrls = new WeakMap<Blob, string>();
const revokeLater =
  typeof FinalizationRegistry === 'undefined'
    ? undefined
    : new FinalizationRegistry<string>((url) => URL.revokeObjectURL(url));
function iconUrl(blob: Blob): string {
  let url = iconUrls.get(blob);
  if (!url) {
    iconUrls.set(blob, (url = URL.createObjectURL(blob)));
    revokeLater?.register(blob, url);
  }
  return url;
}

/** The filter shows from this many apps on: a shorter list is read at a glance. */
const FILTER_FROM = 8;
/** Icon reads at a time: a reseller's dozens of apps must not crowd out the form's own requests. */
const ICON_CONCURRENCY = 4;
const TONES = ['accent', 'success', 'warning', 'danger', 'neutral'] as const;

const nameOf = (app: App) => app.label || app.name;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const matches = (app: App, q: string) =>
  [nameOf(app), app.name, app.description ?? ''].some((s) => fold(s).includes(q));

function initials(name: string): string {
  const words = name.split(/[\s_-]+/u).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => Array.from(w)[0]!.toLocaleUpperCase())
    .join('');
}

function toneOf(id: string): (typeof TONES)[number] {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return TONES[h % TONES.length]!;
}

function collator(locale: string): Intl.Collator {
  try {
    return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  }
}

/**
 * The apps an account's parent can give, each with its icon, name, short description and one switch, saved
 * as one change: the apps switched off make the account's blacklist, written in a single request. "Enable
 * all" and "Disable all" act on the apps shown; from eight apps on a filter (by name or description) narrows
 * the list, and apps it hides keep their state. Icons are read as data and shown through object URLs, so no
 * token reaches the page; an app without one (or whose icon fails) shows its initials instead.
 *
 * Two ways to use it:
 * - **On an account** (`account-id`, default the acting account): a draft with Save and Reset. Only an
 *   account above this one may change its apps, so on the user's own account it is read-only.
 * - **In a creation wizard** (`form`): `account-id` names the parent whose apps are offered, `value` is the
 *   list of enabled app ids (default: all), with native `input` and `change` events on each user change; no
 *   Save or Reset, nothing written.
 *
 * @tagname app-exchange-toggle
 * @summary Turn the apps an account may use on or off.
 *
 * @csspart base - The notes, the form and its actions.
 * @csspart form - The toolbar, the apps, Save and Reset.
 * @csspart toolbar - The filter and the bulk buttons.
 * @csspart filter - The filter box.
 * @csspart bulk - "Enable all" and "Disable all".
 * @csspart summary - How many apps are on, and how many the filter shows.
 * @csspart list - The list of apps.
 * @csspart app - One app: icon, switch with name and description, dirty marker.
 * @csspart icon - The app's icon tile.
 * @csspart icon-image - The icon's image.
 * @csspart monogram - The initials shown when an app has no icon.
 * @csspart note - Said instead of the list when the parent has no app to give.
 * @csspart actions - The dirty marker, Reset and Save (not in form mode).
 * @csspart conflicts - Apps changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-app-exchange-toggle-max-width - Widest the element grows (default 48rem).
 * @cssproperty --am-app-exchange-toggle-gap - Space between apps (default `--am-space-3`).
 * @cssproperty --am-app-exchange-toggle-icon-size - Side of an app's icon (default 2.5rem).
 * @cssproperty --am-app-exchange-toggle-list-max-height - Height after which the list scrolls (default none).
 * @cssproperty --am-app-exchange-toggle-row-background - Background of an app (default `--am-color-surface`).
 * @cssproperty --am-app-exchange-toggle-row-border - Border colour of an app (default `--am-color-border`).
 *
 * @event apps-saved - The user saved. `detail: { accountId, enabled, changes }`.
 * @event input - Form mode: the user turned apps on or off (bubbles, composed).
 * @event change - Form mode: the choice changed (same moment as `input`).
 *
 * @cssstate loading - The account or its apps are loading.
 * @cssstate error - They failed to load.
 * @cssstate forbidden - The user may not see this account.
 * @cssstate dirty - A switch was changed and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - An app changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change these.
 * @cssstate disabled-account - The account is disabled.
 */
export class AppExchangeToggle extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'app-exchange-toggle';
  static override styles = [tokens, draftStyles, sectionStyles, styles];
  static override dependencies = { ...AmDraftElement.dependencies, 'am-switch': AmSwitch };

  /** Form mode: `account-id` is the parent whose apps are offered; `value` holds the choice; no Save or Reset. */
  @property({ type: Boolean, reflect: true }) form = false;

  /** No heading above the apps (the host has its own). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private query = '';
  @state() private hostValue?: string[];

  /** Apps the parent can give, with whether each is on for the account. */
  private readonly apps = this.resource<App[]>({
    key: (id) => storeKey.apps(id),
    load: (store, id, o) => store.listApps(id, o),
  });

  private offeredMemo?: { from: App[]; form: boolean; locale: string; list: App[] };
  private icons = new Map<string, Icon>();
  /** The account and app ids the icons belong to: another list starts them again. */
  private iconSet = '';
  private iconQueue: string[] = [];
  private iconActive = 0;
  private iconAbort = new AbortController();
  private observer?: IntersectionObserver;

  constructor() {
    super();
    // A value set before the element was defined sits on the instance and hides the accessor: move it.
    if (Object.prototype.hasOwnProperty.call(this, 'value')) {
      const v = (this as { value?: string[] }).value;
      delete (this as { value?: string[] }).value;
      this.value = v;
    }
  }

  /** Form mode: the ids of the enabled apps (default: every app offered); follows the user's changes. */
  get value(): string[] {
    const d = this.draft.draft;
    if (this.form && d) return this.enabledIn(d);
    return [...(this.hostValue ?? [])];
  }
  set value(v: string[] | undefined) {
    this.hostValue = Array.isArray(v) ? v.filter((x) => typeof x === 'string') : undefined;
  }

  /** Not in form mode: whether switches differ from the account's apps. */
  override get dirty(): boolean {
    return !this.form && super.dirty;
  }

  /** Saves the switches; in form mode nothing is saved here (the host does) and it resolves `false`. */
  override save(): Promise<boolean> {
    return this.form ? Promise.resolve(false) : super.save();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The icons on their way were stopped on leaving: render again to ask for them.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pauseIcons();
  }

  // ---- the draft

  /** The apps offered, by name in the user's language (form mode: only those the parent has). */
  private offered(): App[] {
    const from = this.apps.value ?? [];
    const locale = this.l.locale;
    const m = this.offeredMemo;
    if (m && m.from === from && m.form === this.form && m.locale === locale) return m.list;
    const c = collator(locale);
    const list = (this.form ? from.filter((a) => a.enabled) : [...from]).sort((a, b) =>
      c.compare(nameOf(a), nameOf(b)),
    );
    this.offeredMemo = { from, form: this.form, locale, list };
    return list;
  }

  private enabledIn(d: Draft): string[] {
    return this.offered()
      .filter((a) => d.apps[a.id])
      .map((a) => a.id);
  }

  protected override selectInputs(): unknown[] {
    return [...super.selectInputs(), this.form, this.form ? this.hostValue : undefined];
  }

  protected override select(): Draft | undefined {
    const list = this.apps.value;
    if (!list) return undefined;
    if (!this.form) return { apps: Object.fromEntries(list.map((a) => [a.id, a.enabled])) };
    const chosen = this.hostValue && new Set(this.hostValue);
    return { apps: Object.fromEntries(this.offered().map((a) => [a.id, chosen ? chosen.has(a.id) : true])) };
  }

  protected override async write(d: Draft, { base, store, accountId, options }: WriteContext<Draft>) {
    // Kazoo keeps no revision on a blacklist: read it again first, so a change made elsewhere is a conflict.
    const fresh = await store.listApps(accountId, { force: true });
    const now: Record<string, boolean> = Object.fromEntries(fresh.map((a) => [a.id, a.enabled]));
    const ids = new Set([...Object.keys(now), ...Object.keys(base.apps)]);
    if ([...ids].some((id) => now[id] !== base.apps[id])) {
      throw new AccountApiError({
        kind: 'conflict',
        message: 'Apps changed elsewhere.',
        details: { current: { apps: now } },
      });
    }
    const enabled = fresh.filter((a) => d.apps[a.id] ?? a.enabled).map((a) => a.id);
    await store.setEnabledApps(accountId, enabled, options);
  }

  protected override onSaved(changes: string[]): void {
    const d = this.draft.base;
    if (!d) return;
    const enabled = Object.keys(d.apps).filter((id) => d.apps[id]);
    this.emit('apps-saved', { accountId: this.am.accountId!, enabled, changes });
  }

  protected override canEdit(): boolean {
    // Only an account above this one may set its blacklist.
    return this.form || !this.am.session || this.am.session.accountId !== this.am.accountId;
  }

  protected override fieldChangedHook(): void {
    if (!this.form || !this.draft.draft) return;
    this.hostValue = this.enabledIn(this.draft.draft);
    // The host's value is the saved value in this mode: nothing stays unsaved.
    this.draft.rebase(this.draft.draft);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  protected override accountChanged(): void {
    this.query = '';
    this.resetIcons();
    this.iconSet = '';
  }

  private setAll(apps: App[], on: boolean): void {
    const d = this.draft.draft;
    if (!d) return;
    const next = { ...d.apps };
    for (const a of apps) next[a.id] = on;
    this.setField('apps', next);
  }

  // ---- icons

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncIcons();
  }

  /** Starts the icons of the tiles on screen (lazily, as they come into view) and drops those of another list. */
  private syncIcons(): void {
    const ready = this.isConnected && this.apps.value && this.am.accountId;
    // The store's epoch too: icons kept while away are not shown to another identity.
    const key = ready
      ? `${this.am.store?.epoch}|${this.am.accountId}|${this.offered()
          .map((a) => a.id)
          .join(',')}`
      : '';
    if (key !== this.iconSet) {
      if (this.icons.size) this.resetIcons();
      this.iconSet = key;
    }
    if (!key) return;
    const io = this.intersection();
    for (const tile of this.renderRoot.querySelectorAll<HTMLElement>('[data-icon]')) {
      const id = tile.dataset.icon!;
      if (this.icons.has(id)) continue;
      if (io) io.observe(tile);
      else this.queueIcon(id);
    }
  }

  private intersection(): IntersectionObserver | undefined {
    if (typeof IntersectionObserver === 'undefined') return undefined;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          this.observer?.unobserve(e.target);
          const id = (e.target as HTMLElement).dataset.icon;
          if (id) this.queueIcon(id);
        }
      },
      { rootMargin: '200px' },
    );
    return this.observer;
  }

  private queueIcon(id: string): void {
    if (this.icons.has(id)) return;
    this.icons.set(id, { state: 'queued' });
    this.iconQueue.push(id);
    this.pumpIcons();
  }

  private pumpIcons(): void {
    const store = this.am.store;
    const accountId = this.am.accountId;
    while (store && accountId && this.iconActive < ICON_CONCURRENCY && this.iconQueue.length) {
      const id = this.iconQueue.shift()!;
      const signal = this.iconAbort.signal;
      this.iconActive++;
      this.icons.set(id, { state: 'loading' });
      store.getAppIcon(accountId, id, { signal }).then(
        (blob) => this.iconSettled(id, signal, blob),
        () => this.iconSettled(id, signal, undefined),
      );
    }
  }

  private iconSettled(id: string, signal: AbortSignal, blob: Blob | undefined): void {
    if (signal.aborted) return;
    this.iconActive--;
    this.icons.set(id, blob?.size ? { state: 'ready', url: iconUrl(blob), blob } : { state: 'failed' });
    this.requestUpdate();
    this.pumpIcons();
  }

  /** An icon that came but does not decode: its initials instead. */
  private iconFailed(id: string): void {
    this.icons.set(id, { state: 'failed' });
    this.requestUpdate();
  }

  /** Stops the reads on their way; the icons shown stay, for when it is shown again. */
  private pauseIcons(): void {
    this.iconAbort.abort();
    this.iconAbort = new AbortController();
    for (const [id, icon] of this.icons) if (icon.state === 'queued' || icon.state === 'loading') this.icons.delete(id);
    this.iconQueue = [];
    this.iconActive = 0;
    this.observer?.disconnect();
  }

  /** Forgets every icon (another account or list) and stops the reads on their way. */
  private resetIcons(): void {
    this.pauseIcons();
    this.icons = new Map();
  }

  // ---- rendering

  protected override renderDisabledNote(): unknown {
    return this.form ? nothing : super.renderDisabledNote();
  }

  protected override renderActions(): unknown {
    return this.form ? nothing : super.renderActions();
  }

  protected override renderLoaded(d: Draft): unknown {
    const t = this.l.t.bind(this.l);
    const name = this.account.value?.name ?? '';
    const none = !this.offered().length;
    return html`<div class="layout">
      ${this.noHeading ? nothing : html`<h2>${t('heading')}</h2>`}
      <p class="intro">${phrase(this.l, this.form ? 'introForm' : 'intro', { name })}</p>
      ${
        none
          ? html`<p class="am-note" part="note" role="note">
              ${this.form ? phrase(this.l, 'noneOfferedForm', { name }) : t('noneOffered')}
            </p>`
          : this.renderDraftForm(d)
      }
    </div>`;
  }

  protected override renderForm(d: Draft): unknown {
    const t = this.l.t.bind(this.l);
    const apps = this.offered();
    for (const a of apps) this.registerField(`apps.${a.id}`, { label: nameOf(a) });
    const query = this.query.trim();
    const q = fold(query);
    const shown = q ? apps.filter((a) => matches(a, q)) : apps;
    const visible = new Set(shown.map((a) => a.id));
    const enabled = apps.filter((a) => d.apps[a.id]).length;
    const filtering = apps.length >= FILTER_FROM;
    return html`<div class="toolbar ${filtering ? 'toolbar--filter' : ''}" part="toolbar">
        ${
          filtering
            ? inputField('filter', t('filter'), this.query, (v) => (this.query = v), {
                class: 'filter',
                part: 'filter',
                type: 'search',
                spellcheck: false,
                hint: t('filterHint'),
                onKeydown: (e) => {
                  // Enter in the filter must not submit (save) the form.
                  if (e.key === 'Enter') e.preventDefault();
                },
              })
            : nothing
        }
        ${
          this.readOnly
            ? nothing
            : html`<div class="bulk" part="bulk">
                <button
                  type="button"
                  class="am-button"
                  ?disabled=${!shown.some((a) => !d.apps[a.id])}
                  @click=${() => this.setAll(shown, true)}
                >
                  ${q ? t('enableShown', { count: shown.length }) : t('enableAll')}
                </button>
                <button
                  type="button"
                  class="am-button"
                  ?disabled=${!shown.some((a) => d.apps[a.id])}
                  @click=${() => this.setAll(shown, false)}
                >
                  ${q ? t('disableShown', { count: shown.length }) : t('disableAll')}
                </button>
              </div>`
        }
      </div>
      <p class="summary" part="summary">
        <span>${t('summary', { enabled, total: apps.length })}</span>
        <span role="status"
          >${
            q
              ? shown.length
                ? t('showing', { shown: shown.length, total: apps.length })
                : phrase(this.l, 'noMatch', { query })
              : ''
          }</span
        >
      </p>
      <ul class="list" part="list" aria-label=${t('heading')}>
        ${repeat(
          apps,
          (a) => a.id,
          (a) => this.renderApp(a, d, !visible.has(a.id)),
        )}
      </ul>`;
  }

  private renderApp(app: App, d: Draft, hidden: boolean): TemplateResult {
    const path = `apps.${app.id}`;
    const name = nameOf(app);
    const on = d.apps[app.id] === true;
    const changed = this.fieldChanged(path);
    const url = this.icons.get(app.id)?.url;
    return html`<li class="app" part="app" data-app=${app.id} ?hidden=${hidden} ?data-on=${on} ?data-dirty=${changed}>
      <span class="icon" part="icon" data-icon=${app.id} aria-hidden="true">
        ${
          url
            ? html`<img part="icon-image" src=${url} alt="" @error=${() => this.iconFailed(app.id)} />`
            : html`<span class="monogram" part="monogram" data-tone=${toneOf(app.id)}>${initials(name)}</span>`
        }
      </span>
      <am-switch
        id=${fieldId(path)}
        .checked=${on}
        ?disabled=${this.readOnly}
        description=${app.description ?? ''}
        @change=${(e: Event) => this.setField(path, (e.target as AmSwitch).checked)}
        ><span dir="auto">${name}</span></am-switch
      >
      ${
        changed
          ? html`<span class="am-dirty-mark" aria-hidden="true" title=${this.l.t('changedField')}></span>`
          : nothing
      }
    </li>`;
  }
}

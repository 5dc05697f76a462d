import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AccountApiError } from '../api/errors.js';
import { FALLBACK_LOCALE, cached, safe } from './intl.js';
import { sharedTranslations, type SharedKey } from './locales/index.js';

export type { SharedKey } from './locales/index.js';

/** Messages of one locale: key → ICU-light pattern (`{name}`, `{count, plural, one {…} other {…}}`, `{x, select, …}`). */
export type Messages = Record<string, string>;
/** A locale's messages, or a loader for them (`() => import('./fr-FR.js')`) fetched on first use. */
export type MessagesSource = Messages | (() => Promise<Messages | { default: Messages }>);

/** Namespace of the strings every widget shares (Save, Retry, error kinds…). */
export const SHARED_NAMESPACE = 'am';
export { FALLBACK_LOCALE };

/** namespace → locale → its sources: several add up (the shared strings come in parts). */
const sources = new Map<string, Map<string, MessagesSource[]>>();
/** `namespace|locale` → the messages known so far. */
const loaded = new Map<string, Messages>();
/** Each loader's call, made once (again only after a failure). */
const pending = new Map<MessagesLoader, Promise<void>>();
const controllers = new Set<TextLocalizeController>();
let observer: MutationObserver | undefined;

const id = (namespace: string, locale: string) => `${namespace}|${locale}`;

/**
 * Adds a namespace's strings, per locale. Each widget registers its own (several widgets can be written
 * without touching one shared file); registering again merges locales and keys (each loader given is called).
 *
 * ```ts
 * registerTranslations('account-tree', { 'en-US': { addAccount: 'Add account' }, 'fr-FR': () => import('./fr.js') });
 * ```
 */
export function registerTranslations(namespace: string, locales: Record<string, MessagesSource>): void {
  let map = sources.get(namespace);
  if (!map) sources.set(namespace, (map = new Map()));
  for (const [locale, source] of Object.entries(locales)) {
    let list = map.get(locale);
    if (!list) map.set(locale, (list = []));
    if (!list.includes(source)) list.push(source);
    if (typeof source !== 'function') merge(id(namespace, locale), source);
  }
  notify();
}

registerTranslations(SHARED_NAMESPACE, sharedTranslations);

/** A loader of one locale's messages (`() => import('./locales/fr-FR.js')`). */
export type MessagesLoader = () => Promise<Messages | { default: Messages }>;

/**
 * Registers an element's strings: English bundled (the fallback every lookup ends at), the other
 * languages loaded the first time they are asked for. Each element calls it once, in its class module:
 *
 * ```ts
 * import en from './locales/en-US.js';
 * defineTranslations('number-features', en, {
 *   'fr-FR': () => import('./locales/fr-FR.js'),
 *   // …
 * });
 * ```
 */
export function defineTranslations(namespace: string, en: Messages, others: Record<string, MessagesLoader>): void {
  registerTranslations(namespace, { [FALLBACK_LOCALE]: en, ...others });
}

/** The registered locale of `namespace` that best serves `locale`: exact, then same language. */
export function matchLocale(namespace: string, locale: string): string | undefined {
  const map = sources.get(namespace);
  if (!map) return undefined;
  const want = locale.toLowerCase();
  const lang = want.split('-')[0];
  let sameLang: string | undefined;
  for (const l of map.keys()) {
    const have = l.toLowerCase();
    if (have === want) return l;
    if (!sameLang && have.split('-')[0] === lang) sameLang = l;
  }
  return sameLang;
}

/** Loads what `locale` needs in `namespace` (and the shared strings); resolves when ready. */
export async function loadTranslations(namespace: string, locale: string): Promise<void> {
  await Promise.all([namespace, SHARED_NAMESPACE].map((ns) => ensure(ns, locale)));
}

/**
 * Loads the strings of `locale` (or of the registered locale of its language) in every namespace registered so far:
 * every element imported, and the shared strings. A server rendering in that language awaits it first, since a render
 * there is one pass (`await loadLocale('fr-FR')`, then `render(…)`); in a browser, strings come as they are asked for.
 */
export async function loadLocale(locale: string): Promise<void> {
  await Promise.all([...sources.keys()].map((ns) => ensure(ns, locale)));
}

function ensure(namespace: string, locale: string): Promise<unknown> {
  const match = matchLocale(namespace, locale);
  const list = match === undefined ? [] : sources.get(namespace)!.get(match)!;
  return Promise.all(list.map((s) => (typeof s === 'function' ? load(namespace, match!, s) : undefined)));
}

function load(namespace: string, locale: string, loader: MessagesLoader): Promise<void> {
  let p = pending.get(loader);
  if (!p) {
    p = loader().then(
      (m) => {
        merge(id(namespace, locale), 'default' in m && typeof m.default === 'object' ? m.default : (m as Messages));
        notify();
      },
      (err: unknown) => {
        pending.delete(loader);
        console.warn(`[account-manager-widgets] could not load ${namespace} strings for ${locale}`, err);
      },
    );
    pending.set(loader, p);
  }
  return p;
}

function merge(key: string, messages: Messages): void {
  loaded.set(key, { ...loaded.get(key), ...messages });
}

function lookup(namespace: string, locale: string, key: string): string | undefined {
  const match = matchLocale(namespace, locale);
  return match === undefined ? undefined : loaded.get(id(namespace, match))?.[key];
}

function notify(): void {
  for (const c of controllers) c.host.requestUpdate();
}

const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Writing direction of a locale. */
export function dirOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/** Languages that write numbers in Latin digits by default (CLDR), alone or with a region: no script, no extension. */
const LATIN_DIGITS =
  /^(en|de|es|fr|it|pt|nl|sv|da|nb|no|fi|pl|cs|sk|hu|ro|ru|uk|tr|el|he|ja|zh|ko)(-[a-z]{2}|-\d{3})?$/i;

/**
 * A number in the locale's digits. A whole number below 1,000 in a language of Latin digits is its digits (no
 * grouping applies below a thousand): it needs no `Intl.NumberFormat`, whose first use in a page loads the number
 * data (30-80 ms on a slow machine), so a tree's counts on its first rows do not wait for that.
 */
function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  if (!options && Number.isInteger(value) && value >= 0 && value < 1000 && LATIN_DIGITS.test(locale)) {
    return String(value);
  }
  return cached('n', locale, options, () => new Intl.NumberFormat(safe(locale), options)).format(value);
}

/**
 * Formats an ICU-light pattern: `{name}` interpolation, `{n, plural, =0 {…} one {# item} other {# items}}`
 * (`#` is the formatted number; categories from `Intl.PluralRules`) and `{x, select, a {…} other {…}}`.
 */
export function formatMessage(pattern: string, params: Record<string, unknown> = {}, locale = FALLBACK_LOCALE): string {
  return format(pattern, params, locale, undefined, undefined);
}

/** One piece of a formatted message: literal text, or the value of a `{name}` argument that is not a number. */
export type MessagePart = string | { value: unknown };

const SLOT = /\uE000(\d+)\uE001/;

/**
 * `formatMessage`, with each `{name}` argument whose value is not a number kept apart (numbers, plurals and
 * selects are formatted in place): a renderer can isolate names from the sentence around them.
 */
export function formatParts(
  pattern: string,
  params: Record<string, unknown> = {},
  locale = FALLBACK_LOCALE,
): MessagePart[] {
  const slots: unknown[] = [];
  const pieces = format(pattern, params, locale, undefined, slots).split(SLOT);
  return pieces
    .map((piece, i): MessagePart => (i % 2 ? { value: slots[Number(piece)] } : piece))
    .filter((part) => part !== '');
}

function format(
  pattern: string,
  params: Record<string, unknown>,
  locale: string,
  hash: string | undefined,
  slots: unknown[] | undefined,
): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '#' && hash !== undefined) out += hash;
    else if (c !== '{') out += c;
    else {
      const end = closing(pattern, i);
      if (end < 0) return out + pattern.slice(i);
      out += argument(pattern.slice(i + 1, end), params, locale, hash, slots);
      i = end;
    }
  }
  return out;
}

function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function argument(
  body: string,
  params: Record<string, unknown>,
  locale: string,
  hash: string | undefined,
  slots: unknown[] | undefined,
): string {
  const [name = '', type, ...rest] = body.split(',');
  const value = params[name.trim()];
  if (type === undefined) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'number') return formatNumber(locale, value);
    if (!slots) return String(value);
    slots.push(value);
    return `\uE000${slots.length - 1}\uE001`;
  }
  const options = new Map<string, string>();
  const spec = rest.join(',');
  for (let i = 0; i < spec.length;) {
    const open = spec.indexOf('{', i);
    if (open < 0) break;
    const end = closing(spec, open);
    if (end < 0) break;
    options.set(spec.slice(i, open).trim(), spec.slice(open + 1, end));
    i = end + 1;
  }
  const kind = type.trim();
  if (kind === 'plural') {
    const n = Number(value);
    const rule = cached('p', locale, undefined, () => new Intl.PluralRules(safe(locale))).select(n);
    const branch = options.get(`=${n}`) ?? options.get(rule) ?? options.get('other') ?? '';
    return format(branch, params, locale, formatNumber(locale, n), slots);
  }
  const branch = options.get(String(value)) ?? options.get('other') ?? '';
  return format(branch, params, locale, hash, slots);
}

/** Host of a `LocalizeController` (or `TextLocalizeController`): a per-widget `i18n` overrides single labels. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  i18n?: Partial<Record<string, string>>;
}

export interface LocalizeOptions {
  /** The widget's namespace (as given to `registerTranslations`); shared strings are always searched after it. */
  namespace?: string;
  /** The locale from context (the provider's), when there is one. */
  locale?: () => string | undefined;
}

/**
 * Strings and numbers in the widget's locale: the host's own `lang`, else the provider's locale (context),
 * else `<html lang>`, else en-US. Lookup order: the host's `i18n` override, the widget's namespace,
 * the shared strings, then the same in en-US, then the key itself. Re-renders the host when the locale
 * changes or its strings finish loading.
 *
 * `t`, `parts`, `number` and `errorMessage`: what a widget that shows text and counts needs (`<account-tree>`).
 * `LocalizeController` adds the rest (dates, amounts, plurals, the language of a text given).
 */
export class TextLocalizeController<K extends string = never> implements ReactiveController {
  readonly host: LocalizeHost;
  private readonly namespace: string;
  private readonly localeSource?: () => string | undefined;

  constructor(host: LocalizeHost, options: LocalizeOptions = {}) {
    this.host = host;
    this.namespace = options.namespace ?? SHARED_NAMESPACE;
    this.localeSource = options.locale;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(notify);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    }
    // A host's own `lang` set later (a plain attribute, not a reactive property) re-renders it too.
    observer?.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** BCP 47 locale in force. */
  get locale(): string {
    // A server renders with no document, and knows a host's attributes but not its `lang` property.
    if (isServer) return this.host.getAttribute('lang') || this.localeSource?.() || FALLBACK_LOCALE;
    return this.host.lang || this.localeSource?.() || document.documentElement.lang || FALLBACK_LOCALE;
  }

  /** Writing direction of the locale. */
  get dir(): 'ltr' | 'rtl' {
    return dirOf(this.locale);
  }

  /**
   * The pattern for `key` and the locale it is written in: the host's override or this locale's, else the
   * English fallback's (`en-US`), else the key itself.
   */
  protected resolve(key: string): { pattern: string; locale: string; found: boolean } {
    const locale = this.locale;
    const override = this.host.i18n?.[key];
    if (override !== undefined) return { pattern: override, locale, found: true };
    void loadTranslations(this.namespace, locale);
    const own = lookup(this.namespace, locale, key) ?? lookup(SHARED_NAMESPACE, locale, key);
    if (own !== undefined) return { pattern: own, locale, found: true };
    const fallback = lookup(this.namespace, FALLBACK_LOCALE, key) ?? lookup(SHARED_NAMESPACE, FALLBACK_LOCALE, key);
    return { pattern: fallback ?? key, locale: FALLBACK_LOCALE, found: fallback !== undefined };
  }

  /**
   * The message for `key`, formatted with `params` (see `formatMessage`). Numbers in it are written as the
   * language of the message writes them: an English fallback keeps Latin digits in an Arabic page, and is
   * isolated left to right there (LRI … PDI), so its full stop stays at its end.
   */
  t(key: K | SharedKey, params?: Record<string, unknown>): string {
    const r = this.resolve(key);
    let text = formatMessage(r.pattern, params, r.locale);
    const dir = dirOf(r.locale);
    // A fallback written the other way is isolated in its own direction (LRI/RLI … PDI), wherever it is shown.
    if (dir !== this.dir) text = `${dir === 'ltr' ? '\u2066' : '\u2067'}${text}\u2069`;
    this.shown(text, r.locale);
    return text;
  }

  /** Told each text `t()` gives and the language it is written in. */
  protected shown(_text: string, _lang: string): void {}

  /**
   * The message for `key` in pieces: literal text, and each `{name}` value that is not a number apart (to be
   * isolated from the sentence), with the language and direction of the message when it fell back to one
   * other than the locale's (`dir` only when the direction differs).
   */
  parts(
    key: K | SharedKey,
    params?: Record<string, unknown>,
  ): { parts: MessagePart[]; lang?: string; dir?: 'ltr' | 'rtl' } {
    const r = this.resolve(key);
    const foreign = this.foreign(r.locale);
    return { parts: formatParts(r.pattern, params, r.locale), ...foreign };
  }

  /** Language and direction of a text in `lang` when that is not the locale (`dir` only when it differs). */
  protected foreign(lang: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined {
    const locale = this.locale;
    if (lang === locale) return undefined;
    const dir = dirOf(lang);
    return dir === dirOf(locale) ? { lang } : { lang, dir };
  }

  /** The words for what failed, from an error's `kind`. */
  errorMessage(error: Pick<AccountApiError, 'kind'> | undefined): string {
    return this.t(`error.${error?.kind ?? 'server'}` as SharedKey);
  }

  /** A number in the locale's digits; with `key`, in those of that message's language (a number inside it). */
  number(value: number, options?: Intl.NumberFormatOptions, key?: K | SharedKey): string {
    return formatNumber(key === undefined ? this.locale : this.resolve(key).locale, value, options);
  }
}

/**
 * `TextLocalizeController` that also knows which texts it gave fell back to another language (`fallbackOf`), so
 * that `phrase()` and the shared renderers (`renderErrorPanel`) show them in their own language and direction:
 * what an element that shows shared sentences but no dates or amounts needs (`<account-provider>`).
 */
export class PhraseLocalizeController<K extends string = never> extends TextLocalizeController<K> {
  /**
   * For a text `t()` returned: its language and direction when it fell back to another language (`dir` only
   * when that writes the other way), so it can be shown in its own direction; `undefined` otherwise.
   */
  fallbackOf(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined {
    if (this.recentLocale !== this.locale) return undefined;
    const lang = this.recent.get(text);
    return lang ? this.foreign(lang) : undefined;
  }

  /** Texts lately given in another language than the locale's (fallbacks), for `fallbackOf`. */
  private recent = new Map<string, string>();
  private recentLocale?: string;

  protected override shown(text: string, lang: string): void {
    const locale = this.locale;
    if (this.recentLocale !== locale || this.recent.size > 2000) {
      this.recent.clear();
      this.recentLocale = locale;
    }
    if (lang !== locale) this.recent.set(text, lang);
    else this.recent.delete(text);
  }
}

/**
 * Text in its own direction. Whatever comes from the server or the user (names, realms, e-mails, notes) is
 * isolated from the sentence around it, so a left-to-right name in an Arabic sentence (or the reverse) cannot
 * move the sentence's punctuation; a message that fell back to English is shown left to right in a
 * right-to-left page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessagePart } from './localize.js';

/** A message in pieces, with its language and direction when it fell back (`LocalizeController.parts`). */
export interface MessageParts {
  parts: MessagePart[];
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** What `inOwnLanguage()` needs from a LocalizeController. */
export interface PhraseSource {
  fallbackOf(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined;
}

const isTemplate = (v: unknown): boolean =>
  v === nothing || (typeof v === 'object' && v !== null && ('_$litType$' in v || Array.isArray(v)));

/** Untrusted text isolated in `<bdi>` (its direction from its own first strong letter). */
export const bdi = (text: unknown): TemplateResult => html`<bdi dir="auto">${text}</bdi>`;

/**
 * The message for `key` as a template: every `{name}` whose value is text is isolated in `<bdi>` (a template
 * value, e.g. `<strong>…</strong>`, is placed as it is; numbers are written in the message's language), and a
 * message that fell back to another language carries that `lang` (and `dir` when it writes the other way).
 *
 * ```ts
 * html`<p>${phrase(this.l, 'deletedDone', { name: account.name })}</p>`
 * ```
 */
export function phrase<K extends string>(
  l: { parts(key: K, params?: Record<string, unknown>): MessageParts },
  key: K,
  params?: Record<string, unknown>,
): TemplateResult {
  const { parts, lang, dir } = l.parts(key, params);
  const body = parts.map((p: MessagePart) =>
    typeof p === 'string' ? p : isTemplate(p.value) ? p.value : bdi(p.value),
  );
  return lang ? html`<span lang=${lang} dir=${ifDefined(dir)}>${body}</span>` : html`${body}`;
}

/**
 * A text `t()` gave, in its own language and direction: a `<span lang dir>` around it when it fell back to
 * another language, the text alone otherwise (for labels and messages handed around as strings).
 */
export function inOwnLanguage(l: PhraseSource | undefined, text: unknown): unknown {
  if (typeof text !== 'string' || !l) return text;
  const f = l.fallbackOf(text);
  return f ? html`<span lang=${f.lang} dir=${ifDefined(f.dir)}>${text}</span>` : text;
}

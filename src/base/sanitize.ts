import { noChange, nothing } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

interface Purifier {
  sanitize(dirty: string, config: Record<string, unknown>): unknown;
  addHook(hook: 'afterSanitizeAttributes', fn: (node: Element) => void): void;
}

let purifier: Promise<Purifier> | undefined;

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'iframe'],
  FORBID_ATTR: ['style', 'class', 'id'],
};

/**
 * What rich text keeps: `default` any formatting but scripts, styles, forms and media; `notes` only
 * paragraphs, line breaks, bold, italic, lists and http(s) / mailto links (what the notes editor writes).
 */
export type RichTextProfile = 'default' | 'notes';

const PROFILES: Record<RichTextProfile, Record<string, unknown>> = {
  default: CONFIG,
  notes: {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a'],
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  },
};

function load(): Promise<Purifier> {
  // Loaded on first use, so only widgets that show rich notes pay for DOMPurify.
  return (purifier ??= import('dompurify').then(({ default: DOMPurify }) => {
    const own = DOMPurify(window) as unknown as Purifier; // a private instance: our hook stays ours
    own.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    return own;
  }));
}

/** Elements whose content the HTML parser reads as text, up to their end tag: no tag, so no attribute, inside. */
const RAW_TEXT = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)$/;
const START_TAG = /<([a-zA-Z][^\s/>]*)/y;
/** One attribute (name, optional value) or the tag's end, after white space and stray slashes. */
const ATTRIBUTE = /[\s/]*(?:(>)|([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?)/y;

/**
 * `html` with no `style` attribute, its tags read as the HTML parser reads them (quoted and unquoted values,
 * comments, the text of `<script>`, `<textarea>`…). The sanitizer drops such attributes, but it parses first, and a
 * strict Content-Security-Policy (`style-src` without `'unsafe-inline'`) refuses and reports every inline style an
 * HTML parser meets, even in an inert document: they are gone before DOMPurify parses.
 */
function withoutStyleAttributes(html: string): string {
  if (!/style/i.test(html)) return html;
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    START_TAG.lastIndex = i;
    const tag = START_TAG.exec(html);
    if (!tag) {
      out += '<';
      i++;
      continue;
    }
    out += tag[0];
    i = START_TAG.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = i;
      const a = ATTRIBUTE.exec(html);
      if (!a || ATTRIBUTE.lastIndex === i) break;
      // A dropped attribute leaves a space: the next one must not join the tag's name.
      out += a[2]?.toLowerCase() === 'style' ? ' ' : a[0];
      i = ATTRIBUTE.lastIndex;
      if (a[1]) break;
    }
    const name = tag[1]!.toLowerCase();
    if (RAW_TEXT.test(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      const end = name === 'plaintext' ? -1 : (close.exec(html)?.index ?? -1);
      const stop = end < 0 ? html.length : end;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out + html.slice(i);
}

function purify(dirty: string, profile: RichTextProfile, returns: Record<string, boolean> = {}): Promise<unknown> {
  return load().then((p) => p.sanitize(withoutStyleAttributes(dirty), { ...PROFILES[profile], ...returns }));
}

/**
 * Rich text from another tenant (notes, announcements) as safe HTML: no scripts, styles (neither `<style>` nor
 * `style="…"`, which a strict Content-Security-Policy would refuse), forms or images. A string, to store or compare;
 * to show it, use `richText`, `sanitizeToFragment` or `sanitizeToTrustedHtml`.
 */
export async function sanitizeHtml(dirty: string, profile: RichTextProfile = 'default'): Promise<string> {
  return (await purify(dirty, profile)) as string;
}

/**
 * Rich text sanitized as nodes of this document, to insert (`replaceChildren`) or to read (`textContent`): no HTML
 * is parsed outside DOMPurify, so a page that requires Trusted Types needs no policy of its own.
 */
export async function sanitizeToFragment(
  dirty: string,
  profile: RichTextProfile = 'default',
): Promise<DocumentFragment> {
  return (await purify(dirty, profile, { RETURN_DOM_FRAGMENT: true })) as DocumentFragment;
}

/**
 * Rich text sanitized for an HTML sink that takes markup (`execCommand('insertHTML')`): a `TrustedHTML` of
 * DOMPurify's policy (`dompurify`) where the browser has Trusted Types, else the string. Typed as the string the
 * DOM's signatures declare.
 */
export async function sanitizeToTrustedHtml(dirty: string, profile: RichTextProfile = 'default'): Promise<string> {
  return (await purify(dirty, profile, { RETURN_TRUSTED_TYPE: true })) as string;
}

class RichTextDirective extends AsyncDirective {
  private last?: string;
  private lastProfile?: RichTextProfile;

  render(dirty: string | undefined | null, profile: RichTextProfile = 'default'): unknown {
    if (dirty === this.last && profile === this.lastProfile) return noChange;
    this.last = dirty ?? undefined;
    this.lastProfile = profile;
    if (!dirty) return nothing;
    void sanitizeHtml(dirty, profile).then((clean) => {
      if (this.last === dirty && this.lastProfile === profile && this.isConnected) this.setValue(unsafeHTML(clean));
    });
    return nothing;
  }
}

/**
 * Renders rich text sanitized (empty until DOMPurify has loaded): `${richText(account.notes.announcement)}`, or
 * `${richText(html, 'notes')}` for the notes profile.
 */
export const richText = directive(RichTextDirective);

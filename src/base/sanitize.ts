import { noChange, nothing } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

interface Purifier {
  sanitize(dirty: string, config: Record<string, unknown>): string;
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

/** Rich text from another tenant (notes, announcements) as safe HTML: no scripts, styles, forms or images. */
export async function sanitizeHtml(dirty: string, profile: RichTextProfile = 'default'): Promise<string> {
  return (await load()).sanitize(dirty, PROFILES[profile]);
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

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
export async function sanitizeHtml(dirty: string): Promise<string> {
  return (await load()).sanitize(dirty, CONFIG);
}

class RichTextDirective extends AsyncDirective {
  private last?: string;

  render(dirty: string | undefined | null): unknown {
    if (dirty === this.last) return noChange;
    this.last = dirty ?? undefined;
    if (!dirty) return nothing;
    void sanitizeHtml(dirty).then((clean) => {
      if (this.last === dirty && this.isConnected) this.setValue(unsafeHTML(clean));
    });
    return nothing;
  }
}

/** Renders rich text sanitized (empty until DOMPurify has loaded): `${richText(account.notes.announcement)}`. */
export const richText = directive(RichTextDirective);

import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { sanitizeToFragment, sanitizeToTrustedHtml } from '../../src/base/sanitize.js';

/** The words of one editor's toolbar, in the element's locale. */
export interface RichTextLabels {
  toolbar: string;
  bold: string;
  italic: string;
  bulletList: string;
  numberList: string;
  link: string;
  unlink: string;
  ctrl: string;
}

export interface RichTextOptions {
  /** DOM id of the editable region (unique in the host's shadow root). */
  id: string;
  /** The HTML the draft holds (`undefined` when empty). */
  value(): string | undefined;
  /** The user changed the text: the editor's HTML, `undefined` once emptied. */
  change(html: string | undefined): void;
  /** Asks for a link's address (the host's dialog); resolves an http(s) or mailto URL, or nothing. */
  askLink(current: string | undefined): Promise<string | undefined>;
  readOnly(): boolean;
}

export interface RichTextView {
  labels: RichTextLabels;
  /** Id of the element naming the region. */
  labelledBy: string;
  describedBy?: string;
  placeholder: string;
  invalid: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Pressed = { bold: boolean; italic: boolean; ul: boolean; ol: boolean; link: boolean };

const NONE: Pressed = { bold: false, italic: false, ul: false, ol: false, link: false };
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML lines. */
function textToHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}

/**
 * An http(s) or mailto URL from what the user typed ("example.com" and "name@example.com" are completed),
 * or `undefined` when it is anything else.
 */
export function linkAddress(input: string): string | undefined {
  let s = input.trim();
  if (!s || /\s/.test(s)) return undefined;
  if (!/^[a-z][a-z\d+.-]*:/i.test(s)) s = /^[^@/]+@[^@/]+\.[^@/]+$/.test(s) ? `mailto:${s}` : `https://${s}`;
  try {
    const url = new URL(s);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : undefined;
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The editor's content as HTML to keep: `div`s Chrome writes for new lines become paragraphs. */
function serialize(el: HTMLElement): string | undefined {
  if (!el.textContent?.trim()) return undefined;
  const copy = el.cloneNode(true) as HTMLElement;
  for (const div of copy.querySelectorAll('div')) {
    const p = document.createElement('p');
    p.append(...div.childNodes);
    div.replaceWith(p);
  }
  return copy.innerHTML;
}

type Selectable = Selection & { getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[] };

/** The selection inside `within` (which lives in `root`), across the shadow boundary. */
function rangeIn(root: Node, within: HTMLElement): Range | undefined {
  const doc = document.getSelection() as Selectable | null;
  let found: AbstractRange | undefined;
  if (doc?.getComposedRanges && root instanceof ShadowRoot) {
    try {
      found = doc.getComposedRanges({ shadowRoots: [root] })[0];
    } catch {
      found = undefined;
    }
  }
  if (!found) {
    const own = (root as { getSelection?(): Selection | null }).getSelection?.() ?? doc;
    if (own?.rangeCount) found = own.getRangeAt(0);
  }
  if (!found || !within.contains(found.startContainer) || !within.contains(found.endContainer)) return undefined;
  const range = document.createRange();
  range.setStart(found.startContainer, found.startOffset);
  range.setEnd(found.endContainer, found.endOffset);
  return range;
}

function select(range: Range): void {
  document
    .getSelection()
    ?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
}

function anchorAt(node: Node | undefined, within: HTMLElement): HTMLAnchorElement | undefined {
  for (let n: Node | null | undefined = node; n && n !== within; n = n.parentNode) {
    if (n instanceof HTMLAnchorElement) return n;
  }
  return undefined;
}

function linkIn(range: Range | undefined, within: HTMLElement): HTMLAnchorElement | undefined {
  if (!range) return undefined;
  return (
    anchorAt(range.startContainer, within) ??
    anchorAt(range.endContainer, within) ??
    [...within.querySelectorAll('a')].find((a) => range.intersectsNode(a))
  );
}

const ICON: Record<string, TemplateResult> = {
  bold: svg`<path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />`,
  italic: svg`<path d="M10 5h8M6 19h8M14 5l-4 14" />`,
  ul: svg`<path d="M9 7h11M9 12h11M9 17h11" /><circle cx="4.5" cy="7" r="1" /><circle cx="4.5" cy="12" r="1" /><circle cx="4.5" cy="17" r="1" />`,
  ol: svg`<path d="M10 7h10M10 12h10M10 17h10M4 5.5l1.5-1V9M3.5 15h2.5l-2.5 3.5h2.5" />`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />`,
  unlink: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1M4 4l16 16" />`,
};

/**
 * A small rich-text editor for one field: a WAI-ARIA toolbar (one tab stop, arrow keys between buttons;
 * bold and italic with `aria-pressed`, lists, link, remove link) over a `contenteditable` region with
 * `role="textbox"`. What it shows is sanitized first; what the user pastes or drops becomes plain text or
 * sanitized HTML; Ctrl/Cmd+B, +I and +K work from the keyboard. The host renders `render()` and keeps the
 * value; the region's content is written here, never by the template.
 */
export class RichTextEditor implements ReactiveController {
  private readonly host: Host;
  private readonly o: RichTextOptions;
  private el?: HTMLElement;
  /** The value the region's content stands for. */
  private shown?: string;
  private seq = 0;
  private ready = false;
  private range?: Range;
  private pressed: Pressed = NONE;
  private focusIndex = 0;
  private dragging = false;

  constructor(host: Host, options: RichTextOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.onSelectionChange);
  }

  hostUpdated(): void {
    const el = (this.host.renderRoot as ParentNode).querySelector<HTMLElement>(`#${this.o.id}`) ?? undefined;
    if (el !== this.el) {
      this.el = el;
      this.shown = undefined;
      this.ready = false;
      this.range = undefined;
    }
    if (!el) return;
    const value = this.o.value() ?? '';
    if (value !== this.shown) this.show(el, value);
    const editable = this.ready && !this.o.readOnly() ? 'true' : 'false';
    if (el.contentEditable !== editable) el.contentEditable = editable;
  }

  /** Writes `value` into the region, sanitized. */
  private show(el: HTMLElement, value: string): void {
    this.shown = value;
    const seq = ++this.seq;
    this.ready = false;
    el.setAttribute('aria-busy', 'true');
    const done = (clean: DocumentFragment | undefined, later: boolean) => {
      if (seq !== this.seq || el !== this.el) return;
      if (clean) el.replaceChildren(clean);
      else el.replaceChildren();
      el.removeAttribute('aria-busy');
      this.ready = true;
      this.range = undefined;
      el.contentEditable = this.o.readOnly() ? 'false' : 'true';
      if (this.pressed !== NONE) {
        this.pressed = NONE;
        // From hostUpdated (synchronous), an update asked for now would run a second one in a row.
        if (later) this.host.requestUpdate();
        else queueMicrotask(() => this.host.requestUpdate());
      }
    };
    if (!value) {
      done(undefined, false);
      return;
    }
    void sanitizeToFragment(value, 'notes').then((clean) => done(clean, true));
  }

  // ---- state

  private readonly onSelectionChange = (): void => {
    const el = this.el;
    if (!el) return;
    const range = rangeIn(this.host.renderRoot, el);
    if (!range) return;
    this.range = range;
    this.refresh(range);
  };

  private refresh(range: Range | undefined = this.range): void {
    const el = this.el;
    if (!el || !range) return;
    const q = (command: string) => {
      try {
        return document.queryCommandState(command);
      } catch {
        return false;
      }
    };
    const next: Pressed = {
      bold: q('bold'),
      italic: q('italic'),
      ul: q('insertUnorderedList'),
      ol: q('insertOrderedList'),
      link: !!linkIn(range, el),
    };
    const p = this.pressed;
    if (Object.keys(next).some((k) => next[k as keyof Pressed] !== p[k as keyof Pressed])) {
      this.pressed = next;
      this.host.requestUpdate();
    }
  }

  // ---- commands

  /** Puts the focus and the last selection back in the region. */
  private enter(range: Range | undefined = this.range): HTMLElement | undefined {
    const el = this.el;
    if (!el || !this.ready || this.o.readOnly()) return undefined;
    const root = this.host.renderRoot as ShadowRoot;
    if (root.activeElement !== el) el.focus({ preventScroll: true });
    if (range && el.contains(range.startContainer)) select(range);
    return el;
  }

  private exec(command: string, value?: string): void {
    if (!this.enter()) return;
    document.execCommand(command, false, value);
    this.afterCommand();
  }

  private afterCommand(): void {
    const el = this.el;
    if (!el) return;
    this.range = rangeIn(this.host.renderRoot, el) ?? this.range;
    this.pressed = NONE;
    this.refresh();
    this.host.requestUpdate();
  }

  /** Asks for an address and links the selection (or inserts the address as a link). */
  async link(): Promise<void> {
    const el = this.el;
    if (!el || !this.ready || this.o.readOnly()) return;
    const range = this.range?.cloneRange();
    const anchor = linkIn(range, el);
    const url = await this.o.askLink(anchor?.getAttribute('href') ?? undefined);
    // The dialog gives the focus back first; then the region takes it.
    await this.host.updateComplete;
    if (!url || !el.isConnected || el !== this.el) return;
    let target = range;
    if (anchor && (!target || target.collapsed)) {
      target = document.createRange();
      target.selectNodeContents(anchor);
    }
    if (!this.enter(target)) return;
    if (!target || target.collapsed) this.insertLink(el, url);
    else document.execCommand('createLink', false, url);
    this.afterCommand();
  }

  /**
   * Inserts the address at the caret as a link: typed in as text, then linked (a mail address shows without
   * `mailto:`). Inserted as markup instead, the browser's editing may add `style="…"` to match the text around it,
   * which a strict Content-Security-Policy refuses and reports.
   */
  private insertLink(el: HTMLElement, url: string): void {
    const text = url.startsWith('mailto:') ? url.slice(7) : url;
    document.execCommand('insertText', false, text);
    const at = rangeIn(this.host.renderRoot, el);
    const node = at?.endContainer;
    const end = at?.endOffset ?? 0;
    if (!(node instanceof Text) || end < text.length || node.data.slice(end - text.length, end) !== text) return;
    const typed = document.createRange();
    typed.setStart(node, end - text.length);
    typed.setEnd(node, end);
    select(typed);
    document.execCommand('createLink', false, url);
    document.getSelection()?.collapseToEnd();
  }

  /** Removes the link under the caret or in the selection. */
  unlink(): void {
    const el = this.el;
    const range = this.range;
    const anchor = el && linkIn(range, el);
    if (!el || !range || !anchor) return;
    let target = range;
    if (range.collapsed) {
      target = document.createRange();
      target.selectNodeContents(anchor);
    }
    if (!this.enter(target)) return;
    document.execCommand('unlink');
    this.afterCommand();
  }

  /** Inserts pasted or dropped content: sanitized HTML, else its plain text. */
  private async insert(data: DataTransfer, at: Range | undefined): Promise<void> {
    const markup = data.getData('text/html');
    const text = data.getData('text/plain');
    const rich = markup && (await sanitizeToFragment(markup, 'notes')).textContent?.trim();
    const source = rich ? markup : text ? textToHtml(text) : '';
    if (!source) return;
    // Inserted as the sanitizer's markup (a TrustedHTML where the page requires Trusted Types).
    const fragment = await sanitizeToTrustedHtml(source, 'notes');
    if (!this.enter(at)) return;
    document.execCommand('insertHTML', false, fragment);
    this.afterCommand();
  }

  // ---- events

  private readonly onInput = (): void => {
    const el = this.el;
    if (!el || !this.ready) return;
    const value = serialize(el);
    this.shown = value ?? '';
    this.o.change(value);
  };

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || this.o.readOnly()) return;
    const key = e.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      e.preventDefault();
      this.exec(key === 'b' ? 'bold' : 'italic');
    } else if (key === 'k') {
      e.preventDefault();
      void this.link();
    } else if (key === 'u') {
      // Underline is not kept by the sanitizer: no format the saved note would lose.
      e.preventDefault();
    }
  };

  private readonly onBeforeInput = (e: InputEvent): void => {
    const type = e.inputType;
    if (type.startsWith('format') && type !== 'formatBold' && type !== 'formatItalic') e.preventDefault();
  };

  private readonly onPaste = (e: ClipboardEvent): void => {
    const data = e.clipboardData;
    const el = this.el;
    if (!data || !el || this.o.readOnly()) return;
    e.preventDefault();
    void this.insert(data, rangeIn(this.host.renderRoot, el) ?? this.range);
  };

  private readonly onDrop = (e: DragEvent): void => {
    const data = e.dataTransfer;
    if (!data || this.dragging || this.o.readOnly()) return;
    e.preventDefault();
    const doc = document as Document & {
      caretPositionFromPoint?(x: number, y: number, o?: { shadowRoots: ShadowRoot[] }): CaretPosition | null;
    };
    let at: Range | undefined;
    try {
      const p = doc.caretPositionFromPoint?.(e.clientX, e.clientY, {
        shadowRoots: [this.host.renderRoot as ShadowRoot],
      });
      if (p && this.el?.contains(p.offsetNode)) {
        at = document.createRange();
        at.setStart(p.offsetNode, p.offset);
      }
    } catch {
      at = undefined;
    }
    void this.insert(data, at ?? this.range);
  };

  private readonly onToolbarKeydown = (e: KeyboardEvent): void => {
    const bar = e.currentTarget as HTMLElement;
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button')];
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    const rtl = getComputedStyle(bar).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number;
    if (e.key in step) next = (i + step[e.key]! + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    this.focusIndex = next;
    this.host.requestUpdate();
    buttons[next]!.focus();
  };

  // ---- rendering

  render(v: RichTextView): TemplateResult {
    const l = v.labels;
    const readOnly = this.o.readOnly();
    const p = this.pressed;
    const mod = MAC ? '⌘' : `${l.ctrl}+`;
    const button = (
      index: number,
      icon: string,
      label: string,
      run: () => void,
      o: { pressed?: boolean; shortcut?: string; disabled?: boolean } = {},
    ) =>
      html`<button
        type="button"
        class="am-button rte__button"
        part="toolbar-button"
        tabindex=${index === this.focusIndex ? 0 : -1}
        aria-label=${label}
        title=${o.shortcut ? `${label} (${mod}${o.shortcut})` : label}
        aria-pressed=${o.pressed === undefined ? nothing : String(o.pressed)}
        aria-keyshortcuts=${o.shortcut ? `Control+${o.shortcut} Meta+${o.shortcut}` : nothing}
        aria-disabled=${o.disabled ? 'true' : nothing}
        @mousedown=${(e: Event) => e.preventDefault()}
        @focus=${() => (this.focusIndex = index)}
        @click=${() => {
          if (!o.disabled) run();
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICON[icon]}</svg>
      </button>`;
    return html`<div class="rte" part="rich-text">
      ${
        readOnly
          ? nothing
          : html`<div
              class="rte__toolbar"
              part="toolbar"
              role="toolbar"
              aria-label=${l.toolbar}
              aria-controls=${this.o.id}
              @keydown=${this.onToolbarKeydown}
            >
              ${button(0, 'bold', l.bold, () => this.exec('bold'), { pressed: p.bold, shortcut: 'B' })}
              ${button(1, 'italic', l.italic, () => this.exec('italic'), { pressed: p.italic, shortcut: 'I' })}
              ${button(2, 'ul', l.bulletList, () => this.exec('insertUnorderedList'), { pressed: p.ul })}
              ${button(3, 'ol', l.numberList, () => this.exec('insertOrderedList'), { pressed: p.ol })}
              ${button(4, 'link', l.link, () => void this.link(), { shortcut: 'K' })}
              ${button(5, 'unlink', l.unlink, () => this.unlink(), { disabled: !p.link })}
            </div>`
      }
      <div
        id=${this.o.id}
        class="rte__editor am-rich-text"
        part="editor"
        role="textbox"
        tabindex="0"
        aria-multiline="true"
        aria-labelledby=${v.labelledBy}
        aria-describedby=${v.describedBy || nothing}
        aria-placeholder=${v.placeholder}
        aria-readonly=${readOnly ? 'true' : 'false'}
        aria-invalid=${v.invalid ? 'true' : 'false'}
        dir="auto"
        spellcheck="true"
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @beforeinput=${this.onBeforeInput}
        @paste=${this.onPaste}
        @dragstart=${() => (this.dragging = true)}
        @dragend=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      ></div>
    </div>`;
  }
}

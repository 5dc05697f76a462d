import type { TreeController } from './tree-controller.js';
import { keyOf } from './tree-controller.js';

/** Rows drawn beyond the visible ones, above and below, so a fast wheel never shows an empty band. */
const OVERSCAN = 6;
/** Tallest scroll height used; a level taller than this maps the scrollbar to rows proportionally. */
const MAX_PX = 8_000_000;

/** What the viewport reads of the tree element. */
export interface ViewportHost {
  readonly treeEl: HTMLElement | null;
  readonly tree: TreeController;
  readonly selected?: string;
  requestUpdate(): void;
}

/**
 * The tree's windowing, for rows of one fixed height: which rows are drawn (those in view and a few more),
 * where, how tall the scroll content is, scrolling a row into view, and keeping the first row in view in place
 * when rows are added or removed above it (no jump, no reset to the top). Everything is arithmetic on the row
 * height: nothing is measured per row and a level of any size costs the same.
 */
export class TreeViewport {
  /** The first row in view before the rows change, and whether the selection showed. */
  anchor?: { key?: string; index: number; selected: boolean };
  private rowHeight = 0;
  private top = 0;
  private height = 0;
  private resize?: ResizeObserver;
  /** The frame that acts on a new size, once asked for. */
  private resized = 0;

  constructor(private readonly host: ViewportHost) {}

  /**
   * Starts following the scroller's scrolling and size. A new size is acted on in the next frame, not in the
   * observer's callback: the rows it draws and measures can change the scroller's size again (a tree as tall as
   * its rows), and a size changed while the browser delivers sizes is a loop it reports on the page's `window`.
   */
  attach(el: HTMLElement): void {
    el.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => {
      this.resized ||= requestAnimationFrame(() => {
        this.resized = 0;
        if (!this.resize || el.clientHeight === this.height) return;
        this.rowHeight = 0;
        this.read();
        this.host.requestUpdate();
      });
    });
    // Its first size comes with the observer's first call, after the browser's own layout: reading it here would
    // lay the page out once more before the first rows are painted. Until then the rows drawn fill 600 px.
    this.resize.observe(el);
    // A scroller just put in the page (or put back) starts at its top.
    this.top = 0;
  }

  detach(): void {
    this.resize?.disconnect();
    this.resize = undefined;
    cancelAnimationFrame(this.resized);
    this.resized = 0;
  }

  get rowH(): number {
    if (!this.rowHeight) {
      const row = this.host.treeEl?.querySelector<HTMLElement>('.row');
      this.rowHeight = row?.offsetHeight ?? 0;
    }
    return this.rowHeight || 32;
  }

  /** Height of the scroll content for `count` rows. */
  extent(count: number): number {
    return Math.min(count * this.rowH, MAX_PX);
  }

  /** The rows to draw, first and last. */
  window(count: number): [number, number] {
    if (!count) return [0, -1];
    const first = Math.floor(this.topRow(count));
    const n = Math.ceil((this.height || 600) / this.rowH) + 1;
    // Before its size is known (the first rows), only the rows a view can show: the rest comes with the size.
    const over = this.height ? OVERSCAN : 0;
    return [Math.max(0, first - over), Math.min(count - 1, first + n + over)];
  }

  /** Where the first drawn row goes, from the top of the scroll content. */
  offset(count: number, first: number): number {
    return count * this.rowH <= MAX_PX ? first * this.rowH : this.top + (first - this.topRow(count)) * this.rowH;
  }

  /** Rows in view, first and last (partly visible ones included). */
  inView(): [number, number] {
    const count = this.host.tree.count;
    if (!count || !this.height) return [0, -1];
    const top = this.topRow(count);
    return [Math.floor(top), Math.min(count - 1, Math.ceil(top + this.height / this.rowH) - 1)];
  }

  /** Keys of the rows in view. */
  keysInView(): string[] {
    const [a, b] = this.inView();
    const out: string[] = [];
    for (let i = a; i <= b; i++) out.push(keyOf(this.host.tree.rowAt(i), i));
    return out;
  }

  /** Scrolls the least needed to show row `i`; `redraw` draws the rows now rather than on the scroll event. */
  scrollToIndex(i: number, redraw = true): void {
    const el = this.host.treeEl;
    const count = this.host.tree.count;
    if (!el || i < 0 || i >= count) return;
    this.read();
    const h = this.rowH;
    if (count * h > MAX_PX) {
      const [a, b] = this.inView();
      if (i >= a && i <= b - 1) return;
      const rows = this.height / h;
      el.scrollTop = (Math.max(0, i - (i < a ? 0 : rows - 1)) / Math.max(1, count - rows)) * (MAX_PX - this.height);
    } else if (i * h < this.top) el.scrollTop = i * h;
    else if ((i + 1) * h > this.top + this.height) el.scrollTop = (i + 1) * h - this.height;
    this.read();
    if (redraw) this.host.requestUpdate();
  }

  /**
   * Before the rows change: remember the first row in view (key and index), and whether the selection shows.
   * Read from the rows drawn, which still show the rows as they were (the listings may have changed already).
   */
  captureAnchor(): void {
    const el = this.host.treeEl;
    if (!el || this.anchor) return;
    const [a, b] = this.inView();
    const drawn = (i: number) => el.querySelector<HTMLElement>(`.rows > [data-i="${i}"]`)?.dataset.key;
    let selected = false;
    for (let i = a; i <= b && this.host.selected && !selected; i++) selected = drawn(i) === this.host.selected;
    const key = this.top > 0 && b >= a ? drawn(a) : undefined;
    this.anchor = { key, index: key ? a : -1, selected };
  }

  /**
   * After the rows changed: scroll by the rows added or removed above the first row in view, so it stays where
   * it was; the selection, if it showed, still shows.
   */
  restoreAnchor(): void {
    const a = this.anchor;
    const el = this.host.treeEl;
    this.anchor = undefined;
    if (!a || !el) return;
    const tree = this.host.tree;
    const i = tree.indexOfKey(a.key);
    if (i >= 0 && a.index >= 0 && i !== a.index && tree.count * this.rowH <= MAX_PX) {
      el.scrollTop += (i - a.index) * this.rowH;
      this.read();
    }
    if (a.selected && this.host.selected) this.scrollToIndex(tree.indexOf(this.host.selected), false);
  }

  private topRow(count: number): number {
    const h = this.rowH;
    if (count * h <= MAX_PX) return this.top / h;
    const room = MAX_PX - this.height;
    return room > 0 ? (this.top / room) * Math.max(0, count - this.height / h) : 0;
  }

  private read(): void {
    const el = this.host.treeEl;
    if (!el) return;
    this.top = el.scrollTop;
    this.height = el.clientHeight;
  }

  private onScroll = (): void => {
    this.read();
    this.host.requestUpdate();
  };
}

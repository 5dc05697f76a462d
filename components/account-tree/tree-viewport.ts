import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { TreeController } from './tree-controller.js';
import { keyOf } from './tree-controller.js';

const nextFrame = (fn: () => void) => requestAnimationFrame(() => fn());

/** What the tree uses of the virtualizer behind the `virtualize` directive. */
interface VirtualizerHandle {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
}

/** What the viewport reads of the tree element. */
export interface ViewportHost {
  readonly treeEl: HTMLElement | null;
  readonly tree: TreeController;
  readonly selected?: string;
  rowEl(key: string | undefined): HTMLElement | undefined;
}

/**
 * The tree's geometry: which rows are in view, scrolling a row into view, and keeping the first row in view in
 * place when rows are added or removed above it (no jump, no reset to the top).
 */
export class TreeViewport {
  /** The first row in view before the rows change, and whether the selection showed. */
  anchor?: { key?: string; index: number; selected: boolean };
  private rowHeight = 0;

  constructor(private readonly host: ViewportHost) {}

  /** The tree's visible box (inside its borders). */
  viewport(): { top: number; bottom: number } | undefined {
    const tree = this.host.treeEl;
    if (!tree?.clientHeight) return undefined;
    const top = tree.getBoundingClientRect().top + tree.clientTop;
    return { top, bottom: top + tree.clientHeight };
  }

  /** The rendered rows in view, top to bottom. */
  rowsInView(): HTMLElement[] {
    const box = this.viewport();
    if (!box) return [];
    const out: { el: HTMLElement; top: number }[] = [];
    for (const el of this.host.treeEl!.children as HTMLCollectionOf<HTMLElement>) {
      if (!el.dataset.key) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > box.top + 0.5 && r.top < box.bottom - 0.5) out.push({ el, top: r.top });
    }
    return out.sort((a, b) => a.top - b.top).map((o) => o.el);
  }

  /** Flat indices of the first and last rows in view, from the DOM (exact whatever the virtualizer estimates). */
  inView(): [number, number] {
    let first = Infinity;
    let last = -1;
    for (const el of this.rowsInView()) {
      const i = this.host.tree.indexOfKey(el.dataset.key);
      if (i < 0) continue;
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
    return last < 0 ? [0, -1] : [first, last];
  }

  get rowH(): number {
    if (!this.rowHeight) this.rowHeight = this.host.treeEl?.querySelector('.row')?.getBoundingClientRect().height ?? 0;
    return this.rowHeight || 32;
  }

  /** Scrolls the least needed to show row `i` (a row not rendered yet is brought to the middle). */
  scrollToIndex(i: number): void {
    const tree = this.host.treeEl;
    const row = this.host.tree.rowAt(i);
    const box = this.viewport();
    if (!tree || !row || !box) return;
    const el = this.host.rowEl(keyOf(row));
    if (!el) {
      const v = (tree as HTMLElement & { [virtualizerRef]?: VirtualizerHandle })[virtualizerRef];
      v?.element(i)?.scrollIntoView({ block: 'center' });
      return;
    }
    const r = el.getBoundingClientRect();
    if (r.top < box.top) tree.scrollTop -= box.top - r.top;
    else if (r.bottom > box.bottom) tree.scrollTop += r.bottom - box.bottom;
  }

  /** Before the rows change: remember the first row in view (key and index), and whether the selection shows. */
  captureAnchor(): void {
    const tree = this.host.treeEl;
    if (!tree || this.anchor) return;
    // At the top nothing needs to stay in place (and reading the rows' geometry would cost a layout).
    const inView = tree.scrollTop > 0 || this.host.selected ? this.rowsInView() : [];
    const first = tree.scrollTop > 0 ? inView[0] : undefined;
    this.anchor = {
      key: first?.dataset.key,
      index: Number(first?.dataset.i ?? -1),
      selected: !!this.host.selected && inView.some((el) => el.dataset.key === this.host.selected),
    };
  }

  /**
   * After the rows changed: scroll by the rows added or removed above the first row in view, so it stays where
   * it was (no jump, no reset to the top); the selection, if it showed, still shows. Row heights are fixed,
   * and the virtualizer keeps the positions of indices across an update, so the shift is exact.
   */
  restoreAnchor(): void {
    const a = this.anchor;
    const tree = this.host.treeEl;
    this.anchor = undefined;
    if (!a || !tree) return;
    const i = this.host.tree.indexOfKey(a.key);
    if (i >= 0 && a.index >= 0 && i !== a.index) {
      const want = tree.scrollTop + (i - a.index) * this.rowH;
      tree.scrollTop = want;
      // The sizer may grow only with the virtualizer's next layout.
      nextFrame(() => {
        if (Math.abs(tree.scrollTop - want) > 1) tree.scrollTop = want;
      });
    }
    if (a.selected)
      nextFrame(() => this.host.selected && this.scrollToIndex(this.host.tree.indexOf(this.host.selected)));
  }
}

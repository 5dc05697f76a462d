/**
 * `<account-tree>`'s focus in the DOM: one tab stop (the active row when it is drawn, else the tree), the focus kept
 * on the tree when the focused row is recycled out of the DOM, and the active row kept on a row that exists.
 */
import { keyOf, type Row, type TreeController } from './tree-controller.js';

/** What the focus reads and keeps of the tree element. */
export interface FocusHost {
  readonly treeEl: HTMLElement | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly tree: TreeController;
  readonly selected?: string;
  activeKey?: string;
  activeIndex: number;
  hasFocus: boolean;
  requestUpdate(): void;
}

/** Keeps the logical focus on a row that exists: the last one, else the selected one, else the nearest. */
export function resolveActive(host: FocusHost): void {
  const t = host.tree;
  let i = t.indexOfKey(host.activeKey);
  if (i < 0 && host.selected) i = t.indexOf(host.selected);
  if (i < 0) i = Math.min(host.activeIndex, t.count - 1);
  const r = t.rowAt(i);
  host.activeKey = r && keyOf(r);
  host.activeIndex = Math.max(0, i);
}

/** The drawn row of `key`, if it is drawn. */
export function rowEl(host: FocusHost, key: string | undefined): HTMLElement | undefined {
  const rows = host.renderRoot.querySelector('.rows')?.children ?? [];
  for (const el of rows) if ((el as HTMLElement).dataset.key === key) return el as HTMLElement;
  return undefined;
}

/** One tab stop: the active row when it is rendered, else the tree itself. */
export function syncTabStop(host: FocusHost): void {
  const tree = host.treeEl;
  if (tree) tree.tabIndex = rowEl(host, host.activeKey) ? -1 : 0;
}

export function focusActive(host: FocusHost): void {
  const tree = host.treeEl;
  if (!tree) return;
  const el = rowEl(host, host.activeKey) ?? tree;
  if ((host.renderRoot as ShadowRoot).activeElement !== el) el.focus({ preventScroll: true });
}

export function onFocusIn(host: FocusHost, e: FocusEvent): void {
  host.hasFocus = true;
  const row = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (row) {
    if (row.dataset.key !== host.activeKey) {
      host.activeKey = row.dataset.key;
      host.activeIndex = host.tree.indexOfKey(host.activeKey);
      host.requestUpdate();
    }
  } else if (e.target === host.treeEl) focusActive(host);
}

export function onFocusOut(host: FocusHost, e: FocusEvent): void {
  const to = e.relatedTarget as Node | null;
  if (to && host.treeEl?.contains(to)) return;
  const from = e.target as Element;
  // A row recycled out of the DOM takes the focus with it: keep it in the tree (on the tree itself).
  queueMicrotask(() => {
    if (!to && !from.isConnected && host.hasFocus) focusActive(host);
    else host.hasFocus = false;
  });
}

/** After the rows drawn changed: a focused tree keeps the focus on the active row once it is drawn. */
export function keepFocus(host: FocusHost): void {
  if (!host.hasFocus) return;
  // Rows are drawn by position: the focused row element may show another account after a scroll.
  const active = (host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
  if (!active || active === host.treeEl || active.dataset.key !== host.activeKey) focusActive(host);
}

/** The row an event happened on, and its index. */
export function rowOf(host: FocusHost, e: Event): { row: Row; i: number } | undefined {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  const i = host.tree.indexOfKey(el?.dataset.key);
  const row = host.tree.rowAt(i);
  return row && { row, i };
}

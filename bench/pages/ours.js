// Contestant 1 (ours): <account-provider .api=createKazooAdapter(...)> wrapping <account-tree root-id>.
// Relies only on the tree's contract: one [role=tree] scroll container in its shadow root, rows [role=treeitem]
// with aria-level / aria-posinset / aria-setsize (aria-expanded on parents, aria-busy while loading).
import { closestDeep, deepElementFromPoint, installHarness, isVisibleIn, norm, params } from './harness.js';
import '../../components/account-provider/account-provider.define.ts';
import '../../components/account-tree/account-tree.define.ts';
import { createKazooAdapter } from '../../src/kazoo/index.ts';

let tree;
/** aria-level of the root's children (seen on the first child row). */
let childLevel = null;

const sr = () => tree?.shadowRoot ?? null;
const treeEl = () => sr()?.querySelector('[role="tree"]') ?? null;
const rows = () => sr()?.querySelectorAll('[role="treeitem"]') ?? [];
const busy = (el) => el?.getAttribute('aria-busy') === 'true';
const rowText = (row) => (busy(row) ? '' : norm(row.textContent));

installHarness({
  name: 'ours',
  mount(box) {
    const provider = document.createElement('account-provider');
    // The tree's :host is a flex column sized by height (default 24rem); it fills the 600×600 box like the peers.
    provider.style.height = '100%';
    provider.api = createKazooAdapter({ baseUrl: params.api, token: params.token });
    tree = document.createElement('account-tree');
    tree.style.height = '100%';
    tree.setAttribute('root-id', params.root);
    provider.append(tree);
    box.append(provider);
  },
  firstRowReady() {
    const want = norm(params.first);
    for (const r of rows()) {
      if (rowText(r).includes(want)) {
        childLevel = r.getAttribute('aria-level');
        return true;
      }
    }
    return false;
  },
  isLoading() {
    const t = treeEl();
    if (!t) return true;
    if (busy(t)) return true;
    for (const r of rows()) {
      if (!isVisibleIn(r, t)) continue;
      if (busy(r) || !rowText(r)) return true;
    }
    return false;
  },
  isDone: () => !!treeEl() && !busy(treeEl()),
  scroller: () => treeEl(),
  centerRowText() {
    const t = treeEl();
    if (!t) return '';
    const r = t.getBoundingClientRect();
    const el = deepElementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const row = el && closestDeep(el, '[role="treeitem"]');
    return row ? rowText(row) : '';
  },
  rowVisible(name) {
    const want = norm(name);
    const t = treeEl();
    for (const r of rows()) if (rowText(r).includes(want) && isVisibleIn(r, t)) return true;
    return false;
  },
  centrePos() {
    const t = treeEl();
    if (!t) return null;
    const r = t.getBoundingClientRect();
    const el = deepElementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const row = el && closestDeep(el, '[role="treeitem"]');
    if (!row || row.getAttribute('aria-level') !== childLevel) return null;
    return Number(row.getAttribute('aria-posinset')) || null;
  },
  rowsInDom: () => rows().length,
  lastVisiblePos() {
    const t = treeEl();
    let max = 0;
    for (const r of rows()) {
      if (r.getAttribute('aria-level') !== childLevel || !isVisibleIn(r, t) || !rowText(r)) continue;
      max = Math.max(max, Number(r.getAttribute('aria-posinset')) || 0);
    }
    return max;
  },
  findRow(name) {
    const want = norm(name);
    for (const r of rows()) {
      const t = rowText(r);
      if (t === want || t.startsWith(`${want} `)) return r;
    }
    return null;
  },
  // The WAI-ARIA tree pattern: focus the row, ArrowRight opens it. Fallback after 2 s: click the row.
  expand(row) {
    row.focus?.();
    row.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'ArrowRight',
        code: 'ArrowRight',
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  },
  expandFallback(row) {
    row.click();
  },
});

// Contestant 3: <vaadin-grid> in tree mode with a dataProvider over the Crossbar children listing.
// Kazoo pages by cursor (`next_start_key`), not by offset: a far page needs the cursors of all pages before it,
// so the provider walks them (sequentially, one request in flight per page) and caches each page's cursor.
import { fetchChildrenPage, installHarness, isVisibleIn, norm, params } from './harness.js';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-tree-column.js';

let grid;
let pending = 0;
let firstRowIndex = null;
const PAGE = params.pageSize;

const rootItem = { id: params.root, name: params.rootName, hasChildren: true, descendants: params.descendants };

/** Per parent: size estimate, cursor after each page, requests in flight, first page (for the deep-tree walk). */
const levels = new Map();

function levelOf(parent) {
  let L = levels.get(parent.id);
  if (!L) {
    // Children count is unknown on Kazoo; the parent's descendants_count is an upper bound (exact for one level),
    // corrected when the last page arrives.
    L = {
      id: parent.id,
      size: Math.max(1, parent.descendants),
      next: new Map(),
      inflight: new Map(),
      lastPage: null,
      firstItems: null,
    };
    levels.set(parent.id, L);
  }
  return L;
}

const toItem = (a) => ({
  id: a.id,
  name: a.name,
  hasChildren: (a.descendants_count ?? 0) > 0,
  descendants: a.descendants_count ?? 0,
});

/** Cursor (start key) of page `page`; `null` when the page is past the end. */
async function cursorOf(L, page) {
  if (page === 0) return undefined;
  if (L.lastPage !== null && page > L.lastPage) return null;
  if (L.next.has(page - 1)) return L.next.get(page - 1);
  const prev = await pageData(L, page - 1);
  return prev.next ?? null;
}

/** One request per page at a time; only cursors are kept (the grid caches the items it asked for). */
function pageData(L, page) {
  let p = L.inflight.get(page);
  if (!p) {
    p = cursorOf(L, page)
      .then((cursor) =>
        cursor === null ? { items: [], next: undefined, past: true } : fetchChildrenPage(L.id, cursor),
      )
      .then((r) => {
        if (!r.past) {
          L.next.set(page, r.next);
          if (r.next === undefined || r.next === null) {
            L.lastPage = page;
            L.size = page * PAGE + r.items.length;
          }
          if (page === 0) L.firstItems = r.items.map(toItem);
        }
        return r;
      })
      .finally(() => L.inflight.delete(page));
    L.inflight.set(page, p);
  }
  return p;
}

function dataProvider(q, callback) {
  const parent = q.parentItem;
  if (!parent) {
    callback([rootItem], 1);
    return;
  }
  const L = levelOf(parent);
  pending++;
  pageData(L, q.page)
    .then((r) => {
      const items = page0Items(L, q.page, r);
      callback(items, L.size);
    })
    .catch((e) => {
      console.error(e);
      callback([], L.size);
    })
    .finally(() => pending--);
}

function page0Items(L, page, r) {
  if (page === 0 && L.firstItems) return L.firstItems;
  return r.items.map(toItem);
}

const toggles = () => grid.querySelectorAll('vaadin-grid-tree-toggle');
const bodyRows = () => grid.shadowRoot?.querySelectorAll('#items > tr') ?? [];

function rowOfToggle(t) {
  const content = t.closest('vaadin-grid-cell-content');
  return content?.assignedSlot?.closest('tr') ?? null;
}

function rowText(tr) {
  if (tr.hasAttribute('loading')) return '';
  const slot = tr.querySelector('td slot');
  const content = slot?.assignedElements()[0];
  return norm(content?.textContent);
}

installHarness({
  name: 'vaadin',
  mount(box) {
    grid = document.createElement('vaadin-grid');
    grid.style.height = '100%';
    const col = document.createElement('vaadin-grid-tree-column');
    col.path = 'name';
    grid.append(col);
    grid.pageSize = PAGE;
    grid.itemIdPath = 'id';
    grid.itemHasChildrenPath = 'hasChildren';
    grid.expandedItems = [rootItem];
    grid.dataProvider = dataProvider;
    box.append(grid);
  },
  firstRowReady() {
    if (grid.loading) return false;
    const want = norm(params.first);
    for (const t of toggles()) {
      if (norm(t.textContent).includes(want)) {
        firstRowIndex = Number(rowOfToggle(t)?.getAttribute('aria-rowindex')) || null;
        return true;
      }
    }
    return false;
  },
  isLoading: () => grid.loading,
  isDone: () => !grid.loading && pending === 0,
  scroller: () => grid.shadowRoot.getElementById('table'),
  centerRowText() {
    const r = grid.shadowRoot.getElementById('table').getBoundingClientRect();
    const cy = r.top + r.height / 2;
    for (const tr of bodyRows()) {
      if (tr.hidden) continue;
      const b = tr.getBoundingClientRect();
      if (b.top <= cy && b.bottom > cy) return rowText(tr);
    }
    return '';
  },
  rowVisible(name) {
    const want = norm(name);
    const sc = grid.shadowRoot.getElementById('table');
    for (const t of toggles()) if (norm(t.textContent) === want && isVisibleIn(t, sc)) return true;
    return false;
  },
  centrePos() {
    const r = grid.shadowRoot.getElementById('table').getBoundingClientRect();
    const cy = r.top + r.height / 2;
    for (const tr of bodyRows()) {
      if (tr.hidden || tr.hasAttribute('loading')) continue;
      const b = tr.getBoundingClientRect();
      if (b.top <= cy && b.bottom > cy) {
        const i = Number(tr.getAttribute('aria-rowindex')) || 0;
        return firstRowIndex && i ? i - firstRowIndex + 1 : null;
      }
    }
    return null;
  },
  rowsInDom: () => [...bodyRows()].filter((tr) => !tr.hidden).length,
  lastVisiblePos() {
    // aria-rowindex counts the header row and the root's row; the root's first child is at firstRowIndex.
    const sc = grid.shadowRoot.getElementById('table');
    let max = 0;
    for (const tr of bodyRows()) {
      if (tr.hidden || tr.hasAttribute('loading') || !isVisibleIn(tr, sc)) continue;
      max = Math.max(max, Number(tr.getAttribute('aria-rowindex')) || 0);
    }
    return firstRowIndex ? max - firstRowIndex + 1 : null;
  },
  findRow(name) {
    const want = norm(name);
    for (const t of toggles()) {
      if (norm(t.textContent) !== want) continue;
      const tr = rowOfToggle(t);
      if (!tr || !tr.hasAttribute('loading')) return t;
    }
    return null;
  },
  // The tree toggle is what a user clicks; it calls grid.expandItem() for its item.
  expand(toggle) {
    toggle.click();
  },
});

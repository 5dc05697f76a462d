// Contestant 2: Shoelace <sl-tree> with a lazy root item (no virtualization: every child becomes an element).
import {
  closestDeep,
  deepElementFromPoint,
  fetchChildrenPage,
  installHarness,
  isVisibleIn,
  norm,
  params,
} from './harness.js';
import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import { setDefaultAnimation } from '@shoelace-style/shoelace/dist/utilities/animation-registry.js';

// An expand animation would only add its duration to "painted"; an integrator measuring speed turns it off.
setDefaultAnimation('tree-item.expand', null);
setDefaultAnimation('tree-item.collapse', null);

let box;
let tree;
let rootItem;
let pending = 0;
let started = false;

const ownText = (item) =>
  norm(
    [...item.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.data)
      .join(''),
  );

function makeItem(a) {
  const el = document.createElement('sl-tree-item');
  el.textContent = a.name;
  el.dataset.id = a.id;
  if ((a.descendants_count ?? 0) > 0) el.lazy = true;
  return el;
}

/** sl-lazy-load: the first page goes in as soon as it arrives; the remaining pages go in at once, in one fragment. */
async function loadChildren(item) {
  pending++;
  try {
    let page = await fetchChildrenPage(item.dataset.id);
    const first = document.createDocumentFragment();
    for (const a of page.items) first.append(makeItem(a));
    item.append(first);
    item.lazy = false;
    const rest = document.createDocumentFragment();
    while (page.next !== undefined && page.next !== null) {
      page = await fetchChildrenPage(item.dataset.id, page.next);
      for (const a of page.items) rest.append(makeItem(a));
    }
    if (rest.childNodes.length) item.append(rest);
  } catch (e) {
    console.error(e);
    item.lazy = false;
  } finally {
    pending--;
  }
}

const isRendered = (item) => !!item && item.hasUpdated && !!item.shadowRoot?.querySelector('[part="base"]');

installHarness({
  name: 'shoelace',
  mount(b) {
    box = b;
    box.style.overflow = 'auto';
    tree = document.createElement('sl-tree');
    rootItem = document.createElement('sl-tree-item');
    rootItem.textContent = params.rootName;
    rootItem.dataset.id = params.root;
    rootItem.lazy = true;
    tree.append(rootItem);
    tree.addEventListener('sl-lazy-load', (e) => loadChildren(e.target));
    box.append(tree);
    // `expanded` only fires sl-lazy-load after the item's first update.
    rootItem.updateComplete.then(() => {
      started = true;
      rootItem.expanded = true;
    });
  },
  firstRowReady() {
    const first = rootItem?.querySelector(':scope > sl-tree-item');
    return !!first && ownText(first).includes(norm(params.first)) && isRendered(first) && isRendered(rootItem);
  },
  isLoading: () => false,
  isDone: () => started && pending === 0,
  scroller: () => box,
  centerRowText() {
    const r = box.getBoundingClientRect();
    const el = deepElementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const item = el && closestDeep(el, 'sl-tree-item');
    return item ? ownText(item) : '';
  },
  rowVisible(name) {
    const want = norm(name);
    const kids = rootItem.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      if (ownText(kids[i]) === want) return isVisibleIn(kids[i], box);
    }
    return false;
  },
  rowsInDom: () => tree.querySelectorAll('sl-tree-item').length,
  lastVisiblePos() {
    const kids = rootItem.children;
    for (let i = kids.length - 1; i >= 0; i--) if (isVisibleIn(kids[i], box)) return i + 1;
    return 0;
  },
  findRow(name) {
    const want = norm(name);
    for (const it of tree.querySelectorAll('sl-tree-item')) if (ownText(it) === want) return it;
    return null;
  },
  expand(item) {
    item.expanded = true;
  },
});

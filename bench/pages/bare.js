// What the two bare reference lists share: ours' first request, and the harness contestant for a list measured only
// while it loads its first page (its rows are [role=treeitem] inside one [role=tree]).
import { installHarness, norm, params } from './harness.js';

/** The root's children, first page of 50 by name, as <account-tree> asks for them. */
export const firstPageUrl = () => `${params.api}/v2/accounts/${params.root}/children?ascending=true&page_size=50`;

/** `mount(box)` appends the list; `tree()` is its [role=tree]; `done()` once its rows are in. */
export function installBare(name, { mount, tree, done }) {
  const rows = () => tree()?.querySelectorAll('[role="treeitem"]') ?? [];
  installHarness({
    name,
    mount,
    firstRowReady() {
      const want = norm(params.first);
      for (const r of rows()) if (norm(r.textContent).includes(want)) return true;
      return false;
    },
    isLoading: () => !done(),
    isDone: done,
    scroller: tree,
    centerRowText: () => '',
    rowVisible: () => false,
    rowsInDom: () => rows().length,
    lastVisiblePos: () => 0,
    findRow: () => null,
    expand() {},
  });
}

// Reference (bare DOM list): the same first page with no framework at all. One shadow root, ours' first request,
// then one `div` per row that fits the box, appended in the task that reads the JSON. Its "first page → painted" is
// the floor of this browser on this machine: the response's delivery to the page, JSON, a few elements and the frame
// that draws them. Measured for its first page only.
import { firstPageUrl, installBare } from './bare.js';
import { params } from './harness.js';

const ROW = 28;
let host;
let tree;
let done = false;

installBare('bare-dom', {
  mount(box) {
    done = false;
    host = document.createElement('div');
    host.style.height = '100%';
    tree = document.createElement('div');
    tree.setAttribute('role', 'tree');
    tree.style.cssText = 'height: 100%; overflow: auto';
    host.attachShadow({ mode: 'open' }).append(tree);
    box.append(host);
    fetch(firstPageUrl(), { headers: { Accept: 'application/json', 'X-Auth-Token': params.token } })
      .then((r) => r.json())
      .then((body) => {
        const fit = Math.ceil(host.clientHeight / ROW) + 1;
        body.data.slice(0, fit).forEach((account, i) => {
          const row = document.createElement('div');
          row.setAttribute('role', 'treeitem');
          row.setAttribute('aria-level', '2');
          row.setAttribute('aria-posinset', String(i + 1));
          row.setAttribute('aria-setsize', params.n);
          row.style.cssText = `height: ${ROW}px; line-height: ${ROW}px; padding-inline-start: 24px; white-space: nowrap`;
          row.textContent = account.name;
          tree.append(row);
        });
        done = true;
      });
  },
  tree: () => tree ?? null,
  done: () => done,
});

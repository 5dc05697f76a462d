// Reference (bare Lit list): the least a Lit element can do with the same first page. It sends ours' first request
// (the root's children, page size 50, the token in a header, so the same CORS preflight), reads the JSON and renders
// the rows that fit its box with `repeat()`: no validation, store, virtualizer or tree state. Measured for its first
// page only (no scrolling, no expanding): its "first page → painted" is what fetch, JSON, one Lit render and the
// frame that draws it take on this machine.
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { firstPageUrl, installBare } from './bare.js';
import { params } from './harness.js';

const ROW = 28;

class BareList extends LitElement {
  static properties = { items: { state: true } };
  static styles = css`
    :host {
      display: block;
      height: 100%;
    }
    [role='tree'] {
      height: 100%;
      overflow: auto;
    }
    [role='treeitem'] {
      height: ${ROW}px;
      line-height: ${ROW}px;
      padding-inline-start: 24px;
      white-space: nowrap;
    }
  `;
  constructor() {
    super();
    this.items = null;
  }
  connectedCallback() {
    super.connectedCallback();
    fetch(firstPageUrl(), { headers: { Accept: 'application/json', 'X-Auth-Token': params.token } })
      .then((r) => r.json())
      .then((body) => (this.items = body.data));
  }
  render() {
    const fit = Math.ceil(this.clientHeight / ROW) + 1;
    return html`<div role="tree" aria-busy=${this.items ? 'false' : 'true'}>
      ${repeat(
        (this.items ?? []).slice(0, fit),
        (a) => a.id,
        (a, i) =>
          html`<div role="treeitem" aria-level="2" aria-posinset=${i + 1} aria-setsize=${params.n}>${a.name}</div>`,
      )}
    </div>`;
  }
}
customElements.define('bare-list', BareList);

let list;
installBare('bare-lit', {
  mount(box) {
    list = document.createElement('bare-list');
    box.append(list);
  },
  tree: () => list?.shadowRoot?.querySelector('[role="tree"]') ?? null,
  done: () => !!list?.items,
});

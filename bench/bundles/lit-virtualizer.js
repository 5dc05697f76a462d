// Bundle-size entry (reference): lit + @lit-labs/virtualizer (`virtualize`, static `flow()` layout), a bare list.
import { LitElement, html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

class BenchList extends LitElement {
  static properties = { items: { attribute: false } };
  render() {
    return html`<div role="tree">
      ${virtualize({
        scroller: true,
        layout: flow(),
        items: this.items ?? [],
        renderItem: (it) => html`<div role="treeitem">${it.name}</div>`,
      })}
    </div>`;
  }
}
customElements.define('bench-list', BenchList);

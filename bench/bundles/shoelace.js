// Bundle-size entry: Shoelace sl-tree + sl-tree-item (they pull in sl-icon, sl-spinner, sl-checkbox, localize).
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';

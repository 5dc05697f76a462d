// Bundle-size entry: vaadin-grid + the tree column (base styles in JS).
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-tree-column.js';

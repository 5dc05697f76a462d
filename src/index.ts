/**
 * The core of account-manager-widgets: contract, store, contexts, base element and controllers, themes.
 * Nothing here imports an element; the package's entry points (`exports/`) add them.
 */
export * from './api/index.js';
export * from './data/index.js';
export * from './context/index.js';
export * from './base/index.js';
export * from './themes/index.js';

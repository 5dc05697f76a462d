/**
 * account-manager-widgets: classes, types, contexts and errors. No element is registered by this module:
 * import `account-manager-widgets/define` (all) or `account-manager-widgets/components/<tag>.js` (one).
 */
export * from './api/index.js';
export * from './data/index.js';
export * from './context/index.js';
export * from './base/index.js';
export * from './themes/index.js';
export * from './elements.js';

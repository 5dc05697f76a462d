/**
 * account-manager-widgets: classes, types, contexts and errors. No element is registered by this module:
 * import `account-manager-widgets/define` (all) or `account-manager-widgets/components/<tag>.js` (one).
 */
export * from '../src/index.js';
export * from './elements.js';
export * from './tags.js';

/**
 * `dist/cdn/account-manager-widgets.api.js`: what `account-manager-widgets` exports but the elements (the contract,
 * the store, contexts, errors, base classes and controllers, themes) and `createKazooAdapter`, from the same chunks
 * the loader's elements run on. Import it beside the loader when a page needs more than `createKazooAdapter`.
 */
export * from '../src/index.js';
export * from './tags.js';
export { createKazooAdapter } from '../src/kazoo/index.js';
export type { KazooAdapterOptions, KazooCredentials } from '../src/kazoo/index.js';

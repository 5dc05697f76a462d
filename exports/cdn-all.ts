// The one-file CDN build (`dist/cdn/account-manager-widgets.all.js`): every element registered on load, lit, the
// Kazoo adapter, zod, DOMPurify and every language's strings included, in one request; it fetches nothing more, so
// the file works copied alone.
export * from './index.js';
import './define.js';
export { createKazooAdapter } from '../src/kazoo/index.js';
export type { KazooAdapterOptions, KazooCredentials } from '../src/kazoo/index.js';

// The one-file CDN build (`dist/cdn/account-manager-widgets.all.js`): every element registered on load, lit, the
// Kazoo adapter and zod included, in one request (only other languages' strings are fetched later).
export * from './index.js';
import './define.js';
export { createKazooAdapter } from '../src/kazoo/index.js';
export type { KazooAdapterOptions, KazooCredentials } from '../src/kazoo/index.js';

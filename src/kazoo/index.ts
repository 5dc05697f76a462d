export { createKazooAdapter } from './adapter.js';
export type { KazooAdapterOptions, KazooCredentials } from './adapter.js';

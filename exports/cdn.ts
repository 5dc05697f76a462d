// The one-file build for `<script type="module">` portals: every element registered, the Kazoo adapter included.
export * from './index.js';
import './define.js';
export { createKazooAdapter } from '../src/kazoo/index.js';
export type { KazooAdapterOptions, KazooCredentials } from '../src/kazoo/index.js';

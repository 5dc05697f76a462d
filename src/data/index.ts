export * from './store.js';
export * from './keys.js';

// What `AmContextController` imports for an element given its own `.api` when the store's code is not loaded
// yet: loading `store-for.ts` fills `ownStores`. A module of its own because context-controller re-exports
// `storeFor`: a module imported both statically and dynamically is bundled with the static imports.
export { storeFor } from './store-for.js';

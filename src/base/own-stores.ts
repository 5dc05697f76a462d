import type { AccountApi } from '../api/api.js';
import type { AccountApiError } from '../api/errors.js';
import type { AccountStore } from '../data/store.js';

/**
 * What `AmContextController` needs for an element given its own `.api`: filled in by `store-for.ts` as it
 * loads (it holds the store's code), so a page that has it already gets the store at once.
 */
export const ownStores: {
  storeFor?: (api: AccountApi) => AccountStore;
  toError?: (e: unknown) => AccountApiError;
} = {};

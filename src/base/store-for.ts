import type { AccountApi } from '../api/api.js';
import { toAccountApiError } from '../api/errors.js';
import { AccountStore } from '../data/store.js';
import { ownStores } from './own-stores.js';

const stores = new WeakMap<AccountApi, AccountStore>();

/** The store of an api given to elements directly: elements handed the same api share one store. */
export function storeFor(api: AccountApi): AccountStore {
  let s = stores.get(api);
  if (!s) stores.set(api, (s = new AccountStore(api)));
  return s;
}

ownStores.storeFor = storeFor;
ownStores.toError = toAccountApiError;

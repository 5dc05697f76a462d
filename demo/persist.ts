/** The demo emulator's data in IndexedDB, shared by every tab of the browser through a BroadcastChannel. */
import type { EmulatorState } from '../src/mock/index.js';

const DB = 'account-manager-widgets-demo';
const STORE = 'state';
const KEY = 'emulator';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

export async function loadState(): Promise<EmulatorState | undefined> {
  try {
    return (await tx('readonly', (s) => s.get(KEY))) as EmulatorState | undefined;
  } catch {
    return undefined; // private mode or storage refused: start from the seed
  }
}

export async function saveState(state: EmulatorState): Promise<void> {
  await tx('readwrite', (s) => s.put(state, KEY));
}

export async function clearState(): Promise<void> {
  await tx('readwrite', (s) => s.delete(KEY));
}

export type SyncMessage = { type: 'changed' | 'reset'; from: string };
export const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(DB) : undefined;
export const tabId = Math.random().toString(36).slice(2);

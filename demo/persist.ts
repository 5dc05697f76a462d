/** The demo emulator's data in IndexedDB, shared by every tab of the browser through a BroadcastChannel. */
import type { CrossbarEmulator, EmulatorState, Login } from '../src/mock/index.js';

/** The demo's data: a reseller with 400 customers over three levels. */
export const DEMO_SEED = { accounts: 400, depth: 3, seed: 2026 };

/** The demo's two resellers: the dashboard's (Acme Telecom), and another one (Globex Communications). */
export type DemoReseller = 'reseller' | 'other-reseller';

/** A reseller's login on the emulator (its first admin). */
export function loginOf(em: CrossbarEmulator, who: DemoReseller = 'reseller'): Login {
  return who === 'other-reseller' ? em.loginFor(em.foreignAccountId) : em.login;
}

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
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      // Resolve once committed, so another tab told about the change reads the new data.
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? req.error);
      t.onabort = () => reject(t.error ?? req.error);
    });
  } finally {
    db.close();
  }
}

/** The emulator's data and a revision that grows with every save, so tabs can tell newer from older. */
export interface Saved {
  rev: number;
  state: EmulatorState;
}

export async function loadState(): Promise<Saved | undefined> {
  try {
    const saved = (await tx('readonly', (s) => s.get(KEY))) as Saved | undefined;
    return saved && typeof saved.rev === 'number' && saved.state ? saved : undefined;
  } catch {
    return undefined; // private mode or storage refused: start from the seed
  }
}

/** Saves the data without its live tokens: a token kept on disk would outlive the sign-in it belongs to. */
export async function saveState(saved: Saved): Promise<void> {
  const data: Saved = { ...saved, state: { ...saved.state, tokens: [] } };
  await tx('readwrite', (s) => s.put(data, KEY));
}

export async function clearState(): Promise<void> {
  await tx('readwrite', (s) => s.delete(KEY));
}

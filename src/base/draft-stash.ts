/**
 * Unsaved edits set aside, by store, element and account: a draft element that turns to another account or
 * leaves the page keeps its edit here, and the element that shows that account again takes it back. While
 * an edit waits here, leaving the page asks first (`beforeunload`). A new signed-in user, or the account's
 * deletion, drops it.
 */
import type { AccountStore } from '../data/store.js';
import { guardUnload, type DraftSnapshot } from './draft-controller.js';

interface Entry {
  snapshot: DraftSnapshot<unknown>;
  /** The store's identity epoch the edit belongs to. */
  epoch: number;
  /** The element that set it aside. */
  owner: object;
}

const stashes = new WeakMap<AccountStore, Map<string, Entry>>();
/** Every map holding an edit, for `forgetStashedDrafts()` (an empty map is not held: its store may go). */
const maps = new Set<Map<string, Entry>>();

const keyOf = (element: string, accountId: string) => `${element}\u0000${accountId}`;

function forget(map: Map<string, Entry>, key: string): Entry | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  map.delete(key);
  if (!map.size) maps.delete(map);
  guardUnload(entry, false);
  return entry;
}

function mapOf(store: AccountStore): Map<string, Entry> {
  const map = stashes.get(store);
  if (map) return map;
  const created = new Map<string, Entry>();
  stashes.set(store, created);
  store.subscribe((change) => {
    if (change.type === 'cleared') for (const key of [...created.keys()]) forget(created, key);
    else if (change.type === 'account-deleted') {
      for (const key of [...created.keys()]) if (key.endsWith(`\u0000${change.id}`)) forget(created, key);
    }
  });
  return created;
}

/** Sets aside the unsaved edit of `element` (a tag name) on `accountId`, replacing one already there. */
export function stashDraft<T>(
  store: AccountStore,
  element: string,
  accountId: string,
  snapshot: DraftSnapshot<T>,
  owner: object,
): void {
  const map = mapOf(store);
  const key = keyOf(element, accountId);
  forget(map, key);
  const entry: Entry = { snapshot, epoch: store.epoch, owner };
  map.set(key, entry);
  maps.add(map);
  guardUnload(entry, true);
}

/** Takes back the edit set aside for `element` on `accountId` (it is no longer kept here), if any. */
export function takeDraft<T>(store: AccountStore, element: string, accountId: string): DraftSnapshot<T> | undefined {
  const entry = forget(mapOf(store), keyOf(element, accountId));
  return entry && entry.epoch === store.epoch ? (entry.snapshot as DraftSnapshot<T>) : undefined;
}

/** Drops the edit set aside for `element` on `accountId`; with `owner`, only one that owner set aside. */
export function dropDraft(store: AccountStore, element: string, accountId: string, owner?: object): void {
  const map = mapOf(store);
  const key = keyOf(element, accountId);
  if (owner === undefined || map.get(key)?.owner === owner) forget(map, key);
}

/** Whether an edit of `element` on `accountId` is set aside. */
export function hasStashedDraft(store: AccountStore, element: string, accountId: string): boolean {
  const entry = stashes.get(store)?.get(keyOf(element, accountId));
  return !!entry && entry.epoch === store.epoch;
}

/** Forgets every edit set aside, on every store (a host discarding all unsaved work, a test starting clean). */
export function forgetStashedDrafts(): void {
  for (const map of maps) for (const key of [...map.keys()]) forget(map, key);
}

import { TreeBadges } from './tree-badges.js';
import { TreeCrumbs } from './tree-crumbs.js';
import { TreeKeyboard, type KeyboardHost } from './tree-keyboard.js';
import { TreeSearch, type SearchHost } from './tree-search.js';

/**
 * The parts of `<account-tree>` its first rows do not need: the keyboard, the breadcrumbs, the badges' reads
 * and the search. The element loads them as it connects, beside its first request.
 */
export function deferredParts(host: KeyboardHost & SearchHost) {
  return {
    keys: new TreeKeyboard(host),
    crumbs: new TreeCrumbs(host),
    badges: new TreeBadges(),
    search: new TreeSearch(host),
  };
}

export type DeferredParts = ReturnType<typeof deferredParts>;

import { TreeKeyboard } from './tree-keyboard.js';
import { TreeSearch, type SearchHost } from './tree-search.js';

/**
 * The parts of `<account-tree>` only a user's hand needs: the keyboard and the search. The element loads them
 * the first time it is focused or pressed (keys pressed meanwhile are kept and handled in order), so a page that
 * only shows the tree never fetches them.
 */
export function interactiveParts(host: SearchHost) {
  return {
    keys: new TreeKeyboard(host),
    search: new TreeSearch(host),
  };
}

export type InteractiveParts = ReturnType<typeof interactiveParts>;

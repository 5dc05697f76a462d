import { TreeBadges } from './tree-badges.js';
import { TreeCrumbs } from './tree-crumbs.js';
import type { TreeController } from './tree-controller.js';

/**
 * The parts of `<account-tree>` its first rows do not need: the breadcrumbs, the badges' reads and revealing a
 * row deep in the tree. The element loads them once its first rows are shown.
 */
export function deferredParts(host: ConstructorParameters<typeof TreeCrumbs>[0]) {
  return {
    crumbs: new TreeCrumbs(host),
    badges: new TreeBadges(),
  };
}

export type DeferredParts = ReturnType<typeof deferredParts>;

/**
 * Makes `id` a visible row of `tree`: reads its ancestors, then under the root loads each level until the next
 * one on the path shows up and expands it. Resolves whether `id` is now a row (false when it is not below the
 * root).
 */
export async function reveal(tree: TreeController, id: string, ancestors?: string[]): Promise<boolean> {
  const { store, root } = tree;
  if (!store || !root || id === root.id) return false;
  tree.sync();
  if (tree.indexOf(id) >= 0) return true;
  const read = ancestors ? undefined : await store.getAncestors(id);
  const chain = ancestors ?? read!.map((a) => a.id);
  const at = chain.indexOf(root.id);
  if (at < 0) return false;
  let level = root;
  const names = new Map(read?.map((a) => [a.id, a.name]));
  const current = () => tree.root === root && tree.connected;
  for (const step of [...chain.slice(at + 1), id]) {
    if (!level.index.has(step)) {
      // One jump to where its name sorts, then reading on (a level of any size).
      const name = names.get(step) ?? store.peekSummary(step)?.name ?? (await store.getAccount(step)).name;
      if (!current() || !(await level.seek(name, step, current))) return false;
    }
    if (step === id) break;
    tree.openIn(level, level.items[level.index.get(step)!]!);
    level = store.listing(step);
  }
  tree.changed();
  return tree.root === root;
}

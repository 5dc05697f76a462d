import type { RestrictionPath, UiRestrictions } from './model.js';

export type { RestrictionPath } from './model.js';

/** The path above `path` that also hides it (`billing.balance.credit` → `billing.balance`), if any. */
function parentPath(path: RestrictionPath): RestrictionPath | undefined {
  return path.startsWith('billing.balance.') ? 'billing.balance' : undefined;
}

/**
 * Whether the restrictions let the customer's users see `path`: a host portal calls it to enforce what
 * `<account-restrictions>` configures (Kazoo stores these settings but enforces none of them).
 * A missing entry means shown; a hidden parent (`billing.balance`) hides its children.
 *
 * ```ts
 * const account = await store.getAccount(customerId);
 * if (restrictionsAllow(account.uiRestrictions, 'billing.transactions')) showTransactionsTab();
 * ```
 */
export function restrictionsAllow(restrictions: UiRestrictions | undefined, path: RestrictionPath): boolean {
  for (let p: RestrictionPath | undefined = path; p; p = parentPath(p)) {
    if (restrictions?.[p] === false) return false;
  }
  return true;
}

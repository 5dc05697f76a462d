// Script side: the event map types `addEventListener` on the element classes.
import type { AccountTree } from 'account-manager-widgets';

export function listen(tree: AccountTree): void {
  tree.addEventListener('account-select', (e) => console.log(e.detail.account.id));
  // @ts-expect-error the detail has no such member
  tree.addEventListener('account-select', (e) => console.log(e.detail.nope));
}

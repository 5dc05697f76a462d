import { AccountTree } from './account-tree.js';

AccountTree.define('account-tree');

export { AccountTree };

declare global {
  interface HTMLElementTagNameMap {
    'account-tree': AccountTree;
  }
}

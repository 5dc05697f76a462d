import { css } from 'lit';

// Notes kept out of the CSS text (it ships as is):
// - `.tree` reserves its scrollbar gutter: a scrollbar appearing must not reflow the rows;
// - the sizer gives the scroll height of every row; the drawn rows sit on it, moved to where they belong;
// - `.leaf::before` is a caret-wide spacer, so names line up whether a row has a caret or not;
// - the sub-account count is the row's `::after` (its text is in the row's label): no element per row.
// - placeholders pulse with the keyframes of `skeletonStyles` (`am-pulse`), declared here too.
// - the frame, not the host, lays the tree out: a host page may give the element any `display`. It fills the host's
//   height when that is definite; otherwise (display: inline or contents, height: auto) the tree's basis, the
//   token's height, sizes it. The tree never takes the height of its rows: the viewport would then draw them all.
export const styles = css`
  :host {
    display: block;
    height: var(--am-account-tree-height, 24rem);
  }
  .frame {
    display: flex;
    flex-direction: column;
    gap: var(--am-space-2);
    block-size: 100%;
  }
  .bar,
  ol,
  .row {
    display: flex;
    align-items: center;
    gap: var(--am-space-2);
  }
  .bar,
  ol {
    flex-wrap: wrap;
  }
  nav {
    flex: 1;
  }
  ol {
    gap: var(--am-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--am-font-size-sm);
  }
  li {
    display: flex;
    align-items: center;
    gap: var(--am-space-1);
    min-width: 0;
    max-width: 100%;
  }
  li + li::before {
    content: '/';
    color: var(--am-color-text-muted);
  }
  [part='crumb'],
  [part='crumb-current'] {
    min-width: 0;
  }
  /* A long name is cut short on its line (the whole name stays its accessible name). */
  [part='crumb'] bdi,
  [part='crumb-current'] bdi {
    display: block;
    max-width: 14rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-align: start;
  }
  [part='crumb-current'] {
    font-weight: var(--am-font-weight-bold);
  }
  .tree {
    flex: 1 1 var(--am-account-tree-height, 24rem);
    overflow: auto;
    scrollbar-gutter: stable;
    border: 1px solid var(--am-account-tree-border-color, var(--am-color-border));
    border-radius: var(--am-radius-md);
    background: var(--am-account-tree-background, var(--am-color-surface));
  }
  .tree[hidden] {
    display: none !important;
  }
  .tree {
    position: relative;
  }
  .sizer {
    height: var(--extent);
  }
  .rows {
    position: absolute;
    inset-inline: 0;
    top: 0;
    transform: translateY(var(--offset));
  }
  .tree:focus-visible,
  .row:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: calc(-1 * var(--am-focus-ring-width));
  }
  .row {
    box-sizing: border-box;
    width: 100%;
    height: var(--am-account-tree-row-height, 2rem);
    padding-inline: calc(var(--am-space-2) + var(--depth) * var(--am-account-tree-indent, 1.25rem)) var(--am-space-2);
    white-space: nowrap;
    user-select: none;
  }
  .row:hover {
    background: var(--am-account-tree-row-hover-background, var(--am-color-surface-sunken));
  }
  [aria-selected='true'],
  .row[aria-selected='true']:hover {
    background: var(--am-account-tree-row-selected-background, var(--am-color-accent));
    color: var(--am-account-tree-row-selected-color, var(--am-color-on-accent));
  }
  .leaf::before,
  .toggle {
    content: '';
    width: 1rem;
  }
  .leaf::before,
  .toggle,
  .badge,
  [data-count]::after {
    flex: none;
  }
  .toggle {
    height: 1rem;
    cursor: pointer;
  }
  .toggle::before {
    content: '';
    display: block;
    margin: 0.25rem 0.375rem;
    border-block: 0.25rem solid transparent;
    border-inline-start: 0.3125rem solid;
  }
  [aria-expanded='true'] > .toggle::before {
    rotate: 90deg;
  }
  :host(:dir(rtl)) [aria-expanded='true'] > .toggle::before {
    rotate: -90deg;
  }
  .name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [data-count]::after {
    content: attr(data-count);
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .badge {
    padding: 0 var(--am-space-2);
    border: 1px solid;
    border-radius: var(--am-radius-pill);
    color: var(--am-account-tree-badge-color, var(--am-color-accent-text));
    font-size: var(--am-font-size-sm);
  }
  .off,
  .error {
    background: var(--am-color-danger-surface);
    color: var(--am-color-danger-text);
  }
  [aria-selected='true']::after,
  [aria-selected='true'] .badge {
    background: none;
    color: inherit;
  }
  .placeholder::after {
    content: '';
    width: 60%;
    height: 0.75rem;
    border-radius: var(--am-radius-sm);
    background: var(--am-color-surface-sunken);
    animation: am-pulse 1.2s infinite;
  }
  .placeholder:nth-child(3n)::after {
    width: 40%;
  }
  @keyframes am-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .retry {
    min-height: 1.5rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder::after {
      animation: none;
    }
  }
`;

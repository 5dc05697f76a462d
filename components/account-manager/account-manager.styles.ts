import { css } from 'lit';

// Notes kept out of the CSS text (it ships as is):
// - the layout follows the space the host page gives it, not the window's, whatever \`display\` the page gives the host:
//   \`.room\` is the size container, inside \`.frame\`, whose width is the room the page has (a block's) even where the
//   host is sized to its content (inline-block, a flex item, a table cell): there the frame's sizer asks for at most
//   64rem, which a size container cannot ask for itself;
// - below 48rem the accounts and the account are two screens (`data-screen`), side by side from there on;
// - the tab row wraps, so nothing scrolls sideways on a phone;
// - side by side the accounts stay in view (sticky) beside a long section, so what it changes in the tree is seen;
// - the manager's header names the account: the overview's own name header would say it twice.
export const styles = css`
  :host {
    display: block;
    color: var(--am-color-text);
    font-family: var(--am-font-family);
    line-height: var(--am-line-height);
  }
  [hidden] {
    display: none !important;
  }
  .frame {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  .frame::before {
    content: '';
    inline-size: 64rem;
    max-inline-size: 100%;
  }
  .room {
    container: am-account-manager / inline-size;
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--am-account-manager-gap, var(--am-space-4));
  }
  .nested {
    display: flex;
    grid-column: 1 / -1;
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  .accounts,
  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--am-space-3);
    min-width: 0;
  }
  .base[data-screen='account'] .accounts,
  .base[data-screen='accounts'] .detail {
    display: none;
  }
  h2 {
    margin: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .root {
    justify-content: flex-start;
    padding: 0 var(--am-space-2);
    border-color: transparent;
    background: none;
    font-weight: var(--am-font-weight-bold);
    overflow-wrap: anywhere;
    text-align: start;
    transition: none;
  }
  .root[aria-current='true'],
  .root[aria-current='true']:hover {
    border-color: var(--am-account-manager-root-current-background, var(--am-color-accent));
    background: var(--am-account-manager-root-current-background, var(--am-color-accent));
    color: var(--am-account-manager-root-current-color, var(--am-color-on-accent));
  }
  account-tree {
    height: var(--am-account-manager-tree-height, 32rem);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2) var(--am-space-3);
  }
  .use {
    margin-inline-start: auto;
  }
  .back {
    flex-basis: 100%;
    justify-content: flex-start;
    min-height: 2.75rem;
    border-color: transparent;
    background: none;
    color: var(--am-color-accent-text);
  }
  .back .chevron {
    display: inline-block;
  }
  .back:dir(rtl) .chevron {
    transform: scaleX(-1);
  }
  .title {
    flex: 0 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--am-space-2);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-pill);
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
  }
  account-overview::part(header) {
    display: none;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--am-space-1);
    border-block-end: 1px solid var(--am-account-manager-border-color, var(--am-color-border));
  }
  .tab {
    margin-block-end: -1px;
    padding: var(--am-space-2) var(--am-space-3);
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    color: var(--am-account-manager-tab-color, var(--am-color-text-muted));
    font: inherit;
    font-weight: var(--am-font-weight-medium);
    cursor: pointer;
  }
  .tab:hover {
    background: var(--am-color-surface-sunken);
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--am-account-manager-tab-selected-color, var(--am-color-accent));
    color: var(--am-color-text);
  }
  .tab:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: calc(-1 * var(--am-focus-ring-width));
  }
  .panel {
    min-width: 0;
  }
  @container am-account-manager (min-width: 48rem) {
    .base {
      grid-template-columns: minmax(14rem, var(--am-account-manager-tree-width, 22rem)) minmax(0, 1fr);
      align-items: start;
    }
    .base[data-screen] .accounts,
    .base[data-screen] .detail {
      display: flex;
    }
    .back {
      display: none;
    }
    .accounts {
      position: sticky;
      top: 0;
    }
  }
`;

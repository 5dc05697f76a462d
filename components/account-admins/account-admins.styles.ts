import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-admins-max-width, 56rem);
  }
  .layout {
    display: grid;
    gap: var(--am-account-admins-gap, var(--am-space-4));
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--am-space-2);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--am-space-2) var(--am-space-3);
  }
  .toolbar .am-field {
    flex: 1 1 14rem;
  }
  h2,
  h3 {
    margin: 0;
    font-weight: var(--am-font-weight-bold);
  }
  h2 {
    font-size: var(--am-font-size-xl);
  }
  h3 {
    font-size: var(--am-font-size-lg);
  }
  p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-2);
  }
  ul.list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-lg);
    background: var(--am-account-admins-row-background, var(--am-color-surface));
  }
  li.row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--am-space-2) var(--am-space-4);
    min-height: var(--am-account-admins-row-height, 3.5rem);
    padding: var(--am-space-2) var(--am-space-4);
  }
  li.row + li.row {
    border-block-start: 1px solid var(--am-color-border);
  }
  .who {
    display: grid;
    min-width: 0;
  }
  .who strong {
    font-weight: var(--am-font-weight-medium);
    overflow-wrap: anywhere;
  }
  .who span {
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    margin-inline-start: var(--am-space-2);
    padding: 0 var(--am-space-2);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-pill);
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
    font-weight: var(--am-font-weight-normal);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--am-space-2);
  }
  .reveal {
    display: grid;
    gap: var(--am-space-2);
    padding: var(--am-space-4);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-lg);
    background: var(--am-account-admins-reveal-background, var(--am-color-success-surface));
    color: var(--am-account-admins-reveal-color, var(--am-color-success-text));
  }
  .secret {
    font-family: var(--am-font-family-mono);
    overflow-wrap: anywhere;
  }
  .grid {
    display: grid;
    align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--am-space-3);
  }
  fieldset {
    display: grid;
    gap: var(--am-space-2);
    min-width: 0;
    margin: 0;
    padding: var(--am-space-3);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-md);
  }
  legend {
    padding: 0 var(--am-space-1);
    font-weight: var(--am-font-weight-medium);
  }
  .candidates {
    display: grid;
    gap: var(--am-space-1);
    max-height: 16rem;
    overflow: auto;
  }
  .candidates label {
    display: flex;
    align-items: baseline;
    gap: var(--am-space-2);
    padding: var(--am-space-1) var(--am-space-2);
    border-radius: var(--am-radius-sm);
    cursor: pointer;
  }
  .candidates label:hover {
    background: var(--am-color-surface-sunken);
  }
  am-dialog.wide {
    --am-dialog-width: 36rem;
  }
`;

import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-admins-max-width, 56rem);
  }
  .layout {
    display: grid;
    gap: var(--am-account-admins-gap, var(--am-space-4));
  }
  /* Rows that wrap on a narrow screen, their two ends pushed apart. */
  .header,
  .toolbar,
  li.row,
  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
  }
  .header {
    align-items: baseline;
    gap: var(--am-space-2);
  }
  .toolbar {
    align-items: end;
    gap: var(--am-space-2) var(--am-space-3);
  }
  .toolbar .am-field {
    flex: 1 1 14rem;
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
    align-items: center;
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
    align-items: center;
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
  am-dialog.wide {
    --am-dialog-width: 36rem;
  }
`;

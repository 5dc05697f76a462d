import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-carrier-picker-max-width, 40rem);
  }
  h2 {
    font-weight: var(--am-font-weight-bold);
  }
  .am-note[data-tone='warning'] {
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  .choices {
    display: grid;
    gap: var(--am-carrier-picker-gap, var(--am-space-2));
    min-width: 0;
  }
  .option {
    row-gap: var(--am-space-1);
    padding: var(--am-space-2) var(--am-space-3);
    border: 1px solid var(--am-carrier-picker-option-border, var(--am-color-border));
    border-radius: var(--am-radius-md);
  }
  .option[data-checked] {
    background: var(--am-carrier-picker-checked-background, var(--am-color-surface-sunken));
    border-color: var(--am-color-border-strong);
  }
  .option input:disabled + .am-label-row label {
    color: var(--am-color-text-muted);
    cursor: default;
  }
  .option .warning {
    grid-column: 2;
    overflow-wrap: anywhere;
  }
  .warning {
    padding: var(--am-space-1) var(--am-space-2);
    border-radius: var(--am-radius-sm);
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
`;

import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: 100%;
  }
  :host([modal]) {
    display: contents;
  }
  am-dialog {
    --am-dialog-width: var(--am-account-create-max-width, 60rem);
  }
  .base {
    box-sizing: border-box;
    display: grid;
    gap: var(--am-space-4);
    min-width: 0;
    max-width: var(--am-account-create-max-width, 60rem);
    padding: var(--am-space-4);
    background: var(--am-account-create-background, var(--am-color-surface));
    color: var(--am-color-text);
    container-type: inline-size;
    /* Its width when the host is sized by its content (inline-block, a flex item): a contained box would be 0. */
    contain-intrinsic-inline-size: 36rem;
  }
  :host([modal]) .base {
    padding: 0;
    background: none;
  }
  .header {
    display: grid;
    gap: var(--am-space-1);
  }
  .title {
    margin: 0;
    font-size: var(--am-font-size-xl);
    font-weight: var(--am-font-weight-bold);
  }
  .parent {
    margin: 0;
    color: var(--am-color-text-muted);
    overflow-wrap: anywhere;
  }
  /* Beside the dialog's own title, in its top corner. */
  .close {
    position: absolute;
    inset-block-start: var(--am-space-3);
    inset-inline-end: var(--am-space-3);
    min-width: 2.25rem;
    padding: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: var(--am-account-create-steps-width, 14rem) minmax(0, 1fr);
    gap: var(--am-space-6);
  }
  .steps ol {
    display: grid;
    gap: var(--am-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step {
    display: flex;
    align-items: center;
    gap: var(--am-space-2);
    width: 100%;
    padding: var(--am-space-2);
    border: 1px solid transparent;
    border-radius: var(--am-radius-md);
    background: none;
    color: var(--am-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .step:hover:not(:disabled) {
    background: var(--am-color-surface-sunken);
  }
  .step:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .step:disabled {
    cursor: default;
  }
  .step[data-state='current'] {
    border-color: var(--am-account-create-step-current-color, var(--am-color-accent));
    font-weight: var(--am-font-weight-bold);
  }
  .marker {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border: 2px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-pill);
    font-size: var(--am-font-size-sm);
  }
  .step[data-state='current'] .marker {
    border-color: var(--am-account-create-step-current-color, var(--am-color-accent));
    background: var(--am-account-create-step-current-color, var(--am-color-accent));
    color: var(--am-color-on-accent);
  }
  .step[data-state='done'] .marker {
    border-color: var(--am-account-create-step-done-color, var(--am-color-success-text));
    color: var(--am-account-create-step-done-color, var(--am-color-success-text));
  }
  /* Narrow: the steps become a row of numbered markers; the heading names the current one. */
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--am-space-4);
    }
    .steps ol {
      display: flex;
      flex-wrap: wrap;
    }
    .step {
      width: auto;
      padding: var(--am-space-1);
    }
    .step-name {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .panel {
    display: grid;
    align-content: start;
    gap: var(--am-space-4);
    min-width: 0;
  }
  .step-heading {
    margin: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
  }
  /* Focused by the wizard on each step change so screen readers read it; it is not a control. */
  .step-heading:focus {
    outline: none;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    align-items: start;
    gap: var(--am-space-4);
  }
  .wide {
    grid-column: 1 / -1;
  }
  .with-button {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--am-space-2);
  }
  .with-button > .am-field {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .am-field,
  .am-input {
    min-width: 0;
  }
  .panel p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2);
    padding-top: var(--am-space-4);
    border-top: 1px solid var(--am-account-create-border-color, var(--am-color-border));
  }
  .spacer {
    flex: 1;
  }
`;

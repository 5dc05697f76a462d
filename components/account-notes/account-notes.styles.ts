import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-notes-max-width, 48rem);
  }
  .note {
    gap: var(--am-space-2);
    min-width: 0;
  }
  .note .am-label {
    cursor: default;
  }
  .note__actions {
    display: flex;
    justify-content: flex-end;
  }
  .rte {
    display: grid;
    min-width: 0;
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-md);
    background: var(--am-color-surface);
  }
  .rte:focus-within {
    border-color: var(--am-color-accent);
  }
  .rte__toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-1);
    padding: var(--am-space-1);
    border-bottom: 1px solid var(--am-color-border);
    background: var(--am-color-surface-sunken);
    border-start-start-radius: var(--am-radius-md);
    border-start-end-radius: var(--am-radius-md);
  }
  .rte__button {
    min-width: 2rem;
    min-height: 2rem;
    padding: 0 var(--am-space-1);
    border-color: transparent;
    background: transparent;
  }
  .rte__button svg {
    width: 1.125rem;
    height: 1.125rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .rte__button circle {
    fill: currentColor;
    stroke: none;
  }
  .rte__button[aria-pressed='true'] {
    border-color: var(--am-color-accent);
    background: var(--am-color-accent);
    color: var(--am-color-on-accent);
  }
  .rte__button[aria-pressed='true']:hover {
    background: var(--am-color-accent-hover);
  }
  .rte__button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .rte__editor {
    min-height: var(--am-account-notes-editor-min-height, 6rem);
    max-height: var(--am-account-notes-editor-max-height, 24rem);
    overflow: auto;
    padding: var(--am-space-2) var(--am-space-3);
    outline: none;
    border-radius: var(--am-radius-md);
  }
  .rte__editor:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .rte__editor[aria-readonly='true'] {
    background: var(--am-color-surface-sunken);
  }
  .rte__editor[aria-invalid='true'] {
    box-shadow: inset 0 0 0 1px var(--am-color-danger);
  }
  .rte__editor:empty::before {
    content: attr(aria-placeholder);
    color: var(--am-color-text-muted);
    pointer-events: none;
  }
  #link-address {
    width: 100%;
    box-sizing: border-box;
  }
`;

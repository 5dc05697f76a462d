import { css } from 'lit';

export const switchStyles = css`
  :host {
    display: grid;
    gap: var(--am-space-1);
    min-width: 0;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--am-space-3);
    min-height: 2.25rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button:focus-visible {
    outline: none;
  }
  button:focus-visible .track {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .track {
    position: relative;
    flex: none;
    width: 2.5rem;
    height: 1.375rem;
    border: 1px solid var(--am-color-border-strong);
    border-radius: 999px;
    background: var(--am-color-surface-sunken);
    transition: background-color var(--am-duration-fast);
  }
  .thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--am-color-text-muted);
    transition: inset-inline-start var(--am-duration-fast);
  }
  :host([checked]) .track {
    border-color: var(--am-color-accent);
    background: var(--am-color-accent);
  }
  :host([checked]) .thumb {
    inset-inline-start: calc(100% - 1rem - 2px);
    background: var(--am-color-on-accent);
  }
  :host([mixed]) .thumb {
    inset-inline-start: calc(50% - 0.5rem);
    background: var(--am-color-text);
  }
  .label {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .description {
    margin-inline-start: 3.25rem;
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
  }
`;

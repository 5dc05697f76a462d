import { css } from 'lit';

/**
 * Buttons, text inputs and visually hidden text (`.am-button`, `.am-input`, `.am-visually-hidden`): the controls
 * of a widget that edits nothing. `data-variant="link"` on a button makes it look like a link. `controlStyles`
 * holds them too, and the `primary` and `danger` buttons.
 */
export const basicControlStyles = css`
  .am-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--am-space-2);
    min-height: 2.25rem;
    padding: 0 var(--am-space-4);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-md);
    background: var(--am-color-surface);
    color: var(--am-color-text);
    font: inherit;
    font-weight: var(--am-font-weight-medium);
    cursor: pointer;
    transition: background-color var(--am-duration-fast);
  }
  .am-button:hover:not(:disabled) {
    background: var(--am-color-surface-sunken);
  }
  .am-button[data-variant='link'] {
    min-height: auto;
    padding: 0;
    border-color: transparent;
    background: none;
    color: var(--am-color-accent-text);
    text-decoration: underline;
  }
  .am-button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .am-button:focus-visible,
  .am-input:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .am-input {
    min-height: 2.25rem;
    padding: 0 var(--am-space-3);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-md);
    background: var(--am-color-surface);
    color: var(--am-color-text);
    font: inherit;
  }
  .am-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

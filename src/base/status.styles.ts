import { css } from 'lit';

/** The live region and its toast. */
export const statusStyles = css`
  .am-status {
    position: fixed;
    inset-block-end: var(--am-space-4);
    inset-inline-end: var(--am-space-4);
    z-index: 1000;
    display: grid;
    justify-items: end;
    pointer-events: none;
  }
  .am-toast {
    display: flex;
    align-items: center;
    gap: var(--am-space-3);
    max-width: min(28rem, calc(100vw - 2rem));
    padding: var(--am-space-3) var(--am-space-4);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-surface-raised);
    box-shadow: var(--am-shadow-raised);
    color: var(--am-color-text);
    pointer-events: auto;
  }
  .am-toast[data-tone='success'] {
    background: var(--am-color-success-surface);
    color: var(--am-color-success-text);
  }
  .am-toast[data-tone='warning'] {
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  .am-toast[data-tone='error'] {
    background: var(--am-color-danger-surface);
    color: var(--am-color-danger-text);
  }
  .am-toast .am-button {
    min-height: 1.75rem;
    padding: 0 var(--am-space-2);
    border-color: transparent;
    background: transparent;
    color: inherit;
  }
`;

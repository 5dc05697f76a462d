import { css } from 'lit';

/** The live region and its toast. */
export const statusStyles = css`
  /* In the element's flow, after what it shows: a toast over the page would cover the buttons under it. */
  .am-status {
    display: grid;
    justify-items: start;
    min-width: 0;
  }
  .am-status:has(.am-toast) {
    margin-block-start: var(--am-space-3);
  }
  .am-toast {
    display: flex;
    align-items: center;
    gap: var(--am-space-3);
    max-width: min(36rem, 100%);
    box-sizing: border-box;
    padding: var(--am-space-3) var(--am-space-4);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-surface-raised);
    color: var(--am-color-text);
    overflow-wrap: anywhere;
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

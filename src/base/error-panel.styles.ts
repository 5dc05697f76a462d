import { css } from 'lit';

/** The error panel, the empty and forbidden notes (include with `controlStyles`). */
export const errorPanelStyles = css`
  .am-error-panel {
    display: grid;
    gap: var(--am-space-2);
    justify-items: start;
    padding: var(--am-space-4);
    border: 1px solid var(--am-color-danger);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-danger-surface);
    color: var(--am-color-danger-text);
  }
  .am-error-panel p {
    margin: 0;
  }
  .am-error-panel__title {
    font-weight: var(--am-font-weight-bold);
  }
  .am-note {
    margin: 0;
    padding: var(--am-space-4);
    color: var(--am-color-text-muted);
  }
`;

import { css } from 'lit';

/** The confirm dialog (include with `controlStyles`). */
export const confirmDialogStyles = css`
  .am-dialog {
    width: min(30rem, calc(100vw - 2rem));
    padding: var(--am-space-6);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-surface-raised);
    box-shadow: var(--am-shadow-raised);
    color: var(--am-color-text);
  }
  .am-dialog::backdrop {
    background: var(--am-color-backdrop);
  }
  .am-dialog__form {
    display: grid;
    gap: var(--am-space-4);
  }
  .am-dialog__title {
    margin: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
  }
  .am-dialog__message {
    margin: 0;
  }
  .am-dialog__actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--am-space-2);
  }
`;

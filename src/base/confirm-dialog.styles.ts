import { css } from 'lit';

/** The content of the house dialog (`<am-dialog>` draws the frame): include with `controlStyles`. */
export const confirmDialogStyles = css`
  .am-dialog__form {
    display: grid;
    gap: var(--am-space-4);
  }
  .am-dialog__message {
    margin: 0;
  }
  .am-charges {
    display: grid;
    gap: var(--am-space-1);
    margin: 0;
    padding-inline-start: var(--am-space-6);
  }
  .am-dialog__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--am-space-2);
  }
`;

import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
    color: var(--am-color-text);
    font-family: var(--am-font-family);
    font-size: var(--am-font-size-md);
    line-height: var(--am-line-height, 1.5);
  }
  :host([hidden]) {
    display: none;
  }
  am-dialog {
    --am-dialog-width: var(--am-account-announcement-width, 36rem);
  }
  .content {
    min-width: 0;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;

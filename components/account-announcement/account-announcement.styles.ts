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
    /* Whatever the announcement holds stays inside its box. */
    contain: content;
    min-width: 0;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .content p {
    margin: 0 0 var(--am-space-2);
  }
  .content p:last-child {
    margin-bottom: 0;
  }
  .content ul,
  .content ol {
    margin: 0 0 var(--am-space-2);
    padding-inline-start: var(--am-space-6);
  }
  .content a {
    color: var(--am-color-accent-text);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;

import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    width: min(var(--am-dialog-width, 30rem), calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 2rem);
    overflow: auto;
    padding: var(--am-space-6);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-surface-raised);
    box-shadow: var(--am-shadow-raised);
    color: var(--am-color-text);
    font: inherit;
  }
  @media (max-width: 30rem) {
    dialog {
      padding: var(--am-space-4);
    }
  }
  dialog::backdrop {
    background: var(--am-color-backdrop);
  }
  .inner {
    display: grid;
    gap: var(--am-space-4);
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--am-space-2);
  }
  .footer[hidden] {
    display: none;
  }
`;

import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-restrictions-max-width, 48rem);
  }
  p {
    color: var(--am-color-text-muted);
  }
  .sections {
    display: grid;
    gap: var(--am-account-restrictions-gap, var(--am-space-4));
  }
  .section {
    display: grid;
    gap: var(--am-space-2);
    padding: var(--am-space-3) var(--am-space-4);
    border: 1px solid var(--am-color-border);
    border-radius: var(--am-radius-md);
    background: var(--am-color-surface);
  }
  .section > .am-field--switch {
    font-weight: var(--am-font-weight-bold);
  }
  .section > .am-field--switch am-switch::part(description) {
    font-weight: var(--am-font-weight-normal);
  }
  .children {
    display: grid;
    gap: var(--am-space-2);
    padding-inline-start: var(--am-account-restrictions-indent, var(--am-space-6));
    font-weight: var(--am-font-weight-normal);
  }
  .branch {
    display: grid;
    gap: var(--am-space-2);
  }
  .children[data-hidden] am-switch::part(description) {
    font-style: italic;
  }
`;

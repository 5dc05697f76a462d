import { css } from 'lit';

export const timezoneFieldStyles = css`
  :host {
    display: grid;
    gap: var(--am-space-1);
    position: relative;
    min-width: 0;
  }
  input {
    min-width: 0;
  }
  ul {
    position: absolute;
    inset-block-start: 100%;
    inset-inline: 0;
    z-index: 10;
    max-height: 16rem;
    margin: var(--am-space-1) 0 0;
    padding: var(--am-space-1) 0;
    overflow: auto;
    list-style: none;
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-md);
    background: var(--am-color-surface-raised);
    box-shadow: var(--am-shadow-raised);
  }
  ul[hidden] {
    display: none;
  }
  li {
    display: flex;
    justify-content: space-between;
    gap: var(--am-space-3);
    padding: var(--am-space-2) var(--am-space-3);
    cursor: pointer;
  }
  li[data-active] {
    background: var(--am-color-surface-sunken);
  }
  li[aria-selected='true'] {
    font-weight: var(--am-font-weight-medium);
  }
`;

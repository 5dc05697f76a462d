import { css } from 'lit';

export const passwordFieldStyles = css`
  :host {
    display: grid;
    gap: var(--am-space-1);
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-2);
  }
  .row input {
    flex: 1 1 12rem;
    min-width: 0;
    font-family: var(--am-font-family-mono, monospace);
  }
  .strength[data-level='too-short'],
  .strength[data-level='weak'] {
    color: var(--am-color-danger-text);
  }
  .strength[data-level='strong'] {
    color: var(--am-color-success-text);
  }
`;

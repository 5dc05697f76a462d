import { css } from 'lit';

export const languageSelectStyles = css`
  :host {
    display: grid;
    gap: var(--am-space-1);
    min-width: 0;
  }
`;

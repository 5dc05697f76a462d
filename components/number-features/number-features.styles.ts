import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-number-features-max-width, 40rem);
  }
  h2 {
    margin: 0;
    font-size: var(--am-font-size-lg);
  }
  p {
    margin: 0;
    color: var(--am-color-text-muted);
  }
`;

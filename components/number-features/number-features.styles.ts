import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-number-features-max-width, 40rem);
  }
  p {
    color: var(--am-color-text-muted);
  }
`;

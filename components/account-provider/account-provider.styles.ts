import { css, unsafeCSS } from 'lit';
import { themeDeclarations } from '../../src/themes/tokens.js';

const dark = unsafeCSS(themeDeclarations('dark'));

export const styles = css`
  :host {
    display: block;
  }
  /* An explicit theme paints its surface, so text inside stays readable on any page. */
  :host([theme]) {
    background: var(--am-account-provider-background, var(--am-color-surface));
    color: var(--am-color-text);
  }
  :host([theme='light']) {
    ${unsafeCSS(themeDeclarations('light'))}
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--am-space-2) var(--am-space-4);
    padding: var(--am-space-2) var(--am-space-4);
    border-block-end: 1px solid var(--am-color-border);
    background: var(--am-account-provider-banner-background, var(--am-color-warning-surface));
    color: var(--am-account-provider-banner-color, var(--am-color-warning-text));
  }
  .banner strong {
    font-weight: var(--am-font-weight-bold);
  }
  .notice {
    margin: var(--am-space-2) 0;
  }
  .content {
    display: contents;
  }
`;

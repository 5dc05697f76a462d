import { css } from 'lit';

/** The styles of the steps after the first, the review, the progress of the creation and the last screen. */
export const styles = css`
  @container (max-width: 40rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-block-end: var(--am-space-2);
    }
  }
  /* Focused by the wizard (the last screen's title, the list of what failed) so screen readers read them. */
  .done-title:focus,
  #progress-title:focus {
    outline: none;
  }
  .done p,
  .done ul {
    margin: 0;
  }
  .group {
    display: grid;
    gap: var(--am-space-3);
    min-width: 0;
    margin: 0;
    padding: var(--am-space-4);
    border: 1px solid var(--am-account-create-border-color, var(--am-color-border));
    border-radius: var(--am-radius-lg);
  }
  @container (max-width: 24rem) {
    .group {
      padding: var(--am-space-3);
    }
  }
  .group legend {
    padding: 0 var(--am-space-1);
    font-weight: var(--am-font-weight-bold);
  }
  .nested {
    min-width: 0;
    padding-inline-start: var(--am-space-6);
  }
  @container (max-width: 24rem) {
    .nested {
      padding-inline-start: 0;
    }
  }
  .am-check input {
    accent-color: var(--am-color-accent);
  }
  .am-field--check {
    gap: 0;
  }
  .warning {
    margin: 0;
    padding: var(--am-space-3) var(--am-space-4);
    border-radius: var(--am-radius-md);
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  .review {
    display: grid;
    gap: var(--am-space-3);
  }
  .review-section {
    padding: var(--am-space-3) var(--am-space-4);
    border: 1px solid var(--am-account-create-border-color, var(--am-color-border));
    border-radius: var(--am-radius-lg);
  }
  .review-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--am-space-2);
  }
  .review-section h4,
  .progress-box h4 {
    margin: 0;
    font-size: var(--am-font-size-md);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 1fr);
    gap: var(--am-space-1) var(--am-space-4);
    margin: var(--am-space-2) 0 0;
  }
  dt {
    color: var(--am-color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .plain {
    margin: 0 0 var(--am-space-2);
    padding: 0;
    list-style: none;
  }
  .mono {
    font-family: var(--am-font-family-mono);
    overflow-wrap: anywhere;
  }
  .progress-box {
    display: grid;
    gap: var(--am-space-2);
    padding: var(--am-space-4);
    border: 1px solid var(--am-account-create-border-color, var(--am-color-border));
    border-radius: var(--am-radius-lg);
  }
  .progress {
    display: grid;
    gap: var(--am-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .progress li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2);
    overflow-wrap: anywhere;
  }
  .progress li[data-status='done'] {
    color: var(--am-color-success-text);
  }
  .progress li[data-status='failed'] .failure {
    color: var(--am-color-danger-text);
    font-weight: var(--am-font-weight-medium);
  }
  .done {
    display: grid;
    gap: var(--am-space-3);
  }
  .done-title {
    margin: 0;
    padding: var(--am-space-3) var(--am-space-4);
    border-radius: var(--am-radius-md);
    background: var(--am-color-success-surface);
    color: var(--am-color-success-text);
    font-size: var(--am-font-size-md);
    font-weight: var(--am-font-weight-bold);
    overflow-wrap: anywhere;
  }
`;

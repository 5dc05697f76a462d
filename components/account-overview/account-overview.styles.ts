import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-overview-max-width, 56rem);
  }
  .layout {
    display: grid;
    gap: var(--am-account-overview-gap, var(--am-space-4));
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2) var(--am-space-3);
  }
  .header h2 {
    overflow-wrap: anywhere;
  }
  .note {
    margin: 0;
    padding: var(--am-space-3) var(--am-space-4);
    border-radius: var(--am-radius-md);
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  section,
  fieldset.section {
    display: grid;
    gap: var(--am-space-3);
    min-width: 0;
    margin: 0;
    padding: var(--am-space-4);
    border: 1px solid var(--am-account-overview-section-border, var(--am-color-border));
    border-radius: var(--am-radius-lg);
    background: var(--am-account-overview-section-background, var(--am-color-surface));
  }
  section.banner {
    border-color: var(--am-color-danger);
    background: var(--am-account-overview-banner-background, var(--am-color-danger-surface));
    color: var(--am-account-overview-banner-color, var(--am-color-danger-text));
  }
  legend {
    margin: 0;
    padding: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
  }
  fieldset.section > legend {
    float: left;
    width: 100%;
    margin-block-end: var(--am-space-3);
  }
  fieldset.section > legend + * {
    clear: both;
  }
  .grid {
    display: grid;
    align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: var(--am-space-3) var(--am-space-4);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2) var(--am-space-3);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--am-space-2) var(--am-space-4);
    margin: 0;
  }
  dt {
    color: var(--am-color-text-muted);
  }
  dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--am-space-2);
    margin: 0;
    min-width: 0;
  }
  code {
    font-family: var(--am-font-family-mono);
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--am-color-text-muted);
  }
  .results {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .danger {
    border-color: var(--am-account-overview-danger-border, var(--am-color-danger));
  }
  .verdict[data-ok='false'] {
    color: var(--am-color-danger-text);
  }
  .verdict[data-ok='true'] {
    color: var(--am-color-success-text);
  }
  .deleted {
    padding: var(--am-space-4);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-success-surface);
    color: var(--am-color-success-text);
  }
`;

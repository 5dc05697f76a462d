import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: var(--am-service-plan-picker-max-width, 48rem);
  }
  .layout {
    display: grid;
    gap: var(--am-service-plan-picker-gap, var(--am-space-4));
  }
  h2 {
    margin: 0;
    font-size: var(--am-font-size-lg);
    font-weight: var(--am-font-weight-bold);
  }
  p {
    margin: 0;
  }
  fieldset.group {
    display: grid;
    gap: var(--am-space-2);
    min-width: 0;
    margin: 0;
    padding: var(--am-space-3) var(--am-space-4);
    border: 1px solid var(--am-service-plan-picker-group-border, var(--am-color-border));
    border-radius: var(--am-radius-lg);
    background: var(--am-service-plan-picker-group-background, var(--am-color-surface));
  }
  fieldset.group:disabled {
    opacity: 0.7;
  }
  legend {
    padding: 0 var(--am-space-1);
    font-weight: var(--am-font-weight-bold);
  }
  .plan {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--am-space-2);
    align-items: baseline;
    padding: var(--am-space-2);
    border-radius: var(--am-radius-md);
  }
  .plan[data-checked] {
    background: var(--am-service-plan-picker-checked-background, var(--am-color-surface-sunken));
  }
  .plan input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--am-color-accent);
  }
  .plan input:focus-visible {
    outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
    outline-offset: 2px;
  }
  .plan label {
    font-weight: var(--am-font-weight-medium);
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .plan .am-hint {
    grid-column: 2;
    overflow-wrap: anywhere;
  }
  .plan[data-invalid] label {
    color: var(--am-color-danger-text);
  }
`;

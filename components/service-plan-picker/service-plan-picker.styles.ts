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
    font-weight: var(--am-font-weight-bold);
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
    padding: var(--am-space-2);
    border-radius: var(--am-radius-md);
  }
  .plan[data-checked] {
    background: var(--am-service-plan-picker-checked-background, var(--am-color-surface-sunken));
  }
  .plan[data-invalid] label {
    color: var(--am-color-danger-text);
  }
`;

import { css } from 'lit';
import { basicControlStyles } from './basic-controls.styles.js';

/**
 * Buttons, fields and helpers shared by widgets (`.am-button`, `.am-input`, `.am-field`, …).
 * `data-variant="primary" | "danger" | "link"` on a button picks its look.
 */
export const controlStyles = css`
  ${basicControlStyles}
  .am-button[data-variant='primary'] {
    border-color: var(--am-color-accent);
    background: var(--am-color-accent);
    color: var(--am-color-on-accent);
  }
  .am-button[data-variant='primary']:hover:not(:disabled) {
    background: var(--am-color-accent-hover);
  }
  .am-button[data-variant='danger'] {
    border-color: var(--am-color-danger);
    background: var(--am-color-danger);
    color: var(--am-color-on-danger);
  }
  .am-button[data-variant='danger']:hover:not(:disabled) {
    background: var(--am-color-danger-hover);
  }
  .am-field {
    display: grid;
    gap: var(--am-space-1);
  }
  .am-label {
    font-size: var(--am-font-size-sm);
    font-weight: var(--am-font-weight-medium);
  }
  .am-hint {
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
  }
  .am-input[aria-invalid='true'] {
    border-color: var(--am-color-danger);
  }
  .am-field-error {
    margin: 0;
    color: var(--am-color-danger-text);
    font-size: var(--am-font-size-sm);
  }
  .am-draft-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--am-space-2);
  }
  .am-draft-actions .am-field-error {
    flex-basis: 100%;
  }
  .am-conflicts {
    display: grid;
    gap: var(--am-space-2);
    padding: var(--am-space-4);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-lg);
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  .am-conflicts p,
  .am-conflicts ul {
    margin: 0;
  }
  .am-conflicts ul {
    display: grid;
    gap: var(--am-space-3);
    padding: 0;
    list-style: none;
  }
  .am-conflicts li {
    display: grid;
    gap: var(--am-space-1);
  }
  .am-conflicts__title {
    font-weight: var(--am-font-weight-bold);
  }
  .am-conflicts__choices {
    display: flex;
    gap: var(--am-space-2);
  }
  /* A short word in a pill beside a name (what kind of account it is). */
  .am-badge {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--am-space-2);
    border: 1px solid var(--am-color-border-strong);
    border-radius: var(--am-radius-pill);
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
  }
`;

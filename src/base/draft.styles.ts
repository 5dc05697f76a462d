import { css } from 'lit';
import { controlStyles } from './controls.styles.js';
import { errorPanelStyles } from './error-panel.styles.js';
import { skeletonStyles } from './skeleton.styles.js';
import { statusStyles } from './status.styles.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';

/** Styles every draft element includes after the theme tokens. */
export const draftStyles = [
  controlStyles,
  errorPanelStyles,
  skeletonStyles,
  statusStyles,
  confirmDialogStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      /* Sized by its content (a host's inline-block), a contained box would be 0 wide: this is its width then, */
      /* never wider than its container, and a grid or flex parent may narrow it. */
      contain-intrinsic-inline-size: 36rem;
      max-inline-size: 100%;
      min-inline-size: 0;
      color: var(--am-color-text);
      font-family: var(--am-font-family);
      font-size: var(--am-font-size-md);
      line-height: var(--am-line-height, 1.5);
    }
    :host([hidden]) {
      display: none;
    }
    .am-draft {
      display: grid;
      gap: var(--am-space-4);
      min-width: 0;
    }
    .am-draft__form {
      display: grid;
      gap: var(--am-space-4);
      min-width: 0;
    }
    .am-plain {
      display: grid;
      gap: var(--am-space-4);
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .am-note {
      margin: 0;
      padding: var(--am-space-3) var(--am-space-4);
      border-radius: var(--am-radius-md);
      background: var(--am-color-surface-sunken);
    }
    .am-note[data-tone='danger'] {
      background: var(--am-color-danger-surface);
      color: var(--am-color-danger-text);
    }
    .am-label-row {
      display: flex;
      align-items: center;
      gap: var(--am-space-2);
    }
    .am-dirty-mark {
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: var(--am-color-accent);
    }
    .am-field--switch {
      display: flex;
      align-items: flex-start;
      gap: var(--am-space-2);
    }
    .am-check {
      display: inline-flex;
      align-items: center;
      gap: var(--am-space-2);
    }
    /* One of a list of choices: its radio or checkbox, then its label, then its hints under the label. */
    .am-choice {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      column-gap: var(--am-space-2);
      align-items: baseline;
    }
    .am-choice > input {
      width: 1.1rem;
      height: 1.1rem;
      margin: 0;
      accent-color: var(--am-color-accent);
    }
    .am-choice > input:focus-visible {
      outline: var(--am-focus-ring-width) solid var(--am-color-focus-ring);
      outline-offset: 2px;
    }
    .am-choice label {
      font-weight: var(--am-font-weight-medium);
      overflow-wrap: anywhere;
      cursor: pointer;
    }
    .am-choice .am-hint {
      grid-column: 2;
      overflow-wrap: anywhere;
    }
    /* What a search found, to pick one from: a short scrolling list of labelled radios. */
    .am-results {
      display: grid;
      gap: var(--am-space-1);
      max-height: 16rem;
      overflow: auto;
    }
    .am-results label {
      display: flex;
      align-items: baseline;
      gap: var(--am-space-2);
      padding: var(--am-space-1) var(--am-space-2);
      border-radius: var(--am-radius-sm);
      cursor: pointer;
    }
    .am-results label:hover {
      background: var(--am-color-surface-sunken);
    }
    .am-stepper {
      display: inline-flex;
      align-items: stretch;
      max-width: 100%;
    }
    .am-stepper__input {
      width: 7rem;
      min-width: 0;
      text-align: center;
      border-radius: 0;
    }
    .am-stepper__button {
      min-width: 2.25rem;
      padding: 0;
    }
    .am-stepper__button:first-child {
      border-start-end-radius: 0;
      border-end-end-radius: 0;
      border-inline-end: 0;
    }
    .am-stepper__button:last-child {
      border-start-start-radius: 0;
      border-end-start-radius: 0;
      border-inline-start: 0;
    }
  `,
];

import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-app-exchange-toggle-max-width, 48rem);
  }
  .layout {
    display: grid;
    gap: var(--am-space-3);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-2);
  }
  /* With a filter: the bulk buttons sit on the filter box's line, between its label and its hint. */
  .toolbar--filter {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'label .' 'input bulk' 'hint .';
    align-items: center;
    gap: var(--am-space-1) var(--am-space-3);
  }
  @container (max-width: 32rem) {
    .toolbar--filter {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'label' 'input' 'hint' 'bulk';
    }
  }
  .filter {
    display: contents;
  }
  .filter label {
    grid-area: label;
  }
  .filter input {
    grid-area: input;
    width: 100%;
    box-sizing: border-box;
  }
  .filter .am-hint {
    grid-area: hint;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    grid-area: bulk;
    gap: var(--am-space-2);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-1) var(--am-space-3);
    color: var(--am-color-text-muted);
    font-size: var(--am-font-size-sm);
  }
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--am-app-exchange-toggle-gap, var(--am-space-3));
    max-height: var(--am-app-exchange-toggle-list-max-height, none);
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 40rem) {
    .list {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .app {
    display: flex;
    align-items: flex-start;
    gap: var(--am-space-3);
    min-width: 0;
    padding: var(--am-space-3);
    border: 1px solid var(--am-app-exchange-toggle-row-border, var(--am-color-border));
    border-radius: var(--am-radius-md);
    background: var(--am-app-exchange-toggle-row-background, var(--am-color-surface));
  }
  .app[hidden] {
    display: none;
  }
  .app am-switch {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .app .am-dirty-mark {
    flex: none;
    margin-block-start: var(--am-space-3);
  }
  .icon {
    display: grid;
    flex: none;
    place-items: center;
    width: var(--am-app-exchange-toggle-icon-size, 2.5rem);
    height: var(--am-app-exchange-toggle-icon-size, 2.5rem);
    overflow: hidden;
    border-radius: var(--am-radius-md);
  }
  .icon img {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .monogram {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    background: var(--am-color-surface-sunken);
    color: var(--am-color-text);
    font-size: var(--am-font-size-sm);
    font-weight: var(--am-font-weight-bold);
    line-height: 1;
  }
  .monogram[data-tone='accent'] {
    background: var(--am-color-accent);
    color: var(--am-color-on-accent);
  }
  .monogram[data-tone='success'] {
    background: var(--am-color-success-surface);
    color: var(--am-color-success-text);
  }
  .monogram[data-tone='warning'] {
    background: var(--am-color-warning-surface);
    color: var(--am-color-warning-text);
  }
  .monogram[data-tone='danger'] {
    background: var(--am-color-danger-surface);
    color: var(--am-color-danger-text);
  }
`;

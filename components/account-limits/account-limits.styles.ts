import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--am-account-limits-max-width, 48rem);
  }
  .layout {
    display: grid;
    gap: var(--am-account-limits-gap, var(--am-space-6));
    min-width: 0;
  }
  .group {
    display: grid;
    gap: var(--am-space-3);
    min-width: 0;
  }
  .trunks {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--am-space-3) var(--am-space-4);
  }
  .classes {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--am-space-2) var(--am-space-4);
  }
  .facts {
    display: grid;
    gap: var(--am-space-1);
    margin: 0;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-2);
  }
  .facts dt {
    font-weight: var(--am-font-weight-medium);
  }
  .facts dd {
    margin: 0;
  }
  .balance-now {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--am-space-2);
  }
  .amount {
    font-size: var(--am-account-limits-balance-size, var(--am-font-size-xl));
    font-variant-numeric: tabular-nums;
  }
  .credit-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--am-space-2);
  }
  .balance {
    padding-top: var(--am-space-4);
    border-top: 1px solid var(--am-color-border);
  }
`;

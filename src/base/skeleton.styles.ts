import { css } from 'lit';

/** Placeholder lines shown while a slow load runs. */
export const skeletonStyles = css`
  .am-skeleton {
    display: grid;
    gap: var(--am-space-2);
    padding: var(--am-space-2) 0;
  }
  .am-skeleton__line {
    display: block;
    height: 0.875rem;
    border-radius: var(--am-radius-sm);
    background: var(--am-color-surface-sunken);
    animation: am-pulse 1.2s ease-in-out infinite;
  }
  .am-skeleton__line:nth-child(3n) {
    width: 60%;
  }
  @keyframes am-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .am-skeleton__line {
      animation: none;
    }
  }
`;

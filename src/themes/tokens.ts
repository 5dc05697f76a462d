import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens, in tiers:
 * - palette `--am-palette-<hue>-<step>`: raw colours, the same in every theme;
 * - semantic `--am-color-<role>`: what components use, mapped to the palette per theme;
 * - scale `--am-space-*`, `--am-radius-*`, `--am-font-*`, `--am-shadow-*`, …;
 * - component `--am-<component>-*`: declared by components as
 *   `var(--am-account-tree-background, var(--am-color-surface))`.
 *
 * A theme defines only tokens a component reads, directly or through another token (a test checks it).
 *
 * Widgets look right with no CSS file: every token is registered (`CSS.registerProperty`, inherited) with
 * its light value as initial value, so a value set on any ancestor (a theme file, the provider's `theme`,
 * a reseller's brand colour on `body`) still reaches inside every widget.
 * `src/themes/light.css` and `dark.css` hold the same values (a test checks they agree).
 */

// Only the steps a theme maps a role to: a palette token nothing reads would brand nothing (a test checks it).
const hues: Record<string, Record<number, string>> = {
  neutral: {
    0: '#ffffff',
    50: '#f6f7f9',
    100: '#eceef2',
    200: '#d9dde4',
    300: '#bcc3cf',
    400: '#8f99a8',
    500: '#6b7585',
    600: '#525b6a',
    700: '#3d4451',
    800: '#2a303a',
    900: '#1b1f26',
    950: '#111418',
  },
  blue: { 300: '#8fb5fb', 400: '#5b8ff6', 500: '#356ee9', 600: '#2456cf', 700: '#1d45a8' },
  red: {
    50: '#fef2f2',
    200: '#fbcaca',
    300: '#f7a3a3',
    400: '#f06f6f',
    600: '#c92a2a',
    700: '#a82020',
    950: '#3f0c0c',
  },
  green: { 50: '#effaf3', 200: '#b3e6c6', 700: '#18643f', 950: '#082517' },
  amber: { 50: '#fff8eb', 200: '#fddb8a', 800: '#8f390e', 950: '#441603' },
};

/** `--am-palette-<hue>-<step>` → colour. */
export const palette: Record<string, string> = Object.fromEntries(
  Object.entries(hues).flatMap(([hue, values]) =>
    Object.entries(values).map(([step, v]) => [`--am-palette-${hue}-${step}`, v]),
  ),
);

const p = (ref: string) => `var(--am-palette-${ref})`;

/** Semantic colours of the light theme (palette references). */
export const lightColors: Record<string, string> = {
  '--am-color-surface': p('neutral-0'),
  '--am-color-surface-raised': p('neutral-0'),
  '--am-color-surface-sunken': p('neutral-100'),
  '--am-color-text': p('neutral-900'),
  '--am-color-text-muted': p('neutral-600'),
  '--am-color-border': p('neutral-200'),
  '--am-color-border-strong': p('neutral-500'),
  '--am-color-accent': p('blue-600'),
  '--am-color-accent-hover': p('blue-700'),
  '--am-color-on-accent': p('neutral-0'),
  '--am-color-accent-text': p('blue-700'),
  '--am-color-focus-ring': p('blue-500'),
  '--am-color-danger': p('red-600'),
  '--am-color-danger-hover': p('red-700'),
  '--am-color-on-danger': p('neutral-0'),
  '--am-color-danger-text': p('red-700'),
  '--am-color-danger-surface': p('red-50'),
  '--am-color-success-text': p('green-700'),
  '--am-color-success-surface': p('green-50'),
  '--am-color-warning-text': p('amber-800'),
  '--am-color-warning-surface': p('amber-50'),
  '--am-color-backdrop': 'rgb(17 20 24 / 0.5)',
};

/** Semantic colours of the dark theme. */
export const darkColors: Record<string, string> = {
  '--am-color-surface': p('neutral-900'),
  '--am-color-surface-raised': p('neutral-800'),
  '--am-color-surface-sunken': p('neutral-950'),
  '--am-color-text': p('neutral-50'),
  '--am-color-text-muted': p('neutral-300'),
  '--am-color-border': p('neutral-700'),
  '--am-color-border-strong': p('neutral-400'),
  '--am-color-accent': p('blue-400'),
  '--am-color-accent-hover': p('blue-300'),
  '--am-color-on-accent': p('neutral-950'),
  '--am-color-accent-text': p('blue-300'),
  '--am-color-focus-ring': p('blue-300'),
  '--am-color-danger': p('red-400'),
  '--am-color-danger-hover': p('red-300'),
  '--am-color-on-danger': p('neutral-950'),
  '--am-color-danger-text': p('red-200'),
  '--am-color-danger-surface': p('red-950'),
  '--am-color-success-text': p('green-200'),
  '--am-color-success-surface': p('green-950'),
  '--am-color-warning-text': p('amber-200'),
  '--am-color-warning-surface': p('amber-950'),
  '--am-color-backdrop': 'rgb(0 0 0 / 0.6)',
};

/** Spacing, radii, type and motion (theme independent, except the shadow). */
export const scale: Record<string, string> = {
  '--am-space-1': '0.25rem',
  '--am-space-2': '0.5rem',
  '--am-space-3': '0.75rem',
  '--am-space-4': '1rem',
  '--am-space-6': '1.5rem',
  '--am-radius-sm': '0.25rem',
  '--am-radius-md': '0.375rem',
  '--am-radius-lg': '0.5rem',
  '--am-radius-pill': '999px',
  '--am-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  '--am-font-family-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  '--am-font-size-sm': '0.875rem',
  '--am-font-size-md': '1rem',
  '--am-font-size-lg': '1.125rem',
  '--am-font-size-xl': '1.375rem',
  '--am-font-weight-normal': '400',
  '--am-font-weight-medium': '500',
  '--am-font-weight-bold': '600',
  '--am-line-height': '1.5',
  '--am-focus-ring-width': '2px',
  '--am-duration-fast': '120ms',
  '--am-shadow-raised': '0 4px 16px rgb(17 20 24 / 0.16)',
};

/** Theme-dependent values outside the colours. */
export const darkScale: Record<string, string> = {
  '--am-shadow-raised': '0 4px 16px rgb(0 0 0 / 0.5)',
};

/** `--am-*: value;` declarations of a theme (semantic colours, shadow, `color-scheme`). */
export function themeDeclarations(theme: 'light' | 'dark'): string {
  const colors = theme === 'dark' ? darkColors : lightColors;
  const extra = theme === 'dark' ? darkScale : { '--am-shadow-raised': scale['--am-shadow-raised']! };
  return [...Object.entries(colors), ...Object.entries(extra), ['color-scheme', theme]]
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
}

/** A palette reference resolved to its colour (`var(--am-palette-red-50)` → `#fef2f2`). */
export function resolveColor(value: string): string {
  const m = /^var\((--am-palette-[a-z]+-\d+)\)$/.exec(value);
  return m ? palette[m[1]!]! : value;
}

const REGISTERED = Symbol.for('account-manager-widgets/tokens');

/** Registers every token as an inherited custom property whose initial value is the light theme's. */
export function registerTokens(): void {
  const g = globalThis as { [REGISTERED]?: boolean };
  if (g[REGISTERED] || typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return;
  g[REGISTERED] = true;
  const add = (name: string, syntax: string, initialValue: string) => {
    try {
      CSS.registerProperty({ name, syntax, inherits: true, initialValue });
    } catch {
      // Already registered (by the page, or another copy of the library): keep it.
    }
  };
  for (const [k, v] of Object.entries(palette)) add(k, '<color>', v);
  for (const [k, v] of Object.entries(lightColors)) add(k, '<color>', resolveColor(v));
  for (const [k, v] of Object.entries(scale)) add(k, '*', v);
}

registerTokens();

/**
 * Include first in every component's `static styles`: base text styles from the tokens, `[hidden]`,
 * and the dark theme for a widget given `class="am-theme-dark"` itself (an ancestor with that class needs
 * `themes/dark.css`; `<account-provider theme="dark">` needs nothing).
 */
export const tokens: CSSResult = css`
  :host {
    color: var(--am-color-text);
    font-family: var(--am-font-family);
    font-size: var(--am-font-size-md);
    line-height: var(--am-line-height);
  }
  :host([hidden]) {
    display: none !important;
  }
  :host(.am-theme-dark) {
    ${unsafeCSS(themeDeclarations('dark'))}
  }
`;

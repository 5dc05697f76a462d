import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import type { CSSResult } from 'lit';
import { darkColors, darkScale, lightColors, palette, resolveColor, scale, tokens } from './tokens.js';

// The browser cannot list folders: components are found by their tags (DESIGN.md), base styles by name.
const TAGS = [
  'account-provider',
  'account-tree',
  'account-create',
  'account-overview',
  'account-admins',
  'service-plan-picker',
  'account-limits',
  'number-features',
  'account-restrictions',
  'carrier-picker',
  'app-exchange-toggle',
  'account-notes',
  'account-announcement',
  'account-manager',
];
const BASE = [
  'basic-controls',
  'controls',
  'error-panel',
  'skeleton',
  'status',
  'confirm-dialog',
  'draft',
  'layout',
  'elements/am-dialog',
  'elements/am-switch',
  'elements/am-copy-button',
  'elements/am-password-field',
  'elements/am-timezone-field',
  'elements/am-language-select',
];
// Style modules of parts an element loads later, beside its own.
const PARTS = ['/components/account-create/later-steps.styles.ts'];
const GLOBAL_TIER = /^--am-(palette|color|space|radius|font|line|focus|duration|shadow)-/;

interface Sheet {
  file: string;
  text: string;
}

// Paths from the repository root, read on the server side (a missing file makes the command fail).
async function text(path: string): Promise<string | undefined> {
  try {
    return (await readFile({ path: `../..${path}` })) ?? undefined;
  } catch {
    return undefined;
  }
}

function isCss(v: unknown): v is CSSResult {
  return typeof v === 'object' && v !== null && typeof (v as CSSResult).cssText === 'string';
}

async function styleSheets(): Promise<Sheet[]> {
  const files = [
    ...BASE.map((b) => `/src/base/${b}.styles.ts`),
    ...TAGS.map((t) => `/components/${t}/${t}.styles.ts`),
    ...PARTS,
  ];
  const sheets: Sheet[] = [];
  for (const file of files) {
    if ((await text(file)) === undefined) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const texts = Object.values(mod)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter(isCss)
      .map((c) => c.cssText);
    sheets.push({ file, text: texts.join('\n') });
  }
  return sheets;
}

const definitions = (css: string) => new Set([...css.matchAll(/(--am-[\w-]+)\s*:/g)].map((m) => m[1]!));
const uses = (css: string) =>
  [...css.matchAll(/var\(\s*(--am-[\w-]+)\s*(,)?/g)].map((m) => ({ name: m[1]!, fallback: !!m[2] }));

function declarations(css: string, selector: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.test(block[1]!)) continue;
    for (const d of block[2]!.matchAll(/(--am-[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]!] = d[2]!.trim();
  }
  return out;
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('design tokens', () => {
  let light = '';
  let dark = '';
  let sheets: Sheet[] = [];

  before(async () => {
    light = (await text('/src/themes/light.css'))!;
    dark = (await text('/src/themes/dark.css'))!;
    sheets = await styleSheets();
  });

  it('finds the theme files and the component styles', () => {
    expect(light).to.contain('--am-color-text');
    expect(dark).to.contain('.am-theme-dark');
    expect(sheets.map((s) => s.file)).to.include.members([
      '/src/base/controls.styles.ts',
      '/src/base/basic-controls.styles.ts',
      '/components/account-provider/account-provider.styles.ts',
      ...PARTS,
    ]);
  });

  it('uses no --am-* token that is defined nowhere', () => {
    const defined = new Set([
      ...definitions(light),
      ...definitions(dark),
      ...Object.keys(palette),
      ...Object.keys(lightColors),
      ...Object.keys(scale),
      ...sheets.flatMap((s) => [...definitions(s.text)]),
    ]);
    const problems: string[] = [];
    for (const { file, text: css } of [
      ...sheets,
      { file: 'light.css', text: light },
      { file: 'dark.css', text: dark },
    ]) {
      for (const use of uses(css)) {
        if (defined.has(use.name)) continue;
        if (GLOBAL_TIER.test(use.name)) problems.push(`${file}: ${use.name} is not a token`);
        else if (!use.fallback) problems.push(`${file}: component token ${use.name} needs a fallback`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('defines no --am-* token in a theme that no component uses, directly or through other tokens', () => {
    // What each theme token's value refers to, in every theme: tokens.ts and the theme files.
    const values = new Map<string, string[]>();
    const add = (name: string, value: string) => values.set(name, [...(values.get(name) ?? []), value]);
    for (const set of [palette, lightColors, darkColors, scale, darkScale]) {
      for (const [k, v] of Object.entries(set)) add(k, v);
    }
    for (const css of [light, dark]) for (const [k, v] of Object.entries(declarations(css, /./))) add(k, v);
    // Used: what the components and the base styles (the shared `tokens` sheet included) ask for, then what
    // those tokens' values ask for, and so on.
    const used = new Set<string>();
    const reach = (name: string) => {
      if (used.has(name)) return;
      used.add(name);
      for (const v of values.get(name) ?? []) for (const u of uses(v)) reach(u.name);
    };
    for (const css of [tokens.cssText, ...sheets.map((s) => s.text)]) for (const u of uses(css)) reach(u.name);
    const unused = [...values.keys()].filter((k) => !used.has(k)).sort();
    expect(unused, 'tokens a theme defines that nothing shows').to.deep.equal([]);
  });

  it('uses every semantic colour somewhere in the components', () => {
    const used = new Set(sheets.flatMap((s) => uses(s.text).map((u) => u.name)));
    const unused = Object.keys(lightColors).filter((k) => !used.has(k));
    expect(unused).to.deep.equal([]);
  });

  it('ships theme files that agree with the embedded defaults', () => {
    const rootLight = declarations(light, /:root/);
    expect(rootLight).to.deep.equal({ ...palette, ...lightColors, ...scale });
    const darkDecl = declarations(dark, /^\s*\.am-theme-dark\s*$/);
    expect(darkDecl).to.deep.equal({ ...darkColors, ...darkScale });
    expect(Object.keys(darkColors).sort()).to.deep.equal(Object.keys(lightColors).sort());
  });

  for (const [theme, colors] of [
    ['light', lightColors],
    ['dark', darkColors],
  ] as const) {
    it(`keeps text readable in the ${theme} theme (WCAG AA)`, () => {
      const c = (k: string) => resolveColor(colors[`--am-color-${k}`]!);
      const text: [string, string][] = [
        ['text', 'surface'],
        ['text', 'surface-raised'],
        ['text', 'surface-sunken'],
        ['text-muted', 'surface'],
        ['text-muted', 'surface-raised'],
        ['text-muted', 'surface-sunken'],
        ['accent-text', 'surface'],
        ['on-accent', 'accent'],
        ['on-accent', 'accent-hover'],
        ['on-danger', 'danger'],
        ['on-danger', 'danger-hover'],
        ['danger-text', 'danger-surface'],
        ['danger-text', 'surface'],
        ['success-text', 'success-surface'],
        ['warning-text', 'warning-surface'],
        ['text', 'surface-sunken'],
      ];
      const low = text
        .filter(([f, b]) => contrast(c(f), c(b)) < 4.5)
        .map(([f, b]) => `${f} on ${b}: ${contrast(c(f), c(b)).toFixed(2)}`);
      expect(low, 'text pairs below 4.5:1').to.deep.equal([]);
      const ui: [string, string][] = [
        ['border-strong', 'surface'],
        ['focus-ring', 'surface'],
        ['danger', 'surface'],
        ['accent', 'surface'],
      ];
      const faint = ui
        .filter(([f, b]) => contrast(c(f), c(b)) < 3)
        .map(([f, b]) => `${f} on ${b}: ${contrast(c(f), c(b)).toFixed(2)}`);
      expect(faint, 'controls below 3:1').to.deep.equal([]);
    });
  }

  it('gives widgets the light values with no CSS file, and lets an ancestor theme reach inside', async () => {
    const probe = document.createElement('div');
    document.body.append(probe);
    const value = (name: string) => getComputedStyle(probe).getPropertyValue(name).trim();
    try {
      expect(value('--am-color-text')).to.equal('rgb(27, 31, 38)');
      expect(value('--am-space-4')).to.equal('1rem');
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/src/themes/dark.css';
      const loaded = new Promise((r) => (link.onload = r));
      document.head.append(link);
      await loaded;
      document.body.classList.add('am-theme-dark');
      expect(value('--am-color-text')).to.equal('rgb(246, 247, 249)');
      document.body.classList.remove('am-theme-dark');
      link.remove();
    } finally {
      probe.remove();
    }
  });
});

#!/usr/bin/env node
// The library build: ES modules per entry (lit external), the CDN loader and one-file bundle, type declarations,
// theme CSS, per-element type stubs, then from the Custom Elements Manifest the React wrappers
// (@lit/react's createComponent) and the JSX / Vue / Svelte type integrations.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const TMP = 'tmp/build';
// The wrappers' sources are written where their output goes, so their relative imports are the shipped ones.
const REACT = 'dist/lib/react';
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });

// The package ships no source maps: they would point at sources it does not ship.
await build({ logLevel: 'warn', build: { sourcemap: false } });
// The CDN folder: the loader and its chunks, then the one-file build beside them (`AMW_BUILD` in vite.config.ts).
for (const mode of ['cdn', 'cdn-all']) {
  process.env.AMW_BUILD = mode;
  await build({ logLevel: 'warn', build: { sourcemap: false } });
}
delete process.env.AMW_BUILD;

const tags = readdirSync('components')
  .filter((tag) => existsSync(`components/${tag}/${tag}.define.ts`))
  .sort();

// Declarations of what the entries reach, and nothing else (no test helpers, no declaration maps).
const typeEntries = [
  'exports/index.ts',
  'exports/define.ts',
  'src/kazoo/index.ts',
  'src/mock/index.ts',
  'src/mock/node.ts',
  'src/mock/msw.ts',
  'src/testing/index.ts',
  ...tags.map((tag) => `components/${tag}/${tag}.define.ts`),
];
rmSync('dist/types', { recursive: true, force: true });
writeJson(`${TMP}/tsconfig.types.json`, {
  extends: '../../tsconfig.build.json',
  compilerOptions: { declarationMap: false },
  include: [],
  files: typeEntries.map((f) => `../../${f}`),
});
run(`npx tsc -p ${TMP}/tsconfig.types.json`);

mkdirSync('dist/themes', { recursive: true });
for (const f of readdirSync('src/themes').filter((f) => f.endsWith('.css')))
  cpSync(`src/themes/${f}`, `dist/themes/${f}`);

// `account-manager-widgets/components/<tag>.js` → types of its define module.
for (const tag of tags) {
  writeFileSync(`dist/lib/components/${tag}.d.ts`, `export * from '../../types/components/${tag}/${tag}.define.js';\n`);
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = [];
for (const mod of manifest.modules ?? []) {
  for (const d of mod.declarations ?? []) {
    if (d.customElement && d.tagName && tags.includes(d.tagName)) elements.push(d);
  }
}
elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
const isCustomEvent = (e) => /^CustomEvent</.test(e.type?.text ?? '');
// What a host may set: public instance fields that are not read-only.
const settable = (d) => (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly);

buildReactSources();
run(`npx tsc -p ${TMP}/tsconfig.react.json`);
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: REACT,
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    lib: {
      entry: Object.fromEntries([...elements.map((d) => d.tagName), 'index'].map((n) => [n, `${REACT}/${n}.ts`])),
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^react($|\/)/, /^\.\.\/components\//],
      output: { chunkFileNames: '[name].js' },
    },
  },
});
for (const f of readdirSync(REACT)) {
  if (f.endsWith('.ts') && !f.endsWith('.d.ts')) rmSync(`${REACT}/${f}`);
  // The bundler's per-module banners name files that are not shipped.
  else if (f.endsWith('.js'))
    writeFileSync(
      `${REACT}/${f}`,
      readFileSync(`${REACT}/${f}`, 'utf8').replace(/^\/\/ (dist|node_modules)\/\S+\n/gm, ''),
    );
}
buildTypeIntegrations();

const size = (f) =>
  existsSync(f) ? `${(gzipSync(readFileSync(f), { level: 9 }).length / 1024).toFixed(1)} kB gzip` : 'missing';
console.log(
  `CDN loader dist/cdn/account-manager-widgets.js: ${size('dist/cdn/account-manager-widgets.js')} (its chunks beside it); ` +
    `one-file build account-manager-widgets.all.js: ${size('dist/cdn/account-manager-widgets.all.js')}`,
);
console.log(`React wrappers: ${elements.length} elements (dist/lib/react/<tag>.js)`);
rmSync(TMP, { recursive: true, force: true });

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function pascal(s) {
  return s.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

function camel(s) {
  return s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

// React's own handler props (`onChange`, `onInput`, `onSelect`…): an element event of that name gets `onValue…`.
function reactHandlerNames() {
  const dts = readFileSync('node_modules/@types/react/index.d.ts', 'utf8');
  const start = dts.indexOf('interface DOMAttributes<T>');
  const block = dts.slice(start, dts.indexOf('\n    }', start));
  return new Set([...block.matchAll(/^\s+(on[A-Z]\w*)\??:/gm)].map((m) => m[1]));
}

function eventProp(name, reserved) {
  const prop = `on${pascal(name)}`;
  return reserved.has(prop) ? `onValue${pascal(name)}` : prop;
}

function docComment(lines, indent = '') {
  const body = lines
    .join('\n')
    .replaceAll('*/', '*\\/')
    .split('\n')
    .map((l) => `${indent} *${l ? ` ${l}` : ''}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

// One TypeScript module per element, compiled in place into dist/lib/react/<tag>.{js,d.ts}.
function buildReactSources() {
  const dir = REACT;
  mkdirSync(dir, { recursive: true });
  const reserved = reactHandlerNames();
  writeFileSync(
    `${dir}/types.ts`,
    `import type * as React from 'react';

/** An event name that carries its event's type (the shape of \`@lit/react\`'s \`EventName\`). */
export type EventName<T extends Event = Event> = string & { __eventType: T };

/** One optional handler prop per entry of an events map. */
export type EventProps<E> = { [K in keyof E]?: E[K] extends EventName<infer T> ? (event: T) => void : never };

/** Props of a wrapper: React's HTML attributes, the element's public properties \`P\`, its events \`E\`, a ref to it. */
export type WrapperProps<I extends HTMLElement, P extends keyof I, E> = Omit<React.HTMLAttributes<I>, P | keyof E> &
  Partial<Pick<I, P>> &
  EventProps<E> &
  React.RefAttributes<I>;

/** A React component rendering one custom element (made with \`@lit/react\`'s \`createComponent\`). */
export type WrapperComponent<I extends HTMLElement, P extends keyof I, E> = React.ForwardRefExoticComponent<
  WrapperProps<I, P, E>
>;
`,
  );
  let index = `export type { EventName, EventProps, WrapperProps, WrapperComponent } from './types.js';\n`;
  for (const d of elements) {
    const tag = d.tagName;
    const name = d.name;
    const el = `${name}Element`;
    const props = settable(d).map((m) => m.name);
    const events = (d.events ?? []).filter((e) => e.name);
    const eventLines = events.map((e) => {
      const type = isCustomEvent(e) ? `AmEvents[${JSON.stringify(e.name)}]` : 'Event';
      const doc = e.description ? docComment([e.description], '  ') : '';
      return `${doc}  ${eventProp(e.name, reserved)}: ${JSON.stringify(e.name)} as EventName<${type}>,`;
    });
    const summary = d.summary ?? d.description?.split('\n\n')[0] ?? '';
    const propUnion = props.length ? props.map((p) => JSON.stringify(p)).join(' | ') : 'never';
    writeFileSync(
      `${dir}/${tag}.ts`,
      `import * as React from 'react';
import { createComponent } from '@lit/react';
import { ${name} as ${el} } from '../components/${tag}.js';
${events.some(isCustomEvent) ? `import type { AmEvents } from '../../types/src/base/am-element.js';\n` : ''}import type { EventName, WrapperComponent, WrapperProps } from './types.js';

export type { ${el} };

/** The events of \`<${tag}>\`, by handler prop. */
export const ${name}Events = {
${eventLines.join('\n')}
};

/** The properties of \`<${tag}>\` a host sets. */
export type ${name}Property = ${propUnion};

/** Props of {@link ${name}}. */
export type ${name}Props = WrapperProps<${el}, ${name}Property, typeof ${name}Events>;

${docComment([`\`<${tag}>\` as a React component: properties set as properties, events as \`on…\` props.`, '', summary])}export const ${name}: WrapperComponent<${el}, ${name}Property, typeof ${name}Events> = /* @__PURE__ */ createComponent({
  react: React,
  tagName: ${JSON.stringify(tag)},
  elementClass: ${el},
  events: ${name}Events,
  displayName: ${JSON.stringify(name)},
});
`,
    );
    index += `export * from './${tag}.js';\n`;
  }
  writeFileSync(`${dir}/index.ts`, index);
  writeJson(`${TMP}/tsconfig.react.json`, {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      declaration: true,
      emitDeclarationOnly: true,
      types: [],
    },
    include: [`../../${REACT}/*.ts`],
  });
}

// Types for hosts that use the elements directly, from the ecosystem's generators (Break Stuff's CEM tools).
function buildTypeIntegrations() {
  const outdir = 'dist/integrations';
  rmSync(outdir, { recursive: true, force: true });
  const detail = (name) => `import("../types/src/base/am-element.js").AmEventMap[${JSON.stringify(name)}]`;
  // The tools wrap an event's type in CustomEvent<…>: give them the detail; native events keep the framework's typing.
  const input = structuredClone(manifest);
  for (const mod of input.modules) {
    for (const d of mod.declarations) {
      d.members = (d.members ?? []).filter((m) => !m.readonly && !m.static);
      d.events = (d.events ?? []).filter(isCustomEvent).map((e) => ({ ...e, type: { text: detail(e.name) } }));
    }
  }
  const common = { outdir, hideLogs: true, componentTypePath: (_name, tag) => `../lib/components/${tag}.js` };
  generateJsxTypes(structuredClone(input), { ...common, fileName: 'jsx.d.ts' });
  // Vue camelizes what a template binds (`root-id` → `rootId`, `@account-select` → `onAccountSelect`) before checking it.
  const vue = structuredClone(input);
  for (const mod of vue.modules) {
    for (const d of mod.declarations) for (const a of d.attributes ?? []) a.name = a.fieldName ?? camel(a.name);
  }
  generateVuejsTypes(vue, { ...common, fileName: 'vue.d.ts' });
  const vueFile = `${outdir}/vue.d.ts`;
  writeFileSync(
    vueFile,
    readFileSync(vueFile, 'utf8').replace(/"on([a-z][a-z0-9-]*)"\?:/g, (_, n) => `on${pascal(n)}?:`),
  );
  generateSvelteTypes(structuredClone(input), { ...common, fileName: 'svelte.d.ts' });
  // The generator's `svelteHTML` block is module-local here and names JSX types: register on `svelte/elements` instead.
  const svelteFile = `${outdir}/svelte.d.ts`;
  const svelte = readFileSync(svelteFile, 'utf8')
    .replace('children?: JSX.Element;', 'children?: unknown;')
    .replace('style?: JSX.CSSProperties;', 'style?: string;')
    .replace(/declare namespace svelteHTML \{[\s\S]*?\n\}\n?$/, '');
  if (/JSX\.|svelteHTML/.test(svelte))
    throw new Error(`${svelteFile}: the generator's output changed; review the fix-ups`);
  writeFileSync(
    svelteFile,
    `import type { HTMLAttributes } from "svelte/elements";
${svelte}
/** Svelte 5 spellings: \`on:event\` → \`onevent\`, \`bind:property\` → \`property\` (set as a property on the element). */
type Svelte5<T> = {
  [K in keyof T as K extends \`on:\${infer E}\` ? \`on\${E}\` : K extends \`bind:\${infer P}\` ? P : never]: T[K];
};
type SvelteElements = {
  [K in keyof CustomElements]: HTMLAttributes<HTMLElement> & CustomElements[K] & Svelte5<CustomElements[K]>;
};

declare module "svelte/elements" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends SvelteElements {}
}
`,
  );
  // A runtime target for the type-only entries, so a plain `import` of them resolves too.
  writeFileSync(`${outdir}/index.js`, 'export {};\n');
}

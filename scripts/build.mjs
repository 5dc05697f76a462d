#!/usr/bin/env node
// The library build: ES modules per entry (lit external), the one-file CDN bundle, type declarations,
// theme CSS, per-element type stubs and React wrappers generated from the Custom Elements Manifest.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });

run('npx vite build --logLevel warn');
run('npx vite build --logLevel warn', { AMW_BUILD: 'cdn' });
run('npx tsc -p tsconfig.build.json');

mkdirSync('dist/themes', { recursive: true });
for (const f of readdirSync('src/themes').filter((f) => f.endsWith('.css')))
  cpSync(`src/themes/${f}`, `dist/themes/${f}`);

// `account-manager-widgets/components/<tag>.js` → types of its define module.
for (const tag of readdirSync('components')) {
  if (!existsSync(`components/${tag}/${tag}.define.ts`)) continue;
  writeFileSync(`dist/lib/components/${tag}.d.ts`, `export * from '../../types/components/${tag}/${tag}.define.js';\n`);
}

// React wrappers from the manifest: properties set as properties, events as on<Event> props.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = [];
for (const mod of manifest.modules ?? []) {
  for (const d of mod.declarations ?? []) {
    if (!d.customElement || !d.tagName) continue;
    const events = (d.events ?? []).map((e) => e.name).filter(Boolean);
    const props = (d.members ?? [])
      .filter(
        (m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.readonly,
      )
      .map((m) => m.name);
    elements.push({ name: d.name, tag: d.tagName, events, props });
  }
}
const pascal = (s) => s.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
let js = `import { createElement, forwardRef, useEffect, useLayoutEffect, useRef } from 'react';
import './define.js';
function wrap(tag, props, events) {
  const Component = forwardRef(function Wrapper(all, ref) {
    const inner = useRef(null);
    const rest = {};
    const setters = {};
    const handlers = {};
    for (const [k, v] of Object.entries(all)) {
      if (k === 'children') continue;
      if (props.includes(k)) setters[k] = v;
      else if (events[k]) handlers[events[k]] = v;
      else rest[k === 'className' ? 'class' : k] = v;
    }
    useLayoutEffect(() => { for (const [k, v] of Object.entries(setters)) if (inner.current) inner.current[k] = v; });
    useEffect(() => {
      const el = inner.current;
      if (!el) return;
      const entries = Object.entries(handlers).filter(([, h]) => typeof h === 'function');
      for (const [name, h] of entries) el.addEventListener(name, h);
      return () => { for (const [name, h] of entries) el.removeEventListener(name, h); };
    });
    return createElement(tag, { ...rest, ref: (node) => { inner.current = node; if (typeof ref === 'function') ref(node); else if (ref) ref.current = node; } }, all.children);
  });
  Component.displayName = tag;
  return Component;
}
`;
let dts = `import type { ForwardRefExoticComponent, RefAttributes, HTMLAttributes } from 'react';\n`;
for (const e of elements) {
  const events = Object.fromEntries(e.events.map((n) => [`on${pascal(n)}`, n]));
  js += `export const ${e.name} = wrap(${JSON.stringify(e.tag)}, ${JSON.stringify(e.props)}, ${JSON.stringify(events)});\n`;
  const evProps = Object.keys(events)
    .map((k) => `  ${k}?: (event: CustomEvent) => void;`)
    .join('\n');
  const propTypes = e.props.map((p) => `  ${p}?: unknown;`).join('\n');
  dts += `export declare const ${e.name}: ForwardRefExoticComponent<HTMLAttributes<HTMLElement> & RefAttributes<HTMLElement> & {\n${propTypes}\n${evProps}\n}>;\n`;
}
writeFileSync('dist/lib/react.js', js);
writeFileSync('dist/lib/react.d.ts', dts);

const size = (f) =>
  existsSync(f) ? `${(gzipSync(readFileSync(f), { level: 9 }).length / 1024).toFixed(1)} kB gzip` : 'missing';
console.log(`core (dist/lib/index.js + shared chunks it imports): see npm run bench for the full table`);
console.log(`CDN file dist/cdn/account-manager-widgets.js: ${size('dist/cdn/account-manager-widgets.js')}`);
console.log(`React wrappers: ${elements.length} elements`);

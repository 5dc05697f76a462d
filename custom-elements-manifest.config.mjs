import { existsSync } from 'node:fs';
import { relative } from 'node:path';

// AmElement.emit(name, …) makes the analyzer list a dynamic event called "name": drop it.
function dropDynamicEvents() {
  return {
    name: 'drop-dynamic-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => e.name && e.name !== 'name');
        }
      }
    },
  };
}

// Event types come from the `AmEventMap` augmentation beside each element, the one source `emit()` is checked against.
function eventDetailTypes() {
  const byModule = new Map(); // module path → Map(event name → { detail, description })
  return {
    name: 'event-detail-types',
    collectPhase({ ts, node }) {
      if (!ts.isModuleDeclaration(node) || !/\/am-element\.js$/.test(node.name.text ?? '')) return;
      const source = node.getSourceFile();
      const path = relative(process.cwd(), source.fileName).replaceAll('\\', '/');
      for (const statement of node.body?.statements ?? []) {
        if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'AmEventMap') continue;
        const events = byModule.get(path) ?? new Map();
        for (const member of statement.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue;
          const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
          const detail = member.type.getText(source).replace(/\s+/g, ' ').replace(/; }/g, ' }');
          const description = member.jsDoc?.map((d) => (typeof d.comment === 'string' ? d.comment : '')).join(' ');
          events.set(name, { detail, description: description || undefined });
        }
        byModule.set(path, events);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const all = new Map();
      for (const events of byModule.values()) for (const [name, e] of events) all.set(name, e);
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement) continue;
          d.events ??= [];
          for (const [name, e] of byModule.get(mod.path) ?? []) {
            if (!d.events.some((x) => x.name === name)) d.events.push({ name, description: e.description });
          }
          for (const event of d.events) {
            const known = all.get(event.name);
            if (known) event.type = { text: `CustomEvent<${known.detail}>` };
            else if (!event.type) event.type = { text: 'Event' };
          }
          if (!d.events.length) delete d.events;
        }
      }
    },
  };
}

// Public in TypeScript for the base classes' plumbing, not for hosts (lifecycle and form callbacks are matched apart).
const INTERNAL_MEMBERS = new Set([
  'emit',
  'setCustomState',
  'fieldValue',
  'setField',
  'fieldError',
  'fieldChanged',
  'registerField',
  'fieldText',
  'fieldTextLang',
  'dependencies',
  'lazyDependencies',
  'namespace',
  'styles',
  'formAssociated',
  'shadowRootOptions',
]);
const isCallback = (name) => /Callback$/.test(name);
// The base classes are public in `account-manager-widgets` (for writing widgets), not elements of their own.
const BASE_MODULE = 'dist/lib/index.js';

// The manifest describes the package as shipped: each element at its dist/ define module, only what a host may use.
function publicSurface() {
  return {
    name: 'public-surface',
    packageLinkPhase({ customElementsManifest }) {
      const modules = [];
      for (const mod of customElementsManifest.modules ?? []) {
        const match = /^components\/([^/]+)\/\1\.ts$/.exec(mod.path);
        if (!match || !existsSync(`components/${match[1]}/${match[1]}.define.ts`)) continue;
        const tag = match[1];
        const path = `dist/lib/components/${tag}.js`;
        const element = (mod.declarations ?? []).find((d) => d.customElement && d.tagName === tag);
        if (!element) continue;
        const publicMember = (m) =>
          m.privacy !== 'private' &&
          m.privacy !== 'protected' &&
          !m.name.startsWith('#') &&
          !m.name.startsWith('_') &&
          !INTERNAL_MEMBERS.has(m.name) &&
          !isCallback(m.name);
        element.members = (element.members ?? []).filter(publicMember);
        for (const list of [element.members, element.attributes, element.events, element.cssStates]) {
          for (const item of list ?? []) if (item.inheritedFrom) item.inheritedFrom = rebase(item.inheritedFrom);
        }
        if (element.superclass) element.superclass = rebase(element.superclass);
        const ref = { name: element.name, module: path };
        modules.push({
          kind: 'javascript-module',
          path,
          declarations: [element],
          exports: [
            { kind: 'js', name: element.name, declaration: ref },
            { kind: 'custom-element-definition', name: tag, declaration: ref },
          ],
        });
      }
      // In a stable order (the globs' matches come in any order), so one analysis equals the next.
      customElementsManifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

function rebase(reference) {
  if (!reference.module || reference.package) return reference;
  return { name: reference.name, module: BASE_MODULE };
}

export default {
  globs: ['components/**/*.ts', 'src/base/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.testing.ts', '**/*.stories.ts', '**/*.define.ts', '**/*.styles.ts', '**/locales/**'],
  outdir: '.',
  // package.json names the manifest already; an analysis into another folder (a test's) must not rewrite it.
  packagejson: false,
  litelement: true,
  plugins: [dropDynamicEvents(), eventDetailTypes(), publicSurface()],
};

// The Custom Elements Manifest as an editor or a wrapper generator reads it: analysed afresh from the sources (with
// custom-elements-manifest.config.mjs, into a folder of its own), then checked against those sources. Events carry
// their detail types, custom states are listed, paths are the shipped modules, and nothing internal is public.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

interface Item {
  name: string;
  type?: { text: string };
  privacy?: string;
  static?: boolean;
  kind?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; module?: string };
  members?: Item[];
  events?: Item[];
  cssStates?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { declaration: { module?: string } }[] }[];
}

const outdir = `tmp/manifest-test-${process.pid}`;
const tags = readdirSync('components')
  .filter((tag) => existsSync(`components/${tag}/${tag}.define.ts`))
  .sort();
let manifest: Manifest;
let elements: Map<string, Declaration>;

const source = (file: string) => readFileSync(file, 'utf8');
// The names an `AmEventMap` augmentation declares, and the states a module sets by name.
const declaredEvents = (file: string) => {
  const block = /interface AmEventMap \{([\s\S]*?)\n {2}\}/.exec(source(file))?.[1] ?? '';
  return [...block.matchAll(/^\s+'([a-z-]+)'\s*:/gm)].map((m) => m[1]);
};
const statesSet = (files: string[]) =>
  new Set(files.flatMap((f) => [...source(f).matchAll(/setCustomState\('([a-z-]+)'/g)].map((m) => m[1])));
const ownFiles = (tag: string) =>
  readdirSync(`components/${tag}`)
    .filter((f) => f.endsWith('.ts') && !/\.(test|styles|define|stories)\.ts$/.test(f))
    .map((f) => `components/${tag}/${f}`);
const isDraft = (d: Declaration) => d.superclass?.name === 'AmDraftElement';
const el = (tag: string) => {
  const d = elements.get(tag);
  assert.ok(d, `<${tag}> is in the manifest`);
  return d;
};

before(() => {
  execFileSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir, '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  manifest = JSON.parse(source(`${outdir}/custom-elements.json`)) as Manifest;
  elements = new Map(
    manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => [d.tagName ?? d.name, d] as const)),
  );
});
after(() => rmSync(outdir, { recursive: true, force: true }));

describe('custom-elements.json', () => {
  it('lists every element, and only the elements, each at the module the package ships for it', () => {
    assert.deepEqual([...elements.keys()].sort(), tags);
    for (const mod of manifest.modules) {
      const tag = mod.declarations?.[0]?.tagName;
      assert.equal(mod.path, `dist/lib/components/${tag}.js`);
      assert.equal(mod.declarations?.length, 1, `${mod.path} declares its element only`);
    }
    const paths = JSON.stringify(manifest).match(/"(path|module)":\s*"[^"]*"/g) ?? [];
    assert.ok(paths.length > tags.length);
    for (const p of paths) assert.match(p, /"dist\/lib\/[^"]+\.js"$/, `${p} names a shipped module, not a source`);
  });

  it('lists no base class or internal element as a declaration of its own', () => {
    const names = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.name));
    for (const internal of ['AmElement', 'AmDraftElement']) assert.ok(!names.includes(internal), internal);
    for (const d of elements.values()) {
      assert.equal(d.customElement, true, d.name);
      assert.ok(!d.tagName?.startsWith('am-'), d.tagName);
    }
  });

  it('types every event by its detail, for each event an element declares and those of the draft base', () => {
    const draftEvents = declaredEvents('src/base/draft-element.ts');
    assert.deepEqual(draftEvents, ['draft-discard-request', 'draft-keep']);
    for (const tag of tags) {
      const d = el(tag);
      const events = new Map((d.events ?? []).map((e) => [e.name, e.type?.text]));
      const declared = [...declaredEvents(`components/${tag}/${tag}.ts`), ...(isDraft(d) ? draftEvents : [])];
      assert.ok(declared.length, `<${tag}> declares events`);
      for (const name of declared) {
        assert.match(events.get(name) ?? '', /^CustomEvent<.+>$/, `<${tag}> ${name}`);
      }
      for (const [name, type] of events)
        assert.ok(type && !/\b(any|unknown)\b/.test(type), `<${tag}> ${name}: ${type}`);
    }
    const events = (tag: string) => Object.fromEntries((el(tag).events ?? []).map((e) => [e.name, e.type?.text]));
    assert.equal(events('account-tree')['account-select'], 'CustomEvent<{ account: AccountSummary }>');
    assert.equal(events('account-tree')['account-create-request'], 'CustomEvent<{ parentId: string }>');
    assert.equal(
      events('account-overview')['account-saved'],
      'CustomEvent<{ accountId: string; account: Account; changes: string[] }>',
    );
    assert.equal(events('service-plan-picker')['change'], 'Event', 'a native event stays an Event');
  });

  it('lists the custom states each element sets (its own and, for a draft element, the base’s)', () => {
    const draftStates = statesSet(['src/base/draft-element.ts']);
    assert.deepEqual([...draftStates].sort(), [
      'conflict',
      'dirty',
      'disabled-account',
      'error',
      'forbidden',
      'loading',
      'read-only',
      'saved',
      'saving',
    ]);
    let withStates = 0;
    for (const tag of tags) {
      const d = el(tag);
      const listed = new Set((d.cssStates ?? []).map((s) => s.name));
      const expected = new Set([...statesSet(ownFiles(tag)), ...(isDraft(d) ? draftStates : [])]);
      for (const state of expected) assert.ok(listed.has(state), `<${tag}> lists :state(${state})`);
      if (expected.size) withStates++;
    }
    assert.ok(withStates >= 10, `${withStates} elements set custom states`);
  });

  it('exposes no internal member: nothing protected or private, no base-class plumbing or lifecycle callback', () => {
    const internal = [
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
      'styles',
      'select',
      'write',
      'validate',
      'onSaved',
      'renderForm',
      'renderLoaded',
      'renderDraftForm',
      'render',
      'accountChanged',
      'canEdit',
      'resource',
      'connectedCallback',
      'disconnectedCallback',
      'activeIndex',
    ];
    for (const tag of tags) {
      for (const m of el(tag).members ?? []) {
        assert.ok(!m.privacy || m.privacy === 'public', `<${tag}> ${m.name} is ${m.privacy}`);
        assert.ok(!/^[_#]/.test(m.name) && !/Callback$/.test(m.name), `<${tag}> ${m.name}`);
        assert.ok(!internal.includes(m.name), `<${tag}> exposes ${m.name}`);
      }
    }
    const members = (tag: string) => (el(tag).members ?? []).map((m) => m.name);
    for (const name of ['accountId', 'api', 'i18n', 'dirty', 'readOnly', 'save', 'reset']) {
      assert.ok(members('number-features').includes(name), `<number-features> ${name}`);
    }
    for (const name of ['rootId', 'selected', 'reveal']) assert.ok(members('account-tree').includes(name), name);
  });
});

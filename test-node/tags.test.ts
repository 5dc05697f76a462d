// The package's list of its tag names (`tagNames`, `isLibraryTag` in exports/tags.ts), against the elements it
// defines: one folder per element with its define module, and what `account-manager-widgets/define` registers. Vue's
// compiler, told `isCustomElement: isLibraryTag`, treats every one of them as a custom element.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compileTemplate } from 'vue/compiler-sfc';
import { isLibraryTag, tagNames } from '../exports/tags.js';

const folders = readdirSync('components')
  .filter((tag) => existsSync(`components/${tag}/${tag}.define.ts`))
  .sort();

/** The tags the Vue compiler resolves as components (not custom elements) in `template`. */
function vueComponents(template: string, isCustomElement: (tag: string) => boolean): string[] {
  const { code, errors } = compileTemplate({
    source: template,
    filename: 'host.vue',
    id: 'host',
    compilerOptions: { isCustomElement },
  });
  assert.deepEqual(errors, []);
  return [...code.matchAll(/resolveComponent\("([^"]+)"\)/g)].map((m) => m[1]!);
}

describe('tagNames and isLibraryTag', () => {
  it('list every element folder, whose define module registers that tag', () => {
    assert.deepEqual([...tagNames].sort(), folders);
    for (const tag of folders) {
      const registered = /\.define\('([^']+)'\)/.exec(readFileSync(`components/${tag}/${tag}.define.ts`, 'utf8'));
      assert.equal(registered?.[1], tag, `components/${tag}/${tag}.define.ts registers <${tag}>`);
    }
  });

  it('are exactly the public elements account-manager-widgets/define registers', async () => {
    await import('lit'); // Lit's Node build brings a customElements registry
    const defined = new Map<string, CustomElementConstructor>();
    const registry = globalThis.customElements;
    const define = registry.define.bind(registry);
    registry.define = (tag, cls, options) => {
      defined.set(tag, cls);
      define(tag, cls, options);
    };
    await import('../exports/define.js');
    const index = await import('../exports/index.js');
    const classes = new Set<unknown>(Object.values(await import('../exports/elements.js')));
    const isPublic = ([, cls]: [string, CustomElementConstructor]) => classes.has(cls);
    const publicTags = [...defined].filter(isPublic).map(([tag]) => tag);
    const internal = [...defined].filter((d) => !isPublic(d)).map(([tag]) => tag);
    assert.deepEqual(publicTags.sort(), [...tagNames].sort());
    assert.ok(internal.length > 0, 'the internal elements (dialog, switch…) are defined beside them');
    for (const tag of publicTags) assert.ok(isLibraryTag(tag), `isLibraryTag('${tag}')`);
    for (const tag of internal) assert.ok(!isLibraryTag(tag), `not isLibraryTag('${tag}'): internal`);
    for (const tag of ['div', 'account', 'account-tree-row', 'ACCOUNT-TREE', 'my-widget'])
      assert.ok(!isLibraryTag(tag), `not isLibraryTag('${tag}')`);
    assert.equal(index.isLibraryTag, isLibraryTag, 'exported by account-manager-widgets');
    assert.equal(index.tagNames, tagNames, 'exported by account-manager-widgets');
  });

  it('cost nothing to import: exports/tags.ts imports no module', () => {
    assert.doesNotMatch(readFileSync('exports/tags.ts', 'utf8'), /^\s*import\b|\bimport\(/m);
  });

  it('tell Vue’s compiler every tag is a custom element, and no other tag', () => {
    const template = tagNames.map((tag) => `<${tag} :api.prop="api" @account-select="pick"></${tag}>`).join('');
    assert.deepEqual(vueComponents(template, isLibraryTag), [], 'no tag of the library is taken for a component');
    assert.deepEqual(vueComponents(`${template}<my-widget></my-widget>`, isLibraryTag), ['my-widget']);
  });
});

// Server-side rendering with @lit-labs/ssr, as a Node server does it: what the server sends carries the theme and
// the language before any script runs, and a browser paints it so with scripts off.
// Run: npx tsx --test test-node/ssr.test.ts
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import assert from 'node:assert/strict';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

// The elements' modules run after the shim is in place (and after its own asynchronous set-up): imported here, not
// beside it, where they could run first.
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
const { html: staticHtml, unsafeStatic } = await import('lit/static-html.js');
const { loadLocale } = await import('../src/base/localize.js');
const { themeDeclarations } = await import('../src/themes/tokens.js');
await import('../exports/define.js');

const TAGS = readdirSync('components').filter((t) => existsSync(`components/${t}/${t}.define.ts`));

const ssr = (value: unknown) => collectResult(render(value));

/** The markup of the first `<tag>` (its declarative shadow root included), from its start tag to its end tag. */
function element(markup: string, tag: string): string {
  const start = markup.indexOf(`<${tag}`);
  assert.ok(start >= 0, `<${tag}> rendered`);
  const end = markup.indexOf(`</${tag}`, start);
  assert.ok(end > start, `</${tag}> rendered`);
  return markup.slice(start, end);
}

/** The text a reader gets from markup: no styles, tags or Lit's comments. */
const text = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->|<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const providerPage = () =>
  html`<account-provider theme="dark" locale="fr-FR"
    ><account-tree></account-tree><account-overview></account-overview
  ></account-provider>`;

describe('server-side rendering', () => {
  before(() => Promise.all([loadLocale('fr-FR'), loadLocale('de-DE')]));

  it('renders a provider’s dark theme and French around the tree and the overview', async () => {
    const markup = await ssr(providerPage());
    const provider = element(markup, 'account-provider');
    assert.match(provider, /^<account-provider[^>]*\stheme="dark"/);
    // The provider's own shadow styles set the dark tokens for everything inside it.
    assert.ok(provider.includes(themeDeclarations('dark')), 'the dark tokens in the provider’s styles');

    const tree = text(element(markup, 'account-tree'));
    assert.match(tree, /Ajouter un compte/);
    assert.doesNotMatch(tree, /Add account/);
    const treeMarkup = element(markup, 'account-tree');
    assert.match(treeMarkup, /aria-label="Rechercher des comptes"/);
    assert.match(treeMarkup, /role="tree"[^>]*aria-label="Comptes"/);
    // The overview has no data on a server: it shows as loading, in French.
    assert.equal(text(element(markup, 'account-overview')), 'Chargement…');
  });

  it('takes the theme and the locale set as properties', async () => {
    const markup = await ssr(
      html`<account-provider .theme=${'dark'} .locale=${'fr-FR'}><account-tree></account-tree></account-provider>`,
    );
    assert.match(element(markup, 'account-provider'), /^<account-provider[^>]*\stheme="dark"/);
    assert.match(text(element(markup, 'account-tree')), /Ajouter un compte/);
  });

  it('renders an element’s own lang and dark theme class, with no provider', async () => {
    const markup = await ssr(html`<account-tree lang="de-DE" class="am-theme-dark"></account-tree>`);
    assert.match(markup, /<account-tree[^>]*\sclass="am-theme-dark"/);
    assert.ok(markup.includes(`:host(.am-theme-dark)`), 'the tree’s styles turn dark with the class');
    assert.match(text(markup), /Konto hinzufügen/);
  });

  it('renders every element in the provider’s language, none throwing', async () => {
    for (const tag of TAGS) {
      const t = unsafeStatic(tag);
      const markup = await ssr(staticHtml`<account-provider locale="fr-FR"><${t}></${t}></account-provider>`);
      const shown = text(element(markup, tag));
      assert.doesNotMatch(shown, /Loading|Add account|Accounts/, `<${tag}> in French: ${shown}`);
    }
  });

  describe('painted by a browser with scripts off', () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
    });
    after(() => browser?.close());

    it('shows the tree dark and in French, from the markup and the light theme file alone', async () => {
      const markup = await ssr(providerPage());
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // The page links the theme file (README): it gives the tokens their values before any script.
        const light = readFileSync('src/themes/light.css', 'utf8');
        await page.setContent(
          `<!doctype html><html lang="en"><head><style>${light}</style></head><body>${markup}</body></html>`,
        );
        const add = page.getByRole('button', { name: 'Ajouter un compte' });
        assert.equal(await add.isVisible(), true, '“Ajouter un compte” shows');
        const tree = page.locator('account-tree [part="tree"]');
        const [background, color] = await tree.evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.backgroundColor, s.color];
        });
        // The dark theme's surface and text (--am-palette-neutral-900 and -50), not the light ones.
        assert.equal(background, 'rgb(27, 31, 38)');
        assert.equal(color, 'rgb(246, 247, 249)');
      } finally {
        await context.close();
      }
    });
  });
});

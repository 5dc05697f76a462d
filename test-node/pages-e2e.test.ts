// The demo's pages beside the dashboard, as a user opens them from its navigation, at a phone's 360 px and a desktop's
// width, light and dark: single widgets from the CDN build in plain HTML, React 19 through the wrappers, and two
// resellers' brands side by side. Screenshots go to tmp/screenshots/pages-*/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { screenshots } from './screenshots.js';

const TIMEOUT = 20_000;
const VIEWS = [
  { width: 1280, height: 900, dark: false },
  { width: 360, height: 740, dark: true },
  { width: 1280, height: 900, dark: true },
  { width: 360, height: 740, dark: false },
];
type View = (typeof VIEWS)[number];
const viewName = (v: View) => `${v.width}px ${v.dark ? 'dark' : 'light'}`;

let server: ViteDevServer;
let browser: Browser;
let url: string;

async function open(
  view: View,
): Promise<{ context: BrowserContext; page: Page; errors: string[]; requests: string[] }> {
  const context = await browser.newContext({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, errors, requests };
}

/** Goes to the dashboard, then follows the demo's own link to the page; `requests` then lists that page's only. */
async function goTo(page: Page, link: string, requests: string[] = []): Promise<void> {
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Demo pages' });
  await nav.waitFor();
  requests.length = 0;
  await nav.getByRole('link', { name: link }).click();
  await page.getByRole('link', { name: link }).and(page.locator('[aria-current=page]')).waitFor();
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.scrollingElement.scrollWidth, width: innerWidth })',
  )) as { scroll: number; width: number };
  assert.ok(scroll <= width, `${what}: the page scrolls sideways (${scroll} > ${width})`);
}

/** The page is dark or light as the system asked: the body's background is dark or light. */
async function expectScheme(page: Page, dark: boolean, what: string): Promise<void> {
  const rgb: number[] = await page.evaluate(
    `getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)`,
  );
  const light = (rgb[0]! * 299 + rgb[1]! * 587 + rgb[2]! * 114) / 1000;
  assert.equal(light < 128, dark, `${what}: body background rgb(${rgb.join(', ')})`);
}

/** The `n`th row of a tree once rows are shown; resolves its name. */
async function row(tree: Locator, n: number): Promise<{ row: Locator; name: string }> {
  const r = tree.locator('[role=treeitem]').nth(n);
  await r.waitFor();
  return { row: r, name: (await r.locator('.name').innerText()).trim() };
}

describe('demo pages beside the dashboard', () => {
  before(async () => {
    server = await createServer({
      configFile: 'vite.demo.config.ts',
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'error',
    });
    await server.listen();
    url = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the React page type-checks against the package’s built wrappers', () => {
    try {
      execFileSync('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'demo/react/tsconfig.json'], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(String((e as { stdout?: Buffer }).stdout ?? e));
    }
  });

  for (const view of VIEWS) {
    describe(viewName(view), () => {
      const run = `${view.width}-${view.dark ? 'dark' : 'light'}`;

      it('plain HTML: the tree and overview from the CDN build, an account chosen in the tree is shown', async () => {
        const { context, page, errors, requests } = await open(view);
        const shot = screenshots(`pages-cdn-${run}`);
        try {
          await goTo(page, 'Plain HTML (CDN)', requests);
          const tree = page.locator('account-tree');
          const first = await row(tree, 1);
          await expectScheme(page, view.dark, 'plain HTML');
          await shot(page, 'rows');
          await first.row.click();
          await page.getByRole('region', { name: `Account ${first.name}` }).waitFor();
          assert.equal(await first.row.getAttribute('aria-selected'), 'true', 'the chosen row is selected');
          await expectNoSidewaysScroll(page, 'plain HTML');
          await shot(page, 'account-shown');
          // The elements came from the CDN build: the loader, then a chunk per element; never from the sources.
          assert.ok(requests.includes('/cdn/account-manager-widgets.js'), 'the CDN loader was loaded');
          for (const tag of ['account-provider', 'account-tree', 'account-overview'])
            assert.ok(
              requests.some((p) => p.startsWith(`/cdn/${tag}-`)),
              `<${tag}> from its chunk: ${requests.filter((p) => p.startsWith('/cdn/')).join(', ')}`,
            );
          assert.deepEqual(
            requests.filter((p) => /\/components\//.test(p)),
            [],
            'no element from the sources',
          );
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });

      it('React 19: the wrappers’ tree and overview, wired by onAccountSelect and state', async () => {
        const { context, page, errors, requests } = await open(view);
        const shot = screenshots(`pages-react-${run}`);
        try {
          await goTo(page, 'React', requests);
          await page.getByText('Choose an account in the tree to see its overview.').waitFor();
          const tree = page.locator('account-tree');
          const first = await row(tree, 2);
          await expectScheme(page, view.dark, 'React');
          await shot(page, 'rows');
          await first.row.click();
          await page.getByRole('region', { name: `Account ${first.name}` }).waitFor();
          const log = page.getByRole('region', { name: 'Events from the widgets' });
          await log
            .getByRole('listitem')
            .filter({ hasText: `account-select ${first.name}` })
            .waitFor();
          await expectNoSidewaysScroll(page, 'React');
          await shot(page, 'account-shown');
          const other = await row(tree, 3);
          await other.row.click();
          await page.getByRole('region', { name: `Account ${other.name}` }).waitFor();
          assert.ok(
            requests.some((p) => p.endsWith('/dist/lib/react/account-tree.js')),
            'the package’s built wrapper for the tree',
          );
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });

      it('two brands: two providers, each its own reseller and accent colour, by tokens alone', async () => {
        const { context, page, errors } = await open(view);
        const shot = screenshots(`pages-brands-${run}`);
        try {
          await goTo(page, 'Two brands');
          const brands = page.locator('.brand');
          assert.equal(await brands.count(), 2);
          const acme = page.getByRole('region', { name: 'Acme Telecom' });
          const globex = page.getByRole('region', { name: 'Globex Communications' });
          const acmeRow = await row(acme.locator('account-tree'), 0);
          const globexRow = await row(globex.locator('account-tree'), 0);
          assert.notEqual(acmeRow.name, globexRow.name, 'each provider signed in as its own reseller');
          await expectScheme(page, view.dark, 'brands');
          const accents: string[] = await page.evaluate(`[...document.querySelectorAll('account-provider')].map(
            (p) => getComputedStyle(p).getPropertyValue('--am-color-accent').trim())`);
          assert.equal(accents.length, 2);
          assert.notEqual(accents[0], accents[1], `two accent colours: ${accents.join(' / ')}`);
          // What a user sees: the root account's button is painted with each brand's accent.
          const painted = await Promise.all(
            [acme, globex].map((b) =>
              b.locator('account-manager [part~=root-button]').evaluate((el) => getComputedStyle(el).backgroundColor),
            ),
          );
          assert.notEqual(painted[0], painted[1], `the brands look different: ${painted.join(' / ')}`);
          await expectNoSidewaysScroll(page, 'brands');
          await shot(page, 'both-brands');
          for (const [brand, r] of [
            [globex, globexRow],
            [acme, acmeRow],
          ] as const) {
            await r.row.click();
            await brand.locator('account-manager').getByRole('heading', { name: r.name, level: 2 }).waitFor();
          }
          await expectNoSidewaysScroll(page, 'brands, accounts open');
          await shot(page, 'accounts-open');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    });
  }
});

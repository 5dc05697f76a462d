// The demo's pages beside the dashboard, as a user opens them from its navigation, at a phone's 360 px and a desktop's
// width, light and dark: single widgets from the CDN build in plain HTML, React 19 through the wrappers, and two
// resellers' brands side by side. Screenshots go to tmp/screenshots/pages-*/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { expectNoSidewaysScroll, expectScheme, row, startDemo, viewName, VIEWS, type Demo } from './demo-pages.js';
import { screenshots } from './screenshots.js';

let demo: Demo;

describe('demo pages beside the dashboard', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
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
        const { context, page, errors, requests } = await demo.open(view);
        const shot = screenshots(`pages-cdn-${run}`);
        try {
          await demo.goTo(page, 'Plain HTML (CDN)', requests);
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
        const { context, page, errors, requests } = await demo.open(view);
        const shot = screenshots(`pages-react-${run}`);
        try {
          await demo.goTo(page, 'React', requests);
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
        const { context, page, errors } = await demo.open(view);
        const shot = screenshots(`pages-brands-${run}`);
        try {
          await demo.goTo(page, 'Two brands');
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

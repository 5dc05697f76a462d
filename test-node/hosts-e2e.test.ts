// The elements in Vue 3, Angular 21 and jQuery 4 hosts (demo/vue.html, angular.html, jquery.html), as a user opens
// them from the demo's navigation, at a desktop's and a phone's width: each host sets the elements' properties and
// writes what their events say ("Selected: …", "Saved: …"). A user chooses an account in the tree, sees the host's line
// and the account, renames it and saves, then chooses another. No console error, and no framework warning (an
// element Vue took for a component would warn). Screenshots go to tmp/screenshots/hosts-*/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { expectNoSidewaysScroll, expectScheme, row, startDemo, viewName, VIEWS, type Demo } from './demo-pages.js';
import { screenshots } from './screenshots.js';

const HOSTS = [
  { id: 'vue', link: 'Vue', title: 'Vue 3, in a template' },
  { id: 'angular', link: 'Angular', title: 'Angular 21, standalone and zoneless' },
  { id: 'jquery', link: 'jQuery', title: 'jQuery 4' },
];
// A desktop in light, a phone in dark.
const HOST_VIEWS = [VIEWS[0]!, VIEWS[1]!];

let demo: Demo;

/** The first of the tree's first rows whose name is not `name`. */
async function otherRow(tree: Locator, name: string): Promise<{ row: Locator; name: string }> {
  for (let n = 0; ; n++) {
    const r = await row(tree, n);
    if (r.name !== name) return r;
  }
}

describe('Vue, Angular and jQuery hosts of the elements', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  for (const view of HOST_VIEWS) {
    for (const host of HOSTS) {
      it(`${host.link}, ${viewName(view)}: the host shows the account chosen in the tree, hears its save`, async () => {
        const { context, page, errors, warnings } = await demo.open(view);
        const shot = screenshots(`hosts-${host.id}-${view.width}-${view.dark ? 'dark' : 'light'}`);
        try {
          await demo.goTo(page, host.link);
          await page.getByRole('heading', { name: host.title, level: 2 }).waitFor();
          // The host's own line, written from the elements' events.
          const said = page.getByRole('status').filter({ hasText: /^Selected:/ });
          await said.getByText('Selected: none yet.', { exact: true }).waitFor();
          await page.getByText('Choose an account in the tree to see its overview.').waitFor();
          const tree = page.locator('account-tree');
          const first = await row(tree, 1);
          await expectScheme(page, view.dark, host.link);
          await shot(page, 'rows');

          // account-select → the host sets the tree's `selected` and the overview's account id.
          await first.row.click();
          await said.getByText(`Selected: ${first.name}`, { exact: true }).waitFor();
          const panel = page.getByRole('region', { name: `Account ${first.name}` });
          await panel.getByRole('heading', { name: first.name, level: 2 }).waitFor();
          assert.equal(await first.row.getAttribute('aria-selected'), 'true', 'the host marked the row chosen');
          await expectNoSidewaysScroll(page, host.link);
          await shot(page, 'account-shown');

          // A rename saved in the overview: account-saved reaches the host, the tree shows the new name.
          const renamed = `${first.name} (${host.link})`;
          await panel.getByRole('region', { name: 'Details' }).getByLabel('Name', { exact: true }).fill(renamed);
          await page.locator('account-overview').getByRole('button', { name: 'Save', exact: true }).click();
          await said.getByText(`Saved: ${renamed}`, { exact: true }).waitFor();
          await said.getByText(`Selected: ${renamed}`, { exact: true }).waitFor();
          await page.getByRole('region', { name: `Account ${renamed}` }).waitFor();
          await tree.locator('[role=treeitem] .name').getByText(renamed, { exact: true }).waitFor();
          await expectNoSidewaysScroll(page, `${host.link}, saved`);
          await shot(page, 'saved');

          // Another account: shown in its place, and nothing said saved for it.
          const other = await otherRow(tree, renamed);
          await other.row.click();
          await said.getByText(`Selected: ${other.name}`, { exact: true }).waitFor();
          await page.getByRole('region', { name: `Account ${other.name}` }).waitFor();
          assert.equal(await said.getByText(/^Saved:/).count(), 0, 'no save said for the other account');
          await shot(page, 'other-account');
          assert.deepEqual(errors, []);
          assert.deepEqual(warnings, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});

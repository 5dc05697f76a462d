// The dashboard as a reseller uses it, in headless Chromium on the demo's built-in emulator: sign in, find a customer
// by search, change a limit and save, use the account, see the customer view and its announcement (once), return,
// sign out. Each step leaves a screenshot in tmp/screenshots/demo-tour/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RestrictionPath } from '../src/api/index.js';
import { demoText, type DemoKey } from '../demo/i18n.js';
import { modal, openFromSearch, pickCustomer, save, signIn, step, words } from './dashboard.js';
import { newPage, startDemo, type Demo } from './demo-pages.js';
import { screenshots } from './screenshots.js';

let demo: Demo;

describe('the demo dashboard, as a reseller uses it', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  it('signs in, finds a customer, changes a limit, uses the account, sees its view, returns, signs out', async () => {
    const { account, hidden, announcement } = await pickCustomer();
    const label = (p: RestrictionPath) => demoText('en-US', `customer.${p}` as DemoKey);
    const { context, page, errors } = await newPage(demo.browser, { viewport: { width: 1280, height: 900 } });
    const shot = screenshots('demo-tour');
    const manager = page.locator('account-manager');
    const banner = page.getByRole('region', { name: 'Account in use' });
    const customerView = page.getByRole('region', { name: 'Customer view' });
    const announcementDialog = modal(page, /Announcement/);
    try {
      await step('sign in', async () => {
        await page.goto(demo.url);
        await signIn(page);
        await shot(page, 'signed-in');
      });

      await step('find the customer by search', async () => {
        await openFromSearch(page, account.name);
        await manager.getByRole('heading', { name: account.name, level: 2 }).waitFor();
        await page.getByRole('region', { name: `Account ${account.name}` }).waitFor();
        await shot(page, 'found');
      });

      await step('change a limit and save', async () => {
        await page.getByRole('tab', { name: 'Limits', exact: true }).click();
        const limits = page.locator('account-limits');
        const twoway = limits.getByRole('spinbutton', { name: 'Two-way trunks' });
        await twoway.fill('12');
        await shot(page, 'limit-changed');
        await save(page, limits, /Limits and calls of .+ saved\./);
        assert.equal(await twoway.inputValue(), '12');
        await shot(page, 'limit-saved');
      });

      await step('use the account: the banner, and the announcement once', async () => {
        await manager.getByRole('button', { name: 'Use account', exact: true }).click();
        await banner.filter({ hasText: `You are viewing the portal as ${account.name}` }).waitFor();
        await announcementDialog.filter({ hasText: words(announcement) }).waitFor();
        await shot(page, 'announcement');
        await announcementDialog.getByRole('button', { name: 'Dismiss' }).click();
        await announcementDialog.waitFor({ state: 'hidden' });
      });

      await step('the customer view: only what its restrictions allow, with its trunks', async () => {
        await customerView.filter({ hasText: account.name }).waitFor();
        const items = customerView.getByRole('listitem');
        await items.filter({ hasText: /Two-way trunks: 12/ }).waitFor();
        const shown = (await items.allInnerTexts()).map((t) => t.trim());
        for (const p of hidden)
          assert.ok(
            !shown.some((t) => t === label(p) || t.startsWith(`${label(p)}:`)),
            `${label(p)} is hidden from them, yet shown: ${shown.join(' | ')}`,
          );
        const note = await customerView.getByText('Hidden from them:').innerText();
        for (const p of hidden) assert.match(note, new RegExp(label(p)), `"${label(p)}" said to be hidden`);
        await shot(page, 'customer-view');
      });

      await step('return, and use it again: no announcement the second time', async () => {
        await banner.getByRole('button', { name: 'Return to my account' }).click();
        await banner.waitFor({ state: 'detached' });
        await customerView.waitFor({ state: 'detached' });
        await shot(page, 'returned');
        await manager.getByRole('button', { name: 'Use account', exact: true }).click();
        await customerView.filter({ hasText: account.name }).waitFor();
        await page.waitForTimeout(1000);
        assert.equal(await announcementDialog.isVisible(), false, 'the announcement is shown once');
        await banner.getByRole('button', { name: 'Return to my account' }).click();
        await customerView.waitFor({ state: 'detached' });
      });

      await step('sign out', async () => {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        assert.equal(await page.locator('account-manager').count(), 0, 'no widget left on the page');
        await shot(page, 'signed-out');
      });
      assert.deepEqual(errors, [], 'no page errors');
    } catch (e) {
      await shot(page, 'failed').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });
});

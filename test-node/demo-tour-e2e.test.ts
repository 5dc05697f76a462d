// The dashboard as a reseller uses it, in headless Chromium on the demo's built-in emulator: sign in, find a customer
// by search, change a limit and save, use the account, see the customer view and its announcement (once), return,
// sign out. Each step leaves a screenshot in tmp/screenshots/demo-tour/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { RESTRICTION_PATHS, restrictionsAllow, type Account, type RestrictionPath } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { DEMO_SEED } from '../demo/persist.js';
import { demoText, type DemoKey } from '../demo/i18n.js';
import { screenshots } from './screenshots.js';

const TIMEOUT = 20_000;
let server: ViteDevServer;
let browser: Browser;
let url: string;

async function step(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    throw new Error(`step "${name}" failed: ${(e as Error).message}`, { cause: e });
  }
}

/** A modal by name (the `<am-dialog>` host: its content is slotted into it). */
function modal(page: Page, name: string | RegExp): Locator {
  return page
    .locator('am-dialog')
    .filter({ has: page.getByRole('dialog', { name }) })
    .last();
}

/** Accepts each charges question until `done` settles. */
async function answerCharges(page: Page, done: Promise<unknown>): Promise<void> {
  let over = false;
  void done.then(
    () => (over = true),
    () => (over = true),
  );
  const question = modal(page, 'Accept these charges?');
  while (!over) {
    if (await question.isVisible().catch(() => false))
      await question.getByRole('button', { name: 'Accept and save' }).click();
    await page.waitForTimeout(100);
  }
}

/** Text as a pattern that matches it with or without white space between words (a heading, then a paragraph). */
const words = (text: string) =>
  new RegExp(
    text
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s*'),
  );

/**
 * The customer the tour uses, from the demo's seed data: enabled, not a reseller, with an announcement, two-way trunks
 * its users may see, and something hidden from them.
 */
async function pickCustomer(): Promise<{ account: Account; hidden: RestrictionPath[]; announcement: string }> {
  const emulator = createCrossbarEmulator({ seed: DEMO_SEED });
  const api = createKazooAdapter({
    baseUrl: 'http://crossbar.test',
    credentials: emulator.login,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
  for (const a of emulator.accounts()) {
    if (a.depth < 1 || !a.enabled || a.isReseller) continue;
    const account = await api.getAccount(a.id);
    const announcement = account.notes?.announcement;
    const hidden = RESTRICTION_PATHS.filter((p) => !restrictionsAllow(account.uiRestrictions, p));
    if (announcement && !/<script/i.test(announcement) && hidden.length > 0) {
      if (!restrictionsAllow(account.uiRestrictions, 'trunking.twoway')) continue;
      return { account, hidden, announcement: announcement.replace(/<[^>]+>/g, ' ') };
    }
  }
  throw new Error('no customer in the seed data with an announcement and restrictions');
}

describe('the demo dashboard, as a reseller uses it', () => {
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

  it('signs in, finds a customer, changes a limit, uses the account, sees its view, returns, signs out', async () => {
    const { account, hidden, announcement } = await pickCustomer();
    const label = (p: RestrictionPath) => demoText('en-US', `customer.${p}` as DemoKey);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const shot = screenshots('demo-tour');
    const manager = page.locator('account-manager');
    const banner = page.getByRole('region', { name: 'Account in use' });
    const customerView = page.getByRole('region', { name: 'Customer view' });
    const announcementDialog = modal(page, /Announcement/);
    try {
      await step('sign in', async () => {
        await page.goto(url);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('region', { name: 'Session' }).waitFor();
        await page.getByRole('tree').getByRole('treeitem').first().waitFor();
        await shot(page, 'signed-in');
      });

      await step('find the customer by search', async () => {
        await page.getByRole('searchbox', { name: 'Search accounts' }).fill(account.name);
        await page
          .getByRole('tree', { name: /Search results/ })
          .getByRole('treeitem', { name: account.name })
          .click();
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
        await limits.getByRole('button', { name: 'Save', exact: true }).click();
        const saved = limits
          .filter({ hasText: /Limits and calls of .+ saved\./ })
          .waitFor()
          .then(() => undefined);
        await Promise.all([saved, answerCharges(page, saved)]);
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

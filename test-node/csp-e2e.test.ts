// The dashboard under a strict Content-Security-Policy (scripts and styles of the page's origin only: no inline
// `<style>` or `style="…"`, no eval; Trusted Types required), as `npm run demo:strict-csp` serves it: the demo built
// into a folder of this run's own and served by `vite preview` with the header. A reseller's visit (sign in, add an
// account and leave it, find a customer, every tab of <account-manager>, a limit saved, notes pasted with inline
// styles and a link, use the account, its announcement and customer view, return, sign out) reports no policy
// violation, no error on the window and nothing on the console's error level.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildDemo, serveStrict, STRICT_CSP, type StrictDemo } from '../scripts/strict-csp-demo.js';
import { modal, openFromSearch, pickCustomer, save, signIn, step, words } from './dashboard.js';
import { launchChromium, newPage } from './demo-pages.js';
import { screenshots } from './screenshots.js';

const dir = mkdtempSync(join(tmpdir(), 'amw-strict-csp-'));
let demo: StrictDemo;
let browser: Browser;

/** Each tab of <account-manager>, and what its element shows once it has loaded. */
const TABS: [tab: string, tag: string, shown: (page: Page) => Locator][] = [
  [
    'Overview',
    'account-overview',
    (p) => p.locator('account-overview').getByRole('heading', { name: 'Account status' }),
  ],
  [
    'Admins',
    'account-admins',
    (p) =>
      p
        .locator('account-admins')
        .getByText(/administrators?$/i)
        .first(),
  ],
  ['Limits', 'account-limits', (p) => p.locator('account-limits').getByRole('spinbutton', { name: 'Two-way trunks' })],
  [
    'Numbers',
    'number-features',
    (p) => p.locator('number-features').getByRole('switch', { name: 'Caller name (CNAM)' }),
  ],
  ['Restrictions', 'account-restrictions', (p) => p.locator('account-restrictions').getByRole('switch').first()],
  [
    'Carrier',
    'carrier-picker',
    (p) => p.locator('carrier-picker').getByRole('radio', { name: 'System-wide carriers' }),
  ],
  ['Apps', 'app-exchange-toggle', (p) => p.locator('app-exchange-toggle').getByRole('switch').first()],
  ['Notes', 'account-notes', (p) => p.locator('account-notes').getByRole('textbox', { name: 'Customer notes' })],
  ['Plans', 'service-plan-picker', (p) => p.locator('service-plan-picker').getByRole('checkbox').first()],
];

/** What the page reports: policy violations, window errors and rejections (recorded in the page), console errors. */
async function recordProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('amwProblem', (what: string) => problems.push(what));
  // A string: the test's own compiled code is not the page's.
  await page.addInitScript(`{
    const report = (what) => window.amwProblem(what);
    document.addEventListener('securitypolicyviolation', (e) => {
      const at = e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber;
      report('CSP ' + e.violatedDirective + ': ' + (e.blockedURI || e.sample) + ' at ' + at);
    });
    addEventListener('error', (e) => report('error: ' + (e.message || e.target.localName + ' did not load')), true);
    addEventListener('unhandledrejection', (e) => report('unhandled rejection: ' + (e.reason?.message ?? e.reason)));
  }`);
  page.on('console', (m) => {
    // A 402 is Crossbar asking to accept charges (the element asks its user), a 401 a token that ended (the adapter
    // signs in again, or the page signs out): the browser logs the reply, nothing failed. Every other error counts.
    if (m.type() === 'error' && !/^Failed to load resource: .* status of 40[12]\b/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

describe('the dashboard under a strict Content-Security-Policy', () => {
  before(async () => {
    await buildDemo(dir, ['index']);
    demo = await serveStrict(dir, 0);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every response with the policy', async () => {
    for (const path of ['/', '/mockServiceWorker.js']) {
      const r = await fetch(new URL(path, demo.url));
      assert.equal(r.headers.get('content-security-policy'), STRICT_CSP, path);
    }
  });

  it('runs a reseller’s visit with no violation, no window error and no console error', async () => {
    const { account, announcement } = await pickCustomer();
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const problems = await recordProblems(page);
    const shot = screenshots('strict-csp');
    const manager = page.locator('account-manager');
    const banner = page.getByRole('region', { name: 'Account in use' });
    const customerView = page.getByRole('region', { name: 'Customer view' });
    try {
      await step('sign in', async () => {
        await page.goto(demo.url);
        await signIn(page);
        await shot(page, 'signed-in');
      });

      await step('open the new account wizard, fill its first step, and leave it', async () => {
        const wizard = modal(page, 'New account');
        await page.getByRole('button', { name: 'Add account' }).click();
        await wizard.getByLabel('Account name').fill('Strict Policy Co');
        await wizard.getByRole('button', { name: 'Next', exact: true }).click();
        await wizard.getByRole('heading', { name: 'Contacts', level: 3 }).waitFor();
        await shot(page, 'wizard');
        await page.keyboard.press('Escape');
        await modal(page, 'Discard this new account?').getByRole('button', { name: 'Discard' }).click();
        await wizard.waitFor({ state: 'hidden' });
      });

      await step('find the customer by search', async () => {
        await openFromSearch(page, account.name);
        await manager.getByRole('heading', { name: account.name, level: 2 }).waitFor();
      });

      await step('every tab', async () => {
        for (const [tab, tag, shown] of TABS) {
          await page.getByRole('tab', { name: tab, exact: true }).click();
          await shown(page)
            .waitFor()
            .catch(() => assert.fail(`<${tag}> did not show under the "${tab}" tab`));
          await shot(page, `tab-${tab}`);
        }
      });

      await step('change a limit and save', async () => {
        await page.getByRole('tab', { name: 'Limits', exact: true }).click();
        const limits = page.locator('account-limits');
        const twoway = limits.getByRole('spinbutton', { name: 'Two-way trunks' });
        await twoway.fill('12');
        await save(page, limits, /Limits and calls of .+ saved\./);
        assert.equal(await twoway.inputValue(), '12');
      });

      await step('paste notes written with inline styles, add a link, save', async () => {
        await page.getByRole('tab', { name: 'Notes', exact: true }).click();
        const notes = page.locator('account-notes');
        const box = notes.getByRole('textbox', { name: 'Customer notes' });
        // The region turns editable once its content is shown.
        await box.and(page.locator('[contenteditable=true]')).waitFor();
        await box.click();
        await page.keyboard.press('Control+End');
        await box.evaluate((el) => {
          const data = new DataTransfer();
          data.setData('text/html', '<p style="color: red">Pasted <b style="font-weight: 900">in red</b></p>');
          data.setData('text/plain', 'Pasted in red');
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        });
        await box.getByText('in red').waitFor();
        assert.equal(await box.locator('[style]').count(), 0, 'no style attribute pasted');
        await page.keyboard.press('Control+End');
        await notes
          .getByRole('toolbar', { name: 'Customer notes formatting' })
          .getByRole('button', { name: 'Link…' })
          .click();
        const link = modal(page, 'Link');
        await link.getByRole('textbox', { name: 'Address' }).fill('https://status.example.com');
        await link.getByRole('button', { name: 'Apply' }).click();
        await box.getByRole('link', { name: /status\.example\.com/ }).waitFor();
        await save(page, notes, /Notes of .+ saved\./);
        await shot(page, 'notes-saved');
      });

      await step('use the account: its announcement, its customer view; return', async () => {
        await manager.getByRole('button', { name: 'Use account', exact: true }).click();
        await banner.filter({ hasText: `You are viewing the portal as ${account.name}` }).waitFor();
        const dialog = modal(page, /Announcement/);
        await dialog.filter({ hasText: words(announcement) }).waitFor();
        await shot(page, 'announcement');
        await dialog.getByRole('button', { name: 'Dismiss' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await customerView
          .getByRole('listitem')
          .filter({ hasText: /Two-way trunks: 12/ })
          .waitFor();
        await shot(page, 'customer-view');
        await banner.getByRole('button', { name: 'Return to my account' }).click();
        await customerView.waitFor({ state: 'detached' });
      });

      await step('sign out', async () => {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        assert.equal(await manager.count(), 0, 'no widget left on the page');
      });

      // Late reports (a violation is reported after the action it blocked) have their turn.
      await page.waitForTimeout(300);
      assert.deepEqual(problems, [], 'nothing refused, nothing thrown');
    } catch (e) {
      await shot(page, 'failed').catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });
});

// A customer's limits and what it sees, set in the demo as a reseller would, then read back from what reached
// the Crossbar emulator over HTTP: trunks 250/10/5, international denied, per-minute calls off, credit +12.34
// and −1.34, CNAM off; Transactions and Trunking hidden, the reseller's carriers, two apps off, a note and an
// announcement with a link and a list; a reload keeps all; the customer's admin sees the announcement once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator, type CrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator, type RunningEmulator } from '../src/mock/node.js';
import { expectText, modal, openFromSearch, save, signInOverHttp, step, writes } from './dashboard.js';
import { newPage, startDemo, type Demo } from './demo-pages.js';

const TIMEOUT = 15_000;
let demo: Demo;
let emulator: CrossbarEmulator;
let crossbar: RunningEmulator;

/** Signs in to the emulator over HTTP through the demo's "Connect to a real Kazoo" form. */
async function signIn(page: Page, login: { username: string; password: string; accountName: string }) {
  await page.goto(demo.url);
  await signInOverHttp(page, crossbar.url, login);
}

async function openCustomer(page: Page, name: string): Promise<void> {
  await openFromSearch(page, name);
  await page.getByRole('tree', { name: /^Accounts under / }).waitFor();
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

describe('a customer’s limits and what it sees, in the demo', () => {
  before(async () => {
    emulator = createCrossbarEmulator({ seed: { accounts: 60, depth: 2, seed: 9 } });
    crossbar = await serveEmulator(emulator, { port: 0 });
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
    await crossbar?.close();
  });

  it('sets them, keeps them over a reload, and the customer’s admin sees the announcement once', async () => {
    const customer = emulator
      .accounts()
      .find((a) => a.parentId === emulator.rootAccountId && a.enabled && !a.isReseller && a.childCount === 0)!;
    const api = createKazooAdapter({
      baseUrl: crossbar.url,
      credentials: { ...emulator.login },
      onChargesRequired: () => true,
    });
    // A known start: what the reseller turns off is on, what it changes is at its default.
    await api.updateAccount(customer.id, {
      callRestrictions: { international: 'inherit' },
      numberFeatures: { e911: true, cnam: true },
      uiRestrictions: Object.fromEntries(
        ['billing.transactions', 'trunking.inbound', 'trunking.outbound', 'trunking.twoway'].map((p) => [p, true]),
      ),
      notes: { customNotes: null, announcement: null },
    });
    await api.updateLimits(customer.id, { allowPerMinute: true });
    await api.setCarrierStrategy(customer.id, 'system');
    await api.setEnabledApps(
      customer.id,
      (await api.listApps(customer.id)).map((a) => a.id),
    );
    const balanceBefore = (await api.getBalance(customer.id)).amount.units;
    const { context, page, errors } = await newPage(demo.browser, {}, TIMEOUT);
    try {
      await signIn(page, emulator.login);
      await openCustomer(page, customer.name);

      const limits = page.locator('account-limits');
      await step('limits open with one read per resource and no write', async () => {
        const mark = emulator.requests.length;
        await tab(page, 'Limits');
        await limits.getByRole('spinbutton', { name: 'Two-way trunks' }).waitFor();
        await page.waitForTimeout(300);
        const reads = emulator.requests.slice(mark).map((r) => `${r.method} ${r.path}`);
        assert.deepEqual(writes(emulator, mark), [], 'opening writes nothing');
        assert.equal(new Set(reads).size, reads.length, `no read repeated: ${reads.join(', ')}`);
        for (const want of ['/limits', '/phone_numbers/classifiers', '/ledgers/total'])
          assert.ok(
            reads.some((r) => r.endsWith(`${customer.id}${want}`)),
            `reads ${want}`,
          );
      });

      await step('trunks 250/10/5, international denied, per-minute calls off', async () => {
        for (const [label, value] of [
          ['Two-way trunks', '250'],
          ['Inbound trunks', '10'],
          ['Outbound trunks', '5'],
        ] as const)
          await limits.getByRole('spinbutton', { name: label }).fill(value);
        await limits.getByRole('switch', { name: 'International' }).click();
        await limits.getByRole('switch', { name: 'Per-minute calls beyond the trunks' }).click();
        const mark = emulator.requests.length;
        await save(page, limits, /Limits and calls of .+ saved\./);
        const w = writes(emulator, mark).filter((r) => r.status < 300);
        const limitsPost = w.find((r) => r.method === 'POST' && r.path.endsWith('/limits'))!;
        assert.equal(
          (limitsPost.body as { data: Record<string, unknown> }).data.call_restriction,
          undefined,
          'no call classes in limits',
        );
        const patches = w.filter((r) => r.method === 'PATCH' && r.path === `/v2/accounts/${customer.id}`);
        assert.equal(patches.length, 1, 'one write of the account');
      });

      await step('credit +12.34 then −1.34: the balance moves by exactly 11.00', async () => {
        for (const [button, amount, done] of [
          ['Add credit', '12.34', /Credit added\. The balance is now/],
          ['Remove credit', '1.34', /Credit removed\. The balance is now/],
        ] as const) {
          await limits.getByRole('button', { name: button }).click();
          const dialog = modal(page, new RegExp(button));
          await dialog.getByRole('textbox', { name: /^Amount/ }).fill(amount);
          await dialog.getByRole('button', { name: 'Continue' }).click();
          await dialog.getByRole('button', { name: button }).click();
          await expectText(page.locator('account-limits'), done, button);
          const close = modal(page, new RegExp(button)).getByRole('button', { name: /Close|Done/ });
          if (await close.isVisible().catch(() => false)) await close.click();
        }
        const after = (await api.getBalance(customer.id)).amount.units;
        assert.equal(after - balanceBefore, 110_000, 'the balance moved by 11.00');
      });

      await step('CNAM off', async () => {
        await tab(page, 'Numbers');
        const numbers = page.locator('number-features');
        await numbers.getByRole('switch', { name: 'Caller name (CNAM)' }).click();
        await save(page, numbers, /Number features of .+ saved\./);
        assert.equal((await api.getAccount(customer.id)).numberFeatures.cnam, false, 'CNAM stored off');
      });

      const restrictions = page.locator('account-restrictions');
      await step('Transactions and all of Trunking hidden', async () => {
        await tab(page, 'Restrictions');
        await restrictions.getByRole('switch', { name: 'Transactions' }).click();
        await restrictions.getByRole('switch', { name: 'Trunking' }).click();
        await save(page, restrictions, /saved\./);
        assert.equal(
          (await api.getAccount(customer.id)).numberFeatures.cnam,
          false,
          'CNAM still off after restrictions',
        );
      });

      await step("the reseller's carriers", async () => {
        await tab(page, 'Carrier');
        const carrier = page.locator('carrier-picker');
        await carrier.getByRole('radio', { name: /Carriers of Acme Telecom/ }).check();
        await save(page, carrier, /Carriers of .+ saved\./);
      });

      let disabled: string[] = [];
      await step('two apps off, saved as one change', async () => {
        await tab(page, 'Apps');
        const apps = page.locator('app-exchange-toggle');
        const offered = (await api.listApps(customer.id)).filter((a) => a.enabled);
        disabled = offered.slice(0, 2).map((a) => a.label ?? a.name);
        await apps.getByRole('switch', { name: disabled[0]!, exact: true }).waitFor();
        for (const name of disabled) await apps.getByRole('switch', { name, exact: true }).click();
        const mark = emulator.requests.length;
        await save(page, apps, /Apps of .+ saved\./);
        assert.equal(
          writes(emulator, mark).filter((r) => r.path.endsWith('/apps_store/blacklist')).length,
          1,
          'one blacklist write',
        );
      });

      await step('a note and an announcement with a link and a list', async () => {
        await tab(page, 'Notes');
        const notes = page.locator('account-notes');
        for (const field of ['Customer notes', 'Announcement']) {
          const box = notes.getByRole('textbox', { name: field });
          const tools = notes.getByRole('toolbar', { name: `${field} formatting` });
          await box.click();
          await page.keyboard.type(`${field}: maintenance on Friday. `);
          await tools.getByRole('button', { name: 'Bulleted list' }).click();
          await box.click();
          await page.keyboard.press('End');
          await page.keyboard.type('Phones restart');
          await page.keyboard.press('Enter');
          await page.keyboard.type('Status page');
          await page.keyboard.press('Shift+Home');
          await tools.getByRole('button', { name: 'Link…' }).click();
          const link = modal(page, 'Link');
          await link.getByRole('textbox', { name: 'Address' }).fill('https://status.example.com');
          await link.getByRole('button', { name: 'Apply' }).click();
          await box.getByRole('link', { name: 'Status page' }).waitFor();
        }
        await save(page, notes, /Notes of .+ saved\./);
      });

      await step('everything kept after a reload', async () => {
        await page.reload();
        await signIn(page, emulator.login);
        await openCustomer(page, customer.name);
        await tab(page, 'Limits');
        const l = page.locator('account-limits');
        for (const [label, value] of [
          ['Two-way trunks', '250'],
          ['Inbound trunks', '10'],
          ['Outbound trunks', '5'],
        ] as const) {
          const box = l.getByRole('spinbutton', { name: label });
          await box.waitFor();
          assert.equal(await box.inputValue(), value, label);
        }
        assert.equal(
          await l.getByRole('switch', { name: 'International' }).getAttribute('aria-checked'),
          'false',
          'International',
        );
        assert.equal(
          await l.getByRole('switch', { name: 'Per-minute calls beyond the trunks' }).getAttribute('aria-checked'),
          'false',
          'per-minute calls',
        );
        await tab(page, 'Numbers');
        const cnam = page.locator('number-features').getByRole('switch', { name: 'Caller name (CNAM)' });
        await cnam.waitFor();
        assert.equal(await cnam.getAttribute('aria-checked'), 'false', 'CNAM');
        await tab(page, 'Restrictions');
        const r = page.locator('account-restrictions');
        await r.getByRole('switch', { name: 'Transactions' }).waitFor();
        assert.equal(
          await r.getByRole('switch', { name: 'Transactions' }).getAttribute('aria-checked'),
          'false',
          'Transactions',
        );
        for (const name of ['Inbound', 'Outbound', 'Two-way'])
          assert.equal(await r.getByRole('switch', { name, exact: true }).getAttribute('aria-checked'), 'false', name);
        await tab(page, 'Carrier');
        const reseller = page.locator('carrier-picker').getByRole('radio', { name: /Carriers of Acme Telecom/ });
        await reseller.waitFor();
        assert.equal(await reseller.isChecked(), true);
        await tab(page, 'Apps');
        for (const name of disabled) {
          const sw = page.locator('app-exchange-toggle').getByRole('switch', { name, exact: true });
          await sw.waitFor();
          assert.equal(await sw.getAttribute('aria-checked'), 'false', name);
        }
        await tab(page, 'Notes');
        await expectText(page.locator('account-notes'), 'maintenance on Friday', 'the notes');
      });

      await step('what reached the documents', async () => {
        const account = await api.getAccount(customer.id);
        const limitsNow = await api.getLimits(customer.id);
        assert.deepEqual(
          [limitsNow.twowayTrunks, limitsNow.inboundTrunks, limitsNow.outboundTrunks, limitsNow.allowPerMinute],
          [250, 10, 5, false],
        );
        assert.equal(account.callRestrictions.international, 'deny');
        assert.equal(account.numberFeatures.cnam, false);
        assert.equal(account.uiRestrictions['billing.transactions'], false);
        for (const p of ['trunking.inbound', 'trunking.outbound', 'trunking.twoway'] as const)
          assert.equal(account.uiRestrictions[p], false, p);
        assert.equal((await api.getCarrierStrategy(customer.id)).strategy, 'reseller');
        const apps = await api.listApps(customer.id);
        assert.equal(apps.filter((a) => !a.enabled).length, 2, 'two apps disabled');
        for (const html of [account.notes.customNotes!, account.notes.announcement!]) {
          assert.match(html, /<a [^>]*href="https:\/\/status\.example\.com\/?"/);
          assert.match(html, /<ul><li>/);
        }
      });

      await step('an edit based on an old revision is caught and nothing typed is lost', async () => {
        await tab(page, 'Limits');
        const l = page.locator('account-limits');
        await l.getByRole('spinbutton', { name: 'Inbound trunks' }).fill('12');
        await api.updateLimits(customer.id, { inboundTrunks: 11 });
        await l.getByRole('button', { name: 'Save', exact: true }).click();
        const conflict = l.getByRole('alert').filter({ hasText: 'changed this while you were editing' });
        await conflict.waitFor();
        await expectText(conflict, 'Your value: 12', 'mine kept');
        await conflict
          .getByRole('button', { name: /^Keep mine/ })
          .first()
          .click();
        await save(page, l, /saved\./);
        assert.equal((await api.getLimits(customer.id)).inboundTrunks, 12);
      });
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await context.close();
    }

    await step("the customer's admin sees the announcement once per sign-in", async () => {
      const { context: admin, page: p } = await newPage(demo.browser, {}, TIMEOUT);
      try {
        await signIn(p, emulator.loginFor(customer.id));
        const announcement = p.getByRole('dialog', { name: /Announcement/ });
        await announcement.waitFor();
        await expectText(modal(p, /Announcement/), 'maintenance on Friday', 'the announcement');
        await p.reload();
        await signIn(p, emulator.loginFor(customer.id));
        await p.waitForTimeout(1000);
        assert.equal(await announcement.isVisible(), false, 'not again in the same sign-in');
      } finally {
        await admin.close();
      }
    });
  });
});

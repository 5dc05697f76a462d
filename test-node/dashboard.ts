// What the end-to-end runs of the demo's dashboard share: signing in (on the built-in emulator or over HTTP), named
// steps, finding an account by search, the house modal, the charges question, a save and its words, what reached the
// emulator, and the customer of the demo's seed data that a reseller's visit uses.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { RESTRICTION_PATHS, restrictionsAllow, type Account, type RestrictionPath } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator, type CrossbarEmulator, type RecordedRequest } from '../src/mock/index.js';
import { DEMO_SEED } from '../demo/persist.js';

/** Runs one step; a failure names it. */
export async function step(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    throw new Error(`step "${name}" failed: ${(e as Error).message}`, { cause: e });
  }
}

/** A modal by name (the `<am-dialog>` host: its content is slotted into it). */
export function modal(page: Page, name: string | RegExp): Locator {
  // A dialog opened from inside another is nested in it: the innermost host comes last.
  return page
    .locator('am-dialog')
    .filter({ has: page.getByRole('dialog', { name }) })
    .last();
}

/**
 * Accepts each charges question until `done` settles; `asked`, when given, receives each question's words. The
 * next question may reuse the dialog at once, so each answer waits for the question to go or for other words.
 */
export async function answerCharges(page: Page, done: Promise<unknown>, asked?: string[]): Promise<void> {
  let over = false;
  void done.then(
    () => (over = true),
    () => (over = true),
  );
  const question = modal(page, 'Accept these charges?');
  while (!over) {
    try {
      await question.waitFor({ state: 'visible', timeout: 300 });
    } catch {
      continue;
    }
    const text = await question.innerText();
    asked?.push(text);
    await question.getByRole('button', { name: 'Accept and save' }).click();
    for (let i = 0; i < 40 && !over; i++) {
      if (!(await question.isVisible()) || (await question.innerText().catch(() => '')) !== text) break;
      await page.waitForTimeout(50);
    }
  }
}

/** `s` as a pattern that matches it to the letter. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until `locator` shows `text` (a string is a substring); a failure says what it showed. */
export async function expectText(locator: Locator, text: string | RegExp, what: string): Promise<void> {
  const want = typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text;
  await locator
    .filter({ hasText: want })
    .first()
    .waitFor()
    .catch(async () => {
      const seen = await locator.allInnerTexts().catch(() => []);
      assert.fail(`${what}: expected ${String(want)}, saw ${JSON.stringify(seen)}`);
    });
}

/** Saves the element in `scope`, accepting any charges, and waits for its words. */
export async function save(page: Page, scope: Locator, said: RegExp): Promise<void> {
  await scope.getByRole('button', { name: 'Save', exact: true }).click();
  const done = expectText(scope, said, 'saved');
  await Promise.all([done, answerCharges(page, done)]);
}

/** Signs in with the demo's prefilled credentials (its built-in emulator's); resolves once the tree shows rows. */
export async function signIn(page: Page, button = 'Sign in'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('region', { name: 'Session' }).waitFor({ timeout: 20_000 });
  await page.getByRole('tree').getByRole('treeitem').first().waitFor();
}

/** Signs in through the demo's "Connect to a real Kazoo" form to the Crossbar at `crossbar`; resolves the session. */
export async function signInOverHttp(
  page: Page,
  crossbar: string,
  login: { username: string; password: string; accountName: string },
): Promise<Locator> {
  await page.getByRole('tab', { name: 'Connect to a real Kazoo' }).click();
  await page.getByLabel('Crossbar URL').fill(crossbar);
  await page.getByLabel('User name').fill(login.username);
  await page.getByLabel('Password').fill(login.password);
  await page.getByLabel('Account name').fill(login.accountName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const session = page.getByRole('region', { name: 'Session' });
  await session.waitFor({ timeout: 20_000 });
  return session;
}

/** Searches the tree for `query` and opens the account named `name` from the results. */
export async function openFromSearch(page: Page, name: string, query = name): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill(query);
  await page
    .getByRole('tree', { name: /Search results/ })
    .getByRole('treeitem', { name })
    .click();
}

/** The requests that changed something, from the emulator's `from`th on. */
export const writes = (emulator: CrossbarEmulator, from: number): RecordedRequest[] =>
  emulator.requests.slice(from).filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS');

/** Text as a pattern that matches it with or without white space between words (a heading, then a paragraph). */
export const words = (text: string) => new RegExp(text.trim().split(/\s+/).map(escapeRegExp).join('\\s*'));

/**
 * The customer a reseller's visit uses, from the demo's seed data: enabled, not a reseller, with an announcement,
 * two-way trunks its users may see, and something hidden from them.
 */
export async function pickCustomer(): Promise<{ account: Account; hidden: RestrictionPath[]; announcement: string }> {
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

// An account's whole life in the demo, as a user drives it: create (two admins, a plan), find, rename, move,
// disable, add an admin, change the plan, delete. Once on the built-in emulator, once on the emulator over HTTP.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createCrossbarEmulator, type CrossbarEmulator, type RecordedRequest } from '../src/mock/index.js';
import { serveEmulator, type RunningEmulator } from '../src/mock/node.js';
import {
  answerCharges,
  escapeRegExp,
  expectText,
  modal,
  openFromSearch,
  signIn,
  signInOverHttp,
  step,
  writes,
} from './dashboard.js';
import { newPage, startDemo, type Demo } from './demo-pages.js';
import { screenshots } from './screenshots.js';

const NAME = 'Zephyr Lifecycle Co';
const RENAMED = 'Zephyr Lifecycle Group';
const ADMINS = [
  { first: 'Ada', last: 'Quill', email: 'ada.quill@zephyr-lifecycle.example' },
  { first: 'Brendan', last: 'Osei', email: 'brendan.osei@zephyr-lifecycle.example' },
];
const ADDED = { first: 'Carmen', last: 'Ibarra', email: 'carmen.ibarra@zephyr-lifecycle.example' };
const STANDARD = 'Hosted PBX Standard Seat';
const EXECUTIVE = 'Hosted PBX Executive Seat';
const planId = (slug: string) => createHash('md5').update(`service-plan:acme:${slug}`).digest('hex');
const TIMEOUT = 15_000;

let demo: Demo;

/** What a run found out along the way, for the checks on the wire. */
interface Seen {
  accountId?: string;
  target?: string;
  targetId?: string;
  charges: string[];
}

/** The server's side: how many requests so far, and the check of what one step sent from request `from` on. */
interface Wire {
  count(): number;
  check(step: string, from: number): void;
}
const NO_WIRE: Wire = { count: () => 0, check: () => {} };

async function expectGone(locator: Locator, what: string): Promise<void> {
  await locator
    .first()
    .waitFor({ state: 'detached', timeout: TIMEOUT })
    .catch(() => assert.fail(`${what}: still shown`));
}

async function expectChecked(box: Locator, checked: boolean, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while ((await box.isChecked()) !== checked) {
    if (Date.now() > deadline) assert.fail(`${what}: expected ${checked ? 'checked' : 'unchecked'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Saves a screenshot of the page after a step. */
type Shot = (page: Page, step: string) => Promise<unknown>;

/** The whole flow, after sign-in; `wire` checks each step's requests, `shot` keeps what each step ends on. */
async function lifecycle(page: Page, seen: Seen, wire: Wire, shot: Shot): Promise<void> {
  const tree = page.getByRole('tree');
  const dialogWizard = modal(page, 'New account');
  const overview = () => page.getByRole('region', { name: /^Account / });
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  let mark = 0;

  await step('create', async () => {
    mark = wire.count();
    await page.getByRole('button', { name: 'Add account' }).click();
    await dialogWizard.waitFor();
    await dialogWizard.getByLabel('Account name').fill(NAME);
    const next = dialogWizard.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await expectText(dialogWizard.getByRole('heading', { level: 3 }), 'Contacts', 'contacts step');
    await next.click();
    await expectText(dialogWizard.getByRole('heading', { level: 3 }), 'Admins', 'admins step');
    await dialogWizard.getByRole('button', { name: 'Add an admin' }).click();
    for (const [i, a] of ADMINS.entries()) {
      const group = dialogWizard.getByRole('group', { name: `Admin ${i + 1}` });
      await group.getByRole('textbox', { name: 'First name' }).fill(a.first);
      await group.getByRole('textbox', { name: 'Last name' }).fill(a.last);
      await group.getByRole('textbox', { name: 'E-mail', exact: true }).fill(a.email);
    }
    await next.click();
    await expectText(dialogWizard.getByRole('heading', { level: 3 }), 'Service plans', 'plans step');
    await dialogWizard.getByRole('checkbox', { name: STANDARD }).check();
    for (const s of ['Limits and calls', 'Initial credit', 'Apps', 'Review']) {
      await next.click();
      await expectText(dialogWizard.getByRole('heading', { level: 3 }), s, `${s} step`);
    }
    const review = dialogWizard.locator('[part=review]');
    await expectText(review, NAME, 'review');
    for (const a of ADMINS) await expectText(review, a.email, 'review');
    await expectText(review, STANDARD, 'review');
    await dialogWizard.getByRole('button', { name: 'Create account' }).click();
    const created = expectText(dialogWizard, `${NAME} was created.`, 'wizard end');
    await Promise.all([created, answerCharges(page, created, seen.charges)]);
    assert.ok(seen.charges.length > 0, 'the plan’s charges were put to the user');
    await dialogWizard.locator('[part=done]').getByRole('button', { name: 'Close' }).click();
    await dialogWizard.waitFor({ state: 'hidden' });
    wire.check('create', mark);
    await shot(page, 'create');
  });

  await step('find it in the tree', async () => {
    await openFromSearch(page, NAME, 'Zephyr');
    await page.getByRole('tree', { name: /^Accounts under / }).waitFor();
    await expectRow(tree, { name: NAME, selected: true }, 'the account found');
    await page.locator('account-manager').getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await overview().filter({ hasText: NAME }).waitFor();
    const id = await overview().locator('dd code').first().innerText();
    assert.match(id, /^[0-9a-f]{32}$/, 'the account ID is shown');
    if (seen.accountId) assert.equal(id, seen.accountId, 'the account found is the one created');
    seen.accountId = id;
    await shot(page, 'found');
  });

  await step('rename', async () => {
    mark = wire.count();
    const details = overview().getByRole('region', { name: 'Details' });
    await details.getByLabel('Name', { exact: true }).fill(RENAMED);
    await overview().getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('region', { name: `Account ${RENAMED}` }).waitFor();
    await expectRow(tree, { name: RENAMED, selected: true }, 'the renamed account');
    await expectGone(tree.getByRole('treeitem', { name: NAME }), 'the old name in the tree');
    wire.check('rename', mark);
    await shot(page, 'rename');
  });

  await step('move under another customer', async () => {
    // A customer of the same reseller: a first-level row that is neither a reseller nor this account.
    await showTree(tree);
    const rows = await tree.getByRole('treeitem', { level: 1 }).all();
    for (const row of rows) {
      const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
      const name = (await row.locator('.name').innerText()).trim();
      if (name !== RENAMED && !/Reseller|Disabled/.test(label)) {
        seen.target = name;
        seen.targetId = (await row.getAttribute('data-key')) ?? undefined;
        break;
      }
    }
    const target = seen.target;
    assert.ok(target, 'a customer to move under is in the tree');
    mark = wire.count();
    await overview().getByRole('button', { name: 'Move to…' }).click();
    await overview().getByLabel('Find the new parent account').fill(target);
    const results = overview().getByRole('group', { name: 'Matching accounts' });
    await results
      .locator('label')
      .filter({ has: page.getByText(target, { exact: true }) })
      .getByRole('radio')
      .check();
    await expectText(overview().getByRole('status'), `${target} can take this account.`, 'move check');
    await overview().getByRole('button', { name: 'Move here' }).click();
    const confirm = modal(page, `Move ${RENAMED} under ${target}?`);
    await confirm.getByRole('button', { name: 'Move', exact: true }).click();
    await expectText(overview(), `Parent account: ${target}`, 'the new parent');
    await showTree(tree);
    await expectGone(tree.getByRole('treeitem', { name: RENAMED, level: 1 }), 'the account at the first level');
    // The new parent now has a sub-account, revealed there (opened here if it is not yet).
    const parentRow = tree.getByRole('treeitem', { name: target, level: 1 });
    await parentRow.waitFor();
    if ((await parentRow.getAttribute('aria-expanded')) !== 'true') await parentRow.locator('[part=toggle]').click();
    await expectRow(tree, { name: RENAMED, level: 2 }, 'the moved account');
    wire.check('move', mark);
    await shot(page, 'move');
  });

  await step('disable', async () => {
    mark = wire.count();
    await overview().getByRole('button', { name: 'Disable account' }).click();
    await modal(page, `Disable ${RENAMED}?`).getByRole('button', { name: 'Disable', exact: true }).click();
    await expectText(overview().getByRole('note'), 'This account is disabled.', 'the status line');
    await overview().getByRole('button', { name: 'Enable account' }).waitFor();
    await expectRow(tree, { name: new RegExp(`^${escapeRegExp(RENAMED)}\\W+Disabled`) }, 'the disabled account');
    wire.check('disable', mark);
    await shot(page, 'disable');
  });

  await step('add an admin', async () => {
    await tab('Admins').click();
    const list = page.getByRole('list', { name: 'Administrators' });
    for (const a of ADMINS) await expectText(list.getByRole('listitem'), a.email, 'admins created with the account');
    mark = wire.count();
    await page.getByRole('button', { name: 'Add administrator' }).click();
    const form = modal(page, 'Add an administrator');
    await form.getByRole('textbox', { name: 'First name' }).fill(ADDED.first);
    await form.getByRole('textbox', { name: 'Last name' }).fill(ADDED.last);
    await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill(ADDED.email);
    await form.getByRole('button', { name: 'Add administrator' }).click();
    await form.waitFor({ state: 'hidden' });
    await expectText(list.getByRole('listitem'), ADDED.email, 'the new admin');
    await expectText(page.locator('account-admins [part=header]'), '3 administrators', 'the count');
    await page.getByRole('region', { name: `Password for ${ADDED.first} ${ADDED.last}` }).waitFor();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    wire.check('admin', mark);
    await shot(page, 'admin');
  });

  await step('change the plan', async () => {
    await tab('Plans').click();
    const standard = page.getByRole('checkbox', { name: STANDARD });
    const executive = page.getByRole('checkbox', { name: EXECUTIVE });
    await expectChecked(standard, true, 'the plan chosen at creation');
    await expectChecked(executive, false, 'another plan');
    const before = seen.charges.length;
    mark = wire.count();
    await standard.uncheck();
    await executive.check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = expectText(page.locator('service-plan-picker'), 'Service plans saved.', 'saved');
    await Promise.all([saved, answerCharges(page, saved, seen.charges)]);
    assert.ok(seen.charges.length > before, 'the new plan’s charges were asked for');
    await expectChecked(executive, true, 'the new plan');
    await expectChecked(standard, false, 'the old plan');
    wire.check('plans', mark);
    await shot(page, 'plans');
  });

  await step('delete', async () => {
    await tab('Overview').click();
    mark = wire.count();
    await overview().getByRole('button', { name: 'Delete account…' }).click();
    const confirm = modal(page, `Delete ${RENAMED}?`);
    await confirm.getByRole('textbox', { name: `Type ${RENAMED} to confirm` }).fill(RENAMED);
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expectText(page.locator('account-overview').getByRole('status'), `${RENAMED} was deleted.`, 'deleted');
    await showTree(tree);
    await expectGone(tree.getByRole('treeitem', { name: RENAMED }), 'the account in the tree');
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('Zephyr');
    await expectText(page.locator('account-tree [part=empty]'), 'No accounts match “Zephyr”.', 'search after delete');
    wire.check('delete', mark);
    await shot(page, 'delete');
  });
}

/** Brings the tree into view, as a user scrolls to it: off-screen, it renders no rows. */
async function showTree(tree: Locator): Promise<void> {
  await tree.scrollIntoViewIfNeeded();
  await tree.getByRole('treeitem').first().waitFor();
}

/** Waits for a tree row; on failure says which rows the tree shows. */
async function expectRow(
  tree: Locator,
  options: { name: string | RegExp; selected?: boolean; level?: number },
  what: string,
) {
  await showTree(tree);
  await tree
    .getByRole('treeitem', options)
    .first()
    .waitFor({ timeout: TIMEOUT })
    .catch(async () => {
      const rows: string[] = [];
      for (const row of await tree.getByRole('treeitem').all()) {
        const [level, label, selected, text] = await Promise.all([
          row.getAttribute('aria-level'),
          row.getAttribute('aria-label'),
          row.getAttribute('aria-selected'),
          row.innerText(),
        ]);
        rows.push(`${level}:${label ?? text.trim()}${selected === 'true' ? ' (selected)' : ''}`);
      }
      assert.fail(`${what}: no row ${JSON.stringify(options)} among ${JSON.stringify(rows)}`);
    });
}

async function openPage(): Promise<{ page: Page; errors: string[]; seen: Seen; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(demo.browser, {}, TIMEOUT);
  const seen: Seen = { charges: [] };
  page.on('dialog', (d) => {
    errors.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(demo.url);
  return { page, errors, seen, close: () => context.close() };
}

describe('an account’s life in the demo', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  it('on the built-in emulator', async () => {
    const { page, errors, seen, close } = await openPage();
    try {
      const shot = screenshots('lifecycle-emulator');
      await signIn(page);
      await shot(page, 'signed-in');
      await lifecycle(page, seen, NO_WIRE, shot);
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await close();
    }
  });

  describe('on the emulator over HTTP', () => {
    let emulator: CrossbarEmulator;
    let crossbar: RunningEmulator;
    before(async () => {
      emulator = createCrossbarEmulator({ seed: { accounts: 60, depth: 2, seed: 9 } });
      crossbar = await serveEmulator(emulator, { port: 0 });
    });
    after(async () => {
      await crossbar?.close();
    });

    it('signs in by URL and runs the same flow, each write reaching the server once', async () => {
      const { page, errors, seen, close } = await openPage();
      const root = emulator.rootAccountId;
      try {
        const session = await signInOverHttp(page, crossbar.url, emulator.login);
        assert.match(await session.innerText(), new RegExp(escapeRegExp(crossbar.url)));
        const shot = screenshots('lifecycle-http');
        await page.getByRole('tree').getByRole('treeitem').first().waitFor();
        await shot(page, 'signed-in');
        assert.ok(
          emulator.requests.some((r) => r.method === 'PUT' && r.path === '/v2/user_auth' && r.status === 201),
          'signed in on the server',
        );

        await lifecycle(
          page,
          seen,
          {
            count: () => emulator.requests.length,
            check(name, from) {
              const w = writes(emulator, from);
              // The new account's id: where the admins went (the page shows it next, and must agree).
              seen.accountId ??= /^\/v2\/accounts\/(\w+)\/users$/.exec(
                w.find((r) => r.path.endsWith('/users'))?.path ?? '',
              )?.[1];
              const id = seen.accountId ?? '?';
              const account = `/v2/accounts/${id}`;
              const lines = w.map(
                (r) => `${r.method} ${r.path.replace(id, '{id}').replace(root, '{root}')} ${r.status}`,
              );
              const data = (r: RecordedRequest) => (r.body as { data: Record<string, unknown> }).data;
              switch (name) {
                case 'create': {
                  const creations = w.filter((r) => r.method === 'PUT' && /^\/v2\/accounts\/\w+$/.test(r.path));
                  assert.deepEqual(
                    creations.map((r) => `${r.path} ${r.status}`),
                    [`/v2/accounts/${root} 201`],
                    `one account created, under the reseller:\n${lines.join('\n')}`,
                  );
                  assert.equal(data(creations[0]!).name, NAME);
                  const users = w.filter((r) => r.method === 'PUT' && r.path === `${account}/users`);
                  assert.deepEqual(
                    users.map((r) => `${String(data(r).email)} ${String(data(r).priv_level)} ${r.status}`).sort(),
                    ADMINS.map((a) => `${a.email} admin 201`),
                    `two admins:\n${lines.join('\n')}`,
                  );
                  // Charges first refused, then accepted once the user said yes.
                  const services = w.filter((r) => r.method === 'POST' && r.path === `${account}/services`);
                  assert.deepEqual(
                    services.map(
                      (r) => `${r.status} ${(r.body as { accept_charges?: boolean }).accept_charges === true}`,
                    ),
                    ['402 false', '200 true'],
                    `the plan:\n${lines.join('\n')}`,
                  );
                  assert.deepEqual(data(services[1]!).add, [planId('seat-standard')]);
                  assert.ok(
                    w.every((r) => r.path === `/v2/accounts/${root}` || r.path.startsWith(account)),
                    `nothing written elsewhere:\n${lines.join('\n')}`,
                  );
                  break;
                }
                case 'rename':
                  assert.deepEqual(lines, ['PATCH /v2/accounts/{id} 200'], 'one rename');
                  assert.deepEqual(data(w[0]!), { name: RENAMED });
                  break;
                case 'move':
                  assert.deepEqual(lines, ['POST /v2/accounts/{id}/move 200'], 'one move');
                  assert.deepEqual(data(w[0]!), { to: seen.targetId });
                  break;
                case 'disable':
                  assert.deepEqual(lines, ['PATCH /v2/accounts/{id} 200'], 'one status change');
                  assert.deepEqual(data(w[0]!), { enabled: false });
                  break;
                case 'admin':
                  assert.deepEqual(lines, ['PUT /v2/accounts/{id}/users 201'], 'one new admin');
                  assert.equal(data(w[0]!).email, ADDED.email);
                  assert.equal(data(w[0]!).priv_level, 'admin');
                  break;
                case 'plans': {
                  assert.deepEqual(
                    lines,
                    ['POST /v2/accounts/{id}/services 402', 'POST /v2/accounts/{id}/services 200'],
                    'one plan change, replayed once its charges were accepted',
                  );
                  assert.deepEqual(data(w[1]!), { add: [planId('seat-executive')], delete: [planId('seat-standard')] });
                  assert.equal((w[1]!.body as { accept_charges?: boolean }).accept_charges, true);
                  break;
                }
                case 'delete':
                  assert.deepEqual(lines, ['DELETE /v2/accounts/{id} 200'], 'one deletion');
                  break;
              }
            },
          },
          shot,
        );
        assert.deepEqual(errors, [], 'no page errors');
      } finally {
        await close();
      }
    });
  });
});

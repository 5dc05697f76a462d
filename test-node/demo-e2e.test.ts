// The demo as a user meets it: `npm start`'s page, driven in headless Chromium.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { signIn } from './dashboard.js';
import { startDemo, type Demo } from './demo-pages.js';

let demo: Demo;

describe('demo portal', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  it('signs in with the prefilled demo credentials, shows the session, and keeps data across reloads and tabs', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(demo.url);
    await signIn(page);
    const session = page.getByRole('region', { name: 'Session' });
    assert.match(await session.innerText(), /Acme Telecom/);
    assert.match(await session.innerText(), /Reseller/);

    // Rename a customer through the page's own backend, then read it after a reload and from a second tab.
    const credentials = createHash('md5').update('admin@acme.example:demo-password-1').digest('hex');
    // Page code as text: the TypeScript loader would add helpers the page does not have.
    const script = `async ({ credentials, rename, id }) => {
      const call = async (method, path, token, data) => {
        const res = await fetch('/demo-crossbar/v2' + path, {
          method,
          headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { 'X-Auth-Token': token } : {}),
          body: data === undefined ? undefined : JSON.stringify({ data }),
        });
        return res.json();
      };
      const login = await call('PUT', '/user_auth', undefined, { credentials, account_name: 'Acme Telecom', method: 'md5' });
      const token = login.auth_token;
      const root = login.data.account_id;
      const children = await call('GET', '/accounts/' + root + '/children?page_size=1', token);
      const childId = id || children.data[0].id;
      if (rename) await call('PATCH', '/accounts/' + childId, token, { name: rename });
      const reply = await call('GET', '/accounts/' + childId, token);
      const doc = reply.data;
      if (!doc || !doc.name) return { id: childId, reply };
      return { id: doc.id, name: doc.name };
    }`;
    const crossbar = (args: { rename?: string; id?: string }): Promise<{ id: string; name: string }> =>
      page.evaluate(`(${script})(${JSON.stringify({ credentials, ...args })})`);
    const child = await crossbar({ rename: 'Renamed In The Demo' });
    assert.equal(child.name, 'Renamed In The Demo');
    await page.waitForTimeout(600); // the demo saves its data shortly after each write

    await page.reload();
    await page.getByRole('region', { name: 'Session' }).waitFor({ timeout: 20000 });
    assert.equal((await crossbar({ id: child.id })).name, 'Renamed In The Demo', 'kept across a reload');

    const second = await context.newPage();
    await second.goto(demo.url);
    await signIn(second);
    // A change in one tab reaches the other: rename again in the first tab, read in the second.
    await crossbar({ rename: 'Renamed Again', id: child.id });
    await page.waitForTimeout(600);
    const inSecond = await second.evaluate(`(${script})(${JSON.stringify({ credentials, id: child.id })})`);
    assert.equal(
      (inSecond as { name: string }).name,
      'Renamed Again',
      `shared between tabs: ${JSON.stringify(inSecond)}`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});

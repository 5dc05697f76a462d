// The demo portal on a phone and in other languages, driven in headless Chromium against `npm start`'s page.
// Run: npx tsx --test test-node/demo-layout.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn } from './dashboard.js';
import { row, startDemo, type Demo } from './demo-pages.js';

let demo: Demo;

/** Picks the `n`th customer in the tree; resolves its name. */
async function pick(page: Page, n: number): Promise<string> {
  const { row: r, name } = await row(page.locator('account-tree'), n);
  await r.click();
  return name;
}

/** Page-wide overflow and the boxes that stick out of the viewport (page code as text: the loader adds helpers). */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; out: string[] }> {
  return page.evaluate(`(() => {
    const width = innerWidth;
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.height && (r.left < -0.5 || r.right > width + 0.5) && getComputedStyle(el).position !== 'fixed')
          out.push(el.localName + '.' + el.className + ': ' + Math.round(r.left) + '…' + Math.round(r.right));
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return { scrollWidth: document.scrollingElement.scrollWidth, width, out };
  })()`);
}

describe('demo portal: phone layout and languages', () => {
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  it('at 360 px, with an account selected, nothing scrolls sideways and the tab row wraps', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(demo.url);
    await signIn(page);
    await pick(page, 1);
    const tabs = page.getByRole('tablist', { name: 'Account sections' });
    await tabs.waitFor();
    await page.waitForTimeout(300);
    const o = await overflow(page);
    assert.ok(
      o.scrollWidth <= o.width,
      `the page scrolls sideways: ${o.scrollWidth} > ${o.width}\n${o.out.join('\n')}`,
    );
    assert.deepEqual(o.out, []);
    const tabRow: { scroll: number; client: number } = await page.evaluate(`(() => {
      const el = document.querySelector('account-manager').shadowRoot.querySelector('[role=tablist]');
      return { scroll: el.scrollWidth, client: el.clientWidth };
    })()`);
    assert.ok(tabRow.scroll <= tabRow.client, `every tab is inside the row: ${JSON.stringify(tabRow)}`);
    for (const tab of await tabs.getByRole('tab').all()) {
      const box = (await tab.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${await tab.innerText()} is on screen`);
    }
    const gutters: { left: number; right: number } = await page.evaluate(`(() => {
      const r = document.querySelector('main').getBoundingClientRect();
      const card = document.querySelector('main account-manager').getBoundingClientRect();
      return { left: card.left - r.left, right: r.right - card.right };
    })()`);
    assert.equal(Math.round(gutters.left), Math.round(gutters.right), 'the same gutter on both sides');
    await context.close();
  });

  it('speaks the chosen language in its own chrome (French, and Arabic right to left)', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(demo.url);
    const language = page.locator('header select').nth(1);
    await language.selectOption('fr-FR');
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    assert.ok(await page.getByRole('tab', { name: 'Émulateur intégré' }).isVisible());
    await signIn(page, 'Se connecter');
    const session = page.getByRole('region', { name: 'Session' });
    assert.match(await session.innerText(), /Compte[\s\S]*Utilisateur[\s\S]*Niveau[\s\S]*Revendeur/);
    await pick(page, 1);
    const tabs = page.getByRole('tablist', { name: 'Sections du compte' });
    await tabs.waitFor();
    assert.deepEqual(
      (await tabs.getByRole('tab').allInnerTexts()).map((s) => s.trim()),
      [
        'Aperçu',
        'Administrateurs',
        'Limites',
        'Numéros',
        'Restrictions',
        'Opérateurs',
        'Applications',
        'Notes',
        'Offres',
      ],
    );
    assert.ok(await page.getByRole('button', { name: 'Se déconnecter' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Utiliser le compte' }).isVisible());
    await language.selectOption('ar-EG');
    await page.getByRole('button', { name: 'تسجيل الخروج' }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.dir'), 'rtl');
    await context.close();
  });

  it('asks before a tree selection drops unsaved edits; Keep editing keeps the selection and the tab', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(demo.url);
    await signIn(page);
    const first = await pick(page, 1);
    const overview = page.locator('account-overview');
    const name = overview.getByRole('region', { name: 'Details' }).getByRole('textbox', { name: 'Name' });
    await name.waitFor({ timeout: 20000 });
    await name.fill('Typed In The Demo');
    // Another tab and back: the edit is still there.
    await page.getByRole('tab', { name: 'Limits' }).click();
    await page.locator('account-limits').getByRole('button', { name: 'Save' }).waitFor({ timeout: 20000 });
    await page.getByRole('tab', { name: 'Overview' }).click();
    await overview.getByRole('region', { name: 'Details' }).getByRole('textbox', { name: 'Name' }).waitFor();
    assert.equal(await name.inputValue(), 'Typed In The Demo');
    await pick(page, 2);
    const dialog = page.getByRole('dialog', { name: `Discard changes to ${first}?` });
    await dialog.waitFor({ timeout: 10000 });
    // The dialog's buttons are its host's children, slotted in.
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await name.inputValue(), 'Typed In The Demo');
    const selected = page.locator('account-tree [role="treeitem"][aria-selected="true"] .name');
    assert.equal((await selected.innerText()).trim(), first);
    assert.equal(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'), 'true');
    await context.close();
  });
});

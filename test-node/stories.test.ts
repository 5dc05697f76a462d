// Every story in the built Storybook renders without an error (the designers' view of every widget in every state).
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { tagNames } from '../exports/tags.js';

const DIR = 'storybook-static';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
let server: Server;
let browser: Browser;
let base: string;

if (!existsSync(join(DIR, 'index.json'))) {
  // Built quietly: its log is shown only when the build fails.
  try {
    execSync('npm run storybook:build --silent', { stdio: 'pipe' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${String(stdout ?? '')}${String(stderr ?? '')}`);
    throw e;
  }
}
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string }>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

describe('storybook', () => {
  before(async () => {
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const file = join(DIR, path.endsWith('/') ? `${path}index.html` : path);
      if (!existsSync(file)) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it(`has stories for every element (${stories.length} stories)`, () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const tag of tagNames) {
      assert.ok(
        [...titles].some((t) => t.endsWith(tag)),
        `no stories for <${tag}>`,
      );
    }
  });

  it('renders every story without an error and without an axe violation (WCAG 2 A and AA)', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let current = '';
    page.on('pageerror', (e) => {
      // The mock backend's service worker checks for an update of itself in the background; a check that fails
      // (the static server between two stories) is the test harness's, not the story's.
      if (/Failed to update a ServiceWorker/.test(e.message)) return;
      failures.push(`${current}: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Error rendering story|Uncaught/.test(m.text()))
        failures.push(`${current}: ${m.text()}`);
    });
    for (const story of stories) {
      current = story.id;
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(
        () =>
          document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
        undefined,
        { timeout: 15000 },
      );
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        failures.push(`${story.id}: error display`);
        continue;
      }
      // The story's first data in, then the same checks as the a11y panel (which may be running: wait for it).
      await page.waitForTimeout(250);
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: { run(ctx: string, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        };
        for (let i = 0; i < 50; i++) {
          try {
            const r = await axe.run('#storybook-root', { runOnly: ['wcag2a', 'wcag2aa'] });
            return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
          } catch (e) {
            if (!String(e).includes('already running')) throw e;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
        return ['axe stayed busy'];
      });
      for (const v of violations) failures.push(`${story.id}: ${v}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });
});

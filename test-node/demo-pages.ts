// What the end-to-end tests of the demo's pages share: the demo's dev server and a headless Chromium, a page opened
// at a phone's or a desktop's width in light or dark, reached from the demo's own navigation, and what a user checks
// on any page (no sideways scroll, the colour scheme, a tree's rows).
import assert from 'node:assert/strict';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

export const TIMEOUT = 20_000;

/** The widths and schemes each page is tried at. */
export const VIEWS = [
  { width: 1280, height: 900, dark: false },
  { width: 360, height: 740, dark: true },
  { width: 1280, height: 900, dark: true },
  { width: 360, height: 740, dark: false },
];
export type View = (typeof VIEWS)[number];
export const viewName = (v: View) => `${v.width}px ${v.dark ? 'dark' : 'light'}`;

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Console warnings, but Lit's note that it runs its development build. */
  warnings: string[];
  /** Paths of the requests made (from the last `goTo`'s link on). */
  requests: string[];
}

export interface Demo {
  url: string;
  browser: Browser;
  /** A new browser context at `view`'s size and colour scheme, with what the page reports recorded. */
  open(view: View): Promise<Opened>;
  /** Goes to the dashboard, then follows the demo's own link to the page; `requests` then lists that page's only. */
  goTo(page: Page, link: string, requests?: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A headless Chromium, as the tests run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/** A page in a new context of `browser`, with `timeout` as its default and its uncaught errors recorded. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
  timeout = TIMEOUT,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Serves the demo (vite.demo.config.ts) on a free port and launches Chromium. */
export async function startDemo(): Promise<Demo> {
  const server = await createServer({
    configFile: 'vite.demo.config.ts',
    // No hot reload: a file saved while a test runs must not reload the page under it.
    server: { port: 0, host: '127.0.0.1', hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launchChromium();
  return {
    url,
    browser,
    async open(view) {
      const { context, page, errors } = await newPage(browser, {
        viewport: { width: view.width, height: view.height },
        colorScheme: view.dark ? 'dark' : 'light',
      });
      const warnings: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
        else if (m.type() === 'warning' && !/^Lit is in dev mode/.test(m.text())) warnings.push(m.text());
      });
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      return { context, page, errors, warnings, requests };
    },
    async goTo(page, link, requests = []) {
      await page.goto(url);
      const nav = page.getByRole('navigation', { name: 'Demo pages' });
      await nav.waitFor();
      requests.length = 0;
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('link', { name: link, exact: true }).and(page.locator('[aria-current=page]')).waitFor();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.scrollingElement.scrollWidth, width: innerWidth })',
  )) as { scroll: number; width: number };
  assert.ok(scroll <= width, `${what}: the page scrolls sideways (${scroll} > ${width})`);
}

/** The page is dark or light as the system asked: the body's background is dark or light. */
export async function expectScheme(page: Page, dark: boolean, what: string): Promise<void> {
  const rgb: number[] = await page.evaluate(
    `getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)`,
  );
  const light = (rgb[0]! * 299 + rgb[1]! * 587 + rgb[2]! * 114) / 1000;
  assert.equal(light < 128, dark, `${what}: body background rgb(${rgb.join(', ')})`);
}

/** The `n`th row of a tree once rows are shown; resolves its name. */
export async function row(tree: Locator, n: number): Promise<{ row: Locator; name: string }> {
  const r = tree.locator('[role=treeitem]').nth(n);
  await r.waitFor();
  return { row: r, name: (await r.locator('.name').innerText()).trim() };
}

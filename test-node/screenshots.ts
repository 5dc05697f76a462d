// Screenshots of the end-to-end runs, for a person to look at: tmp/screenshots/<run>/<nn>-<step>.png (git ignores tmp/).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOTS = join('tmp', 'screenshots');

/** Numbers a run's screenshots in the order they are taken (the last run's are removed); each saves the whole page. */
export function screenshots(run: string): (page: Page, step: string) => Promise<string> {
  const dir = join(SCREENSHOTS, run);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step) => {
    const file = join(dir, `${String(++n).padStart(2, '0')}-${step.replace(/[^\w-]+/g, '-')}.png`);
    // Caret and pending transitions would make two runs differ for nothing.
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    return file;
  };
}

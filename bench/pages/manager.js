// <account-manager> in <account-provider .api=createKazooAdapter(...)>, over the Crossbar emulator (HTTP). The driver
// (bench/run.mjs) mounts it, opens one account from the tree and then each tab, and counts the requests the emulator
// answered at each step. Each step here is the user's action and the wait until its result shows.
import '../../components/account-provider/account-provider.define.ts';
import '../../components/account-manager/account-manager.define.ts';
import { createKazooAdapter } from '../../src/kazoo/index.ts';
import { nextFrame, sectionState, tabButton, title, treeRow } from './manager-dom.js';

const q = new URLSearchParams(location.search);
const box = document.getElementById('box');
let manager;

/** Polls every frame until `done()` holds (or `capMs`); ms from `t0` to the frame after. */
async function until(done, t0, capMs) {
  while (performance.now() - t0 < capMs) {
    const v = done();
    if (v) return { ok: true, state: v, ms: Math.round((await nextFrame()) - t0) };
    await nextFrame();
  }
  return { ok: false, state: done() ?? null, ms: null };
}

window.__manager = {
  ready: true,
  /** Mounts the manager; resolves when the tree shows `name`. */
  async mount({ name, capMs = 20_000 }) {
    const t0 = performance.now();
    const provider = document.createElement('account-provider');
    provider.style.height = '100%';
    provider.api = createKazooAdapter({ baseUrl: q.get('api'), token: q.get('token') });
    manager = document.createElement('account-manager');
    provider.append(manager);
    box.append(provider);
    return until(() => !!treeRow(manager, name) && 'ready', t0, capMs);
  },
  /** Clicks the account's row in the tree; resolves when the header names it and the overview is loaded. */
  async open({ name, capMs = 20_000 }) {
    const row = treeRow(manager, name);
    if (!row) return { ok: false, state: 'no row', ms: null };
    const t0 = performance.now();
    row.click();
    return until(() => title(manager) === name && sectionState(manager, 'overview'), t0, capMs);
  },
  /** Clicks a tab by its label; resolves when its section is loaded. */
  async tab({ tab, label, capMs = 20_000 }) {
    const button = tabButton(manager, label);
    if (!button) return { ok: false, state: 'no tab', ms: null };
    const t0 = performance.now();
    button.click();
    return until(() => button.getAttribute('aria-selected') === 'true' && sectionState(manager, tab), t0, capMs);
  },
};

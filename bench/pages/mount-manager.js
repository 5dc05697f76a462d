// Mount/unmount <account-manager> 1,000 times, each time on one account's overview, to look for leaks. The data
// comes from the Crossbar emulator running in the page (the Kazoo adapter's fetch goes to its handler: no network).
// The driver reads JS heap, DOM nodes and event listeners (CDP) before and after, as for the tree (mount.js).
import '../../components/account-provider/account-provider.define.ts';
import '../../components/account-manager/account-manager.define.ts';
import { createKazooAdapter } from '../../src/kazoo/index.ts';
import { createCrossbarEmulator } from '../../src/mock/emulator.ts';
import { nextFrame, sectionState, title, treeRow } from './manager-dom.js';

const emulator = createCrossbarEmulator({ seed: { accounts: 40, depth: 3, seed: 1 } });
const root = emulator.rootAccountId;
const all = emulator.accounts();
// The account shown: the first enabled customer of the root without sub-accounts.
const account = all.find((a) => a.parentId === root && a.enabled && !a.isReseller && a.childCount === 0);
const rootName = all.find((a) => a.id === root)?.name ?? '';
const calls = new Map();
const api = createKazooAdapter({
  baseUrl: 'http://emulator.bench.invalid',
  token: emulator.issueToken(),
  fetch: (input, init) => {
    const req = new Request(input, init);
    const key = `${req.method} ${new URL(req.url).pathname.replace(/[0-9a-f]{32}/g, '{id}')}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return emulator.handle(req);
  },
});

const box = document.getElementById('box');
let provider = null;

function makeProvider() {
  const p = document.createElement('account-provider');
  p.style.height = '100%';
  p.api = api;
  return p;
}

function makeManager() {
  const m = document.createElement('account-manager');
  m.setAttribute('account-id', account.id);
  return m;
}

/** The overview of the account is loaded, and the tree shows its rows. */
const shown = (m) => title(m) === account.name && sectionState(m, 'overview') === 'ready' && !!treeRow(m, account.name);

window.__mount = {
  ready: true,
  account: { id: account.id, name: account.name, root, rootName },
  /**
   * `mode: 'manager'`: one provider stays mounted; <account-manager> is mounted and removed `count` times inside it.
   * `mode: 'pair'`: provider and manager are mounted and removed together.
   * Each cycle waits until the overview and the tree show (at most `capMs`), then removes. The emulator's request
   * log is emptied each cycle (it would otherwise grow with the run).
   */
  async cycle({ count, mode = 'manager', capMs = 5000 }) {
    let noRows = 0;
    const t0 = performance.now();
    if (mode === 'manager' && !provider) {
      provider = makeProvider();
      box.append(provider);
    }
    for (let i = 0; i < count; i++) {
      const m = makeManager();
      let mounted;
      if (mode === 'manager') {
        provider.append(m);
        mounted = m;
      } else {
        mounted = makeProvider();
        mounted.append(m);
        box.append(mounted);
      }
      const ts = performance.now();
      let ok = false;
      while (performance.now() - ts < capMs) {
        await nextFrame();
        if (shown(m)) {
          ok = true;
          break;
        }
      }
      if (!ok) noRows++;
      mounted.remove();
      emulator.clearRequests();
    }
    return { count, mode, noRows, ms: Math.round(performance.now() - t0) };
  },
  /** Remove the persistent provider (end of a 'manager' series). */
  reset() {
    provider?.remove();
    provider = null;
    emulator.clearRequests();
  },
  calls: () => Object.fromEntries(calls),
};

// Mount/unmount each element 1,000 times, to look for leaks: <account-manager> on one account's overview, and every
// other element on its own. The data comes from the Crossbar emulator running in the page (the Kazoo adapter's fetch
// goes to its handler: no network). The driver reads JS heap, DOM nodes and event listeners (CDP) before and after,
// as for the tree (mount.js).
import '../../exports/define.ts';
import { createKazooAdapter } from '../../src/kazoo/index.ts';
import { createCrossbarEmulator } from '../../src/mock/emulator.ts';
import { cycler } from './cycle.js';
import { deepQueryAll, norm, sectionState, title, treeRow } from './manager-dom.js';

const emulator = createCrossbarEmulator({ seed: { accounts: 40, depth: 3, seed: 1 } });
const root = emulator.rootAccountId;
const all = emulator.accounts();
// The account shown: the first enabled customer of the root without sub-accounts.
const account = all.find((a) => a.parentId === root && a.enabled && !a.isReseller && a.childCount === 0);
const rootName = all.find((a) => a.id === root)?.name ?? '';
const firstChild = all.filter((a) => a.parentId === root).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
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

function makeProvider() {
  const p = document.createElement('account-provider');
  p.style.height = '100%';
  p.api = api;
  return p;
}

const hasButton = (el, label) => deepQueryAll(el, 'button').some((b) => label.test(norm(b.textContent)));
const loaded = (el) => el.hasUpdated && !el.matches(':state(loading)');

/** Each element: its attributes, and what it shows once loaded. */
const ELEMENTS = {
  'account-manager': {
    attrs: { 'account-id': account.id },
    shown: (m) => title(m) === account.name && sectionState(m, 'overview') === 'ready' && !!treeRow(m, account.name),
  },
  'account-tree': {
    attrs: { 'root-id': root },
    shown: (t) =>
      [...(t.shadowRoot?.querySelectorAll('[role="treeitem"]') ?? [])].some((r) =>
        norm(r.textContent).startsWith(firstChild.name),
      ),
  },
  'account-create': { attrs: { 'parent-id': root }, shown: (el) => deepQueryAll(el, 'input').length > 0 },
  'account-admins': { attrs: { 'account-id': account.id }, shown: (el) => hasButton(el, /^Add administrator$/) },
  'account-announcement': { attrs: { 'account-id': account.id }, shown: loaded },
};
for (const tag of [
  'account-overview',
  'account-limits',
  'number-features',
  'account-restrictions',
  'carrier-picker',
  'app-exchange-toggle',
  'account-notes',
  'service-plan-picker',
])
  ELEMENTS[tag] = { attrs: { 'account-id': account.id }, shown: (el) => loaded(el) && hasButton(el, /^Save$/) };

const cyclers = new Map();
function cyclerFor(tag) {
  const spec = ELEMENTS[tag];
  if (!spec) throw new Error(`mount-elements: no element ${tag}`);
  if (!cyclers.has(tag))
    cyclers.set(
      tag,
      cycler({
        box,
        makeProvider,
        makeElement: () => {
          const el = document.createElement(tag);
          el.style.height = '100%';
          for (const [k, v] of Object.entries(spec.attrs)) el.setAttribute(k, v);
          return el;
        },
        shown: spec.shown,
        // The emulator's request log would otherwise grow with the run.
        afterEach: () => emulator.clearRequests(),
      }),
    );
  return cyclers.get(tag);
}

window.__mount = {
  ready: true,
  tags: Object.keys(ELEMENTS),
  account: { id: account.id, name: account.name, root, rootName },
  /**
   * `tag` (default <account-manager>) is mounted and removed `count` times: `mode: 'element'` inside one provider
   * that stays, `mode: 'pair'` together with its provider. Each cycle waits until the element shows what it loads
   * (at most `capMs`), then removes.
   */
  cycle: ({ tag = 'account-manager', ...o }) => cyclerFor(tag).cycle(o),
  /** Remove the persistent provider (end of an 'element' series). */
  reset: ({ tag = 'account-manager' } = {}) => cyclerFor(tag).reset(),
  calls: () => Object.fromEntries(calls),
};

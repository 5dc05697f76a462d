// Mount/unmount <account-tree> 1,000 times over an in-page fake AccountApi (no network), to look for leaks.
// The driver reads JS heap, DOM nodes and event listeners (CDP) before and after.
import '../../components/account-provider/account-provider.define.ts';
import '../../components/account-tree/account-tree.define.ts';
import { AccountApiError } from '../../src/api/index.ts';
import { cycler } from './cycle.js';

const hexId = (i) => i.toString(16).padStart(32, '0');
const ROOT = 'b'.repeat(32);
const CHILDREN = Array.from({ length: 1000 }, (_, i) => ({
  id: hexId(i + 1),
  name: `Customer ${String(i + 1).padStart(6, '0')}`,
  realm: `c${i + 1}.bench.example.net`,
  descendantsCount: 0,
}));

function account(id, name) {
  return {
    id,
    name,
    realm: `${id.slice(0, 8)}.bench.example.net`,
    enabled: true,
    isReseller: id === ROOT,
    isSuperduper: false,
    contacts: {},
    callRestrictions: {},
    uiRestrictions: {},
    numberFeatures: { e911: false, cnam: false },
    notes: {},
    revision: '1-bench',
  };
}

const known = {
  async getSession() {
    return {
      accountId: ROOT,
      accountName: 'Bench Root',
      userId: 'u1',
      isReseller: true,
      isSuperduper: false,
      language: 'en-US',
    };
  },
  async listChildren(parentId, opts = {}) {
    if (parentId !== ROOT) return { items: [] };
    const start = Number(opts.cursor ?? 0);
    const size = Math.min(opts.pageSize ?? 50, 1000);
    const items = CHILDREN.slice(start, start + size).map((c) => ({ ...c }));
    const next = start + size < CHILDREN.length ? String(start + size) : undefined;
    return next ? { items, nextCursor: next } : { items };
  },
  async getAccount(id) {
    if (id === ROOT) return account(ROOT, 'Bench Root');
    const c = CHILDREN.find((x) => x.id === id);
    if (!c) throw new AccountApiError({ kind: 'not-found', message: 'No such account', status: 404 });
    return account(c.id, c.name);
  },
  async getAncestors() {
    return [];
  },
  async searchAccounts() {
    return { items: [] };
  },
};

const calls = new Map();
const api = new Proxy(known, {
  get(target, prop) {
    if (typeof prop !== 'string') return undefined;
    if (prop === 'then') return undefined;
    const fn = target[prop];
    return (...args) => {
      calls.set(prop, (calls.get(prop) ?? 0) + 1);
      if (fn) return fn(...args);
      return Promise.reject(new AccountApiError({ kind: 'server', message: `bench fake: ${prop} not available` }));
    };
  },
});

const box = document.getElementById('box');

function makeProvider() {
  const p = document.createElement('account-provider');
  p.style.height = '100%';
  p.api = api;
  return p;
}

function makeTree() {
  const t = document.createElement('account-tree');
  t.style.height = '100%';
  t.setAttribute('root-id', ROOT);
  return t;
}

const hasRows = (t) => {
  for (const r of t.shadowRoot?.querySelectorAll('[role="treeitem"]') ?? []) {
    if (r.textContent.includes('Customer 000001')) return true;
  }
  return false;
};

const cycles = cycler({ box, makeProvider, makeElement: makeTree, shown: hasRows });

window.__mount = {
  ready: true,
  /**
   * `mode: 'element'`: one provider stays mounted; <account-tree> is mounted and removed `count` times inside it.
   * `mode: 'pair'`: provider and tree are mounted and removed together.
   * Each cycle waits until the first row shows (at most `capMs`), then removes.
   */
  cycle: ({ count, mode, capMs = 2000 }) => cycles.cycle({ count, mode, capMs }),
  reset: () => cycles.reset(),
  calls: () => Object.fromEntries(calls),
};

#!/usr/bin/env node
// `npm run bench`: <account-tree> against Shoelace sl-tree and Vaadin vaadin-grid (tree mode), side by side,
// on data served by the Crossbar emulator over HTTP, with two bare lists (Lit, plain DOM) that load the same first
// page as the floor of this machine; the requests <account-manager> makes to open an account and
// each tab; each element's CDN chunk; mount/unmount cycles of the tree and the manager.
// Method: bench/README.md. Results: bench/results/bench.json.
//
//   npm run bench                      full run: 1k, 10k, 100k and a deep tree, 3 runs each (well under 30 min)
//   npm run bench -- --quick           one run, 1k and 10k only, 200 mount cycles (development)
//   options: --runs=N  --sizes=1k,10k,100k,deep  --only=ours,shoelace,vaadin,bare-lit,bare-dom  --no-bundles  --no-mount
//            --no-jumps  --no-manager  --mount-count=N  --mount-tags=a,b  --out=path.json
//   npm run bench -- --report=bench/results/bench.json   print the tables of a saved run again
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { buildBundle, buildPage, cdnElements, cdnPage, gzipFile } from './lib/build.mjs';
import { report } from './lib/report.mjs';
import { serveStatic } from './lib/static-server.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');
const outRoot = join(resultsDir, '.build');

// ---------------------------------------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
if (flag('help')) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 12)
      .join('\n'),
  );
  process.exit(0);
}
if (opt('report')) {
  // Print the tables again from a saved result file, without measuring.
  const saved = JSON.parse(readFileSync(resolve(opt('report')), 'utf8'));
  console.log(report(saved).text);
  process.exit(0);
}
const quick = flag('quick');
const RUNS = Number(opt('runs', quick ? 1 : 3));
const ALL_SETS = {
  '1k': { key: '1k', n: 1000, depth: 1 },
  '10k': { key: '10k', n: 10_000, depth: 1 },
  '100k': { key: '100k', n: 100_000, depth: 1 },
  deep: { key: 'deep', n: 2000, depth: 8, deep: true },
};
const SETS = opt('sizes', quick ? '1k,10k' : '1k,10k,100k,deep')
  .split(',')
  .map((k) => ALL_SETS[k.trim()])
  .filter(Boolean);
const ONLY = opt('only', 'ours,shoelace,vaadin,bare-lit,bare-dom').split(',');
/** Reference lists measured only while they load the first page of a flat level (bench/pages/bare.js). */
const BARE = ['bare-lit', 'bare-dom'];
const MOUNT_COUNT = Number(opt('mount-count', quick ? 200 : 1000));
// The elements cycled on the emulator (mount-elements page); --mount-tags=a,b for a few.
const MOUNT_TAGS = opt(
  'mount-tags',
  'account-manager,account-tree,account-create,account-overview,account-admins,service-plan-picker,account-limits,' +
    'number-features,account-restrictions,carrier-picker,app-exchange-toggle,account-notes,account-announcement',
).split(',');
/** Contestants whose scrollbar is dragged to positions on a fresh page (Shoelace has every row in the DOM). */
const JUMPERS = flag('no-jumps') ? [] : ['ours', 'vaadin'];
const JUMP_POSITIONS = [0.1, 0.5, 0.9, 1];
const JUMP_CAP_MS = 5000;
/** The data <account-manager> is benched on: the emulator's default test seed. */
const MANAGER_SEED = { accounts: 40, depth: 3, seed: 1 };
/** The manager's tabs in order, with their English labels. */
const MANAGER_TABS = [
  ['overview', 'Overview'],
  ['admins', 'Admins'],
  ['limits', 'Limits'],
  ['numbers', 'Numbers'],
  ['restrictions', 'Restrictions'],
  ['carrier', 'Carrier'],
  ['apps', 'Apps'],
  ['notes', 'Notes'],
  ['plans', 'Plans'],
];
const OUT = resolve(opt('out', join(resultsDir, 'bench.json')));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDER_CAP_MS = 60_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  // Only 127.0.0.1 is reachable: every host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

// ---------------------------------------------------------------------------------------------------------
// cleanup: servers and browsers stop on every exit path

const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      await withTimeout(Promise.resolve().then(fn), 15_000).catch(() => undefined);
    }
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping servers and browsers`);
    cleanup().finally(() => process.exit(130));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error('[bench]', ...a);
const TIMEOUT = Symbol('timeout');
/** Resolves to TIMEOUT after `ms`; the timer is cleared as soon as `p` settles. */
function withTimeout(p, ms) {
  let timer;
  const t = new Promise((r) => (timer = setTimeout(() => r(TIMEOUT), ms)));
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------------
// browser

let browser = null;
async function launchBrowser() {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}
async function killBrowser() {
  const b = browser;
  browser = null;
  if (!b) return;
  const closed = await withTimeout(
    b.close().then(() => true),
    15_000,
  ).catch(() => false);
  if (closed === true) return;
  // Last resort: our own Chromium children, by pid.
  try {
    const pids = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /chrom/i.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    for (const pid of pids) process.kill(pid, 'SIGKILL');
  } catch {
    /* nothing to kill */
  }
}
cleanups.push(() => killBrowser());

async function memory(page, cdp) {
  await page.evaluate(() => {
    window.gc();
    window.gc();
  });
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const js = await page.evaluate(() => performance.memory.usedJSHeapSize);
  const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
  const metrics = Object.fromEntries(
    ((await cdp.send('Performance.getMetrics')).metrics ?? []).map((m) => [m.name, m.value]),
  );
  return {
    js,
    blink: usage.embedderHeapUsedSize ?? null,
    nodes: metrics.Nodes ?? null,
    listeners: metrics.JSEventListeners ?? null,
  };
}

/**
 * The page's JS objects in bytes, from a heap snapshot after GC: every node but compiled code, the engine's own
 * structures (hidden classes, feedback) and native (browser-side) objects. JIT code and the browser's performance
 * timeline (long-task and long-animation-frame entries, buffered up to their limit) grow for a while in any page
 * that runs code, so usedJSHeapSize alone moves with them; a leak of ours is objects.
 */
async function objectHeap(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (m) => chunks.push(m.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: types } = snap.snapshot.meta;
  const typeNames = types[0];
  const [iType, iSize] = ['type', 'self_size'].map((f) => fields.indexOf(f));
  const skip = new Set(['code', 'native', 'hidden', 'object shape', 'synthetic']);
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = typeNames[snap.nodes[i + iType]];
    if (skip.has(type)) continue;
    bytes += snap.nodes[i + iSize];
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------
// data: one emulator per data set, over HTTP

const isChildren = (r) => r.method === 'GET' && /\/v2\/accounts\/[^/]+\/children$/.test(r.path);

async function listAll(url, token, id) {
  const out = [];
  let key;
  do {
    const u = new URL(`${url}/v2/accounts/${id}/children`);
    u.searchParams.set('page_size', '1000');
    if (key !== undefined) u.searchParams.set('start_key', typeof key === 'string' ? key : JSON.stringify(key));
    const res = await fetch(u, { headers: { 'X-Auth-Token': token, Accept: 'application/json' } });
    if (!res.ok) throw new Error(`children of ${id}: HTTP ${res.status}`);
    const body = await res.json();
    out.push(...body.data);
    key = body.next_start_key;
  } while (key !== undefined && key !== null);
  return out;
}

/** What the driver tells the pages: root name, child count, first and last child, and for deep trees a path. */
async function describe(emulator, url, token, deep) {
  const root = emulator.rootAccountId;
  const res = await fetch(`${url}/v2/accounts/${root}`, {
    headers: { 'X-Auth-Token': token, Accept: 'application/json' },
  });
  const acct = await res.json();
  const kids = await listAll(url, token, root);
  const descendants = kids.reduce((s, a) => s + 1 + (a.descendants_count ?? 0), 0);
  const out = {
    root,
    rootName: acct.data?.name ?? 'Root',
    children: kids.length,
    descendants,
    first: kids[0]?.name,
    last: kids.at(-1)?.name,
  };
  if (deep) {
    // At each level the child with the most descendants (first in name order on a tie), down to a leaf.
    out.path = [];
    let level = kids;
    while (level.length) {
      const best = level.reduce((b, a) => ((a.descendants_count ?? 0) > (b.descendants_count ?? 0) ? a : b));
      if (!(best.descendants_count > 0)) break;
      const next = await listAll(url, token, best.id);
      out.path.push({ name: best.name, index: level.indexOf(best), firstChild: next[0]?.name, children: next.length });
      level = next;
    }
  }
  emulator.clearRequests();
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// one measured run: fresh context and page

/** A fresh browser context and page, with page errors and requests off 127.0.0.1 recorded. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    try {
      localStorage.setItem('vaadin.statistics.optout', 'true');
    } catch {
      /* opaque origin */
    }
  });
  const page = await context.newPage();
  const offsite = [];
  const errors = [];
  page.on('request', (req) => {
    const h = new URL(req.url()).hostname;
    if (h !== '127.0.0.1' && !req.url().startsWith('data:')) offsite.push(req.url());
  });
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text().slice(0, 300));
  });
  return { context, page, offsite, errors };
}

/** Opens a contestant's page on a data set and waits for its harness. */
async function openContestant(page, contestant, data, server, emuUrl, token) {
  const q = new URLSearchParams({
    api: emuUrl,
    token,
    root: data.root,
    rootName: data.rootName,
    n: String(data.children),
    descendants: String(data.descendants),
    first: data.first,
    last: data.last,
  });
  await page.goto(`${server.url}/${contestant}/${contestant}.html?${q}`, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => window.__bench?.ready, null, { timeout: 30_000 });
}

const errorText = (e) =>
  String(e?.message ?? e)
    .split('\n')[0]
    .slice(0, 300);

async function runOne(contestant, set, data, server, emulator, emuUrl, token) {
  const { context, page, offsite, errors } = await freshPage();
  const out = { contestant, set: set.key };
  try {
    await openContestant(page, contestant, data, server, emuUrl, token);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await sleep(400);
    const mem0 = await memory(page, cdp);
    emulator.clearRequests();

    const load = await withTimeout(
      page.evaluate((o) => window.__bench.load(o), { capMs: RENDER_CAP_MS }),
      RENDER_CAP_MS + 10_000,
    );
    if (load === TIMEOUT) {
      out.timedOut = true;
      out.error = `render over ${RENDER_CAP_MS / 1000} s (main thread blocked): browser killed`;
      await killBrowser();
      await launchBrowser();
      return out;
    }
    out.load = load;
    out.load.serverRequests = emulator.requests.filter(isChildren).length;
    out.load.serverRequestsAll = emulator.requests.length;
    out.load.requestLog = emulator.requests.slice(0, 12).map((r) => `${r.method} ${r.path} → ${r.status}`);
    if (load.timedOut) {
      out.timedOut = true;
      out.error = `no first rows / not settled within ${RENDER_CAP_MS / 1000} s`;
      return out;
    }
    const mem1 = await memory(page, cdp);
    out.domLoad = await page.evaluate(() => window.__bench.dom());
    out.memLoad = { ...delta(mem1, mem0), before: mem0, after: mem1 };
    if (BARE.includes(contestant)) return out;

    emulator.clearRequests();
    const scroll = await withTimeout(
      page.evaluate(() => window.__bench.scroll({ steps: 40, capMs: 3000 })),
      240_000,
    );
    if (scroll === TIMEOUT) {
      out.error = 'scroll did not finish within 240 s: browser killed';
      await killBrowser();
      await launchBrowser();
      return out;
    }
    out.scroll = scroll;
    out.scroll.serverRequests = emulator.requests.filter(isChildren).length;
    out.scroll.serverRequestsAll = emulator.requests.length;
    const mem2 = await memory(page, cdp);
    out.domScroll = await page.evaluate(() => window.__bench.dom());
    out.memScroll = { ...delta(mem2, mem0), after: mem2 };

    if (set.deep) {
      emulator.clearRequests();
      const ex = await withTimeout(
        page.evaluate((path) => window.__bench.expandPath({ path, capMs: 15_000 }), data.path),
        200_000,
      );
      out.expand = ex === TIMEOUT ? { error: 'timeout' } : ex;
      if (ex !== TIMEOUT) out.expand.serverRequests = emulator.requests.filter(isChildren).length;
    }
  } catch (e) {
    out.error = String(e?.message ?? e)
      .split('\n')[0]
      .slice(0, 300);
  } finally {
    out.pageErrors = errors.slice(0, 5);
    out.offsiteRequests = offsite.slice(0, 5);
    await withTimeout(context.close(), 15_000).catch(() => undefined);
  }
  return out;
}

/**
 * Scrollbar drags on a fresh page: load (not measured again), then drag to 10 %, 50 %, 90 % and 100 % of the
 * scroll range in turn and time each until its rows show (harness `jump()`).
 */
async function runJump(contestant, data, server, emulator, emuUrl, token) {
  const { context, page, errors } = await freshPage();
  const out = {};
  try {
    await openContestant(page, contestant, data, server, emuUrl, token);
    const load = await withTimeout(
      page.evaluate((o) => window.__bench.load(o), { capMs: RENDER_CAP_MS }),
      RENDER_CAP_MS + 10_000,
    );
    if (load === TIMEOUT || load.timedOut) {
      out.error = 'no first rows';
      if (load === TIMEOUT) {
        await killBrowser();
        await launchBrowser();
      }
      return out;
    }
    emulator.clearRequests();
    const cap = JUMP_POSITIONS.length * (JUMP_CAP_MS + 2000) + 30_000;
    const r = await withTimeout(
      page.evaluate((o) => window.__bench.jump(o), { positions: JUMP_POSITIONS, capMs: JUMP_CAP_MS }),
      cap,
    );
    if (r === TIMEOUT) {
      out.error = `jumps did not finish within ${cap / 1000} s: browser killed`;
      await killBrowser();
      await launchBrowser();
      return out;
    }
    Object.assign(out, r);
    out.serverRequests = emulator.requests.filter(isChildren).length;
  } catch (e) {
    out.error = errorText(e);
  } finally {
    out.pageErrors = errors.slice(0, 5);
    await withTimeout(context.close(), 15_000).catch(() => undefined);
  }
  return out;
}

function delta(a, b) {
  const d = (k) => (a[k] === null || b[k] === null ? null : a[k] - b[k]);
  return { js: d('js'), blink: d('blink'), nodes: d('nodes'), listeners: d('listeners') };
}

// ---------------------------------------------------------------------------------------------------------
// mount / unmount 1,000 times (ours: the tree, then the manager)

/**
 * `name`: the page (mount: <account-tree> on an in-page fake; mount-elements: `tag`, default <account-manager>, on the
 * emulator); `modes`: 'element' with one provider that stays (reset after its series), 'pair' with provider and
 * element mounted together.
 */
async function mountCycle(
  server,
  { name = 'mount', modes = ['element', 'pair'], tag, count: total = MOUNT_COUNT } = {},
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  const out = { count: total, ...(tag ? { tag } : {}), modes: {} };
  try {
    await page.goto(`${server.url}/${name}/${name}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__mount?.ready, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('DOMDebugger.enable').catch(() => undefined);
    const globalListeners = async () => {
      let total = 0;
      for (const expr of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        total += listeners.length;
        await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => undefined);
      }
      return total;
    };
    const snap = async () => ({
      ...(await memory(page, cdp)),
      objects: await objectHeap(cdp),
      global: await globalListeners(),
    });
    const diff = (a, b) => ({
      js: a.js - b.js,
      objects: a.objects - b.objects,
      blink: a.blink === null || b.blink === null ? null : a.blink - b.blink,
      nodes: a.nodes - b.nodes,
      listeners: a.listeners - b.listeners,
      globalListeners: a.global - b.global,
    });
    const half = Math.max(1, Math.floor(total / 2));
    for (const mode of modes) {
      // Warm-up (first-use costs: styles, JIT, caches), then two halves: a leak grows in both halves.
      const warm = await page.evaluate((o) => window.__mount.cycle(o), { count: Math.min(100, total), mode, tag });
      await sleep(300);
      const before = await snap();
      const runs = [];
      let middle = null;
      for (const count of [half, total - half]) {
        const run = await withTimeout(
          page.evaluate((o) => window.__mount.cycle(o), { count, mode, tag }),
          count * 2500 + 30_000,
        );
        if (run === TIMEOUT) break;
        runs.push(run);
        await sleep(300);
        middle ??= await snap();
      }
      if (runs.length < 2) {
        out.modes[mode] = { error: 'timeout' };
        break;
      }
      const after = await snap();
      out.modes[mode] = {
        warmup: warm,
        run: { ms: runs[0].ms + runs[1].ms, noRows: runs[0].noRows + runs[1].noRows },
        before,
        middle,
        after,
        delta: diff(after, before),
        secondHalf: diff(after, middle),
      };
      if (mode === 'element') await page.evaluate((o) => window.__mount.reset(o), { tag });
    }
    out.apiCalls = await page.evaluate(() => window.__mount.calls());
    out.account = await page.evaluate(() => window.__mount.account ?? null);
  } catch (e) {
    out.error = String(e?.message ?? e)
      .split('\n')[0]
      .slice(0, 300);
  } finally {
    out.pageErrors = errors.slice(0, 5);
    await withTimeout(context.close(), 15_000).catch(() => undefined);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// <account-manager>: the requests of opening one account and then each tab

/** Resolves once the emulator has answered everything asked and nothing new came for `quietMs`. */
async function networkQuiet(emulator, quietMs = 500, capMs = 15_000) {
  const t0 = Date.now();
  let n = -1;
  let since = Date.now();
  while (Date.now() - t0 < capMs) {
    const pending = emulator.requests.some((r) => r.status === 0);
    if (pending || emulator.requests.length !== n) {
      n = emulator.requests.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return true;
    }
    await sleep(50);
  }
  return false;
}

/**
 * On the emulator's test seed over HTTP: mount <account-manager> in a provider with the Kazoo adapter, click one
 * account's row in the tree (its overview opens), then click each other tab by its label. After each step: wait
 * for its result on screen and for the network to be quiet, then take the requests the emulator answered.
 * A request is a repeat when the same method, path and query was asked before (in any earlier step or the same
 * one); a write is any method but GET.
 */
async function managerRequests(server, { createCrossbarEmulator, serveEmulator }) {
  const emulator = createCrossbarEmulator({ seed: MANAGER_SEED });
  const emu = await serveEmulator(emulator, { port: 0 });
  const closeEmu = () => emu.close();
  cleanups.push(closeEmu);
  const token = emulator.issueToken();
  const root = emulator.rootAccountId;
  const out = { seed: MANAGER_SEED, steps: [] };
  const { context, page, errors, offsite } = await freshPage();
  try {
    // The account opened: the first enabled customer without sub-accounts in the root's first page, as listed.
    const listed = await listAll(emu.url, token, root);
    const dir = new Map(emulator.accounts().map((a) => [a.id, a]));
    const pick =
      listed.slice(0, 12).find((k) => {
        const a = dir.get(k.id);
        return a && a.enabled && !a.isReseller && a.childCount === 0;
      }) ?? listed[0];
    out.account = { id: pick.id, name: pick.name, position: listed.indexOf(pick) + 1, siblings: listed.length };
    const label = (path) =>
      path
        .replaceAll(pick.id, '{account}')
        .replaceAll(root, '{root}')
        .replace(/[0-9a-f]{32}/g, '{id}');
    const q = new URLSearchParams({ api: emu.url, token });
    await page.goto(`${server.url}/manager/manager.html?${q}`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(() => window.__manager?.ready, null, { timeout: 30_000 });
    await sleep(300);
    emulator.clearRequests();
    const seen = new Set();
    const readBefore = new Set();
    const step = async (name, tab, action) => {
      const shown = await withTimeout(action(), 40_000);
      const quiet = await networkQuiet(emulator);
      const reqs = emulator.requests.map((r) => ({ ...r }));
      emulator.clearRequests();
      const keys = reqs.map((r) => {
        const qs = new URLSearchParams(r.query).toString();
        return `${r.method} ${r.path}${qs ? `?${qs}` : ''}`;
      });
      const repeats = [];
      for (const k of keys) {
        if (seen.has(k)) repeats.push(label(k));
        seen.add(k);
      }
      // The same resource read again with another query (not a further page of a listing).
      const rereads = [];
      reqs.forEach((r, i) => {
        const resource = `${r.method} ${r.path}`;
        if (!('start_key' in r.query) && readBefore.has(resource) && !repeats.includes(label(keys[i])))
          rereads.push(label(keys[i]));
        if (!('start_key' in r.query)) readBefore.add(resource);
      });
      const writes = reqs.filter((r) => r.method !== 'GET').map((r) => label(`${r.method} ${r.path}`));
      const s = {
        step: name,
        tab,
        ok: shown !== TIMEOUT && !!shown?.ok,
        state: shown === TIMEOUT ? 'timeout' : (shown?.state ?? null),
        ms: shown === TIMEOUT ? null : (shown?.ms ?? null),
        quiet,
        requests: reqs.length,
        paths: keys.map(label),
        statuses: reqs.map((r) => r.status),
        repeats,
        rereads,
        writes,
      };
      out.steps.push(s);
      log(
        `manager ${name}: ${s.requests} requests${repeats.length ? `, ${repeats.length} repeated` : ''}` +
          `${rereads.length ? `, ${rereads.length} read again` : ''}` +
          `${writes.length ? `, ${writes.length} writes` : ''} (${s.ok ? `${s.ms} ms` : `not shown: ${s.state}`})`,
      );
      return s;
    };
    const mounted = await step('mount (tree and the signed-in account)', null, () =>
      page.evaluate((o) => window.__manager.mount(o), { name: pick.name }),
    );
    if (mounted.ok) {
      const [[, overviewLabel], ...others] = MANAGER_TABS;
      await step(`open the account (${overviewLabel})`, 'overview', () =>
        page.evaluate((o) => window.__manager.open(o), { name: pick.name }),
      );
      for (const [tab, tabLabel] of others) {
        await step(tabLabel, tab, () => page.evaluate((o) => window.__manager.tab(o), { tab, label: tabLabel }));
      }
    }
  } catch (e) {
    out.error = errorText(e);
  } finally {
    out.pageErrors = errors.slice(0, 5);
    out.offsiteRequests = offsite.slice(0, 5);
    await withTimeout(context.close(), 15_000).catch(() => undefined);
    await closeEmu();
    cleanups.splice(cleanups.indexOf(closeEmu), 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function versions() {
  const v = (pkg) => {
    try {
      return JSON.parse(readFileSync(join(projectDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return Object.fromEntries(
    ['lit', '@lit-labs/virtualizer', '@shoelace-style/shoelace', '@vaadin/grid', 'vite', 'playwright-core', 'tsx'].map(
      (p) => [p, v(p)],
    ),
  );
}

async function main() {
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });
  const result = {
    startedAt: new Date(started).toISOString(),
    options: {
      quick,
      runs: RUNS,
      sets: SETS.map((s) => s.key),
      only: ONLY,
      mountCount: MOUNT_COUNT,
      jumps: JUMPERS,
      jumpPositions: JUMP_POSITIONS,
    },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtStart: loadavg(),
    },
    versions: versions(),
  };

  // 1. builds
  log('building pages (vite production build)…');
  const pages = {};
  for (const name of ['ours', 'shoelace', 'vaadin', ...BARE, 'mount', 'manager', 'mount-elements'])
    pages[name] = await buildPage(name, { benchDir, outRoot });
  result.pages = Object.fromEntries(
    Object.entries(pages).map(([k, v]) => [k, v.ok ? { ok: true } : { ok: false, error: v.error }]),
  );
  for (const [k, v] of Object.entries(pages)) if (!v.ok) log(`page ${k}: not built (${v.error})`);

  if (!flag('no-bundles')) {
    // The CDN rows read the package as built: build it when it is not there.
    if (!existsSync(join(projectDir, 'dist', 'cdn', 'account-manager-widgets.js'))) {
      log('dist/cdn is not built: npm run build…');
      try {
        execFileSync('npm', ['run', 'build'], { cwd: projectDir, stdio: ['ignore', 'ignore', 'inherit'] });
      } catch (e) {
        log(`npm run build failed (${errorText(e)}): the CDN rows are not measured`);
      }
    }
    log('building bundles for sizes…');
    const libExternal = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/, /^msw($|\/)/];
    const entry = (f) => join(benchDir, 'bundles', f);
    const b = (id, f, o = {}) => buildBundle(id, entry(f), { outRoot, projectDir, ...o });
    result.bundles = {
      oursFull: await b('ours-full', 'ours.js', { excludeAdapter: true }),
      oursOwn: await b('ours-own', 'ours.js', { excludeAdapter: true, external: libExternal, ownCode: 'account-tree' }),
      oursLitExternal: await b('ours-lit-external', 'ours.js', {
        excludeAdapter: true,
        external: [/^lit($|\/)/, /^@lit\//],
      }),
      shoelace: await b('shoelace', 'shoelace.js'),
      vaadin: await b('vaadin', 'vaadin.js'),
      lit: await b('lit', 'lit.js'),
      litVirtualizer: await b('lit-virtualizer', 'lit-virtualizer.js'),
      cdn: await cdnPage(projectDir),
      cdnAll: gzipFile(join(projectDir, 'dist', 'cdn', 'account-manager-widgets.all.js')),
      elements: await cdnElements(projectDir).catch((e) => ({ ok: false, error: errorText(e) })),
    };
  }

  // 2. servers and browser
  const mounts = {};
  for (const [k, v] of Object.entries(pages)) if (v.ok) mounts[k] = v.dir;
  const server = await serveStatic(mounts);
  cleanups.push(() => server.close());
  log(`pages at ${server.url}`);
  const { createCrossbarEmulator } = await tsImport(join(projectDir, 'src/mock/index.ts'), import.meta.url);
  const { serveEmulator } = await tsImport(join(projectDir, 'src/mock/node.ts'), import.meta.url);
  await launchBrowser();
  result.machine.chromium = browser.version();

  // 3. contestants × data sets × runs (interleaved: for each run, every contestant in turn)
  const contestants = ['ours', 'shoelace', 'vaadin', ...BARE].filter((c) => ONLY.includes(c) && pages[c].ok);
  result.notBuilt = ['ours', 'shoelace', 'vaadin', ...BARE].filter((c) => ONLY.includes(c) && !pages[c].ok);
  result.data = {};
  result.runs = [];
  for (const set of SETS) {
    const t = Date.now();
    const emulator = createCrossbarEmulator({ seed: { accounts: set.n, depth: set.depth, seed: 1 } });
    const emu = await serveEmulator(emulator, { port: 0 });
    const closeEmu = () => emu.close();
    cleanups.push(closeEmu);
    const token = emulator.issueToken();
    const data = await describe(emulator, emu.url, token, set.deep);
    result.data[set.key] = { ...data, seed: { accounts: set.n, depth: set.depth, seed: 1 }, createMs: Date.now() - t };
    log(
      `data ${set.key}: ${data.children} children of ${data.rootName} (${data.descendants} descendants), first "${data.first}", last "${data.last}"`,
    );
    const skipped = new Set();
    for (let run = 1; run <= RUNS; run++) {
      for (const c of contestants) {
        if (skipped.has(c) || (set.deep && BARE.includes(c))) continue;
        const t1 = Date.now();
        const r = await runOne(c, set, data, server, emulator, emu.url, token);
        r.run = run;
        r.loadavg1 = Math.round(loadavg()[0] * 100) / 100;
        result.runs.push(r);
        const l = r.load;
        log(
          `${set.key} run ${run} ${c}: ` +
            (r.error
              ? `ERROR ${r.error}`
              : `first rows ${l.firstRowsPainted} ms (after first page ${l.firstRowsAfterFirstPage} ms), LoAF blocking ${l.loafBlocking} ms, ` +
                (r.scroll ? `scroll max frame ${r.scroll.maxFrame} ms, ` : '') +
                `${r.domLoad?.elements} elements`) +
            ` (${((Date.now() - t1) / 1000).toFixed(1)} s)`,
        );
        if (r.timedOut) {
          skipped.add(c);
          log(`${c} at ${set.key}: over the ${RENDER_CAP_MS / 1000} s cap, remaining runs of this size skipped`);
        } else if (!set.deep && JUMPERS.includes(c)) {
          const t2 = Date.now();
          r.jump = await runJump(c, data, server, emulator, emu.url, token);
          log(
            `${set.key} run ${run} ${c}: scrollbar drags ` +
              (r.jump.error
                ? `ERROR ${r.jump.error}`
                : r.jump.positions
                    .map(
                      (p) =>
                        `${p.position * 100}% ${p.ok ? `${p.ms} ms` : 'not shown'} (row ${p.centre}/${p.expected})`,
                    )
                    .join(', ')) +
              ` (${((Date.now() - t2) / 1000).toFixed(1)} s)`,
          );
        }
      }
    }
    await closeEmu();
    cleanups.splice(cleanups.indexOf(closeEmu), 1);
  }

  // 4. <account-manager>: opening an account and each tab
  if (!flag('no-manager') && ONLY.includes('ours')) {
    if (pages.manager.ok) {
      log('account-manager: opening an account and each tab…');
      result.manager = await managerRequests(server, { createCrossbarEmulator, serveEmulator });
    } else {
      result.manager = { error: `not built: ${pages.manager.error}` };
    }
  }

  // 5. mount / unmount
  if (!flag('no-mount') && ONLY.includes('ours')) {
    if (pages.mount.ok) {
      log(`mount/unmount <account-tree> ${MOUNT_COUNT}×…`);
      result.mount = await mountCycle(server);
    } else {
      result.mount = { count: MOUNT_COUNT, error: 'not built' };
    }
    // Each element mounted and removed in one provider that stays; <account-manager> also with its provider.
    result.mountElements = {};
    if (pages['mount-elements'].ok) {
      for (const tag of MOUNT_TAGS) {
        log(`mount/unmount <${tag}> ${MOUNT_COUNT}×…`);
        const modes = tag === 'account-manager' ? ['element', 'pair'] : ['element'];
        result.mountElements[tag] = await mountCycle(server, { name: 'mount-elements', modes, tag });
      }
    } else {
      result.mountElements.error = `not built: ${pages['mount-elements'].error}`;
    }
  }

  result.elapsedSec = Math.round((Date.now() - started) / 1000);
  const { text, summary } = report(result);
  result.summary = summary;
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2));
  writeFileSync(OUT.replace(/\.json$/, '') + '.md', `${text}\n`);
  console.log(text);
  console.log(`\nFull figures: ${OUT} (${result.elapsedSec} s)`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => cleanup());

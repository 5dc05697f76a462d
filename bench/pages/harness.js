// In-page measurement harness shared by every contestant page (ours, Shoelace, Vaadin).
// The driver (bench/run.mjs) calls `window.__bench.load()`, `.scroll()`, `.dom()` and `.expandPath()`.
// Method: ../shared/reference/tree-peers.md and virtualizer-baseline.md (see bench/README.md).

const q = new URLSearchParams(location.search);

/** Where the data comes from and what the driver knows about it. */
export const params = {
  api: q.get('api') ?? '',
  token: q.get('token') ?? '',
  root: q.get('root') ?? '',
  rootName: q.get('rootName') ?? 'Root',
  /** Children of the root (the root's descendants_count for a one-level tree). */
  n: Number(q.get('n') ?? 0),
  /** Descendants of the root (a size hint the way a Kazoo integrator would have it). */
  descendants: Number(q.get('descendants') ?? q.get('n') ?? 0),
  first: q.get('first') ?? '',
  last: q.get('last') ?? '',
  pageSize: 50,
};

// ---- observers, installed before any contestant code runs ----------------------------------------------

const longtasks = [];
const loafs = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* not supported */
}
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      loafs.push({ start: e.startTime, dur: e.duration, blocking: e.blockingDuration ?? 0 });
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch {
  /* not supported */
}
performance.setResourceTimingBufferSize?.(1_000_000);

const CHILDREN = /\/v2\/accounts\/[^/?]+\/children(\?|$)/;

// Counts children requests made through fetch (every contestant uses fetch; the adapter reads globalThis.fetch).
// Each children call is also kept with its time and the task mark current when it was made (see `load()`).
const net = { fetches: 0, children: 0 };
const childrenCalls = [];
let taskMark = -1;
const nativeFetch = window.fetch.bind(window);
window.fetch = function benchFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  net.fetches++;
  if (CHILDREN.test(url)) {
    net.children++;
    childrenCalls.push({ at: performance.now(), task: taskMark });
  }
  return nativeFetch(input, init);
};

function childrenEntries(from, to = Infinity) {
  return performance
    .getEntriesByType('resource')
    .filter((e) => CHILDREN.test(e.name) && e.startTime >= from && e.startTime <= to);
}

/** Every request to the data server (children or not) that started in [from, to]. */
function apiEntries(from, to = Infinity) {
  const origin = params.api ? new URL(params.api).origin : null;
  return performance
    .getEntriesByType('resource')
    .filter((e) => origin && e.name.startsWith(origin) && e.startTime >= from && e.startTime <= to);
}

/** The path and query of a resource entry, for the logs. */
const pathOf = (e) => {
  const u = new URL(e.name);
  return u.pathname + u.search;
};

// ---- small helpers ---------------------------------------------------------------------------------

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
export const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The innermost element at (x, y), descending into open shadow roots. */
export function deepElementFromPoint(x, y) {
  let el = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** `closest()` that crosses shadow boundaries upwards. */
export function closestDeep(el, selector) {
  let node = el;
  while (node) {
    if (node instanceof Element && node.matches(selector)) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    if (node instanceof ShadowRoot) node = node.host;
  }
  return null;
}

/** True when `el` is rendered and at least partly inside `container`'s visible box. */
export function isVisibleIn(el, container) {
  const r = el.getBoundingClientRect();
  const c = container.getBoundingClientRect();
  return r.height > 0 && r.bottom > c.top + 1 && r.top < c.bottom - 1 && r.right > c.left && r.left < c.right;
}

/** Elements and open shadow roots below `root` (not counting `root` itself). */
export function countElements(root) {
  let elements = 0;
  let shadowRoots = 0;
  const walk = (node) => {
    for (const el of node.children) {
      elements++;
      if (el.shadowRoot) {
        shadowRoots++;
        walk(el.shadowRoot);
      }
      walk(el);
    }
  };
  if (root.shadowRoot) {
    shadowRoots++;
    walk(root.shadowRoot);
  }
  walk(root);
  return { elements, shadowRoots };
}

function frameStats(frames, from = -Infinity, to = Infinity) {
  const ts = frames.filter((t) => t >= from && t <= to);
  let max = 0;
  let over50 = 0;
  for (let i = 1; i < ts.length; i++) {
    const d = ts[i] - ts[i - 1];
    if (d > max) max = d;
    if (d > 50) over50++;
  }
  return { maxFrame: round(max), framesOver50: over50, frames: ts.length };
}

function taskStats(from, to) {
  const inWin = (e) => e.start + e.dur >= from && e.start <= to;
  const lt = longtasks.filter(inWin);
  const lf = loafs.filter(inWin);
  return {
    longestTask: round(Math.max(0, ...lt.map((e) => e.dur))),
    tbt: round(lt.reduce((s, e) => s + Math.max(0, e.dur - 50), 0)),
    longTasks: lt.length,
    longestLoaf: round(Math.max(0, ...lf.map((e) => e.dur))),
    loafBlocking: round(lf.reduce((s, e) => s + Math.max(0, e.dur - 50), 0)),
    loafBlockingDuration: round(lf.reduce((s, e) => s + e.blocking, 0)),
    loafs: lf.length,
  };
}

const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

function lastActivityAfter(t0) {
  let last = t0;
  for (const e of longtasks) if (e.start >= t0) last = Math.max(last, e.start + e.dur);
  for (const e of loafs) if (e.start >= t0) last = Math.max(last, e.start + e.dur);
  for (const e of childrenEntries(t0)) last = Math.max(last, e.responseEnd || e.startTime);
  return last;
}

class FrameRecorder {
  frames = [];
  id = 0;
  start() {
    this.frames = [];
    const loop = (t) => {
      this.frames.push(t);
      this.id = requestAnimationFrame(loop);
    };
    this.id = requestAnimationFrame(loop);
  }
  stop() {
    cancelAnimationFrame(this.id);
    return this.frames;
  }
}

/**
 * A contestant is an object with:
 * - `mount(box)`: create the component(s) and append them to `box` (synchronous part of the mount)
 * - `firstRowReady()`: the first child row, with its text, is in the DOM (rendered)
 * - `isLoading()`: rows in the viewport show placeholders / the component says it is loading
 * - `isDone()`: the contestant's own loading work is finished (e.g. Shoelace appended every page)
 * - `scroller()`: the element that scrolls the rows
 * - `centerRowText()`: text of the row at the scroller's centre ('' when blank)
 * - `rowVisible(name)`: a row showing `name` is inside the scroller's box
 * - `rowsInDom()`: how many row elements are in the DOM
 * - `lastVisiblePos()`: 1-based position, among the root's children, of the lowest child row in view
 * - `centrePos()` (optional): 1-based position, among the root's children, of the child row at the scroller's centre
 * - `findRow(name)`: the row (or its label element) showing exactly `name`, if rendered
 * - `expand(row, name)`: open that row the way a user or an integrator would; `expandFallback` (optional) is tried after 2 s
 */
export function installHarness(contestant) {
  const box = document.getElementById('box');
  const rec = new FrameRecorder();

  const api = {
    ready: true,
    name: contestant.name,
    params,

    /** Mount at t0 (in its own task) and wait for first rows, then for the load to settle. */
    load({ capMs = 60_000, quietMs = 1000 } = {}) {
      return new Promise((resolve) => {
        setTimeout(async () => {
          rec.start();
          const fetches0 = net.children;
          const calls0 = childrenCalls.length;
          // Task marks: 0 in the task that mounts (its microtasks included), 1 from the next task on. The timer is
          // queued before the mount, so it runs before any task the contestant queues while mounting.
          taskMark = 0;
          setTimeout(() => (taskMark = 1), 0);
          const t0 = performance.now();
          contestant.mount(box);
          const tMountSync = performance.now();
          let tDom = null;
          let tPainted = null;
          let timedOut = false;
          while (true) {
            await nextFrame();
            if (contestant.firstRowReady()) {
              tDom = performance.now();
              break;
            }
            if (performance.now() - t0 > capMs) {
              timedOut = true;
              break;
            }
          }
          if (!timedOut) tPainted = await nextFrame();
          // Settle: the contestant is done, and 1 s passed with no long task, LoAF or children response.
          while (!timedOut) {
            await sleep(100);
            const now = performance.now();
            if (contestant.isDone() && now - Math.max(tPainted, lastActivityAfter(t0)) >= quietMs) break;
            if (now - t0 > capMs) timedOut = true;
          }
          const settledAt = timedOut ? performance.now() : Math.max(tPainted, lastActivityAfter(t0));
          const frames = rec.stop();
          const entries = childrenEntries(t0, settledAt).sort((a, b) => a.responseEnd - b.responseEnd);
          const first = entries[0];
          // The frame whose callback first saw the rows (its start), and the next one's start.
          const rowsFrame = tDom === null ? undefined : frames.findLast((t) => t <= tDom);
          const nextFrameAt = tDom === null ? undefined : frames.find((t) => t > tDom);
          const firstCall = childrenCalls[calls0];
          // Requests that left before the first rows were seen in the DOM (the frame they were painted in).
          const before = tDom === null ? [] : apiEntries(t0, tDom).sort((a, b) => a.startTime - b.startTime);
          const lastStart = Math.max(...before.map((e) => e.startTime));
          const firstEnd = Math.min(...before.map((e) => e.responseEnd || Infinity));
          resolve({
            firstChildrenCallAt: firstCall ? round(firstCall.at - t0) : null,
            firstChildrenCallInFirstTask: firstCall ? firstCall.task === 0 : null,
            requestsBeforeFirstRows: tDom === null ? null : before.length,
            childrenBeforeFirstRows: before.filter((e) => CHILDREN.test(e.name)).length,
            // In flight together: every one of them left before any of them came back.
            requestsBeforeFirstRowsParallel: before.length ? lastStart < firstEnd : null,
            requestsBeforeFirstRowsLog: before.map((e) => ({
              path: pathOf(e),
              start: round(e.startTime - t0),
              end: round(e.responseEnd - t0),
            })),
            apiRequestsToSettled: apiEntries(t0, settledAt).length,
            timedOut,
            mountSync: round(tMountSync - t0),
            firstRequestAt: first ? round(Math.min(...entries.map((e) => e.startTime)) - t0) : null,
            firstResponseEnd: first ? round(first.responseEnd - t0) : null,
            firstRowInDom: tDom === null ? null : round(tDom - t0),
            firstRowsPainted: tPainted === null ? null : round(tPainted - t0),
            firstRowsAfterFirstPage: tPainted !== null && first ? round(tPainted - first.responseEnd) : null,
            // Frames begun after the page arrived, up to the one that showed its rows (1: the very next frame), and
            // the length of that frame: from its start to the next one's (its script, style, layout and paint).
            framesToRows:
              first && rowsFrame !== undefined
                ? frames.filter((t) => t > first.responseEnd && t <= rowsFrame).length
                : null,
            rowsFrameMs: rowsFrame !== undefined && nextFrameAt !== undefined ? round(nextFrameAt - rowsFrame) : null,
            settled: round(settledAt - t0),
            ...taskStats(t0, settledAt),
            ...prefix('loadFrame', frameStats(frames, t0, settledAt)),
            requests: entries.length,
            fetchRequests: net.children - fetches0,
          });
        }, 0);
      });
    },

    /** 40 scripted scrollTop steps, top to bottom, waiting for data the same way for every contestant. */
    async scroll({ steps = 40, capMs = 3000 } = {}) {
      const sc = contestant.scroller();
      if (!sc) return { error: 'no scroller' };
      sc.scrollTop = 0;
      await nextFrame();
      await sleep(300);
      rec.start();
      const fetches0 = net.children;
      const t0 = performance.now();
      let blankSteps = 0;
      let loadingSteps = 0;
      let cappedSteps = 0;
      const stepMs = [];
      for (let i = 1; i <= steps; i++) {
        const ts = performance.now();
        const max = sc.scrollHeight - sc.clientHeight;
        sc.scrollTop = (max * i) / steps;
        await nextFrame();
        await nextFrame();
        if (contestant.isLoading()) {
          loadingSteps++;
          const tw = performance.now();
          while (contestant.isLoading() && performance.now() - tw < capMs) await nextFrame();
          if (contestant.isLoading()) cappedSteps++;
        }
        await nextFrame();
        if (!norm(contestant.centerRowText())) blankSteps++;
        stepMs.push(performance.now() - ts);
      }
      const t1 = performance.now();
      const lastReached = contestant.rowVisible(params.last);
      const frames = rec.stop();
      // Not part of the figures above: if the last row was not there, how long until it shows (up to 3 s)?
      let lastReachedLateMs = lastReached ? 0 : null;
      if (!lastReached) {
        while (performance.now() - t1 < 3000) {
          await nextFrame();
          if (contestant.rowVisible(params.last)) {
            lastReachedLateMs = round(performance.now() - t1);
            break;
          }
        }
      }
      await sleep(200); // let the observers deliver
      const sorted = [...stepMs].sort((a, b) => a - b);
      return {
        total: round(t1 - t0),
        ...frameStats(frames, t0, t1),
        ...taskStats(t0, t1),
        blankSteps,
        loadingSteps,
        cappedSteps,
        stepMedian: round(sorted[Math.floor(sorted.length / 2)]),
        stepMax: round(sorted[sorted.length - 1]),
        lastReached,
        lastReachedLateMs,
        lastVisiblePos: contestant.lastVisiblePos?.() ?? null,
        scrollTop: Math.round(sc.scrollTop),
        scrollHeight: sc.scrollHeight,
        requests: childrenEntries(t0, t1).length,
        fetchRequests: net.children - fetches0,
      };
    },

    /**
     * Scrollbar drags on a freshly loaded page: for each fraction in turn (of the scroll range, from where the last
     * drag left it), `dragFrames` scrollTop moves, one per frame, as a thumb dragged over about 100 ms, then
     * release. Timed from the release until the rows are shown: nothing loading, text at the scroller's centre (at
     * 100 %, the last child in view), then one frame to paint. The row shown at the centre is compared with the one
     * the scrollbar points at (the centre's fraction of the scroll height × N).
     */
    async jump({ positions = [0.1, 0.5, 0.9, 1], dragFrames = 6, capMs = 5000, withinMs = 1000 } = {}) {
      const sc = contestant.scroller();
      if (!sc) return { error: 'no scroller' };
      const n = params.n;
      const out = [];
      for (const p of positions) {
        const from = sc.scrollTop;
        const t00 = performance.now();
        for (let k = 1; k <= dragFrames; k++) {
          const max = sc.scrollHeight - sc.clientHeight;
          sc.scrollTop = from + (max * p - from) * (k / dragFrames);
          await nextFrame();
        }
        const max = sc.scrollHeight - sc.clientHeight;
        sc.scrollTop = max * p;
        const target = Math.round(sc.scrollTop);
        const fetches0 = net.children;
        const t0 = performance.now();
        const shown = () =>
          !contestant.isLoading() &&
          !!norm(contestant.centerRowText()) &&
          (p < 1 || contestant.rowVisible(params.last));
        let ok = false;
        while (performance.now() - t0 < capMs) {
          await nextFrame();
          if (shown()) {
            ok = true;
            break;
          }
        }
        const tPainted = await nextFrame();
        const frac = (sc.scrollTop + sc.clientHeight / 2) / sc.scrollHeight;
        const expected = p >= 1 ? n : Math.max(1, Math.round(frac * n));
        const centre = p >= 1 ? (contestant.lastVisiblePos?.() ?? null) : (contestant.centrePos?.() ?? null);
        // Near: within 1 % of the level or 25 rows, whichever is more (the size is an estimate until pages meet).
        const tolerance = Math.max(25, Math.ceil(n / 100));
        const near = centre === null ? null : Math.abs(centre - expected) <= tolerance;
        const ms = ok ? round(tPainted - t0) : null;
        out.push({
          position: p,
          ok,
          ms,
          dragMs: round(t0 - t00),
          within: ok && ms <= withinMs && near !== false,
          centre,
          expected,
          near,
          centreText: norm(contestant.centerRowText()).slice(0, 60),
          lastVisible: p >= 1 ? contestant.rowVisible(params.last) : undefined,
          target,
          scrollTop: Math.round(sc.scrollTop),
          scrollHeight: sc.scrollHeight,
          requests: childrenEntries(t00, performance.now()).length,
          fetchRequests: net.children - fetches0,
        });
      }
      return { positions: out, withinMs };
    },

    /** Elements under the box (shadow DOM included) and rows in the DOM. */
    dom() {
      const { elements, shadowRoots } = countElements(box);
      return {
        elements,
        shadowRoots,
        rows: contestant.rowsInDom(),
        documentElements: countElements(document.documentElement).elements,
      };
    },

    /**
     * Deep tree: open `path` (from the driver: at each level the child with the most descendants, with the name of
     * its first child). Each level: bring the row into view (not timed), open it, time until its first child shows.
     */
    async expandPath({ path = [], capMs = 15_000 } = {}) {
      const sc = contestant.scroller();
      if (!sc || !contestant.findRow || !contestant.expand) return { error: 'not supported' };
      const settle = async () => {
        await nextFrame();
        await nextFrame();
        const tw = performance.now();
        while (contestant.isLoading() && performance.now() - tw < capMs) await nextFrame();
        await nextFrame();
      };
      sc.scrollTop = 0;
      await settle();
      const levels = [];
      for (const { name, firstChild } of path) {
        // Reveal: scroll down a page at a time until the row is rendered, then put it near the top.
        let row = contestant.findRow(name);
        for (let k = 0; !row && k < 400; k++) {
          const before = sc.scrollTop;
          sc.scrollTop = before + sc.clientHeight * 0.8;
          await settle();
          row = contestant.findRow(name);
          if (!row && sc.scrollTop === before) break;
        }
        if (!row) {
          levels.push({ name, ok: false, error: 'row not found' });
          break;
        }
        const r = row.getBoundingClientRect();
        const b = sc.getBoundingClientRect();
        sc.scrollTop += r.top - (b.top + b.height * 0.2);
        await settle();
        row = contestant.findRow(name);
        await sleep(100);
        rec.start();
        const fetches0 = net.children;
        const t0 = performance.now();
        contestant.expand(row, name);
        let ok = false;
        let method = 'primary';
        const ready = () => {
          const c = contestant.findRow(firstChild);
          return !!c && isVisibleIn(c, sc) && !contestant.isLoading();
        };
        while (performance.now() - t0 < capMs) {
          await nextFrame();
          if (ready()) {
            ok = true;
            break;
          }
          if (method === 'primary' && contestant.expandFallback && performance.now() - t0 > 2000) {
            method = 'fallback';
            contestant.expandFallback(contestant.findRow(name) ?? row, name);
          }
        }
        const tPainted = await nextFrame();
        const frames = rec.stop();
        await sleep(150);
        const t1 = ok ? tPainted : performance.now();
        levels.push({
          name,
          ok,
          method,
          ms: ok ? round(tPainted - t0) : null,
          ...taskStats(t0, t1),
          maxFrame: frameStats(frames, t0, t1).maxFrame,
          requests: childrenEntries(t0, t1 + 150).length,
          fetchRequests: net.children - fetches0,
        });
        if (!ok) break;
      }
      return { levels };
    },

    counts: () => ({ ...net }),
  };
  window.__bench = api;
  return api;
}

function prefix(p, o) {
  if (!p) return o;
  const out = {};
  for (const [k, v] of Object.entries(o)) out[p + k[0].toUpperCase() + k.slice(1)] = v;
  return out;
}

/** Page through every child of `parentId` over HTTP, calling `onPage(items, index)` for each page. */
export async function fetchChildrenPage(parentId, startKey, signal) {
  const u = new URL(`${params.api}/v2/accounts/${encodeURIComponent(parentId)}/children`);
  u.searchParams.set('page_size', String(params.pageSize));
  if (startKey !== undefined && startKey !== null) {
    u.searchParams.set('start_key', typeof startKey === 'string' ? startKey : JSON.stringify(startKey));
  }
  const res = await fetch(u, { headers: { 'X-Auth-Token': params.token, Accept: 'application/json' }, signal });
  if (!res.ok) throw new Error(`children ${res.status}`);
  const body = await res.json();
  return { items: body.data, next: body.next_start_key };
}

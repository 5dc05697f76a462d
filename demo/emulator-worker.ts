/**
 * The demo's Crossbar emulator in a SharedWorker: one instance for every tab of the browser, its data kept in
 * IndexedDB. Tabs forward the requests MSW catches to it and hear when another tab changed something.
 */
// The emulator module itself: the package entry also brings MSW, which needs a page.
import { createCrossbarEmulator } from '../src/mock/emulator.js';
import type { CrossbarEmulator } from '../src/mock/types.js';
import { DEMO_SEED, clearState, loadState, loginOf, saveState } from './persist.js';
import type { WorkerReply, WorkerRequest } from './emulator-link.js';

// The DOM lib has no SharedWorkerGlobalScope; this is the one member used.
const scope = self as unknown as { onconnect: ((event: MessageEvent) => void) | null };

let emulator: Promise<CrossbarEmulator> = boot();
const ports = new Set<MessagePort>();
let lastWriter: MessagePort | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

async function boot(fresh = false): Promise<CrossbarEmulator> {
  const saved = fresh ? undefined : await loadState();
  let em: CrossbarEmulator;
  try {
    em = createCrossbarEmulator(saved ? { state: saved.state } : { seed: DEMO_SEED });
  } catch {
    em = createCrossbarEmulator({ seed: DEMO_SEED }); // data saved by an older version: start over
  }
  let rev = saved?.rev ?? 0;
  em.onChange(() => {
    const writer = lastWriter;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveState({ rev: ++rev, state: em.snapshot() }).catch(() => undefined), 200);
    for (const p of ports) if (p !== writer) p.postMessage({ type: 'changed' } satisfies WorkerReply);
  });
  return em;
}

scope.onconnect = (event) => {
  const port = event.ports[0]!;
  ports.add(port);
  port.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
    if (data.type === 'bye') {
      ports.delete(port);
      return;
    }
    if (data.type === 'login') {
      const em = await emulator;
      port.postMessage({ type: 'login', id: data.id, login: loginOf(em, data.who) } satisfies WorkerReply);
      return;
    }
    if (data.type === 'reset') {
      await clearState().catch(() => undefined);
      emulator = boot(true);
      await emulator;
      for (const p of ports) p.postMessage({ type: 'reset' } satisfies WorkerReply);
      return;
    }
    const em = await emulator;
    const { url, method, headers, body } = data.request;
    try {
      lastWriter = port;
      const res = await em.handle(new Request(url, { method, headers, body: body ?? undefined }));
      port.postMessage({
        type: 'response',
        id: data.id,
        status: res.status,
        headers: [...res.headers],
        body: await res.text(),
      } satisfies WorkerReply);
    } catch {
      port.postMessage({
        type: 'response',
        id: data.id,
        status: 0,
        headers: [],
        body: '',
        network: true,
      } satisfies WorkerReply);
    } finally {
      lastWriter = undefined;
    }
  };
  port.start();
};

/**
 * The page's side of the shared emulator: forwards requests to the SharedWorker and reports changes made in
 * other tabs. Without SharedWorker support, the emulator runs in the page (kept across reloads, not shared).
 */
import { createCrossbarEmulator, type CrossbarEmulator, type Login } from '../src/mock/index.js';
import { DEMO_SEED, loadState, loginOf, saveState, type DemoReseller } from './persist.js';

export type WorkerRequest =
  | {
      type: 'fetch';
      id: number;
      request: { url: string; method: string; headers: [string, string][]; body: string | null };
    }
  | { type: 'login'; id: number; who?: DemoReseller }
  | { type: 'reset' }
  | { type: 'bye' };

export type WorkerReply =
  | { type: 'response'; id: number; status: number; headers: [string, string][]; body: string; network?: boolean }
  | { type: 'login'; id: number; login: Login }
  | { type: 'changed' }
  | { type: 'reset' };

export interface EmulatorLink {
  handle(request: Request): Promise<Response>;
  login(who?: DemoReseller): Promise<Login>;
  reset(): Promise<void>;
  /** Another tab changed the data. */
  onChanged?: () => void;
  /** The data was reset (here or in another tab). */
  onReset?: () => void;
}

export function connectEmulator(): EmulatorLink {
  if (typeof SharedWorker === 'function') {
    try {
      return sharedLink();
    } catch {
      // fall through to an emulator in this page
    }
  }
  return pageLink();
}

function sharedLink(): EmulatorLink {
  const worker = new SharedWorker(new URL('./emulator-worker.ts', import.meta.url), {
    type: 'module',
    name: 'crossbar-emulator',
  });
  const port = worker.port;
  let next = 0;
  const waiting = new Map<number, (reply: WorkerReply) => void>();
  const link: EmulatorLink = {
    handle: async (request) => {
      const id = ++next;
      const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
      const reply = await new Promise<WorkerReply>((resolve) => {
        waiting.set(id, resolve);
        port.postMessage({
          type: 'fetch',
          id,
          request: { url: request.url, method: request.method, headers: [...request.headers], body },
        } satisfies WorkerRequest);
      });
      if (reply.type !== 'response' || reply.network) throw new TypeError('Failed to fetch');
      return new Response(reply.status === 204 ? null : reply.body, { status: reply.status, headers: reply.headers });
    },
    login: async (who) => {
      const id = ++next;
      const reply = await new Promise<WorkerReply>((resolve) => {
        waiting.set(id, resolve);
        port.postMessage({ type: 'login', id, who } satisfies WorkerRequest);
      });
      return (reply as Extract<WorkerReply, { type: 'login' }>).login;
    },
    reset: async () => port.postMessage({ type: 'reset' } satisfies WorkerRequest),
  };
  port.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    if (data.type === 'changed') link.onChanged?.();
    else if (data.type === 'reset') link.onReset?.();
    else {
      waiting.get(data.id)?.(data);
      waiting.delete(data.id);
    }
  };
  port.start();
  addEventListener('pagehide', () => port.postMessage({ type: 'bye' } satisfies WorkerRequest));
  return link;
}

function pageLink(): EmulatorLink {
  let em: Promise<CrossbarEmulator> = (async () => {
    const saved = await loadState();
    let rev = saved?.rev ?? 0;
    const e = createCrossbarEmulator(saved ? { state: saved.state } : { seed: DEMO_SEED });
    let timer: ReturnType<typeof setTimeout> | undefined;
    e.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void saveState({ rev: ++rev, state: e.snapshot() }).catch(() => undefined), 200);
    });
    return e;
  })();
  const link: EmulatorLink = {
    handle: async (request) => (await em).handle(request),
    login: async (who) => loginOf(await em, who),
    reset: async () => {
      em = Promise.resolve(createCrossbarEmulator({ seed: DEMO_SEED }));
      await saveState({ rev: 0, state: (await em).snapshot() });
      link.onReset?.();
    },
  };
  return link;
}

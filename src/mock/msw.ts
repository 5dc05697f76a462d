// account-manager-widgets/mock/msw: the MSW transport (needs the optional peer `msw`): every `${baseUrl}/v2/*`
// request goes to the emulator's `handle()`.
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { CrossbarEmulator } from './types.js';

export interface MswHandlerOptions {
  /** Only intercept this origin (e.g. `http://kazoo.test:8000`); default: any origin. */
  baseUrl?: string;
}

/** MSW request handlers that answer Crossbar v2 calls from `emulator` (browser worker or msw/node). */
export function mswHandlers(emulator: CrossbarEmulator, options: MswHandlerOptions = {}): RequestHandler[] {
  const base = options.baseUrl ? options.baseUrl.replace(/\/+$/, '').replace(/\/v2$/, '') : '*';
  return [
    http.all(`${base}/v2/*`, async ({ request }) => {
      try {
        return await emulator.handle(request);
      } catch (e) {
        // An emulated network failure, or a request the page already aborted.
        if (e instanceof TypeError || (e instanceof DOMException && e.name === 'AbortError'))
          return HttpResponse.error();
        throw e;
      }
    }),
  ];
}

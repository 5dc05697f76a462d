// In-memory transport: a `fetch` answered by the emulator's `handle()`, with no network and no other package.
import type { CrossbarEmulator } from './types.js';

/**
 * A `fetch` whose every request the emulator answers, in the same process:
 * `createKazooAdapter({ baseUrl: 'http://kazoo.test', credentials: emulator.login, fetch: emulatorFetch(emulator) })`.
 * Any origin does; faults behave as over a network (a `network` fault rejects with a `TypeError`, a timeout waits
 * for the request's `signal`).
 */
export function emulatorFetch(emulator: CrossbarEmulator): typeof fetch {
  return (input, init) => emulator.handle(new Request(input, init));
}

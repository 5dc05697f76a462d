/**
 * Story wiring: one Crossbar emulator per story (seeded, deterministic) served by msw-storybook-addon, and a
 * Kazoo adapter for it. Stories render `<account-provider .api=${api}>` around the widget.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { createKazooAdapter, type KazooAdapterOptions } from '../../src/kazoo/index.js';
import {
  createCrossbarEmulator,
  type CrossbarEmulator,
  type EmulatorOptions,
  type FaultRule,
} from '../../src/mock/index.js';
import { mswHandlers } from '../../src/mock/msw.js';
import type { AccountApi } from '../../src/api/index.js';

export const STORY_BASE = 'http://crossbar.storybook.test:8000';

export interface StoryBackend {
  emulator: CrossbarEmulator;
  api: AccountApi;
  handlers: RequestHandler[];
}

/** The toolbar's "Backend" choice: how every story's emulator behaves, on top of the story's own faults. */
export type BackendCondition = 'normal' | 'slow' | 'read-errors' | 'offline';

const CONDITIONS: Record<BackendCondition, FaultRule[]> = {
  normal: [],
  slow: [{ path: /^\/v2\//, latencyMs: 1500 }],
  // Sign-in and accounts themselves still read; every read under an account (children, users, limits…) answers 500.
  'read-errors': [{ path: '/accounts/*/*/**', method: 'GET', status: 500 }],
  offline: [{ path: /^\/v2\//, network: true }],
};
let condition: BackendCondition = 'normal';

/** Sets the toolbar's backend condition for the stories rendered next (`.storybook/preview.ts`). */
export function setBackendCondition(value: string | undefined): void {
  condition = value && value in CONDITIONS ? (value as BackendCondition) : 'normal';
}

/** A backend for one story. Pass `handlers` to `msw.use(...)` in the story's `beforeEach`. */
export function storyBackend(options: EmulatorOptions = {}, adapter: Partial<KazooAdapterOptions> = {}): StoryBackend {
  const emulator = createCrossbarEmulator({
    seed: { accounts: 60, depth: 3, seed: 1 },
    ...options,
    faults: [...CONDITIONS[condition], ...(options.faults ?? [])],
  });
  const api = createKazooAdapter({
    baseUrl: STORY_BASE,
    credentials: { ...emulator.login },
    onChargesRequired: () => true,
    ...adapter,
  });
  return { emulator, api, handlers: mswHandlers(emulator, { baseUrl: STORY_BASE }) };
}

/** A handler that never answers: the loading state stays on screen. */
export const neverAnswer = (path: string): RequestHandler =>
  http.all(`${STORY_BASE}/v2${path}`, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });

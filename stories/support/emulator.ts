/**
 * Story wiring: one Crossbar emulator per story (seeded, deterministic) served by msw-storybook-addon, and a
 * Kazoo adapter for it. Stories render `<account-provider .api=${api}>` around the widget.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { createKazooAdapter, type KazooAdapterOptions } from '../../src/kazoo/index.js';
import {
  createCrossbarEmulator,
  mswHandlers,
  type CrossbarEmulator,
  type EmulatorOptions,
} from '../../src/mock/index.js';
import type { AccountApi } from '../../src/api/index.js';

export const STORY_BASE = 'http://crossbar.storybook.test:8000';

export interface StoryBackend {
  emulator: CrossbarEmulator;
  api: AccountApi;
  handlers: RequestHandler[];
}

/** A backend for one story. Pass `handlers` to `msw.use(...)` in the story's `beforeEach`. */
export function storyBackend(options: EmulatorOptions = {}, adapter: Partial<KazooAdapterOptions> = {}): StoryBackend {
  const emulator = createCrossbarEmulator({ seed: { accounts: 60, depth: 3, seed: 1 }, ...options });
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

/**
 * The states every draft widget shows, as stories: loaded (light, dark, French, right-to-left), loading,
 * load error with Retry, forbidden, offline, dirty, saving, saved, a conflict, read-only after a refused
 * save, a disabled account. A widget's story file spreads `draftStories(...)` and adds its own states.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import type { AccountApi } from '../../src/api/index.js';
import { createKazooAdapter, type KazooAdapterOptions } from '../../src/kazoo/index.js';
import type { CrossbarEmulator, EmulatorOptions } from '../../src/mock/index.js';
import { neverAnswer, STORY_BASE, storyBackend, type StoryBackend } from './emulator.js';

type Story = StoryObj;

export interface DraftScenario {
  accountId: string;
  /** An adapter other than the logged-in reseller's (e.g. one that declines charges). */
  api?: AccountApi;
  handlers?: RequestHandler[];
  /** Render two of the element on the account (a conflict between them). */
  twice?: boolean;
}

export interface DraftStoriesOptions {
  tag: string;
  /** The account a story shows, picked from the emulator's directory. */
  account(emulator: CrossbarEmulator): string;
  /** Makes one edit in a loaded element (clicks through its visible controls). */
  edit(el: HTMLElement): Promise<void>;
  /** Path (after /v2, `*` one segment) of the element's main read, for loading and failure states. */
  read(accountId: string): string;
  /** Method and path of its save, for the saving state. */
  write: { method: string; path: string };
  emulator?: EmulatorOptions;
  /** Extra attributes for the element. */
  attributes?: Record<string, string>;
}

/** An adapter that talks to the emulator directly (for set-up before the story renders). */
export function directApi(emulator: CrossbarEmulator, options: Partial<KazooAdapterOptions> = {}): AccountApi {
  return createKazooAdapter({
    baseUrl: STORY_BASE,
    credentials: { ...emulator.login },
    onChargesRequired: () => true,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
    ...options,
  });
}

export async function until<T>(get: () => T | null | undefined | false, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state in time.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The Save button inside an element, once its form is on screen. */
export function saveButton(el: Element): HTMLButtonElement | null {
  return el.shadowRoot?.querySelector<HTMLButtonElement>('[part~=actions] button[data-variant=primary]') ?? null;
}

/** Everything a story file needs: `meta` (spread into its default export), `scenario`, and the common states. */
export function draftStories(o: DraftStoriesOptions) {
  let current: { backend: StoryBackend; scenario: DraftScenario } | undefined;

  const one = (s: DraftScenario): TemplateResult => {
    const el = document.createElement(o.tag);
    el.setAttribute('account-id', s.accountId);
    for (const [k, v] of Object.entries(o.attributes ?? {})) el.setAttribute(k, v);
    return html`${el}`;
  };

  const meta: Meta = {
    title: `Widgets/${o.tag}`,
    component: o.tag,
    render: () => {
      const { backend, scenario: s } = current!;
      return html`<account-provider .api=${s.api ?? backend.api}>
        <div style="padding: 1rem; max-width: 60rem">
          ${
            s.twice
              ? html`${one(s)}
                  <hr />
                  ${one(s)}`
              : one(s)
          }
        </div>
      </account-provider>`;
    },
  };

  /** A story: set up the emulator, then render the element on the scenario's account. */
  function scenario(
    setup: (
      b: StoryBackend,
      accountId: string,
    ) => Partial<DraftScenario> | void | Promise<Partial<DraftScenario> | void>,
    extra: Story = {},
  ): Story {
    return {
      ...extra,
      async beforeEach({ msw }) {
        const backend = storyBackend(o.emulator);
        const accountId = o.account(backend.emulator);
        const s = { accountId, ...((await setup(backend, accountId)) ?? {}) };
        msw.use(...(s.handlers ?? []), ...backend.handlers);
        current = { backend, scenario: s };
      },
    };
  }

  const element = async (canvas: HTMLElement, index = 0): Promise<HTMLElement> => {
    const el = await until(() => canvas.querySelectorAll<HTMLElement>(o.tag)[index]);
    await until(() => saveButton(el));
    return el;
  };

  const editThenSave = async (canvas: HTMLElement) => {
    const el = await element(canvas);
    await o.edit(el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    saveButton(el)!.click();
  };

  const Loaded = scenario(() => undefined);
  const states = {
    /** The element on a customer's account. */
    Loaded,
    LoadedDark: { ...Loaded, parameters: { theme: 'dark' } } satisfies Story,
    LoadedFrench: { ...Loaded, parameters: { locale: 'fr-FR' } } satisfies Story,
    /** Right to left (Arabic): the layout mirrors; names keep their own direction. */
    LoadedRightToLeft: { ...Loaded, parameters: { locale: 'ar-EG' } } satisfies Story,
    /** The server never answers: a skeleton after a short delay. */
    Loading: scenario((_, id) => ({ handlers: [neverAnswer(o.read(id))] })),
    /** The read fails: what failed in words, with Retry. */
    LoadError: scenario((b, id) => {
      b.emulator.faults.add({ path: o.read(id), method: 'GET', status: 500, times: 1 });
    }),
    /** The connection is down. */
    Offline: scenario((b, id) => {
      b.emulator.faults.add({ path: o.read(id), method: 'GET', network: true, times: 1 });
    }),
    /** The user may not see it. */
    Forbidden: scenario((b, id) => {
      b.emulator.faults.add({ path: o.read(id), method: 'GET', status: 403 });
    }),
    /** An unsaved edit: the dirty marker, Save and Reset. */
    Dirty: scenario(() => undefined, {
      play: async ({ canvasElement }) => o.edit(await element(canvasElement)),
    }),
    /** A save on its way (the server never answers). */
    Saving: scenario(
      (b) => {
        b.emulator.faults.add({ path: o.write.path, method: o.write.method, timeout: true });
      },
      { play: async ({ canvasElement }) => editThenSave(canvasElement) },
    ),
    Saved: scenario(() => undefined, { play: async ({ canvasElement }) => editThenSave(canvasElement) }),
    /** The server refuses the save (403): read-only, the edit kept on screen. */
    ReadOnly: scenario(
      (b) => {
        b.emulator.faults.add({ path: o.write.path, method: o.write.method, status: 403 });
      },
      { play: async ({ canvasElement }) => editThenSave(canvasElement) },
    ),
    /** Two of the element on one account: the second saves while the first holds an edit. */
    Conflict: scenario(() => ({ twice: true }), {
      play: async ({ canvasElement }) => {
        const a = await element(canvasElement, 0);
        const b = await element(canvasElement, 1);
        await o.edit(a);
        await o.edit(b);
        await (b as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        saveButton(b)!.click();
        await until(() => saveButton(b)?.disabled);
        await new Promise((r) => setTimeout(r, 300));
        saveButton(a)!.click();
      },
    }),
    /** A disabled account: said so above the form. */
    DisabledAccount: scenario(async (b, id) => {
      await directApi(b.emulator).updateAccount(id, { enabled: false });
    }),
  };

  return { meta, scenario, states, element };
}

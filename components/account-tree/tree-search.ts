import type { ReactiveControllerHost } from 'lit';
import type { Listing } from '../../src/data/listing.js';
import type { TextLocalizeController } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import type { AccountTreeMessages } from './locales/en-US.js';
import type { TreeViewport } from './tree-viewport.js';
import { moveTo, type KeyboardHost } from './tree-keyboard.js';

const DEBOUNCE_MS = 300;

/** What the search drives in the tree element. */
export interface SearchHost extends KeyboardHost, ReactiveControllerHost {
  readonly view: TreeViewport;
  readonly l: TextLocalizeController<keyof AccountTreeMessages>;
  /** Says `note` in the live region. */
  say(note: unknown): void;
  /** Makes `key` the active row (at `index`, when given). */
  setActive(key: string | undefined, index?: number): void;
}

/**
 * The search box's logic: a query searches every descendant of the root on the server (asked once typing
 * pauses, the older query aborted at once) and the tree shows the results in its place; clearing it brings the
 * tree back where it was scrolled. Says how many accounts were found, once per search.
 */
export class TreeSearch {
  private query = '';
  private debounce?: ReturnType<typeof setTimeout>;
  /** The tree's scroll position before the results replaced it. */
  private treeScroll = 0;
  /** The results already announced. */
  private noted?: Listing;

  constructor(private readonly host: SearchHost) {}

  /** Searches for what the box holds (from its `input` event, or typed before this was here). */
  input(text: string): void {
    const value = text.trim();
    this.query = value;
    clearTimeout(this.debounce);
    if (!value) return this.end();
    this.start(value);
    this.debounce = setTimeout(() => this.host.tree.resume(), DEBOUNCE_MS);
  }

  onInput = (e: Event): void => this.input((e.target as HTMLInputElement).value);

  /** Escape clears the search; ArrowDown moves into the rows. */
  onKey = (e: KeyboardEvent): void => {
    const { host } = this;
    if (e.key === 'Escape' && this.query) {
      this.clear();
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && host.tree.count) {
      moveTo(host, host.activeIndex);
      e.preventDefault();
    }
  };

  /** Empties the box and shows the tree again. */
  clear(): void {
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('input');
    if (input) input.value = '';
    this.query = '';
    clearTimeout(this.debounce);
    this.end();
  }

  /** Stops the query waiting for a pause (the tree left the page). */
  stop(): void {
    clearTimeout(this.debounce);
  }

  /** No result: the sentence, the query isolated in it. */
  noMatch(): unknown {
    return phrase(this.host.l, 'noMatch', { query: this.host.tree.query });
  }

  /** What the live region says once results are back, once per search; `undefined` when there is nothing new. */
  announce(results: Listing): unknown {
    if (this.noted === results || !(results.done || results.items.length > 0)) return undefined;
    this.noted = results;
    const { l } = this.host;
    const count = results.items.length;
    return !count ? this.noMatch() : results.done ? l.t('found', { count }) : l.t('foundMore', { count });
  }

  private start(query: string): void {
    const { host } = this;
    if (!host.tree.search) this.treeScroll = host.treeEl?.scrollTop ?? 0;
    host.view.anchor = undefined;
    host.say('');
    host.setActive(undefined, 0);
    host.tree.setQuery(query, true);
    if (host.treeEl) host.treeEl.scrollTop = 0;
  }

  private end(): void {
    const { host } = this;
    if (!host.tree.search) return;
    host.tree.setQuery('');
    host.view.anchor = undefined;
    host.setActive(host.selected);
    const top = this.treeScroll;
    void host.updateComplete.then(() =>
      requestAnimationFrame(() => {
        if (host.treeEl) host.treeEl.scrollTop = top;
      }),
    );
  }
}

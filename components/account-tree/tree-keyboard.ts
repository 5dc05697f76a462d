import type { AccountSummary } from '../../src/api/model.js';
import { hasChildren, keyOf, type Row, type TreeController } from './tree-controller.js';
import { focusActive, resolveActive, syncTabStop, type FocusHost } from './tree-focus.js';

const TYPEAHEAD_MS = 500;
const collators = new Map<string, Intl.Collator>();

/** A key pressed: a `keydown` event, or one recorded to be handled later. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'timeStamp' | 'preventDefault'
>;

/** What the keyboard drives in the tree element. */
export interface KeyboardHost extends FocusHost {
  readonly tree: TreeController;
  readonly locale: string;
  readonly view: { scrollToIndex(i: number): void };
  readonly updateComplete: Promise<boolean>;
  toggle(r: Row, i: number): void;
  choose(s: AccountSummary): void;
  matches(selector: string): boolean;
  /** Rows in one page of the tree's height. */
  pageRows(): number;
}

/** Makes row `i` (kept within the rows) the active one: scrolled to, focused, the tree's one tab stop. */
export function moveTo(host: KeyboardHost, i: number): void {
  const t = host.tree;
  const r = t.rowAt(Math.max(0, Math.min(t.count - 1, i)));
  if (!r) return;
  host.activeKey = keyOf(r);
  host.activeIndex = t.indexOfKey(host.activeKey);
  host.hasFocus = true;
  host.view.scrollToIndex(host.activeIndex);
  host.requestUpdate();
  void host.updateComplete.then(() => {
    syncTabStop(host);
    focusActive(host);
  });
}

/** The WAI-ARIA tree keyboard: arrows (mirrored right to left), Home/End, PageUp/PageDown, `*`, Enter/Space, type-ahead. */
export class TreeKeyboard {
  private typed = '';
  private typedAt = 0;

  constructor(private readonly host: KeyboardHost) {}

  onKey = (e: KeyPress): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('button')) return;
    const t = this.host.tree;
    resolveActive(this.host);
    const i = this.host.activeIndex;
    const r = t.rowAt(i);
    if (!r) return;
    const s = r.level.item(r.pos);
    const rtl = this.host.matches(':dir(rtl)');
    const key = rtl && e.key === 'ArrowLeft' ? 'ArrowRight' : rtl && e.key === 'ArrowRight' ? 'ArrowLeft' : e.key;
    const page = Math.max(1, this.host.pageRows() - 1);
    switch (key) {
      case 'ArrowDown':
        moveTo(this.host, i + 1);
        break;
      case 'ArrowUp':
        moveTo(this.host, i - 1);
        break;
      case 'Home':
        moveTo(this.host, 0);
        break;
      case 'End':
        moveTo(this.host, t.count - 1);
        break;
      case 'PageDown':
        moveTo(this.host, i + page);
        break;
      case 'PageUp':
        moveTo(this.host, i - page);
        break;
      case 'ArrowRight':
        if (s && r.level !== t.search && hasChildren(s)) {
          if (!t.isOpen(s.id)) t.expand(s.id);
          else if ((t.rowAt(i + 1)?.depth ?? 0) > r.depth) moveTo(this.host, i + 1);
        }
        break;
      case 'ArrowLeft':
        if (s && t.isOpen(s.id)) this.host.toggle(r, i);
        else if (r.depth > 1) moveTo(this.host, t.indexOf(r.level.id));
        break;
      case '*':
        t.expandAll(r.level);
        break;
      case 'Enter':
      case ' ':
        // An account is chosen; a failed page's row tries its page again.
        if (s) this.host.choose(s);
        else if (r.level.error) t.retry(r.level);
        break;
      default:
        if (e.key.length !== 1 || !e.key.trim()) return;
        this.typeAhead(e.key, e.timeStamp);
    }
    e.preventDefault();
  };

  private typeAhead(ch: string, now: number): void {
    this.typed = now - this.typedAt > TYPEAHEAD_MS ? ch : this.typed + ch;
    this.typedAt = now;
    // "mmm" cycles through the names starting with m.
    const same = [...this.typed].every((c) => c.toLowerCase() === ch.toLowerCase());
    const want = same ? ch : this.typed;
    const locale = this.host.locale;
    let c = collators.get(locale);
    if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', usage: 'search' })));
    const coll = c;
    const from = this.host.activeIndex + (want.length === 1 ? 1 : 0);
    const i = this.find(from, (name) => coll.compare(name.slice(0, want.length), want) === 0);
    if (i >= 0) moveTo(this.host, i);
  }

  /** The first loaded row from `from` on (wrapping) whose name passes `test`, or -1. */
  private find(from: number, test: (name: string) => boolean): number {
    const t = this.host.tree;
    const n = t.count;
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      const r = t.rowAt(i)!;
      const s = r.level.item(r.pos);
      if (s && test(s.name)) return i;
    }
    return -1;
  }
}

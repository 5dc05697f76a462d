/**
 * Finding things the way a user does: by role and accessible name, through every shadow root. Widgets are
 * driven in tests through the labels a user reads, not through private selectors.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

type Root = Element | Document | ShadowRoot;

/** Every element matching `selector` under `root`, looking inside every shadow root (document order). */
export function deepQueryAll<T extends Element = HTMLElement>(root: Root, selector: string): T[] {
  const out: T[] = [];
  const visit = (node: Root) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el as T);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.matches(selector)) out.push(root as T);
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/**
 * Resolves when every running animation and transition under `root` (shadow roots included) has finished, as a
 * theme switch's eased colours: what a check of contrast must wait for, however slow the machine.
 */
export async function transitionsDone(root: Root, timeout = 5000): Promise<void> {
  const running = deepQueryAll(root, '*').flatMap((el) => el.getAnimations());
  const limit = new Promise((r) => setTimeout(r, timeout));
  await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), limit]);
  await new Promise((r) => requestAnimationFrame(r));
}

function hidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return true;
  if (el instanceof HTMLDialogElement && !el.open) return true;
  const style = getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** The text a user would read in `node`: shadow roots and slots flattened, hidden parts skipped. */
export function flatText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (!(node instanceof Element)) return [...node.childNodes].map(flatText).join('');
  if (hidden(node)) return '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length ? assigned : [...node.childNodes]).map(flatText).join('');
  }
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement)
    return '';
  if (node.shadowRoot) return [...node.shadowRoot.childNodes].map(flatText).join('');
  return [...node.childNodes].map(flatText).join('');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of `el` with white space squashed. */
export function textOf(el: Node): string {
  return squash(flatText(el));
}

const IMPLICIT: [string, string][] = [
  ['button', 'button, input[type=button], input[type=submit], input[type=reset]'],
  ['link', 'a[href]'],
  ['checkbox', 'input[type=checkbox]'],
  ['radio', 'input[type=radio]'],
  ['spinbutton', 'input[type=number]'],
  ['combobox', 'select:not([multiple]):not([size])'],
  ['listbox', 'select[multiple], select[size]'],
  ['option', 'option'],
  [
    'textbox',
    'textarea, input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], input[type=search], input[type=password]',
  ],
  ['heading', 'h1, h2, h3, h4, h5, h6'],
  ['dialog', 'dialog'],
  ['group', 'fieldset'],
  ['list', 'ul, ol'],
  ['listitem', 'li'],
  ['region', 'section[aria-label], section[aria-labelledby]'],
  ['form', 'form[aria-label], form[aria-labelledby]'],
];

/** The element's role: its `role` attribute, else the implicit one of its tag. */
export function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  return IMPLICIT.find(([, sel]) => el.matches(sel))?.[0];
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? (root as ShadowRoot).querySelector?.(`#${CSS.escape(id)}`) ?? null;
}

const NAME_FROM_CONTENT = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'heading',
  'option',
  'tab',
  'treeitem',
  'menuitem',
  'cell',
  'listitem',
]);

/** A simplified accessible name (aria-labelledby, aria-label, label, legend, content, title). */
export function accessibleName(el: Element): string {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => byId(el, id))
      .filter((x): x is Element => !!x)
      .map((x) => flatText(x))
      .join(' ');
    if (squash(text)) return squash(text);
  }
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return squash(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    const labels = el.labels ? [...el.labels] : [];
    if (labels.length) return squash(labels.map((l) => flatText(l)).join(' '));
  }
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector(':scope > legend');
    if (legend) return textOf(legend);
  }
  const role = roleOf(el);
  if (role && NAME_FROM_CONTENT.has(role)) {
    const text = textOf(el);
    if (text) return text;
  }
  if (el instanceof HTMLInputElement && el.type === 'submit') return el.value || 'Submit';
  return squash(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
}

const matchName = (name: string, want: string | RegExp) => (typeof want === 'string' ? name === want : want.test(name));

/** Every element under `root` with this role (and name), visible or not. */
export function allByRole<T extends Element = HTMLElement>(root: Root, role: string, name?: string | RegExp): T[] {
  return deepQueryAll<T>(root, '*').filter(
    (el) => roleOf(el) === role && (name === undefined || matchName(accessibleName(el), name)),
  );
}

/** The one element with this role and name; throws a readable error listing what is there otherwise. */
export function getByRole<T extends Element = HTMLElement>(root: Root, role: string, name?: string | RegExp): T {
  const found = allByRole<T>(root, role, name).filter((el) => !isHiddenDeep(el));
  if (found.length === 1) return found[0]!;
  const seen = allByRole(root, role)
    .filter((el) => !isHiddenDeep(el))
    .map((el) => `"${accessibleName(el)}"`)
    .join(', ');
  throw new Error(
    `${found.length ? `${found.length} elements` : 'No element'} with role ${role}${
      name === undefined ? '' : ` and name ${String(name)}`
    }. Visible ${role}s: ${seen || 'none'}`,
  );
}

/** Like `getByRole`, `undefined` when there is none. */
export function queryByRole<T extends Element = HTMLElement>(
  root: Root,
  role: string,
  name?: string | RegExp,
): T | undefined {
  const found = allByRole<T>(root, role, name).filter((el) => !isHiddenDeep(el));
  return found[0];
}

/** The form control whose accessible name is `name` (text field, select, checkbox, switch, spinbutton…). */
export function getByLabel<T extends Element = HTMLInputElement>(root: Root, name: string | RegExp): T {
  const controls = deepQueryAll<T>(
    root,
    'input, select, textarea, [role=textbox], [role=switch], [role=checkbox], [role=combobox], [role=spinbutton], [role=radio], [role=slider]',
  ).filter((el) => !isHiddenDeep(el) && !(el instanceof HTMLInputElement && el.type === 'hidden'));
  const found = controls.filter((el) => matchName(accessibleName(el), name));
  if (found.length === 1) return found[0]!;
  throw new Error(
    `${found.length ? `${found.length} fields` : 'No field'} named ${String(name)}. Fields: ${controls
      .map((el) => `"${accessibleName(el)}"`)
      .join(', ')}`,
  );
}

/** Whether `el` or any ancestor (across shadow roots) is hidden. */
export function isHiddenDeep(el: Element): boolean {
  for (let n: Element | null = el; n;) {
    if (hidden(n)) return true;
    const parent: Element | null = n.assignedSlot ?? n.parentElement;
    n = parent ?? ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return false;
}

/** The open modal dialog under `root` (a native `<dialog open>` anywhere inside), as the user sees it. */
export function openDialog(root: Root): HTMLDialogElement | undefined {
  return deepQueryAll<HTMLDialogElement>(root, 'dialog[open]')[0];
}

/**
 * The content of the open dialog: the `<am-dialog>` host whose children (the owner's form) and shadow root
 * (its heading) make what the user sees. Query it with `getByRole` / `getByLabel`.
 */
export function dialogContent(root: Root): Element | undefined {
  const d = openDialog(root);
  if (!d) return undefined;
  const host = (d.getRootNode() as ShadowRoot).host;
  return host ?? d;
}

/** The content of the dialog that opens under `root`, once it is on screen (`what` names the wait). */
export async function shownDialog(root: Root, what = 'a dialog opens'): Promise<Element> {
  await waitUntil(() => dialogContent(root), what, { timeout: 5000, interval: 20 });
  return dialogContent(root)!;
}

/** The button named `name` under `root`. */
export function button(root: Root, name: string | RegExp): HTMLButtonElement {
  return getByRole<HTMLButtonElement>(root, 'button', name);
}

/** Clicks the button named `name` under `root`. */
export function clickButton(root: Root, name: string | RegExp): void {
  button(root, name).click();
}

/** Replaces what `input` holds with `value` from the keyboard, as a user does (an empty `value` clears it). */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

/**
 * A lookup done once, and again only once what it found has left the page (Lit keeps its elements) or `scope`
 * names another element than it was found in (a test mounted a new one while the last is still on the page).
 */
export function stable<T extends Element>(find: () => T, scope?: () => Element | undefined): () => T {
  let found: T | undefined;
  let foundIn: Element | undefined;
  return () => {
    const within = scope?.();
    if (found?.isConnected && within === foundIn) return found;
    foundIn = within;
    return (found = find());
  };
}

/** The message a field's `aria-describedby` names as its error ('' when none). */
export function errorOf(control: Element): string {
  const root = control.getRootNode() as ShadowRoot | Document;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => /(^|-)error$/.test(id))
    .map((id) => root.getElementById(id))
    .map((n) => (n ? textOf(n) : ''))
    .join(' ')
    .trim();
}

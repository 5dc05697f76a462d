// What the manager pages read of <account-manager>: only what a user sees (roles, names, parts), through open
// shadow roots.

export const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));

/** Every element under `root` matching `selector`, open shadow roots included. */
export function deepQueryAll(root, selector) {
  const out = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

/** The element each tab shows. */
export const PANEL_TAGS = {
  overview: 'account-overview',
  admins: 'account-admins',
  limits: 'account-limits',
  numbers: 'number-features',
  restrictions: 'account-restrictions',
  carrier: 'carrier-picker',
  apps: 'app-exchange-toggle',
  notes: 'account-notes',
  plans: 'service-plan-picker',
};

/** What a loaded section shows: its Save button (the admins list: "Add administrator"). */
const READY_BUTTON = /^(Save|Add administrator)$/;

const sr = (m) => m?.shadowRoot ?? null;

/** The account's name in the manager's header. */
export const title = (m) => norm(sr(m)?.querySelector('[part~="title"]')?.textContent);

/** The tree's row showing `name` (its name may be followed by badges and a count). */
export function treeRow(m, name) {
  const tree = sr(m)?.querySelector('account-tree');
  for (const r of tree?.shadowRoot?.querySelectorAll('[role="treeitem"]') ?? []) {
    if (r.getAttribute('aria-busy') === 'true') continue;
    const t = norm(r.textContent);
    if (t === name || t.startsWith(`${name} `) || t.startsWith(`${name},`)) return r;
  }
  return null;
}

/** The tab button with this label. */
export const tabButton = (m, label) =>
  [...(sr(m)?.querySelectorAll('[role="tab"]') ?? [])].find((t) => norm(t.textContent) === label) ?? null;

/** The section of `tab` is on screen with its content loaded ('error' when it shows an error instead). */
export function sectionState(m, tab) {
  const panel = sr(m)?.querySelector(`[role="tabpanel"][data-tab="${tab}"]`);
  if (!panel || panel.hidden) return null;
  const el = panel.querySelector(PANEL_TAGS[tab]);
  if (!el) return panel.querySelector('[part~="error"]') ? 'error' : null;
  if (deepQueryAll(el, 'button').some((b) => READY_BUTTON.test(norm(b.textContent)))) return 'ready';
  if (deepQueryAll(el, '[role="alert"]').length) return 'error';
  return null;
}

/**
 * `<account-tree>`'s row template (one for an account, a placeholder and a failed page) and the loaders of its
 * later parts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AccountStore } from '../../src/data/store.js';
import type { TextLocalizeController } from '../../src/base/localize.js';
import { warnOnce } from '../../src/base/warn.js';
import type en from './locales/en-US.js';
import { hasChildren, keyOf, sizeOf, type Row, type TreeController } from './tree-controller.js';

export type Deferred = typeof import('./tree-deferred.js');
export type Interactive = typeof import('./tree-interactive.js');
let deferred: Promise<Deferred | undefined> | undefined;
let interactive: Promise<Interactive | undefined> | undefined;
/** The breadcrumbs and badges: loaded once, by the first tree that connects. */
export const loadDeferred = () =>
  (deferred ??= import('./tree-deferred.js').catch((e: unknown) => {
    // The next tree that connects asks again.
    deferred = undefined;
    warnOnce('account-tree:deferred', `<account-tree> could not load its breadcrumbs and badges: ${e}`);
    return undefined;
  }));
/** The keyboard and search: loaded once, by the first tree a user focuses or presses. */
export const loadInteractive = () =>
  (interactive ??= import('./tree-interactive.js').catch((e: unknown) => {
    interactive = undefined;
    warnOnce('account-tree:interactive', `<account-tree> could not load its keyboard and search: ${e}`);
    return undefined;
  }));

/** What a row's template reads of the tree. */
export interface RowView {
  l: TextLocalizeController<keyof typeof en>;
  tree: TreeController;
  store?: AccountStore;
  selected?: string;
  activeKey?: string;
}

/** One template for every row (cheap to diff): an account, a placeholder (`aria-busy`) or a failed page. */
export function renderRow(view: RowView, row: Row | undefined, index: number): TemplateResult {
  if (!row) return html``;
  const { l, tree } = view;
  const { level, pos, depth } = row;
  const s = level.item(pos);
  const error = s || !level.errorAt(pos) ? undefined : level.error;
  const failed = error && l.t('pageFailed', { reason: l.errorMessage(error) });
  const facts = s && view.store?.summaryFacts(s.id);
  const disabled = !!s && (facts?.enabled ?? s.enabled) === false;
  const reseller = !!s && (facts?.isReseller ?? s.isReseller) === true;
  const count = s?.descendantsCount ?? 0;
  const parent = !!s && level !== tree.search && hasChildren(s);
  const selected = !!s && s.id === view.selected;
  // The name is the row's text (name, badges); the count, drawn by CSS, is said through hidden text. The depth is
  // set through the `style` property (the CSSOM, which a strict Content-Security-Policy allows), not a directive.
  const label = s || error ? undefined : l.t('loading');
  const key = keyOf(row);
  return html`<div
    role="treeitem"
    class="row${parent ? '' : ' leaf'}${s ? '' : error ? ' error' : ' placeholder'}"
    part=${s ? (selected ? 'row row-selected' : 'row') : error ? 'row row-error' : 'row row-placeholder'}
    data-key=${key}
    data-i=${index}
    data-count=${ifDefined(count ? l.number(count) : undefined)}
    tabindex=${key === view.activeKey ? 0 : -1}
    aria-level=${depth}
    aria-posinset=${pos + 1}
    aria-setsize=${sizeOf(level)}
    aria-expanded=${ifDefined(parent ? String(tree.isOpen(s.id)) : undefined)}
    aria-selected=${selected ? 'true' : 'false'}
    aria-busy=${ifDefined(s || error ? undefined : 'true')}
    aria-label=${ifDefined(label)}
    title=${ifDefined(s ? s.realm : failed)}
    .style=${`--depth: ${depth - 1}`}
  >
    ${parent ? html`<span class="toggle" part="toggle" aria-hidden="true"></span>` : nothing}
    ${s || error ? html`<span class="name" dir="auto">${s ? s.name : failed}</span>` : nothing}
    ${disabled ? html`<span class="badge off" part="badge badge-disabled">${l.t('disabled')}</span>` : nothing}
    ${reseller ? html`<span class="badge" part="badge badge-reseller">${l.t('reseller')}</span>` : nothing}
    ${count ? html`<span class="am-visually-hidden">, ${l.t('subAccounts', { count })}</span>` : nothing}
    ${
      error && error.kind !== 'forbidden'
        ? html`<button type="button" class="am-button retry" part="retry" tabindex="-1">${l.t('retry')}</button>`
        : nothing
    }
  </div>`;
}

/** The breadcrumbs until their module is here: the root's name alone. */
export function rootCrumb(label: string, name: string | undefined): TemplateResult {
  return html`<nav part="breadcrumbs" aria-label=${label}>
    <ol>
      <li>
        <span part="crumb-current" aria-current="page"><bdi>${name ?? ''}</bdi></span>
      </li>
    </ol>
  </nav>`;
}

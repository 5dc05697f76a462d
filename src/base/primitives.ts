import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { AccountApiError } from '../api/errors.js';
import type { SharedKey } from './locales/index.js';
import type { ResourceController } from './resource-controller.js';
import type { DraftController } from './draft-controller.js';
import { inOwnLanguage, phrase } from './phrase.js';
import { renderErrorPanel, type ErrorPanelOptions, type Localizer } from './error-panel.js';
import { registerFormStrings } from './locales/forms/index.js';

registerFormStrings();

export { renderErrorPanel, type ErrorPanelOptions, type Localizer };

/** A shared string in its own language and direction. */
const say = (l: Localizer, key: SharedKey, params?: Record<string, unknown>) => phrase(l, key, params);

/** Placeholder lines with a spoken "Loading…". Styles: `skeletonStyles`, `controlStyles`. Part `skeleton`. */
export function renderSkeleton(l: Localizer, lines = 3): TemplateResult {
  return html`<div class="am-skeleton" part="skeleton" role="status">
    <span class="am-visually-hidden">${say(l, 'loading')}</span>
    ${Array.from({ length: lines }, () => html`<span class="am-skeleton__line" aria-hidden="true"></span>`)}
  </div>`;
}

export interface ResourceViews<T> {
  loaded(value: T): unknown;
  empty?(): unknown;
  loading?(): unknown;
  error?(error: AccountApiError): unknown;
  forbidden?(): unknown;
}

/**
 * Renders a ResourceController by state with sensible defaults: nothing while a load is fast, a skeleton
 * after the delay, the error panel with Retry, "Nothing to show yet." and the no-permission note.
 */
export function renderResource<T>(r: ResourceController<T>, l: Localizer, views: ResourceViews<T>): unknown {
  // A server has no data to show: what loads in the browser shows as loading.
  if (isServer && (r.state === 'idle' || r.state === 'loading')) return views.loading?.() ?? renderSkeleton(l);
  switch (r.state) {
    case 'loading':
      return r.showSkeleton ? (views.loading?.() ?? renderSkeleton(l)) : nothing;
    case 'loaded':
      return views.loaded(r.value as T);
    case 'empty':
      return views.empty?.() ?? html`<p class="am-note" part="empty">${say(l, 'empty')}</p>`;
    case 'error':
      return views.error?.(r.error!) ?? renderErrorPanel(r.error, l, { onRetry: () => r.retry() });
    case 'forbidden':
      return views.forbidden?.() ?? html`<p class="am-note" part="forbidden">${say(l, 'forbidden')}</p>`;
    default:
      return nothing;
  }
}

export interface DraftActionsOptions {
  /** Runs the widget's save (which calls `draft.save()` and fires its own events). */
  onSave(): void;
  /** Default: `draft.reset()`. */
  onReset?(): void;
}

/**
 * The dirty marker, Reset and Save for a draft, with "Saving…" / "Saved" spoken and the failure in words.
 * Save is disabled while saving (no double submit) and while conflicts wait. Part `actions`.
 */
export function renderDraftActions(
  draft: DraftController<object>,
  l: Localizer,
  options: DraftActionsOptions,
): TemplateResult {
  const state = draft.saveState;
  const status =
    state === 'saving'
      ? say(l, 'saving')
      : draft.dirty
        ? say(l, 'unsavedChanges')
        : state === 'saved'
          ? say(l, 'saved')
          : '';
  return html`<div class="am-draft-actions" part="actions">
    ${
      state === 'error' && draft.error?.kind !== 'validation'
        ? html`<p class="am-field-error" role="alert">
            ${
              (draft.error?.details as { declined?: boolean } | undefined)?.declined
                ? say(l, 'chargesDeclined')
                : html`${say(l, 'saveFailed')} ${inOwnLanguage(l, l.errorMessage(draft.error))}`
            }
          </p>`
        : nothing
    }
    <span class="am-hint" role="status">${status}</span>
    <button
      type="button"
      class="am-button"
      ?disabled=${!draft.dirty || draft.saving}
      @click=${() => (options.onReset ? options.onReset() : draft.reset())}
    >
      ${say(l, 'reset')}
    </button>
    <button
      type="button"
      class="am-button"
      data-variant="primary"
      ?disabled=${!draft.dirty || draft.saving || draft.conflicts.length > 0}
      @click=${() => options.onSave()}
    >
      ${say(l, 'save')}
    </button>
  </div>`;
}

export interface ConflictOptions {
  /** The field's label for a dotted path (default: the path). */
  label?(field: string): string;
  /** A value in words (default: `String(value)`, empty for none). */
  format?(value: unknown, field: string): string;
}

/**
 * Both values of every field changed on both sides, each with "Keep mine" / "Use theirs". Part `conflicts`.
 * Renders nothing when there is no conflict.
 */
export function renderConflicts(
  draft: DraftController<object>,
  l: Localizer,
  options: ConflictOptions = {},
): TemplateResult | typeof nothing {
  if (!draft.conflicts.length) return nothing;
  const label = options.label ?? ((f: string) => f);
  const format = options.format ?? ((v: unknown) => (v === undefined || v === null ? '' : String(v)));
  return html`<section class="am-conflicts" part="conflicts" role="alert" aria-labelledby="am-conflicts-title">
    <p class="am-conflicts__title" id="am-conflicts-title">${say(l, 'conflictTitle')}</p>
    <p>${say(l, 'conflictHelp')}</p>
    <ul>
      ${draft.conflicts.map(
        (c) =>
          html`<li>
            <strong>${inOwnLanguage(l, label(c.field))}</strong>
            <span>${say(l, 'conflictMineValue', { value: format(c.mine, c.field) })}</span>
            <span>${say(l, 'conflictTheirsValue', { value: format(c.theirs, c.field) })}</span>
            <span class="am-conflicts__choices">
              <button
                type="button"
                class="am-button"
                aria-label="${l.t('conflictMine')}: ${label(c.field)}"
                @click=${() => draft.resolve(c.field, 'mine')}
              >
                ${say(l, 'conflictMine')}
              </button>
              <button
                type="button"
                class="am-button"
                aria-label="${l.t('conflictTheirs')}: ${label(c.field)}"
                @click=${() => draft.resolve(c.field, 'theirs')}
              >
                ${say(l, 'conflictTheirs')}
              </button>
            </span>
          </li>`,
      )}
    </ul>
  </section>`;
}

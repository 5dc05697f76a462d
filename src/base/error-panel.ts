/**
 * The error panel every element shows when a read fails: what failed, in words from the error's `kind`, with
 * Retry. Its words are the shared ones every widget has (no form strings), so an element that only reads (the
 * tree, the provider) can show it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AccountApiError } from '../api/errors.js';
import type { SharedKey } from './locales/index.js';
import type { MessagePart } from './localize.js';
import { inOwnLanguage, phrase } from './phrase.js';

/** What the shared renderers need from a LocalizeController. */
export interface Localizer {
  t(key: SharedKey, params?: Record<string, unknown>): string;
  errorMessage(error: Pick<AccountApiError, 'kind'> | undefined): string;
  parts(key: SharedKey, params?: Record<string, unknown>): { parts: MessagePart[]; lang?: string; dir?: 'ltr' | 'rtl' };
  fallbackOf(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined;
}

/**
 * Dispatched (bubbling, composed) by an element whose user pressed Retry: the `<account-provider>` around it tries
 * its session again when that failed too, so no failure that is over stays on the page.
 */
export const RETRY_EVENT = 'am-retry';

/** A shared string in its own language and direction. */
const say = (l: Localizer, key: SharedKey, params?: Record<string, unknown>) => phrase(l, key, params);

export interface ErrorPanelOptions {
  /** Shown as a Retry button (not for `forbidden`, where retrying cannot help). */
  onRetry?: () => void;
  /** Heading; default "Something went wrong". */
  title?: string;
}

/**
 * What failed, in words from the error's `kind`, with Retry. Styles: `basicControlStyles` (or `controlStyles`), `errorPanelStyles`.
 * Part `error`.
 */
export function renderErrorPanel(
  error: Pick<AccountApiError, 'kind'> | undefined,
  l: Localizer,
  options: ErrorPanelOptions = {},
): TemplateResult {
  const retry = options.onRetry && error?.kind !== 'forbidden';
  return html`<div class="am-error-panel" part="error" role="alert">
    <p class="am-error-panel__title">
      ${options.title === undefined ? say(l, 'errorTitle') : inOwnLanguage(l, options.title)}
    </p>
    <p>${inOwnLanguage(l, l.errorMessage(error))}</p>
    ${retry ? html`<button type="button" class="am-button" @click=${options.onRetry}>${say(l, 'retry')}</button>` : nothing}
  </div>`;
}

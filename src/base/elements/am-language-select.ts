import { html, nothing } from 'lit';
import { languageSelectStyles } from './am-language-select.styles.js';
import { property } from 'lit/decorators.js';
import { AmElement } from '../am-element.js';
import { controlStyles } from '../controls.styles.js';
import { internalLocalize } from './internal-localize.js';

/** The languages an account can be given (its users' default); `''` is the platform's default. */
export const ACCOUNT_LANGUAGES = ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'ru-RU'] as const;

const names = new Map<string, Intl.DisplayNames | undefined>();
/** A language's name in `locale`, in the standard form ("English (United States)"); the code when unknown. */
export function languageName(code: string, locale: string): string {
  if (!names.has(locale)) {
    try {
      names.set(locale, new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' }));
    } catch {
      names.set(locale, undefined);
    }
  }
  try {
    return names.get(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The listed language that `value` names, whatever its case (`en-us` is `en-US`). */
export function normalizeLanguage(value: string | undefined): string {
  if (!value) return '';
  return ACCOUNT_LANGUAGES.find((l) => l.toLowerCase() === value.toLowerCase()) ?? value;
}

/**
 * The account language: the platform default, or one of the languages the library speaks, named in the
 * page's language; a stored code outside the list is kept and shown as is. Native `input` and `change`
 * (bubbling, not composed) on user changes; a change of case only (`en-us` → `en-US`) is no change.
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @csspart select - The select.
 */
export class AmLanguageSelect extends AmElement {
  static override tagName = 'am-language-select';
  static override shadowRootOptions = { ...AmElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, languageSelectStyles];

  @property() label = '';

  /** A BCP 47 code, or `''` for the platform default. */
  @property() value = '';

  @property() error = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  private readonly l = internalLocalize(this);

  protected override render(): unknown {
    const t = this.l.t.bind(this.l);
    const selected = normalizeLanguage(this.value);
    const known = (ACCOUNT_LANGUAGES as readonly string[]).includes(selected);
    const options = selected && !known ? [...ACCOUNT_LANGUAGES, selected] : [...ACCOUNT_LANGUAGES];
    return html`<label class="am-label" for="select">${this.label || t('language')}</label>
      <select
        id="select"
        class="am-input"
        part="select"
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.error ? 'error' : nothing}
        @change=${(e: Event) => {
          e.stopPropagation();
          const next = (e.target as HTMLSelectElement).value;
          if (next.toLowerCase() === this.value.toLowerCase() && next) return;
          this.value = next;
          this.dispatchEvent(new Event('input', { bubbles: true }));
          this.dispatchEvent(new Event('change', { bubbles: true }));
        }}
      >
        <option value="" ?selected=${!selected}>${t('languageDefault')}</option>
        ${options.map(
          (code) =>
            html`<option value=${code} ?selected=${code === selected}>${languageName(code, this.l.locale)}</option>`,
        )}
      </select>
      ${this.error ? html`<p class="am-field-error" id="error">${this.error}</p>` : nothing}`;
  }
}

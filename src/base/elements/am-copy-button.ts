import { html, nothing } from 'lit';
import { copyButtonStyles } from './am-copy-button.styles.js';
import { property, state } from 'lit/decorators.js';
import { AmElement } from '../am-element.js';
import { controlStyles } from '../controls.styles.js';
import { internalLocalize } from './internal-localize.js';

/**
 * Copies `value` to the clipboard and says so: the button reads "Copied" for a moment and a live region
 * announces it; when the browser refuses, it says how to copy by hand. Fires `am-copy` (`detail: { ok }`,
 * bubbling, not composed).
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @slot - The button's text (default "Copy").
 * @csspart button - The button.
 */
export class AmCopyButton extends AmElement {
  static override tagName = 'am-copy-button';
  static override shadowRootOptions = { ...AmElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, copyButtonStyles];

  /** The text copied. */
  @property() value = '';

  /** The button's accessible name when its text is not enough ("Copy account ID"). */
  @property() label = '';

  /** Disabled while there is nothing to copy, or when set. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private result?: 'copied' | 'failed';
  private readonly l = internalLocalize(this);
  private timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async copy(): Promise<void> {
    clearTimeout(this.timer);
    let ok = true;
    try {
      await navigator.clipboard.writeText(this.value);
    } catch {
      ok = false;
    }
    this.result = ok ? 'copied' : 'failed';
    this.timer = setTimeout(() => (this.result = undefined), ok ? 2000 : 6000);
    this.dispatchEvent(new CustomEvent('am-copy', { detail: { ok }, bubbles: true }));
  }

  protected override render(): unknown {
    const said = this.result === 'copied' ? this.l.t('copied') : this.result === 'failed' ? this.l.t('copyFailed') : '';
    // While it reads "Copied", that word is its name (a label that hid it would not match what is seen).
    return html`<button
        type="button"
        class="am-button"
        part="button"
        aria-label=${(this.result !== 'copied' && this.label) || nothing}
        ?disabled=${this.disabled || !this.value}
        @click=${this.copy}
      >
        ${this.result === 'copied' ? this.l.t('copied') : html`<slot>${this.l.t('copy')}</slot>`}
      </button>
      <span class="am-visually-hidden" role="status">${said}</span>`;
  }
}

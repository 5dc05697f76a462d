import { html, nothing } from 'lit';
import { passwordFieldStyles } from './am-password-field.styles.js';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MIN_PASSWORD_LENGTH } from '../../api/rules.js';
import { AmElement } from '../am-element.js';
import { controlStyles } from '../controls.styles.js';
import { DEFAULT_PASSWORD_LENGTH, generatePassword, passwordStrength } from '../random.js';
import { AmCopyButton } from './am-copy-button.js';
import { internalLocalize } from './internal-localize.js';

/** How strong a password looks: too short for the rule, then by estimated entropy. */
export type PasswordLevel = 'too-short' | 'weak' | 'fair' | 'strong';

export function passwordLevel(password: string): PasswordLevel {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  const s = passwordStrength(password);
  return s === 'very-strong' ? 'strong' : s;
}

/**
 * A password: typed, or generated from `crypto.getRandomValues` ("Generate"), shown or hidden ("Show
 * password"), copied ("Copy password"), with its strength in words and the minimum length as a hint.
 * `generated` tells whether the value shown came from the generator (and was not edited since).
 * Native `input` and `change` events on user changes (bubbling, not composed).
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @csspart input - The text field.
 */
export class AmPasswordField extends AmElement {
  static override tagName = 'am-password-field';
  static override dependencies = { 'am-copy-button': AmCopyButton };
  static override shadowRootOptions = { ...AmElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, passwordFieldStyles];

  /** The label shown above the field (its accessible name). */
  @property() label = '';

  @property() value = '';

  /** The value came from the generator. */
  @property({ type: Boolean, reflect: true }) generated = false;

  /** Length of generated passwords (at least the minimum length). */
  @property({ type: Number }) length = DEFAULT_PASSWORD_LENGTH;

  /** A message saying what is wrong (shown under the field; marks it invalid). */
  @property() error = '';

  /** Form field name and autocomplete hint. */
  @property() name = 'password';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shown in clear text. */
  @state() private shown = false;

  private readonly l = internalLocalize(this);

  /** Replaces the value with a new generated password (fires `input` and `change`). */
  generate(): void {
    this.value = generatePassword(this.length);
    this.generated = true;
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('input', { bubbles: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render(): unknown {
    const t = this.l.t.bind(this.l);
    const level = passwordLevel(this.value);
    const described = ['hint', 'strength', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`<label class="am-label" for="input">${this.label || t('password')}</label>
      <div class="row">
        <input
          id="input"
          class="am-input"
          part="input"
          name=${this.name}
          type=${this.shown ? 'text' : 'password'}
          autocomplete="new-password"
          spellcheck="false"
          autocapitalize="off"
          ?disabled=${this.disabled}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${described}
          .value=${live(this.value)}
          @input=${(e: Event) => {
            this.value = (e.target as HTMLInputElement).value;
            this.generated = false;
            this.dispatchEvent(new Event('input', { bubbles: true }));
          }}
          @change=${(e: Event) => {
            e.stopPropagation();
            this.dispatchEvent(new Event('change', { bubbles: true }));
          }}
        />
        <button
          type="button"
          class="am-button"
          aria-pressed=${this.shown ? 'true' : 'false'}
          ?disabled=${this.disabled}
          @click=${() => (this.shown = !this.shown)}
        >
          ${t('passwordShow')}
        </button>
        <am-copy-button .value=${this.value} label=${t('passwordCopy')} ?disabled=${this.disabled}></am-copy-button>
        <button type="button" class="am-button" ?disabled=${this.disabled} @click=${() => this.generate()}>
          ${t('passwordGenerate')}
        </button>
      </div>
      <span class="am-hint" id="hint">${t('passwordHint', { min: MIN_PASSWORD_LENGTH })}</span>
      <span class="am-hint strength" id="strength" data-level=${level}>
        ${this.value ? t('passwordStrength', { level: t(`passwordLevel.${level}` as 'passwordLevel.weak') }) : ''}
      </span>
      ${this.error ? html`<p class="am-field-error" id="error">${this.error}</p>` : nothing}`;
  }
}

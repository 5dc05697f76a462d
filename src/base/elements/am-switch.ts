import { html, nothing } from 'lit';
import { switchStyles } from './am-switch.styles.js';
import { property } from 'lit/decorators.js';
import { AmElement } from '../am-element.js';

/**
 * An on/off switch (WAI-ARIA `switch`): a button whose name is its label, Space or Enter to flip it, native
 * `input` and `change` events (bubbling, not composed) on user changes only. `mixed` shows a group whose
 * children differ: it is then exposed as a tri-state checkbox (`aria-checked="mixed"`, which `switch` does
 * not allow), and pressing it turns every child on.
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @slot - The label (default: the `label` property).
 * @csspart control - The button.
 * @csspart track - The track.
 * @csspart thumb - The thumb.
 * @csspart description - The line under the label.
 */
export class AmSwitch extends AmElement {
  static override tagName = 'am-switch';
  static override shadowRootOptions = { ...AmElement.shadowRootOptions, delegatesFocus: true };
  static override styles = switchStyles;

  /** On. */
  @property({ type: Boolean, reflect: true }) checked = false;

  /** Some children on, some off (a group switch). */
  @property({ type: Boolean, reflect: true }) mixed = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The label, when no text is slotted. */
  @property() label = '';

  /** What the switch changes, said under the label (and read after the name). */
  @property() description = '';

  private toggle(): void {
    if (this.disabled) return;
    this.checked = this.mixed ? true : !this.checked;
    this.mixed = false;
    this.dispatchEvent(new Event('input', { bubbles: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render(): unknown {
    return html`<button
        type="button"
        part="control"
        role=${this.mixed ? 'checkbox' : 'switch'}
        aria-checked=${this.mixed ? 'mixed' : this.checked ? 'true' : 'false'}
        aria-describedby=${this.description ? 'description' : nothing}
        ?disabled=${this.disabled}
        @click=${this.toggle}
      >
        <span class="track" part="track" aria-hidden="true"><span class="thumb" part="thumb"></span></span>
        <span class="label"><slot>${this.label}</slot></span>
      </button>
      ${
        this.description
          ? html`<span class="description" id="description" part="description" dir="auto">${this.description}</span>`
          : nothing
      }`;
  }
}

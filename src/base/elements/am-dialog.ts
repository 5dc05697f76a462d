import { html, nothing, type PropertyValues } from 'lit';
import { dialogStyles } from './am-dialog.styles.js';
import { property, query, state } from 'lit/decorators.js';
import { AmElement } from '../am-element.js';
import { deepActiveElement } from '../focus.js';

/**
 * The library's one modal dialog, on native `<dialog>`: the browser traps focus and draws the backdrop;
 * Escape and the close request ask the owner (cancelable `am-dialog-request-close`); focus returns to what
 * had it when the dialog opened. The owner renders its content as children, so the owner's styles apply.
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @slot - The body (a form, a message).
 * @slot footer - The actions.
 * @csspart dialog - The native dialog.
 * @csspart title - The heading.
 */
export class AmDialog extends AmElement {
  static override tagName = 'am-dialog';
  static override styles = dialogStyles;

  /** Shown as a modal while true. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The heading, also the dialog's accessible name. */
  @property() label = '';

  /** The heading as a template (a sentence with a name isolated in `<bdi>`), shown instead of `label`. */
  @property({ attribute: false }) heading?: unknown;

  @state() private hasFooter = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  private returnFocus?: HTMLElement;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.restoreFocus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    const d = this.dialog;
    if (!d) return;
    if (this.open && !d.open) {
      this.returnFocus = deepActiveElement();
      d.showModal();
      this.focusFirst();
    } else if (!this.open && d.open) {
      d.close();
      this.restoreFocus();
    }
  }

  /** Focuses `[autofocus]` among the children, else the first field or button. */
  focusFirst(): void {
    const auto = this.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
    const first =
      auto ??
      this.querySelector<HTMLElement>(
        'input:not([type=hidden]):not([disabled]), select, textarea, button:not([disabled]), [tabindex="0"]',
      );
    // A field that is itself an element (`<am-password-field>`) renders after the dialog opens: wait for it.
    const rendering = (first as Partial<AmElement> | null)?.updateComplete;
    if (rendering) void rendering.then(() => this.open && first!.focus());
    else first?.focus();
  }

  private restoreFocus(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }

  /** Escape or the browser's close request: the owner may keep it open (`preventDefault()`). */
  private onCancel(e: Event): void {
    e.preventDefault();
    // One the browser will not let be cancelled closes it anyway: `onClose` asks once it is shown again.
    if (!e.cancelable) return;
    const go = this.dispatchEvent(new CustomEvent('am-dialog-request-close', { cancelable: true, bubbles: true }));
    if (go) this.open = false;
  }

  /** The browser closed it without a cancelable `cancel` (Escape again, with no click since): ask as for Escape. */
  private onClose(): void {
    const d = this.dialog;
    if (!this.open || !d || d.open || !this.isConnected) return;
    d.showModal();
    this.onCancel(new Event('cancel', { cancelable: true }));
  }

  protected override render(): unknown {
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel} @close=${this.onClose}>
      <div class="inner">
        ${
          this.heading !== undefined || this.label
            ? html`<h2 id="title" part="title">${this.heading ?? this.label}</h2>`
            : nothing
        }
        <slot></slot>
        <div class="footer" ?hidden=${!this.hasFooter}>
          <slot
            name="footer"
            @slotchange=${(e: Event) => (this.hasFooter = (e.target as HTMLSlotElement).assignedElements().length > 0)}
          ></slot>
        </div>
      </div>
    </dialog>`;
  }
}

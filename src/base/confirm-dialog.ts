import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Localizer } from './primitives.js';

export interface ConfirmOptions {
  title: string;
  message?: string;
  /** Label of the confirming button; default "Confirm". */
  confirmLabel?: string;
  /** A destructive action: red button, Cancel focused first. */
  danger?: boolean;
  /** Text the user must type to enable the confirming button (e.g. the account's name). */
  typedConfirmation?: string;
}

let ids = 0;

/**
 * A modal confirm dialog on native `<dialog>` (focus trap, Escape, backdrop from the browser):
 * `if (await confirm.confirm({ title, danger: true, typedConfirmation: name })) …`; render
 * `confirm.render(l)` in the template. Styles: `confirmDialogStyles`, `controlStyles`. Part `dialog`.
 */
export class ConfirmController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly dialog = createRef<HTMLDialogElement>();
  private readonly id = `am-confirm-${++ids}`;
  private options?: ConfirmOptions;
  private typed = '';
  private settle?: (ok: boolean) => void;
  private returnFocus?: HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  get open(): boolean {
    return !!this.options;
  }

  hostDisconnected(): void {
    this.finish(false);
  }

  /** Shows the dialog; resolves `true` when the user confirms, `false` on Cancel, Escape or disconnect. */
  async confirm(options: ConfirmOptions): Promise<boolean> {
    this.finish(false);
    if (!this.host.isConnected) return false;
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | undefined;
    this.options = options;
    this.typed = '';
    const result = new Promise<boolean>((resolve) => (this.settle = resolve));
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    if (dialog && this.options === options) {
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>(
        options.typedConfirmation ? 'input' : options.danger ? '[value=cancel]' : '[value=confirm]',
      );
      first?.focus();
    }
    return result;
  }

  private finish(ok: boolean): void {
    const settle = this.settle;
    if (!settle) return;
    this.settle = undefined;
    this.options = undefined;
    this.dialog.value?.close();
    this.host.requestUpdate();
    settle(ok);
    this.returnFocus?.focus?.();
  }

  private matches(): boolean {
    const want = this.options?.typedConfirmation;
    return want === undefined || this.typed.trim() === want.trim();
  }

  render(l: Localizer): TemplateResult | typeof nothing {
    const o = this.options;
    if (!o) return nothing;
    const typed = o.typedConfirmation;
    return html`<dialog
      class="am-dialog"
      part="dialog"
      aria-labelledby="${this.id}-title"
      aria-describedby=${o.message ? `${this.id}-message` : nothing}
      ${ref(this.dialog)}
      @cancel=${(e: Event) => (e.preventDefault(), this.finish(false))}
    >
      <form
        class="am-dialog__form"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          if (this.matches()) this.finish(true);
        }}
      >
        <h2 class="am-dialog__title" id="${this.id}-title">${o.title}</h2>
        ${o.message ? html`<p class="am-dialog__message" id="${this.id}-message">${o.message}</p>` : nothing}
        ${
          typed !== undefined
            ? html`<label class="am-field">
                <span class="am-label">${l.t('typeToConfirm', { text: typed })}</span>
                <input
                  class="am-input"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${this.typed}
                  @input=${(e: Event) => {
                    this.typed = (e.target as HTMLInputElement).value;
                    this.host.requestUpdate();
                  }}
                />
              </label>`
            : nothing
        }
        <div class="am-dialog__actions">
          <button type="button" class="am-button" value="cancel" @click=${() => this.finish(false)}>
            ${l.t('cancel')}
          </button>
          <button
            type="submit"
            class="am-button"
            value="confirm"
            data-variant=${o.danger ? 'danger' : 'primary'}
            ?disabled=${!this.matches()}
          >
            ${o.confirmLabel ?? l.t('confirm')}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}

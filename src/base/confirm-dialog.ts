import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { inOwnLanguage, phrase } from './phrase.js';
import type { Localizer } from './primitives.js';
import { registerFormStrings } from './locales/forms/index.js';

registerFormStrings();

export interface ConfirmOptions {
  /** The question: text, or a template with names isolated (`phrase()`). */
  title: unknown;
  /** More words under it: text, or a template. */
  message?: unknown;
  /** More to show under the message (a list of charges, both values of a field). */
  details?: unknown;
  /** Label of the confirming button; default "Confirm". */
  confirmLabel?: unknown;
  /** Label of the button that keeps things as they are; default "Cancel". */
  cancelLabel?: unknown;
  /** A destructive action: red button, Cancel focused first. */
  danger?: boolean;
  /** Text the user must type to enable the confirming button (e.g. the account's name). */
  typedConfirmation?: string;
}

/**
 * A modal question in the house dialog (`<am-dialog>`: focus trap, Escape, focus return):
 * `if (await confirm.confirm({ title, danger: true, typedConfirmation: name })) …`; render
 * `confirm.render(l)` in the template and list `am-dialog` in the element's `static dependencies`.
 * Styles: `controlStyles`. Part `dialog`.
 */
export class ConfirmController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private options?: ConfirmOptions;
  private typed = '';
  private settle?: (ok: boolean) => void;

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
  confirm(options: ConfirmOptions): Promise<boolean> {
    this.finish(false);
    if (!this.host.isConnected) return Promise.resolve(false);
    this.options = options;
    this.typed = '';
    const result = new Promise<boolean>((resolve) => (this.settle = resolve));
    this.host.requestUpdate();
    return result;
  }

  /** Closes an open question as if the user cancelled (e.g. the element turned to another account). */
  cancel(): void {
    this.finish(false);
  }

  private finish(ok: boolean): void {
    const settle = this.settle;
    if (!settle) return;
    this.settle = undefined;
    this.options = undefined;
    this.host.requestUpdate();
    settle(ok);
  }

  private matches(): boolean {
    const want = this.options?.typedConfirmation;
    return want === undefined || this.typed.trim() === want.trim();
  }

  render(l: Localizer): TemplateResult | typeof nothing {
    const o = this.options;
    if (!o) return nothing;
    const typed = o.typedConfirmation;
    const first = typed !== undefined ? 'input' : o.danger ? 'cancel' : 'confirm';
    return html`<am-dialog
      part="dialog"
      open
      label=${typeof o.title === 'string' ? o.title : ''}
      .heading=${typeof o.title === 'string' ? inOwnLanguage(l, o.title) : o.title}
      @am-dialog-request-close=${(e: Event) => {
        e.preventDefault();
        this.finish(false);
      }}
    >
      <form
        class="am-dialog__form"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          if (this.matches()) this.finish(true);
        }}
      >
        ${o.message ? html`<p class="am-dialog__message">${inOwnLanguage(l, o.message)}</p>` : nothing}
        ${o.details ?? nothing}
        ${
          typed !== undefined
            ? html`<label class="am-field">
                <span class="am-label">${phrase(l, 'typeToConfirm', { text: typed })}</span>
                <input
                  class="am-input"
                  autocomplete="off"
                  spellcheck="false"
                  dir="auto"
                  ?data-autofocus=${first === 'input'}
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
          <button
            type="button"
            class="am-button"
            value="cancel"
            ?data-autofocus=${first === 'cancel'}
            @click=${() => this.finish(false)}
          >
            ${inOwnLanguage(l, o.cancelLabel ?? l.t('cancel'))}
          </button>
          <button
            type="submit"
            class="am-button"
            value="confirm"
            data-variant=${o.danger ? 'danger' : 'primary'}
            ?data-autofocus=${first === 'confirm'}
            ?disabled=${!this.matches()}
          >
            ${inOwnLanguage(l, o.confirmLabel ?? l.t('confirm'))}
          </button>
        </div>
      </form>
    </am-dialog>`;
  }
}

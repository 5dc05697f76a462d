import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { inOwnLanguage } from './phrase.js';
import type { Localizer } from './primitives.js';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

/**
 * A polite live region with a toast: `announce('Saved', { tone: 'success' })`; render `status.render(l)`
 * once in the template (the region must exist before it speaks). Styles: `statusStyles`, `controlStyles`.
 * Errors stay until dismissed; other tones clear after `timeout` ms. The message may be a template (a
 * sentence with names isolated, from `phrase()`). The toast sits in the element's flow, under what the
 * element shows, so it never covers a button.
 */
export class StatusController implements ReactiveController {
  message: unknown = '';
  tone: StatusTone = 'info';
  private readonly host: ReactiveControllerHost;
  private timer?: ReturnType<typeof setTimeout>;
  private seq = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  async announce(message: unknown, options: { tone?: StatusTone; timeout?: number } = {}): Promise<void> {
    const seq = ++this.seq;
    clearTimeout(this.timer);
    // Empty the region first so the same words are spoken again.
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (seq !== this.seq) return;
    this.message = message;
    this.tone = options.tone ?? 'info';
    this.host.requestUpdate();
    const timeout = options.timeout ?? (this.tone === 'error' ? 0 : 5000);
    if (timeout > 0) this.timer = setTimeout(() => this.clear(), timeout);
  }

  clear(): void {
    this.seq++;
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
  }

  render(l: Localizer): TemplateResult {
    return html`<div class="am-status" part="status" role="status" aria-live="polite">
      ${
        this.message
          ? html`<div class="am-toast" data-tone=${this.tone}>
              <span>${inOwnLanguage(l, this.message)}</span>
              <button type="button" class="am-button" aria-label=${l.t('dismiss')} @click=${() => this.clear()}>
                ×
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

import { html, nothing } from 'lit';
import { timezoneFieldStyles } from './am-timezone-field.styles.js';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TIMEZONE_MAX, TIMEZONE_MIN } from '../../api/rules.js';
import { AmElement } from '../am-element.js';
import { controlStyles } from '../controls.styles.js';
import { internalLocalize } from './internal-localize.js';

const MAX_SHOWN = 50;
let zoneList: string[] | undefined;

/**
 * Every IANA zone the engine knows that Kazoo's accounts schema accepts (5 to 32 characters: `UTC` itself
 * is refused, `Etc/UTC` is offered instead).
 */
export function timeZones(): string[] {
  if (!zoneList) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      // Older engines: a zone typed in full still passes `rules.timezone`.
    }
    zoneList = [...new Set(['Etc/UTC', ...zones])]
      .filter((z) => z.length >= TIMEZONE_MIN && z.length <= TIMEZONE_MAX)
      .sort();
  }
  return zoneList;
}

const words = (z: string) => z.toLowerCase().replace(/[_/]/g, ' ');
const offsets = new Map<string, string>();
function offsetOf(zone: string): string {
  let o = offsets.get(zone);
  if (o === undefined) {
    try {
      o =
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
          .formatToParts(new Date())
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      o = '';
    }
    offsets.set(zone, o);
  }
  return o;
}

/**
 * A time-zone field: a WAI-ARIA combobox over every IANA zone, filtered by the words typed ("new york",
 * "paris"), with the UTC offset of each. Arrow keys move, Enter picks, Escape closes the list only.
 * A zone typed in full is taken on leaving the field. Native `input` and `change` (bubbling, not composed)
 * when the value changes by a user action.
 *
 * Internal: used by widgets through `static dependencies`.
 *
 * @csspart input - The text field.
 * @csspart listbox - The list of matching zones.
 */
export class AmTimezoneField extends AmElement {
  static override tagName = 'am-timezone-field';
  static override shadowRootOptions = { ...AmElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, timezoneFieldStyles];

  /** The label shown above the field (its accessible name). */
  @property() label = '';

  /** The zone, an IANA name such as `Europe/Paris`. */
  @property() value = '';

  /** A message saying what is wrong (shown under the field; marks it invalid). */
  @property() error = '';

  @property({ type: Boolean, reflect: true }) required = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private query?: string;
  @state() private open = false;
  @state() private active = -1;
  private readonly l = internalLocalize(this);

  private zoneMatches(): string[] {
    const q = (this.query ?? '').trim();
    const zones = timeZones();
    if (!q) return zones;
    const want = words(q).split(/\s+/).filter(Boolean);
    return zones.filter((z) => {
      const w = words(z);
      return want.every((x) => w.includes(x));
    });
  }

  private pick(zone: string): void {
    this.query = undefined;
    this.open = false;
    this.active = -1;
    if (zone === this.value) return;
    this.value = zone;
    this.dispatchEvent(new Event('input', { bubbles: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onKey(e: KeyboardEvent): void {
    const shown = this.zoneMatches().slice(0, MAX_SHOWN);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.open) {
        this.open = true;
        this.active = Math.max(0, shown.indexOf(this.value));
        return;
      }
      const d = e.key === 'ArrowDown' ? 1 : -1;
      this.active = Math.min(shown.length - 1, Math.max(0, this.active + d));
    } else if (e.key === 'Enter' && this.open) {
      e.preventDefault();
      const z = shown[this.active] ?? (shown.length === 1 ? shown[0] : undefined);
      if (z) this.pick(z);
    } else if (e.key === 'Escape' && this.open) {
      // Closes the list only, not a dialog around it.
      e.preventDefault();
      e.stopPropagation();
      this.open = false;
      this.query = undefined;
    }
  }

  private onBlur(): void {
    const q = this.query?.trim();
    if (q === undefined) return void (this.open = false);
    const exact = timeZones().find((z) => z.toLowerCase() === q.toLowerCase());
    if (exact) this.pick(exact);
    else if (q === '') this.pick('');
    else {
      // Something that is not a zone: keep it, so the owner's check can say what is wrong.
      this.open = false;
      this.query = undefined;
      if (q !== this.value) {
        this.value = q;
        this.dispatchEvent(new Event('input', { bubbles: true }));
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  }

  protected override render(): unknown {
    const t = this.l.t.bind(this.l);
    const open = this.open && !this.disabled;
    const matches = open ? this.zoneMatches() : [];
    const shown = matches.slice(0, MAX_SHOWN);
    const active = open && this.active >= 0 && this.active < shown.length ? this.active : -1;
    const described = ['hint', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`<label class="am-label" id="label" for="input">${this.label || t('timezone')}</label>
      <input
        id="input"
        class="am-input"
        part="input"
        role="combobox"
        dir="auto"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-required=${this.required ? 'true' : 'false'}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="list"
        aria-activedescendant=${active >= 0 ? `opt-${active}` : nothing}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${described}
        ?disabled=${this.disabled}
        .value=${live(this.query ?? this.value)}
        @input=${(e: Event) => {
          e.stopPropagation();
          this.query = (e.target as HTMLInputElement).value;
          this.open = true;
          this.active = 0;
        }}
        @change=${(e: Event) => e.stopPropagation()}
        @keydown=${this.onKey}
        @blur=${this.onBlur}
        @click=${() => (this.open = !this.open)}
      />
      <ul id="list" part="listbox" role="listbox" aria-labelledby="label" ?hidden=${!open || !shown.length}>
        ${shown.map(
          (z, i) =>
            html`<li
              id="opt-${i}"
              role="option"
              aria-selected=${z === this.value ? 'true' : 'false'}
              ?data-active=${i === active}
              @mousedown=${(e: Event) => {
                e.preventDefault();
                this.pick(z);
              }}
            >
              <span dir="ltr">${z}</span> <span class="am-hint" dir="ltr">${offsetOf(z)}</span>
            </li>`,
        )}
      </ul>
      ${open && !shown.length ? html`<p class="am-hint" role="status">${t('timezoneNoMatch')}</p>` : nothing}
      ${
        open && matches.length > shown.length
          ? html`<p class="am-hint">${t('timezoneMore', { count: matches.length - shown.length })}</p>`
          : nothing
      }
      <span class="am-hint" id="hint">${t('timezoneHint')}</span>
      ${this.error ? html`<p class="am-field-error" id="error">${this.error}</p>` : nothing}`;
  }
}

/**
 * Form fields bound to a draft: each reads its value from the host, writes through `setField`, shows the
 * host's message for the field (a local rule or the server's code, in words), marks a changed field with
 * a dot that stays out of its accessible name, and records its label and rule so conflicts and server
 * errors can name it. Every widget's forms are built from these.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldProblem, RuleName } from '../api/rules.js';
import { inOwnLanguage } from './phrase.js';
import { registerFormStrings } from './locales/forms/index.js';

registerFormStrings();

/** What a field is called and which rule checks it (for messages and conflict labels). */
export interface FieldSpec {
  label: string;
  rule?: RuleName;
  /** Formats a rule's limit in a message (an amount in the account's currency). */
  formatLimit?(limit: number): string;
}

/** A host of draft-bound fields (`AmDraftElement`, or any element keeping values by path). */
export interface FieldHost {
  readonly readOnly: boolean;
  fieldValue(path: string): unknown;
  setField(path: string, value: unknown): void;
  /** The message to show under the field, if any. */
  fieldError(path: string): string | undefined;
  /** The field differs from the saved value. */
  fieldChanged(path: string): boolean;
  registerField(path: string, spec: FieldSpec): void;
  /** Words for the stepper buttons and the dirty marker. */
  fieldText(key: 'increase' | 'decrease' | 'changedField', params: Record<string, unknown>): string;
  /** The language (and direction) of a label or message that fell back to another language than the page's. */
  fieldTextLang?(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined;
}

/** A label or message in its own language and direction (an English fallback stays left to right). */
const txt = (host: FieldHost, text: unknown): unknown =>
  inOwnLanguage(host.fieldTextLang ? { fallbackOf: (t: string) => host.fieldTextLang!(t) } : undefined, text);

export interface TextFieldOptions {
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  hint?: unknown;
  required?: boolean;
  maxlength?: number;
  autocomplete?: string;
  inputmode?: string;
  rule?: RuleName;
  /** Text direction of the value (`ltr` for realms, e-mails, numbers); default `auto`. */
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Extra attribute for tests and styling. */
  name?: string;
}

/** The DOM id of a field, from its path. */
export const fieldId = (path: string): string => `f-${path.replace(/[^\w-]/g, '-')}`;

function describedBy(id: string, hint: boolean, error: boolean): string | typeof nothing {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

function frame(
  host: FieldHost,
  path: string,
  spec: FieldSpec,
  control: TemplateResult,
  hint: unknown,
  labelFor: string | undefined,
): TemplateResult {
  host.registerField(path, spec);
  const id = fieldId(path);
  const error = host.fieldError(path);
  const changed = host.fieldChanged(path);
  return html`<div class="am-field" part="field" ?data-dirty=${changed} data-field=${path}>
    <span class="am-label-row">
      ${
        labelFor === undefined
          ? html`<span class="am-label" id="${id}-label">${txt(host, spec.label)}</span>`
          : html`<label class="am-label" for=${labelFor} id="${id}-label">${txt(host, spec.label)}</label>`
      }
      ${
        changed
          ? html`<span class="am-dirty-mark" aria-hidden="true" title=${host.fieldText('changedField', {})}></span>`
          : nothing
      }
    </span>
    ${control} ${hint ? html`<span class="am-hint" id="${id}-hint">${txt(host, hint)}</span>` : nothing}
    ${error ? html`<p class="am-field-error" id="${id}-error">${txt(host, error)}</p>` : nothing}
  </div>`;
}

/** A one-line text field. An emptied field is `undefined` in the draft. */
export function textField(host: FieldHost, path: string, label: string, o: TextFieldOptions = {}): TemplateResult {
  const id = fieldId(path);
  const value = host.fieldValue(path);
  const error = host.fieldError(path);
  const control = html`<input
    id=${id}
    class="am-input"
    part="input"
    name=${o.name ?? path}
    type=${o.type ?? 'text'}
    dir=${o.dir ?? 'auto'}
    maxlength=${ifDefined(o.maxlength)}
    autocomplete=${o.autocomplete ?? 'off'}
    inputmode=${ifDefined(o.inputmode)}
    spellcheck="false"
    ?required=${!!o.required}
    ?readonly=${host.readOnly}
    aria-invalid=${error ? 'true' : 'false'}
    aria-describedby=${describedBy(id, !!o.hint, !!error)}
    .value=${live(typeof value === 'string' ? value : value == null ? '' : String(value))}
    @input=${(e: Event) => {
      const v = (e.target as HTMLInputElement).value;
      host.setField(path, v === '' ? undefined : v);
    }}
  />`;
  return frame(host, path, { label, rule: o.rule }, control, o.hint, id);
}

export interface NumberFieldOptions {
  min?: number;
  max?: number;
  step?: number;
  hint?: unknown;
  rule?: RuleName;
  /** Shown when the field is empty (e.g. "Platform default"). */
  placeholder?: string;
}

/**
 * A whole-number field with steppers (WAI-ARIA spinbutton): the text as typed is kept in the draft, so a
 * wrong entry ("1.5", "-3", "") stays on screen with its message; ArrowUp / ArrowDown step by one, PageUp /
 * PageDown by ten, and the − / + buttons do the same for pointers.
 */
export function numberField(host: FieldHost, path: string, label: string, o: NumberFieldOptions = {}): TemplateResult {
  const id = fieldId(path);
  const raw = host.fieldValue(path);
  const text = raw === undefined || raw === null ? '' : String(raw);
  const error = host.fieldError(path);
  const min = o.min ?? 0;
  const step = (delta: number) => {
    const n = /^\s*-?\d+\s*$/.test(text) ? Number(text) : min;
    let next = Math.max(min, n + delta);
    if (o.max !== undefined) next = Math.min(o.max, next);
    host.setField(path, String(next));
  };
  const now = /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
  const control = html`<span class="am-stepper">
    <button
      type="button"
      class="am-button am-stepper__button"
      tabindex="-1"
      aria-label=${host.fieldText('decrease', { label })}
      ?disabled=${host.readOnly || (now !== undefined && now <= min)}
      @click=${() => step(-1)}
    >
      −
    </button>
    <input
      id=${id}
      class="am-input am-stepper__input"
      part="input"
      name=${path}
      type="text"
      role="spinbutton"
      inputmode="numeric"
      dir="ltr"
      autocomplete="off"
      placeholder=${ifDefined(o.placeholder)}
      aria-valuemin=${min}
      aria-valuemax=${ifDefined(o.max)}
      aria-valuenow=${ifDefined(now)}
      ?readonly=${host.readOnly}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, !!o.hint, !!error)}
      .value=${live(text)}
      @input=${(e: Event) => host.setField(path, (e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (host.readOnly) return;
        const d = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 }[e.key];
        if (d === undefined) return;
        e.preventDefault();
        step(d * (o.step ?? 1));
      }}
    />
    <button
      type="button"
      class="am-button am-stepper__button"
      tabindex="-1"
      aria-label=${host.fieldText('increase', { label })}
      ?disabled=${host.readOnly || (now !== undefined && o.max !== undefined && now >= o.max)}
      @click=${() => step(1)}
    >
      +
    </button>
  </span>`;
  return frame(host, path, { label, rule: o.rule ?? 'trunks' }, control, o.hint, id);
}

export interface ChoiceOptions {
  /** What the switch changes for the customer, read after its name. */
  description?: string;
  disabled?: boolean;
  /** The label and description are the server's text (an app's name): `auto` shows each in its own direction. */
  dir?: 'auto';
}

/** An on/off switch (`<am-switch>`; the element must list it in `static dependencies`). */
export function switchField(host: FieldHost, path: string, label: string, o: ChoiceOptions = {}): TemplateResult {
  host.registerField(path, { label });
  const changed = host.fieldChanged(path);
  return html`<div class="am-field am-field--switch" part="field" ?data-dirty=${changed} data-field=${path}>
    <am-switch
      id=${fieldId(path)}
      .checked=${host.fieldValue(path) === true}
      ?disabled=${host.readOnly || !!o.disabled}
      description=${o.description ?? ''}
      @change=${(e: Event) => host.setField(path, (e.target as HTMLElement & { checked: boolean }).checked)}
      >${txt(host, label)}</am-switch
    >
    ${
      changed
        ? html`<span class="am-dirty-mark" aria-hidden="true" title=${host.fieldText('changedField', {})}></span>`
        : nothing
    }
  </div>`;
}

/** A checkbox with its label beside it. */
export function checkboxField(host: FieldHost, path: string, label: string, o: ChoiceOptions = {}): TemplateResult {
  host.registerField(path, { label });
  const id = fieldId(path);
  return html`<div class="am-field am-field--check" part="field" ?data-dirty=${host.fieldChanged(path)}>
    <label class="am-check">
      <input
        id=${id}
        type="checkbox"
        name=${path}
        .checked=${live(host.fieldValue(path) === true)}
        ?disabled=${host.readOnly || !!o.disabled}
        aria-describedby=${o.description ? `${id}-hint` : nothing}
        @change=${(e: Event) => host.setField(path, (e.target as HTMLInputElement).checked)}
      />
      <span dir=${ifDefined(o.dir)}>${txt(host, label)}</span>
    </label>
    ${
      o.description
        ? html`<span class="am-hint" id="${id}-hint" dir=${ifDefined(o.dir)}>${txt(host, o.description)}</span>`
        : nothing
    }
  </div>`;
}

/** A select of `options` (`value` → label). */
export function selectField(
  host: FieldHost,
  path: string,
  label: string,
  options: { value: string; label: string }[],
  o: { hint?: unknown } = {},
): TemplateResult {
  const id = fieldId(path);
  const value = String(host.fieldValue(path) ?? '');
  const error = host.fieldError(path);
  const control = html`<select
    id=${id}
    class="am-input"
    part="input"
    name=${path}
    ?disabled=${host.readOnly}
    aria-invalid=${error ? 'true' : 'false'}
    aria-describedby=${describedBy(id, !!o.hint, !!error)}
    @change=${(e: Event) => host.setField(path, (e.target as HTMLSelectElement).value || undefined)}
  >
    ${options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === value}>${opt.label}</option>`)}
  </select>`;
  return frame(host, path, { label }, control, o.hint, id);
}

/** The time-zone combobox (`<am-timezone-field>`, listed in `static dependencies`). */
export function timezoneField(host: FieldHost, path: string, label: string, o: { required?: boolean } = {}) {
  host.registerField(path, { label, rule: 'timezone' });
  return html`<div class="am-field" part="field" ?data-dirty=${host.fieldChanged(path)} data-field=${path}>
    <am-timezone-field
      id=${fieldId(path)}
      label=${label}
      .value=${String(host.fieldValue(path) ?? '')}
      error=${host.fieldError(path) ?? ''}
      ?required=${!!o.required}
      ?disabled=${host.readOnly}
      @change=${(e: Event) => host.setField(path, (e.target as HTMLInputElement).value || undefined)}
    ></am-timezone-field>
  </div>`;
}

/** The account-language select (`<am-language-select>`, listed in `static dependencies`). */
export function languageField(host: FieldHost, path: string, label: string) {
  host.registerField(path, { label });
  return html`<div class="am-field" part="field" ?data-dirty=${host.fieldChanged(path)} data-field=${path}>
    <am-language-select
      id=${fieldId(path)}
      label=${label}
      .value=${String(host.fieldValue(path) ?? '')}
      error=${host.fieldError(path) ?? ''}
      ?disabled=${host.readOnly}
      @change=${(e: Event) => host.setField(path, (e.target as HTMLSelectElement).value || undefined)}
    ></am-language-select>
  </div>`;
}

export interface InputFieldOptions {
  type?: 'text' | 'search';
  hint?: unknown;
  /** The message under the input; while there is one the input reads as invalid. */
  error?: unknown;
  /** Direction of the value (`ltr` for amounts and addresses); the browser's when not given. */
  dir?: 'ltr' | 'auto';
  inputmode?: string;
  maxlength?: number;
  /** `false` for what is not prose (amounts, addresses, names to find). */
  spellcheck?: boolean;
  /** The dialog that holds it focuses it first. */
  autofocus?: boolean;
  part?: string;
  name?: string;
  /** Another class of the field's box, beside `am-field`. */
  class?: string;
  /** `data-field` of the field's box. */
  field?: string;
  onKeydown?(e: KeyboardEvent): void;
}

/** The same field for an input no draft holds (a search, a dialog's question): the caller keeps its value. */
export function inputField(
  id: string,
  label: unknown,
  value: string,
  onInput: (value: string) => void,
  o: InputFieldOptions = {},
): TemplateResult {
  return html`<div class=${o.class ? `am-field ${o.class}` : 'am-field'} data-field=${ifDefined(o.field)}>
    <label class="am-label" for=${id}>${label}</label>
    <input
      id=${id}
      class="am-input"
      part=${ifDefined(o.part)}
      name=${ifDefined(o.name)}
      type=${o.type ?? 'text'}
      inputmode=${ifDefined(o.inputmode)}
      dir=${ifDefined(o.dir)}
      autocomplete="off"
      maxlength=${ifDefined(o.maxlength)}
      spellcheck=${ifDefined(o.spellcheck === undefined ? undefined : String(o.spellcheck))}
      ?data-autofocus=${!!o.autofocus}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, !!o.hint, !!o.error)}
      .value=${live(value)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      @keydown=${o.onKeydown}
    />
    ${o.hint ? html`<span class="am-hint" id="${id}-hint">${o.hint}</span>` : nothing}
    ${o.error ? html`<p class="am-field-error" id="${id}-error">${o.error}</p>` : nothing}
  </div>`;
}

/** A problem in words: the widget's own sentence for the field, the rule's, then the code's. */
export function problemMessage(
  l: { tryT(key: string, params?: Record<string, unknown>): string | undefined; t(key: never): string },
  path: string,
  problem: FieldProblem,
  spec?: FieldSpec,
): string {
  const limit =
    problem.limit === undefined ? undefined : spec?.formatLimit ? spec.formatLimit(problem.limit) : problem.limit;
  const params = { limit, label: spec?.label };
  return (
    l.tryT(`field.${path}.${problem.code}`, params) ??
    (spec?.rule ? l.tryT(`field.${spec.rule}.${problem.code}`, params) : undefined) ??
    l.tryT(`field.${problem.code}`, params) ??
    problem.code
  );
}

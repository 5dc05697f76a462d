import { html } from 'lit';
import type { FieldHost } from '../../../src/base/fields.js';
import type { LocalizeController } from '../../../src/base/localize.js';
import type { CreateKey } from '../locales/en-US.js';
import type { StepId, WizardDefaults, WizardRules, WizardValues } from '../wizard.js';

/** What every step renders from. */
export interface StepContext {
  /** The wizard: fields read and write its values by dotted path, and show its problems. */
  host: FieldHost;
  values: WizardValues;
  defaults: WizardDefaults;
  rules: WizardRules;
  /** The wizard's strings and formats. */
  l: LocalizeController<CreateKey>;
}

/** A step's name in words. */
export const stepName = (l: StepContext['l'], step: StepId) => l.t(`step.${step}` as CreateKey);

/**
 * A host over the part of the wizard's values under `prefix`: a step body sees only its own value (in) and
 * reports its changes (out), the same contract a form-mode element bound to that value would have.
 */
export function scoped(host: FieldHost, prefix: string): FieldHost {
  const p = (path: string) => `${prefix}.${path}`;
  return {
    get readOnly() {
      return host.readOnly;
    },
    fieldValue: (path) => host.fieldValue(p(path)),
    setField: (path, value) => host.setField(p(path), value),
    fieldError: (path) => host.fieldError(p(path)),
    fieldChanged: (path) => host.fieldChanged(p(path)),
    registerField: (path, spec) => host.registerField(p(path), spec),
    fieldText: (key, params) => host.fieldText(key, params),
    fieldTextLang: (text) => host.fieldTextLang?.(text),
  };
}

/** A sentence with one untrusted value (a name, a realm) isolated in `<bdi>`, so its direction cannot reorder the rest. */
export function withBdi(
  l: StepContext['l'],
  key: CreateKey,
  param: string,
  value: string,
  params: Record<string, unknown> = {},
): unknown[] {
  return l
    .t(key, { ...params, [param]: '\u0001' })
    .split('\u0001')
    .map((s, i) => (i ? html`<bdi>${value}</bdi>${s}` : s));
}

/** A line that says why a step has nothing to choose. */
export const note = (text: string) => html`<p class="am-note" role="note">${text}</p>`;

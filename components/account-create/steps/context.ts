import { html } from 'lit';
import type { FieldHost } from '../../../src/base/fields.js';
import type { LocalizeController } from '../../../src/base/localize-controller.js';
import type { CreateKey } from '../locales/en-US.js';
import type { StepId, WizardDefaults, WizardRules, WizardValues } from '../values.js';

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

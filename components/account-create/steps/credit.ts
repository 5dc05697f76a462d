import type { TemplateResult } from 'lit';
import { textField } from '../../../src/base/fields.js';
import type { StepContext } from './context.js';
import { note } from './shared.js';

/** Step 6: an optional first credit, typed the way the user's language writes amounts. */
export function renderCredit({ host, rules, l }: StepContext): TemplateResult {
  if (!rules.canCredit) return note(l.t('creditForbidden'));
  return textField(host, 'credit', l.t('credit'), { inputmode: 'decimal', hint: l.t('creditHint'), rule: 'amount' });
}

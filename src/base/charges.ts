import { html } from 'lit';
import type { Charges } from '../api/model.js';
import type { ConfirmController } from './confirm-dialog.js';
import type { LocalizeController } from './localize-controller.js';
import { registerFormStrings } from './locales/forms/index.js';

registerFormStrings();

/**
 * Puts the charges of a 402 to the user in words, with amounts in the account's currency ("Outbound trunks:
 * 1 × $5.00 per month", one-time activation, the total), and resolves whether they accepted them.
 */
export function askCharges(
  confirm: ConfirmController,
  l: LocalizeController<string>,
  charges: Charges | undefined,
  currency = 'USD',
): Promise<boolean> {
  const t = (key: string, params?: Record<string, unknown>) => l.t(key as never, params);
  // An amount is written as the sentence it sits in writes numbers (Latin digits in an English fallback).
  const money = (n: number, key: string) => l.number(n, { style: 'currency', currency }, key as never);
  const items = charges?.items ?? [];
  const lines = items.map((c) => {
    // A category's own word only when it has one item: two "Users" lines would read as a repeat.
    const alone = items.filter((x) => x.category === c.category).length === 1;
    const item =
      l.tryT(`charge.${c.category}.${c.item}`) ??
      (alone ? l.tryT(`charge.${c.category}`) : undefined) ??
      t('charge.other', { category: l.tryT(`charge.${c.category}`) ?? c.category, item: c.item });
    const quantity = c.quantity ?? 1;
    return c.rate !== undefined
      ? t('chargeLine', { item, quantity, rate: money(c.rate, 'chargeLine') })
      : t('chargeItem', { item, quantity });
  });
  if (charges?.activationCharges)
    lines.push(t('chargeActivation', { amount: money(charges.activationCharges, 'chargeActivation') }));
  if (charges?.recurring) lines.push(t('chargeRecurring', { amount: money(charges.recurring, 'chargeRecurring') }));
  return confirm.confirm({
    title: t('chargesTitle'),
    message: t('chargesMessage'),
    details: html`<ul class="am-charges" data-charges>
      ${lines.map((line) => html`<li>${line}</li>`)}
    </ul>`,
    confirmLabel: t('chargesAccept'),
  });
}

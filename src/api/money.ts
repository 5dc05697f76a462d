import type { Money } from './model.js';

/** Decimal places held by `Money.units` (1/10,000). */
export const MONEY_SCALE = 4;
const FACTOR = 10 ** MONEY_SCALE;

/** Parse decimal text ("12.5", "-3.0001") into units without floating-point error; `null` when not a number. */
export function parseMoney(text: string | number, currency = 'USD'): Money | null {
  const s = typeof text === 'number' ? numberToPlain(text) : text.trim().replace(/,/g, '');
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  const frac = (m[3] ?? '').padEnd(MONEY_SCALE + 1, '0');
  let units = Number(m[2] || '0') * FACTOR + Number(frac.slice(0, MONEY_SCALE));
  if (Number(frac[MONEY_SCALE]) >= 5) units += 1; // round half up on the fifth decimal
  if (!Number.isSafeInteger(units)) return null;
  return { units: m[1] === '-' ? -units : units, currency };
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // toFixed avoids exponent notation; 6 places is past our precision so rounding above applies.
  return n.toFixed(MONEY_SCALE + 2);
}

/** Decimal text with at least `minFraction` places, trailing zeros beyond that trimmed ("12.50"). */
export function moneyToDecimal(money: Money, minFraction = 2): string {
  const neg = money.units < 0;
  const abs = Math.abs(money.units);
  const whole = Math.floor(abs / FACTOR);
  let frac = String(abs % FACTOR).padStart(MONEY_SCALE, '0');
  while (frac.length > minFraction && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}

/** The amount as a JSON number of whole currency units (what Kazoo's ledgers expect), exact to 4 places. */
export function moneyToNumber(money: Money): number {
  return Number(moneyToDecimal(money, 0));
}

/** Localized display, e.g. "$12.50". */
export function formatMoney(money: Money, locale?: string): string {
  const n = moneyToNumber(money);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      maximumFractionDigits: 4,
    }).format(n);
  } catch {
    return `${moneyToDecimal(money)} ${money.currency}`;
  }
}

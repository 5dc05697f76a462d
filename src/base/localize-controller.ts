/**
 * `LocalizeController`: the text of `PhraseLocalizeController` with dates, amounts, plurals and the language of
 * each text given; what an editing widget needs. Apart from `localize.ts`, so an element that shows no dates or
 * amounts (the tree, the provider) does not carry them.
 */
import type { Money } from '../api/model.js';
import { formatMoney } from '../api/money.js';
import type { SharedKey } from './locales/index.js';
import { cached, safe } from './intl.js';
import { PhraseLocalizeController, dirOf, formatMessage } from './localize.js';

/**
 * Strings and formats in the widget's locale (see `TextLocalizeController`), with dates, amounts, plurals and
 * the language each text given is written in.
 */
export class LocalizeController<K extends string = never> extends PhraseLocalizeController<K> {
  /** The message for `key` when the widget, the shared strings or an override has one; `undefined` otherwise. */
  tryT(key: string, params?: Record<string, unknown>): string | undefined {
    return this.resolve(key).found ? this.t(key as K, params) : undefined;
  }

  /** The locale the message for `key` is written in: this locale's, or the fallback's when it has none. */
  langOf(key: K | SharedKey): string {
    return this.resolve(key).locale;
  }

  /** The writing direction of the message for `key` (`ltr` for an English fallback in an Arabic page). */
  dirOf(key: K | SharedKey): 'ltr' | 'rtl' {
    return dirOf(this.resolve(key).locale);
  }

  /** Picks a plural form for `count` (`#` in the form is the formatted number). */
  plural(count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
    return formatMessage(
      `{n, plural, ${Object.entries(forms)
        .map(([k, v]) => `${k} {${v}}`)
        .join(' ')}}`,
      { n: count },
      this.locale,
    );
  }

  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) return '';
    const locale = this.locale;
    return cached('d', locale, options, () => new Intl.DateTimeFormat(safe(locale), options)).format(d);
  }

  /** An amount in the locale's way; with `key`, in that message's language (an amount inside it). */
  money(value: Money, key?: K | SharedKey): string {
    return formatMoney(value, safe(key === undefined ? this.locale : this.langOf(key)));
  }
}

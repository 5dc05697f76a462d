import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { property } from 'lit/decorators.js';
import { dirOf, formatMessage, registerTranslations } from './localize.js';
import { LocalizeController } from './localize-controller.js';
import enUS from './locales/en-US.js';
import { phrase } from './phrase.js';
import frFR from './locales/fr-FR.js';
import deDE from './locales/de-DE.js';
import esES from './locales/es-ES.js';
import ruRU from './locales/ru-RU.js';
import { registerFormStrings } from './locales/forms/index.js';
import formsEnUS from './locales/forms/en-US.js';
import formsFrFR from './locales/forms/fr-FR.js';
import formsDeDE from './locales/forms/de-DE.js';
import formsEsES from './locales/forms/es-ES.js';
import formsRuRU from './locales/forms/ru-RU.js';

// The element below shows a form string (Save).
registerFormStrings();

let loads = 0;
registerTranslations('test-widget', {
  'en-US': { title: 'Accounts of {name}', items: '{count, plural, =0 {No items} one {# item} other {# items}}' },
  'fr-FR': async () => {
    loads++;
    return { default: { title: 'Comptes de {name}' } };
  },
});

class LocalizedElement extends LitElement {
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;
  @property() contextLocale?: string;
  readonly l = new LocalizeController<'title' | 'items'>(this, {
    namespace: 'test-widget',
    locale: () => this.contextLocale,
  });
  protected override render() {
    return html`<h1>${this.l.t('title', { name: 'Acme' })}</h1>
      <button>${this.l.t('save')}</button>`;
  }
}
customElements.define('test-localized', LocalizedElement);

describe('formatMessage', () => {
  it('interpolates and picks plural forms by Intl.PluralRules', () => {
    expect(formatMessage('Hello {name}', { name: 'Ann' })).to.equal('Hello Ann');
    const items = '{count, plural, =0 {No items} one {# item} other {# items for {who}}}';
    expect(formatMessage(items, { count: 0 })).to.equal('No items');
    expect(formatMessage(items, { count: 1 })).to.equal('1 item');
    expect(formatMessage(items, { count: 1234, who: 'Bo' })).to.equal('1,234 items for Bo');
    const ru = '{n, plural, one {# поле} few {# поля} many {# полей} other {# поля}}';
    expect([1, 3, 5, 21].map((n) => formatMessage(ru, { n }, 'ru-RU'))).to.deep.equal([
      '1 поле',
      '3 поля',
      '5 полей',
      '21 поле',
    ]);
    expect(formatMessage('{role, select, admin {Admin} other {User}}', { role: 'admin' })).to.equal('Admin');
    expect(formatMessage('{n} calls', { n: 1500 }, 'de-DE')).to.equal('1.500 calls');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur-PK'].map(dirOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en-US', 'ru-RU'].map(dirOf)).to.deep.equal(['ltr', 'ltr']);
  });
});

describe('LocalizeController', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('looks up the widget namespace, then shared strings, then English, then the key', async () => {
    const el = await fixture<LocalizedElement>(html`<test-localized></test-localized>`);
    expect(el.l.t('title', { name: 'Acme' })).to.equal('Accounts of Acme');
    expect(el.l.t('save')).to.equal('Save');
    expect(el.l.t('nope' as 'title')).to.equal('nope');
    expect(el.l.t('items', { count: 2 })).to.equal('2 items');
  });

  it('loads a locale on first use and re-renders; a missing key falls back to English', async () => {
    const el = await fixture<LocalizedElement>(html`<test-localized .contextLocale=${'fr-CA'}></test-localized>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h1')!.textContent === 'Comptes de Acme');
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === 'Enregistrer');
    expect(el.l.t('items', { count: 1 })).to.equal('1 item');
    expect(loads).to.equal(1);
  });

  it('falls back to <html lang>, and the host lang wins over context', async () => {
    document.documentElement.lang = 'de-DE';
    const el = await fixture<LocalizedElement>(html`<test-localized></test-localized>`);
    expect(el.l.locale).to.equal('de-DE');
    el.contextLocale = 'es-ES';
    expect(el.l.locale).to.equal('es-ES');
    el.lang = 'ru-RU';
    expect(el.l.locale).to.equal('ru-RU');
    await waitUntil(() => (el.requestUpdate(), el.shadowRoot!.querySelector('button')!.textContent === 'Сохранить'));
  });

  it("re-renders in the language a host's lang attribute names when it changes", async () => {
    const el = await fixture<LocalizedElement>(html`<test-localized></test-localized>`);
    const button = el.shadowRoot!.querySelector('button')!;
    el.setAttribute('lang', 'fr-FR');
    await waitUntil(() => button.textContent === 'Enregistrer', 'French after lang="fr-FR"');
    el.setAttribute('lang', 'de-DE');
    await waitUntil(() => button.textContent === 'Speichern', 'German after lang="de-DE"');
    el.removeAttribute('lang');
    await waitUntil(() => button.textContent === 'Save', 'English again without lang');
  });

  it('lets the i18n property override single labels', async () => {
    const el = await fixture<LocalizedElement>(
      html`<test-localized .i18n=${{ save: 'Apply', title: 'Clients of {name}' }}></test-localized>`,
    );
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Apply');
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Clients of Acme');
  });

  it('formats numbers, dates, money and error kinds for the locale', async () => {
    const el = await fixture<LocalizedElement>(html`<test-localized .contextLocale=${'de-DE'}></test-localized>`);
    expect(el.l.number(1234.5)).to.equal(new Intl.NumberFormat('de-DE').format(1234.5));
    const d = new Date(Date.UTC(2024, 0, 31, 12));
    expect(el.l.date(d, { timeZone: 'UTC' })).to.equal(new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC' }).format(d));
    expect(el.l.money({ units: 125000, currency: 'EUR' })).to.equal(
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 4 }).format(12.5),
    );
    el.contextLocale = 'en-US';
    expect(el.l.errorMessage({ kind: 'network' })).to.equal('You are offline or the server cannot be reached.');
    expect(el.l.plural(3, { one: '# row', other: '# rows' })).to.equal('3 rows');
  });
});

describe('LocalizeController: a message in another language than the page (right to left)', () => {
  registerTranslations('test-rtl', {
    'en-US': { showing: 'Showing {from}–{to} of {total}', greet: 'Welcome back, {name}.' },
    'ar-EG': { greet: 'مرحبًا بعودتك، {name}.', count: '{n} حسابات' },
  });
  class RtlElement extends LitElement {
    @property() contextLocale = 'ar-EG';
    readonly l = new LocalizeController<'showing' | 'greet' | 'count'>(this, {
      namespace: 'test-rtl',
      locale: () => this.contextLocale,
    });
  }
  customElements.define('test-rtl-localized', RtlElement);
  const LRI = '\u2066';
  const PDI = '\u2069';

  it('writes numbers of an English fallback with Latin digits, and isolates it left to right', async () => {
    const el = await fixture<RtlElement>(html`<test-rtl-localized></test-rtl-localized>`);
    expect(el.l.t('showing', { from: 1, to: 25, total: 1200 })).to.equal(`${LRI}Showing 1–25 of 1,200${PDI}`);
    expect(el.l.langOf('showing')).to.equal('en-US');
    expect(el.l.dirOf('showing')).to.equal('ltr');
    expect(el.l.fallbackOf(el.l.t('showing', { from: 1, to: 2, total: 3 }))).to.deep.equal({
      lang: 'en-US',
      dir: 'ltr',
    });
    // Its own translation: Arabic digits, no isolation, nothing fell back.
    const own = el.l.t('count' as 'greet', { n: 12 });
    expect(own).to.equal(`${new Intl.NumberFormat('ar-EG').format(12)} حسابات`);
    expect(el.l.fallbackOf(own)).to.equal(undefined);
    expect(el.l.dirOf('greet')).to.equal('rtl');
    // An amount or a number inside a sentence is written as that sentence writes numbers.
    expect(el.l.number(1234, undefined, 'showing')).to.equal('1,234');
    expect(el.l.money({ units: 125000, currency: 'USD' }, 'showing')).to.equal('$12.50');
  });

  it('writes every number as Intl writes it in the locale, small whole numbers included', () => {
    const locales = ['en', 'en-US', 'en-IN', 'de-DE', 'de-CH', 'es-419', 'fr-FR', 'fr-CA', 'pt-BR', 'ru-RU', 'ja-JP'];
    const more = ['zh-TW', 'ko', 'he-IL', 'ar-EG', 'fa-IR', 'bn-BD', 'hi-IN', 'en-US-u-nu-arab', 'zh-Hant', 'ar'];
    for (const locale of [...locales, ...more]) {
      const intl = new Intl.NumberFormat(locale);
      for (const n of [0, 1, 7, 12, 999, 1000, 1234, 20500, 2.5, -3]) {
        expect(formatMessage('{n}', { n }, locale), `${n} in ${locale}`).to.equal(intl.format(n));
        expect(formatMessage('{n, plural, other {# rows}}', { n }, locale), `# = ${n} in ${locale}`).to.equal(
          `${intl.format(n)} rows`,
        );
      }
    }
    expect(formatMessage('{n}', { n: 12 }, 'ar-EG')).to.equal('١٢');
    expect(formatMessage('{n}', { n: 1234 }, 'de-DE')).to.equal('1.234');
  });

  it('gives a sentence in pieces, names apart, with its language when it fell back', async () => {
    const el = await fixture<RtlElement>(html`<test-rtl-localized></test-rtl-localized>`);
    expect(el.l.parts('greet', { name: 'Acme' })).to.deep.equal({
      parts: ['مرحبًا بعودتك، ', { value: 'Acme' }, '.'],
    });
    expect(el.l.parts('showing', { from: 1, to: 2, total: 3 })).to.deep.equal({
      parts: ['Showing 1–2 of 3'],
      lang: 'en-US',
      dir: 'ltr',
    });
  });

  it('phrase() isolates every name in <bdi>, and shows a fallback in its own language and direction', async () => {
    const el = await fixture<RtlElement>(html`<test-rtl-localized></test-rtl-localized>`);
    const host = await fixture<HTMLElement>(html`<p></p>`);
    render(phrase(el.l, 'greet', { name: 'Blue Harbor' }), host);
    expect(host.querySelector('bdi')!.textContent).to.equal('Blue Harbor');
    expect(host.textContent).to.equal('مرحبًا بعودتك، Blue Harbor.');
    el.contextLocale = 'he-IL';
    render(phrase(el.l, 'greet', { name: 'שלום' }), host);
    const span = host.querySelector('span')!;
    expect([span.lang, span.dir]).to.deep.equal(['en-US', 'ltr']);
    expect(span.textContent).to.equal('Welcome back, שלום.');
    expect(span.querySelector('bdi')!.textContent).to.equal('שלום');
  });
});

describe('shared strings', () => {
  it('are translated in every locale, not copied from English', () => {
    const en: Record<string, string> = { ...enUS, ...formsEnUS };
    const others = {
      frFR: [frFR, formsFrFR],
      deDE: [deDE, formsDeDE],
      esES: [esES, formsEsES],
      ruRU: [ruRU, formsRuRU],
    };
    for (const [name, [core, forms]] of Object.entries(others)) {
      expect(Object.keys(core).sort(), name).to.deep.equal(Object.keys(enUS).sort());
      expect(Object.keys(forms).sort(), `${name} (forms)`).to.deep.equal(Object.keys(formsEnUS).sort());
      const messages: Record<string, string> = { ...core, ...forms };
      const copies = Object.keys(en).filter((k) => messages[k] === en[k]);
      expect(copies.length, `${name} copies ${copies.join(', ')}`).to.be.lessThan(2);
    }
  });

  it('of forms are apart from those every widget shows', () => {
    const core = Object.keys(enUS);
    expect(Object.keys(formsEnUS).filter((k) => core.includes(k))).to.deep.equal([]);
  });
});

/**
 * The demo's own frame around each page: the header with the page links, theme and language, kept across pages
 * (localStorage). Plain DOM, no Lit: the plain-HTML page gets its elements (and their Lit) from the CDN build only.
 */
import { demoText, LANGUAGES, type DemoKey } from './i18n.js';

export type Theme = 'auto' | 'light' | 'dark';
export interface DemoPrefs {
  theme: Theme;
  locale: string;
}

/** The demo's pages, in the order of its navigation. */
export const PAGES = [
  { id: 'dashboard', href: './', key: 'nav.dashboard' },
  { id: 'cdn', href: './cdn.html', key: 'nav.cdn' },
  { id: 'react', href: './react.html', key: 'nav.react' },
  { id: 'vue', href: './vue.html', key: 'nav.vue' },
  { id: 'angular', href: './angular.html', key: 'nav.angular' },
  { id: 'jquery', href: './jquery.html', key: 'nav.jquery' },
  { id: 'brands', href: './brands.html', key: 'nav.brands' },
] as const satisfies readonly { id: string; href: string; key: DemoKey }[];
export type PageId = (typeof PAGES)[number]['id'];

const RTL = /^(ar|he|fa|ur)\b/i;
const THEMES: Theme[] = ['auto', 'light', 'dark'];
const darkScheme = matchMedia('(prefers-color-scheme: dark)');

export function readPrefs(): DemoPrefs {
  const theme = localStorage.getItem('amw-demo-theme') as Theme | null;
  return {
    theme: theme && THEMES.includes(theme) ? theme : 'auto',
    locale: localStorage.getItem('amw-demo-locale') ?? 'en-US',
  };
}

export function savePrefs(p: DemoPrefs): void {
  localStorage.setItem('amw-demo-theme', p.theme);
  localStorage.setItem('amw-demo-locale', p.locale);
}

export const isRtl = (locale: string) => RTL.test(locale);

/** Whether the page is dark: chosen, or "automatic" and the system is. */
export function isDark(theme: Theme): boolean {
  return theme === 'dark' || (theme === 'auto' && darkScheme.matches);
}

/** Sets the page's language and direction, and the demo's own words marked `data-demo-text="key"`. */
export function applyLocale(locale: string, root: ParentNode = document): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  for (const el of root.querySelectorAll<HTMLElement>('[data-demo-text]'))
    el.textContent = demoText(locale, el.dataset.demoText as DemoKey);
}

/** The dark theme on the page (`am-theme-dark` from the widgets' dark.css), for every widget without a `theme`. */
export function applyTheme(theme: Theme): void {
  document.body.classList.toggle('am-theme-dark', isDark(theme));
}

function select(label: string, options: [value: string, text: string][], value: string, onChange: (v: string) => void) {
  const wrap = document.createElement('label');
  const box = document.createElement('select');
  for (const [v, text] of options) {
    const o = new Option(text, v, false, v === value);
    if (LANGUAGES.some(([l]) => l === v)) {
      o.lang = v;
      o.dir = isRtl(v) ? 'rtl' : 'ltr';
    }
    box.add(o);
  }
  box.addEventListener('change', () => onChange(box.value));
  wrap.append(label, ' ', box);
  return wrap;
}

/** The page links, the current one marked (`aria-current="page"`). */
export function pageLinks(current: PageId, locale: string): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'pages';
  nav.setAttribute('aria-label', demoText(locale, 'nav.label'));
  for (const p of PAGES) {
    const a = document.createElement('a');
    a.href = p.href;
    a.textContent = demoText(locale, p.key);
    if (p.id === current) a.setAttribute('aria-current', 'page');
    nav.append(a);
  }
  return nav;
}

/**
 * Fills `header` with the demo's title, page links, theme and language, applies the saved choices, and calls
 * `onChange` with each new choice (and once at the start).
 */
export function mountChrome(header: HTMLElement, current: PageId, onChange: (p: DemoPrefs) => void): DemoPrefs {
  const prefs = readPrefs();
  const draw = () => {
    const tr = (key: DemoKey) => demoText(prefs.locale, key);
    const title = document.createElement('h1');
    title.textContent = tr('subtitle');
    header.replaceChildren(
      title,
      select(
        tr('theme'),
        THEMES.map((t) => [t, tr(`theme.${t}`)]),
        prefs.theme,
        (v) => update({ theme: v as Theme }),
      ),
      select(tr('language'), LANGUAGES, prefs.locale, (v) => update({ locale: v })),
      pageLinks(current, prefs.locale),
    );
  };
  const apply = () => {
    applyTheme(prefs.theme);
    applyLocale(prefs.locale);
    onChange({ ...prefs });
  };
  const update = (change: Partial<DemoPrefs>) => {
    Object.assign(prefs, change);
    savePrefs(prefs);
    draw();
    apply();
    header.querySelector<HTMLSelectElement>(change.theme ? 'select' : 'label + label select')?.focus();
  };
  darkScheme.addEventListener('change', () => apply());
  draw();
  apply();
  return { ...prefs };
}

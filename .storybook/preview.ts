import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import { setBackendCondition } from '../stories/support/emulator.js';
import '../src/themes/light.css';
import '../src/themes/dark.css';
import '../demo/brands.css';

setCustomElementsManifest(customElements);

/** The toolbar's themes: the two themes, and the demo's two reseller brands (token sets, demo/brands.css) in each. */
const THEMES: Record<string, { dark: boolean; brand?: string }> = {
  light: { dark: false },
  dark: { dark: true },
  acme: { dark: false, brand: 'am-brand-acme' },
  'acme-dark': { dark: true, brand: 'am-brand-acme' },
  globex: { dark: false, brand: 'am-brand-globex' },
  'globex-dark': { dark: true, brand: 'am-brand-globex' },
};
const BRANDS = ['am-brand-acme', 'am-brand-globex'];
const RTL = /^(ar|he|fa|ur)\b/i;

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme, or a reseller brand (tokens only)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'acme', title: 'Brand: Acme Telecom' },
          { value: 'acme-dark', title: 'Brand: Acme Telecom, dark' },
          { value: 'globex', title: 'Brand: Globex Communications' },
          { value: 'globex-dark', title: 'Brand: Globex Communications, dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'ru-RU', 'ar-EG'],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction of the language' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    backend: {
      description: 'How the emulated Crossbar answers, on top of the story’s own faults',
      toolbar: {
        title: 'Backend',
        icon: 'lightning',
        items: [
          { value: 'normal', title: 'Backend: normal' },
          { value: 'slow', title: 'Backend: slow (1.5 s a request)' },
          { value: 'read-errors', title: 'Backend: reads fail (500)' },
          { value: 'offline', title: 'Backend: offline' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US', dir: 'auto', backend: 'normal' },
  // Before each story's own set-up, which creates its emulator.
  beforeEach: ({ globals }) => setBackendCondition(globals.backend as string | undefined),
  decorators: [
    (story, context) => {
      const globals = context.globals as { theme?: string; locale?: string; dir?: string };
      const parameters = context.parameters as { theme?: string; locale?: string; dir?: string };
      const root = document.documentElement;
      root.lang = parameters.locale ?? globals.locale ?? 'en-US';
      const dir = parameters.dir ?? globals.dir ?? 'auto';
      root.dir = dir === 'ltr' || dir === 'rtl' ? dir : RTL.test(root.lang) ? 'rtl' : 'ltr';
      const theme = THEMES[parameters.theme ?? globals.theme ?? 'light'] ?? THEMES.light!;
      document.body.classList.toggle('am-theme-dark', theme.dark);
      for (const brand of BRANDS) document.body.classList.toggle(brand, brand === theme.brand);
      document.body.style.background = 'var(--am-color-surface)';
      return story();
    },
  ],
};
export default preview;

import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import '../src/themes/light.css';
import '../src/themes/dark.css';

setCustomElementsManifest(customElements);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
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
  },
  initialGlobals: { theme: 'light', locale: 'en-US' },
  decorators: [
    (story, context) => {
      const { theme, locale } = context.globals as { theme?: string; locale?: string };
      const root = document.documentElement;
      root.lang = (context.parameters.locale as string | undefined) ?? locale ?? 'en-US';
      root.dir = root.lang.startsWith('ar') || root.lang.startsWith('he') ? 'rtl' : 'ltr';
      const dark = (context.parameters.theme ?? theme) === 'dark';
      document.body.classList.toggle('am-theme-dark', dark);
      document.body.style.background = 'var(--am-color-surface)';
      return story();
    },
  ],
};
export default preview;

import enUS from './en-US.js';

export type { SharedKey, SharedMessages } from './en-US.js';

/** The shared strings: English bundled (the fallback), the others loaded on first use. */
export const sharedTranslations = {
  'en-US': enUS,
  'fr-FR': () => import('./fr-FR.js'),
  'de-DE': () => import('./de-DE.js'),
  'es-ES': () => import('./es-ES.js'),
  'ru-RU': () => import('./ru-RU.js'),
};

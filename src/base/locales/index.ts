import enUS from './en-US.js';
import type { CoreMessages } from './en-US.js';
import type { FormMessages } from './forms/en-US.js';

export type { CoreKey, CoreMessages } from './en-US.js';
export type { FormKey, FormMessages } from './forms/en-US.js';

/** Every shared string: those every widget shows and those of forms (registered by the modules that show them). */
export type SharedMessages = CoreMessages & FormMessages;
export type SharedKey = keyof SharedMessages;

/** The strings every widget shares: English bundled (the fallback), the others loaded on first use. */
export const sharedTranslations = {
  'en-US': enUS,
  'fr-FR': () => import('./fr-FR.js'),
  'de-DE': () => import('./de-DE.js'),
  'es-ES': () => import('./es-ES.js'),
  'ru-RU': () => import('./ru-RU.js'),
};

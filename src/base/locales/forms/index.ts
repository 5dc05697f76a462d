import { registerTranslations, SHARED_NAMESPACE } from '../../localize.js';
import enUS from './en-US.js';

let registered = false;

/**
 * Adds the shared strings of forms and editors (draft actions, field errors, dialogs, charges, fields) to those
 * every widget has: English at once, the other languages on first use. Each module that shows one of them calls
 * it as it loads, so a widget that edits nothing does not carry them.
 */
export function registerFormStrings(): void {
  if (registered) return;
  registered = true;
  registerTranslations(SHARED_NAMESPACE, {
    'en-US': enUS,
    'fr-FR': () => import('./fr-FR.js'),
    'de-DE': () => import('./de-DE.js'),
    'es-ES': () => import('./es-ES.js'),
    'ru-RU': () => import('./ru-RU.js'),
  });
}

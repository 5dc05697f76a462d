import { ContextConsumer } from '@lit/context';
import { localeContext } from '../../context/contexts.js';
import { type LocalizeHost } from '../localize.js';
import { LocalizeController } from '../localize-controller.js';
import { registerFormStrings } from '../locales/forms/index.js';

registerFormStrings();

/** The shared strings in the locale of the nearest provider, for the library's internal elements. */
export function internalLocalize(host: LocalizeHost): LocalizeController {
  const locale = new ContextConsumer(host, { context: localeContext, subscribe: true });
  return new LocalizeController(host, { locale: () => locale.value });
}

import type { ProviderMessages } from './en-US.js';

const esES: ProviderMessages = {
  viewingAs: 'Está usando el portal como {account} (con la sesión de {me})',
  returnToMine: 'Volver a mi cuenta',
  bannerLabel: 'Cuenta en uso',
  masqueradeRefused: 'Solo puede usar cuentas que dependan de la suya.',
  invalidApi: 'Estos widgets no están conectados a ningún servidor: la api indicada no es una AccountApi.',
  sessionFailed: 'No se pudo cargar su sesión',
};
export default esES;

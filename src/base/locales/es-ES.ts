import type { CoreMessages } from './en-US.js';

const esES: CoreMessages = {
  retry: 'Reintentar',
  errorTitle: 'Algo salió mal',
  dismiss: 'Descartar',
  loading: 'Cargando…',
  empty: 'Todavía no hay nada que mostrar.',
  forbidden: 'No tiene permiso para ver ni cambiar esto.',
  notifications: 'Notificaciones',
  'error.validation': 'Algunos campos requieren atención.',
  'error.auth': 'Su sesión ha caducado. Vuelva a iniciar sesión.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.not-found': 'Esto ya no existe. Es posible que se haya eliminado.',
  'error.conflict': 'Otra persona cambió esto al mismo tiempo.',
  'error.has-descendants': 'Esta cuenta todavía tiene subcuentas. Muévalas o elimínelas primero.',
  'error.charges-required': 'Este cambio tiene cargos que deben aceptarse primero.',
  'error.rate-limited': 'Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.',
  'error.network': 'No hay conexión o no se puede contactar con el servidor.',
  'error.timeout': 'El servidor tardó demasiado en responder.',
  'error.server': 'El servidor tuvo un problema.',
  'error.invalid-response': 'El servidor envió una respuesta que no se pudo leer.',
  'error.aborted': 'Se canceló la solicitud.',
};
export default esES;

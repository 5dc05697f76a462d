import type { ManagerMessages } from './en-US.js';

const es: ManagerMessages = {
  accounts: 'Cuentas',
  sections: 'Secciones de la cuenta',
  'tab.overview': 'Resumen',
  'tab.admins': 'Administradores',
  'tab.limits': 'Límites',
  'tab.numbers': 'Números',
  'tab.restrictions': 'Restricciones',
  'tab.carrier': 'Operadores',
  'tab.apps': 'Aplicaciones',
  'tab.notes': 'Notas',
  'tab.plans': 'Planes',
  reseller: 'Revendedor',
  useAccount: 'Usar la cuenta',
  back: 'Volver a las cuentas',
  returnTo: 'Volver a {name}',
  sectionFailed: 'No se pudo cargar esta sección',
};
export default es;

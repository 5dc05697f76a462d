import type { PlanPickerMessages } from './en-US.js';

const esES: PlanPickerMessages = {
  heading: 'Planes de servicio',
  uncategorized: 'Otros planes',
  notOffered: 'Ya no se ofrecen',
  unknownPlan: 'Plan desconocido {id}',
  unknownPlans: 'Algunos planes elegidos no los ofrece este revendedor.',
  noneOffered: 'No hay planes de servicio que elegir: el revendedor de esta cuenta no ofrece ninguno.',
  noneOfferedReseller: 'No hay planes de servicio que elegir: este revendedor no ofrece ninguno.',
  unavailable:
    'No se muestran los planes de servicio: no tiene permiso para ver los planes del revendedor de esta cuenta.',
  selected: '{count, plural, =0 {Ningún plan elegido} one {# plan elegido} other {# planes elegidos}}',
  savedDone: 'Planes de servicio guardados.',
  chargesDeclined:
    'Estos planes tienen cargos que no se aceptaron, así que no ha cambiado nada. Se conserva su selección.',
  conflictField: 'Planes elegidos',
  none: 'ninguno',
};
export default esES;

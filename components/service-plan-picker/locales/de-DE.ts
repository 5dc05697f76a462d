import type { PlanPickerMessages } from './en-US.js';

const deDE: PlanPickerMessages = {
  heading: 'Servicepläne',
  uncategorized: 'Weitere Pläne',
  notOffered: 'Nicht mehr angeboten',
  unknownPlan: 'Unbekannter Plan {id}',
  unknownPlans: 'Einige gewählte Pläne bietet dieser Reseller nicht an.',
  noneOffered: 'Keine Servicepläne zur Auswahl: Der Reseller dieses Kontos bietet keine an.',
  noneOfferedReseller: 'Keine Servicepläne zur Auswahl: Dieser Reseller bietet keine an.',
  unavailable: 'Servicepläne werden nicht angezeigt: Sie dürfen die Pläne des Resellers dieses Kontos nicht sehen.',
  selected: '{count, plural, =0 {Kein Plan gewählt} one {# Plan gewählt} other {# Pläne gewählt}}',
  savedDone: 'Servicepläne gespeichert.',
  chargesDeclined:
    'Für diese Pläne fallen Kosten an, die nicht akzeptiert wurden; es hat sich nichts geändert. Ihre Auswahl bleibt erhalten.',
  conflictField: 'Gewählte Pläne',
  none: 'keine',
};
export default deDE;

/** The English strings of `<service-plan-picker>`; every other locale holds every key. */
const en = {
  heading: 'Service plans',
  uncategorized: 'Other plans',
  notOffered: 'No longer offered',
  unknownPlan: 'Unknown plan {id}',
  unknownPlans: 'Some chosen plans are not offered by this reseller.',
  noneOffered: 'No service plans to choose from: the reseller of this account offers none.',
  noneOfferedReseller: 'No service plans to choose from: this reseller offers none.',
  unavailable: "Service plans are not shown: you don't have permission to see the plans of this account's reseller.",
  selected: '{count, plural, =0 {No plan chosen} one {# plan chosen} other {# plans chosen}}',
  savedDone: 'Service plans saved.',
  chargesDeclined: 'These plans have charges that were not accepted, so nothing changed. Your choice is kept.',
  conflictField: 'Chosen plans',
  none: 'none',
};
/** The picker's strings; every locale file holds every key. */
export type PlanPickerMessages = Record<keyof typeof en, string>;
export default en;

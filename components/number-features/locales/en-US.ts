/** The English strings of `<number-features>`; every other locale holds every key. */
const en = {
  heading: 'Number features',
  intro: 'What this customer’s users can set on their phone numbers.',
  e911: 'E911 emergency addresses',
  e911Description:
    'On: users can give each number the street address sent to emergency services. Off: the E911 settings are hidden from them.',
  cnam: 'Caller name (CNAM)',
  cnamDescription:
    'On: users can set the name shown with their outgoing calls and look up the names of callers. Off: the caller-name settings are hidden from them.',
  savedDone: 'Number features of {name} saved.',
};
export type NumberFeaturesMessages = Record<keyof typeof en, string>;
export default en;

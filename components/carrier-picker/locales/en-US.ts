/** The English strings of `<carrier-picker>`; every other locale holds every key. */
const en = {
  heading: 'Carriers',
  intro: 'Which carriers place the calls this account makes to numbers outside the platform.',
  introNew: 'Which carriers will place the calls the new account makes to numbers outside the platform.',
  system: 'System-wide carriers',
  systemHint: 'The carriers the platform offers every account.',
  resellerNamed: 'Carriers of {name}',
  resellerUnnamed: "Your reseller's carriers",
  resellerHint: 'The carriers the reseller has set up for its customers.',
  resellerNone: 'This account has no reseller whose carriers it could use.',
  own: "This account's own carriers",
  ownHint: 'Carriers set up on this account alone.',
  ownCount: '{count, plural, one {It has # carrier of its own.} other {It has # carriers of its own.}}',
  ownNone: 'This account has no carriers of its own: its calls to the outside will fail until one is added.',
  ownNoneNew: 'A new account has no carriers of its own: its calls to the outside will fail until one is added.',
  notSaved: 'Nothing is saved for this account yet: it uses the system-wide carriers until you save a choice.',
  unsupported: 'This account uses a carrier setup this page does not manage:',
  unsupportedHunt: 'its calls to the outside go through the carriers of {name}.',
  unsupportedHuntHidden: 'its calls to the outside go through the carriers of another account, which you may not see.',
  unsupportedOther: 'its calls to the outside are handled by a call flow set up elsewhere.',
  unsupportedKeep: 'It stays as it is until you choose one of the options below and save.',
  unsupportedValue: 'a setup this page does not manage',
  chooseOne: 'Choose which carriers to use.',
  savedDone: 'Carriers of {name} saved.',
};
export type CarrierPickerMessages = Record<keyof typeof en, string>;
export default en;

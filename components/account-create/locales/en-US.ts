import type later from './en-US.later-steps.js';

/**
 * The English strings of `<account-create>` its first step shows (with the step list, the actions and the discard
 * question); those of the other steps, the review and the creation are in `en-US.later-steps.ts`, loaded with
 * those steps. Every other locale holds every key.
 */
const en = {
  title: 'New account',
  under: 'Under {parent}',
  stepsLabel: 'Steps',
  stepOf: 'Step {n} of {total}: {step}',
  'step.general': 'Name and realm',
  'step.contacts': 'Contacts',
  'step.admins': 'Admins',
  'step.plans': 'Service plans',
  'step.limits': 'Limits and calls',
  'step.credit': 'Initial credit',
  'step.apps': 'Apps',
  'step.review': 'Review',
  stepDone: '(completed)',
  back: 'Back',
  next: 'Next',
  create: 'Create account',
  creating: 'Creating…',
  loadFailed: "Could not load the parent account's settings",
  stepFailed: 'Could not load this step',

  name: 'Account name',
  realm: 'Realm',
  realmHintGenerated: 'Generated under {suffix}; you may type another. Phones register and users sign in with it.',
  realmHintOptional: 'Optional: leave it empty and the platform chooses one.',
  regenerate: 'Generate another realm',
  realmChecking: 'Checking that the realm is free…',
  realmFree: 'This realm is free.',
  realmCheckFailed: 'The realm could not be checked now; the server checks it when the account is created.',

  discardTitle: 'Discard this new account?',
  discardMessage: 'What you entered will be lost.',
  discard: 'Discard',
};

/** The wizard's strings; every locale file holds every key. */
export type CreateMessages = Record<keyof typeof en | keyof typeof later, string>;
export type CreateKey = keyof CreateMessages;
export default en;

/** Admin credentials: the library's one password generator and rule, with the labels this element shows. */
import { MIN_PASSWORD_LENGTH, passwordStrength as estimate } from '../../src/base/random.js';

export { generatePassword } from '../../src/base/random.js';

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

/** Minimum length accepted for a typed password (the same as generated ones and the creation wizard). */
export const MIN_PASSWORD = MIN_PASSWORD_LENGTH;

export function passwordStrength(password: string): Strength {
  if (password.length < MIN_PASSWORD) return 'too-short';
  const s = estimate(password);
  return s === 'very-strong' ? 'strong' : s;
}

import type { FieldErrorCode } from './rules.js';

/** What went wrong, in terms a widget can branch on. Never branch on `message`. */
export type AccountApiErrorKind =
  | 'validation'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'has-descendants'
  | 'charges-required'
  | 'rate-limited'
  | 'network'
  | 'timeout'
  | 'server'
  | 'invalid-response'
  | 'aborted';

/** Kinds worth trying again without changing anything. */
const RETRYABLE: ReadonlySet<AccountApiErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limited']);

export interface AccountApiErrorInit {
  kind: AccountApiErrorKind;
  message: string;
  status?: number;
  /** Per-field messages for `validation` (keys are domain field paths such as `name` or `contacts.billing.email`). */
  fieldErrors?: Record<string, string[]>;
  /**
   * Why each field was refused, as a code widgets can put into words (`required`, `taken`, `invalid`,
   * `too-long`, …); same keys as `fieldErrors`. The server's own message stays in `fieldErrors`.
   */
  fieldCodes?: Record<string, FieldErrorCode>;
  /** The length or amount each `too-*` field crossed, by field. */
  fieldLimits?: Record<string, number>;
  /** The request it came from. */
  request?: { method: string; url: string };
  /** Kind-specific details: the charges for `charges-required`, the current document for `conflict`. */
  details?: unknown;
  /** Seconds to wait before retrying, when the server said so. */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error type every AccountApi method rejects with. */
export class AccountApiError extends Error {
  override name = 'AccountApiError';
  readonly kind: AccountApiErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  readonly fieldErrors?: Record<string, string[]>;
  readonly fieldCodes?: Record<string, FieldErrorCode>;
  readonly fieldLimits?: Record<string, number>;
  readonly request?: { method: string; url: string };
  readonly details?: unknown;
  readonly retryAfter?: number;

  constructor(init: AccountApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.retryable = RETRYABLE.has(init.kind);
    this.fieldErrors = init.fieldErrors;
    this.fieldCodes = init.fieldCodes;
    this.fieldLimits = init.fieldLimits;
    this.request = init.request;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }

  /** True for an AccountApiError, optionally of the given kind(s). Works across bundle copies. */
  static is(value: unknown, ...kinds: AccountApiErrorKind[]): value is AccountApiError {
    const ok =
      value instanceof AccountApiError ||
      (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AccountApiError');
    return ok && (kinds.length === 0 || kinds.includes((value as AccountApiError).kind));
  }
}

/** Any rejection as an AccountApiError (a plain Error becomes `server`, an AbortError `aborted`). */
export function toAccountApiError(error: unknown): AccountApiError {
  if (AccountApiError.is(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AccountApiError({ kind: 'aborted', message: 'The request was cancelled.', cause: error });
  }
  return new AccountApiError({
    kind: 'server',
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

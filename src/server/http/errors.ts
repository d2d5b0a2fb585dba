import { errorStatus, type ErrorCode } from '../../shared/errors.js';

export { errorStatus, type ErrorCode };

/** The single error type use cases throw; routes turn it into `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: { path: string; message: string }[] | undefined;
  /** The current state of a record a stale write was refused for. */
  current: unknown;
  /** Seconds after which trying again makes sense (sent as Retry-After). */
  retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, details?: { path: string; message: string }[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** Attaches the record as it now stands (409 stale_version). */
  withCurrent(current: unknown): this {
    this.current = current;
    return this;
  }

  /** Tells the caller when to try again (429 too_many_attempts). */
  withRetryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The answer for anything outside the caller's reach: indistinguishable from "does not exist". */
export function notFound(what = 'This record'): AppError {
  return new AppError('not_found', `${what} was not found.`);
}

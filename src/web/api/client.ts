import type { ErrorBody } from '../../shared/errors';

/** One field-level problem reported by the server's validation. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answered by the API (or a network failure, with code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: FieldProblem[];
  /** For 409 stale_version: the record as it now stands (someone else's save). */
  readonly current: unknown;

  constructor(status: number, code: string, message: string, requestId?: string, details: FieldProblem[] = [], current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
    this.current = current;
  }

  /** The message for one form field, if the server gave one. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.path === field || d.path.endsWith(`.${field}`))?.message;
  }
}

/** Codes that mean "you are not signed in any more": the app goes back to sign-in. */
export const SIGNED_OUT_CODES = new Set(['unauthenticated', 'session_expired']);

export function isSignedOutError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && SIGNED_OUT_CODES.has(error.code);
}

// The CSRF token of the current session. It lives in memory only; GET /api/me hands it out again.
let csrfToken: string | null = null;

/** Remembers the CSRF token sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A random idempotency key (UUID v4). crypto.randomUUID exists only in secure contexts, so fall
 * back to getRandomValues, which every browser has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Submissions (POSTs) whose outcome is unknown — no answer, a 502/503/504, or still in progress
 * on the server — by path and body. Sending the same request again (an automatic retry, or the
 * person pressing the button again) reuses its Idempotency-Key, so the server stores it once.
 * A definite answer forgets it: the next submission is a new one. Kept within the server's 24 h.
 */
const unsettled = new Map<string, { key: string; since: number }>();
const UNSETTLED_MS = 23 * 3_600_000;

function submissionKey(signature: string): string {
  const known = unsettled.get(signature);
  if (known && Date.now() - known.since < UNSETTLED_MS) return known.key;
  const key = newIdempotencyKey();
  unsettled.set(signature, { key, since: Date.now() });
  return key;
}

/** Automatic attempts of a submission whose outcome is unknown, and the pauses between them. */
export const SUBMIT_RETRY_DELAYS_MS = [400, 1500];
const MAX_RETRY_AFTER_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An answer that leaves the outcome unknown: the same submission may be sent again. */
function outcomeUnknown(response: Response | null, code: string | undefined): boolean {
  if (!response) return true;
  return response.status === 502 || response.status === 503 || response.status === 504 || (response.status === 409 && code === 'idempotency_in_progress');
}

/**
 * Calls the Hearth API and returns the parsed JSON body (undefined for 204). Throws ApiError.
 * Every POST carries an Idempotency-Key, one per submission; a submission whose outcome is unknown
 * is retried automatically with the same key (sign-in steps excepted).
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const signature = method === 'POST' ? `${path}\n${payload ?? ''}` : null;
  if (signature !== null) headers['idempotency-key'] = submissionKey(signature);
  const retries = signature !== null && !path.startsWith('/auth/') ? SUBMIT_RETRY_DELAYS_MS : [];

  for (let attempt = 0; ; attempt++) {
    let response: Response | null = null;
    try {
      response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', body: payload });
    } catch {
      response = null;
    }
    const parsed: unknown = !response || response.status === 204 ? undefined : await response.json().catch(() => undefined);
    const error = (parsed as Partial<ErrorBody> | undefined)?.error;
    if (outcomeUnknown(response, error?.code) && attempt < retries.length) {
      const retryAfter = Number(response?.headers.get('retry-after') ?? '') * 1000;
      await sleep(retryAfter > 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_MS) : (retries[attempt] ?? 0));
      continue;
    }
    if (signature !== null && !outcomeUnknown(response, error?.code)) unsettled.delete(signature);
    if (!response) throw new ApiError(0, 'network', "We couldn't reach Hearth. Check your connection and try again.");
    if (response.status === 204) return undefined as T;
    if (response.ok) return parsed as T;
    if (error && typeof error.message === 'string') {
      throw new ApiError(response.status, error.code, error.message, error.requestId, error.details ?? [], error.current);
    }
    throw new ApiError(
      response.status,
      'unexpected',
      response.status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : `The request failed (HTTP ${response.status}).`,
    );
  }
}

/** Builds a query string from the non-empty values of an object. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

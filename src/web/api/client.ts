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

/** Calls the Hearth API and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', "We couldn't reach Hearth. Check your connection and try again.");
  }

  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;

  const error = (parsed as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.message === 'string') {
    throw new ApiError(response.status, error.code, error.message, error.requestId, error.details ?? [], error.current);
  }
  throw new ApiError(
    response.status,
    'unexpected',
    response.status >= 500
      ? 'Something went wrong on our side. Please try again in a moment.'
      : `The request failed (HTTP ${response.status}).`,
  );
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

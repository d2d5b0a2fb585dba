import type { ErrorCode } from '../../shared/errors.js';

/** How a database failure that is not the request's fault is answered: 503, code, retry hint, log line. */
export interface Unavailable {
  code: Extract<ErrorCode, 'database_unavailable' | 'storage_full' | 'storage_error'>;
  /** Seconds for the Retry-After header. */
  retryAfterSeconds: number;
  /** Names the cause for the operator reading the log. */
  cause: string;
}

// node-postgres and Node's socket errors when the server is down, restarting or cut us off.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Recognises failures of the database itself (as opposed to a bad query or a broken rule), so
 * they are answered 503 with Retry-After instead of a generic 500. Looks through `cause` chains.
 */
export function classifyDatabaseFailure(error: unknown): Unavailable | null {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const found = classifyOne(current as { code?: unknown; message?: unknown });
    if (found) return found;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function classifyOne(error: { code?: unknown; message?: unknown }): Unavailable | null {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  // SQLite (better-sqlite3 puts the extended result code on `code`).
  if (code === 'SQLITE_FULL') return { code: 'storage_full', retryAfterSeconds: 60, cause: 'the disk holding the SQLite database is full (SQLITE_FULL)' };
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_CANTOPEN') {
    return { code: 'storage_error', retryAfterSeconds: 60, cause: `the SQLite database file could not be read or written (${code})` };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { code: 'database_unavailable', retryAfterSeconds: 2, cause: `the SQLite database stayed locked (${code})` };
  // PostgreSQL SQLSTATE: 53100 disk full, 08xxx connection exceptions, 57P01-03 shutdown / cannot connect now, 53300 too many connections.
  if (code === '53100') return { code: 'storage_full', retryAfterSeconds: 60, cause: 'the PostgreSQL server is out of disk space (53100)' };
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') {
    return { code: 'database_unavailable', retryAfterSeconds: 5, cause: `PostgreSQL is unavailable (${code}: ${message})` };
  }
  // 55000 with this message: the database was closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false) for maintenance.
  if (code === '55000' && /not currently accepting connections/i.test(message)) {
    return { code: 'database_unavailable', retryAfterSeconds: 5, cause: `PostgreSQL refuses connections to this database (${message})` };
  }
  if (NETWORK_CODES.has(code)) return { code: 'database_unavailable', retryAfterSeconds: 5, cause: `PostgreSQL cannot be reached (${code})` };
  if (PG_CONNECTION_MESSAGES.test(message)) return { code: 'database_unavailable', retryAfterSeconds: 5, cause: `PostgreSQL connection lost (${message})` };
  return null;
}

/** The message a person sees for each kind of database failure. */
export const UNAVAILABLE_MESSAGES: Record<Unavailable['code'], string> = {
  database_unavailable: 'Hearth cannot reach its database just now. Please try again in a few seconds.',
  storage_full: 'Hearth cannot save anything just now because its storage is full. Nothing was changed; please tell your administrator.',
  storage_error: 'Hearth cannot read or write its database just now. Please tell your administrator.',
};

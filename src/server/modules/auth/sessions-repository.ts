import { runPrepared, type DbOrTx } from '../../db/database.js';
import type { MfaState } from '../../db/schema.js';
import { hashToken, newId, newSecretToken } from '../../lib/ids.js';
import { userChannel } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** Creates a sign-in session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(db: DbOrTx, input: { userId: string; mfaState: MfaState; now: Date; absoluteMs: number; userAgent: string | null; ip: string | null }) {
  const token = newSecretToken();
  const row = {
    id: newId(),
    token_hash: hashToken(token),
    user_id: input.userId,
    csrf_token: newSecretToken(),
    mfa_state: input.mfaState,
    created_at: input.now.toISOString(),
    last_seen_at: input.now.toISOString(),
    absolute_expires_at: new Date(input.now.getTime() + input.absoluteMs).toISOString(),
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    ip: input.ip,
    ended_at: null,
    end_reason: null,
  };
  await db.insertInto('auth_sessions').values(row).execute();
  return { token, session: row };
}

// The session joined with its user. The lookup runs as a prepared statement whose rows come back
// as arrays, so this one list fixes both what is selected and where each value is read.
const SESSION_SELECTION = [
  's.id',
  's.csrf_token',
  's.mfa_state',
  's.created_at',
  's.last_seen_at',
  's.absolute_expires_at',
  's.ended_at',
  'u.id as user_id',
  'u.email',
  'u.display_name',
  'u.role',
  'u.status',
  'u.mfa_enabled',
] as const;
/** The name each selected column has in a row, in SESSION_SELECTION's order. */
const SESSION_FIELDS = SESSION_SELECTION.map((column) => column.split(' as ')[1] ?? column.slice(column.indexOf('.') + 1));

/** The session joined with its user, through Kysely: the shape every lookup answers (the tests read it to compare). */
export function sessionQuery(db: DbOrTx) {
  return db.selectFrom('auth_sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select(SESSION_SELECTION);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirst']>>;

// Every request resolves its session. Lookups asked for in the same turn of the event loop (the
// requests of several connections read together) go to the database as ONE statement,
// `token_hash in (…)`, run once that turn's I/O callbacks are done (setImmediate): one round trip
// and one read transaction for all of them instead of one each. On PostgreSQL that is one
// Bind/Execute on one pooled connection instead of n; on SQLite one set of file locks instead of
// n (locking is most of a lone lookup's cost). A request that is alone waits for nothing: its
// batch is run in the same turn. Batches are padded to a few fixed sizes, so each size is one
// statement compiled once per database handle (and one named statement on PostgreSQL).
const BATCH_SIZES = [1, 2, 4, 8, 16, 32] as const;
const MAX_BATCH = BATCH_SIZES[BATCH_SIZES.length - 1];
const compiledSessionQueries = new WeakMap<object, Map<number, string>>();

interface PendingLookup {
  tokenHash: string;
  resolve(row: SessionRow): void;
  reject(error: unknown): void;
}
const pendingLookups = new WeakMap<object, PendingLookup[]>();

/** The live session behind a cookie token, joined with its user. */
export function findSessionByToken(db: DbOrTx, token: string): Promise<SessionRow> {
  const tokenHash = hashToken(token);
  // Inside a transaction the lookup must see the transaction's own rows: it runs at once, alone.
  if (db.isTransaction) return lookUpSessions(db, [tokenHash]).then((rows) => rows.get(tokenHash));
  return new Promise((resolve, reject) => {
    let queue = pendingLookups.get(db);
    if (!queue) {
      queue = [];
      pendingLookups.set(db, queue);
      setImmediate(() => runLookups(db));
    }
    queue.push({ tokenHash, resolve, reject });
  });
}

/** Runs the lookups queued on a handle, MAX_BATCH tokens to a statement, answering each waiter. */
function runLookups(db: DbOrTx): void {
  const queue = pendingLookups.get(db) ?? [];
  pendingLookups.delete(db);
  for (let start = 0; start < queue.length; start += MAX_BATCH) {
    const batch = queue.slice(start, start + MAX_BATCH);
    lookUpSessions(
      db,
      batch.map((lookup) => lookup.tokenHash),
    ).then(
      (rows) => {
        for (const lookup of batch) lookup.resolve(rows.get(lookup.tokenHash));
      },
      (error: unknown) => {
        for (const lookup of batch) lookup.reject(error);
      },
    );
  }
}

/** The sessions behind up to MAX_BATCH token hashes (repeats allowed), by token hash. */
async function lookUpSessions(db: DbOrTx, tokenHashes: readonly string[]): Promise<Map<string, NonNullable<SessionRow>>> {
  const size = BATCH_SIZES.find((candidate) => candidate >= tokenHashes.length) ?? MAX_BATCH;
  let bySize = compiledSessionQueries.get(db);
  if (!bySize) {
    bySize = new Map();
    compiledSessionQueries.set(db, bySize);
  }
  let sqlText = bySize.get(size);
  if (!sqlText) {
    sqlText = sessionQuery(db)
      .select('s.token_hash')
      .where(
        's.token_hash',
        'in',
        Array.from({ length: size }, () => ''),
      )
      .compile().sql;
    bySize.set(size, sqlText);
  }
  // Padded with the first hash: `in` answers each row once however often a value is repeated.
  const parameters = Array.from({ length: size }, (_, i) => tokenHashes[i] ?? tokenHashes[0]);
  const rows = await runPrepared(db, `hearth_sessions_by_token_${size}`, sqlText, parameters);
  const byHash = new Map<string, NonNullable<SessionRow>>();
  for (const row of rows) byHash.set(row[SESSION_FIELDS.length] as string, sessionRowFrom(row));
  return byHash;
}

/** A row of the session query as values in SESSION_SELECTION's order (the batched lookup's token hash follows them). */
function sessionRowFrom(values: unknown[]): NonNullable<SessionRow> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < SESSION_FIELDS.length; i++) row[SESSION_FIELDS[i]!] = values[i];
  return row as NonNullable<SessionRow>;
}

export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('auth_sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
}

export async function setSessionMfaState(db: DbOrTx, sessionId: string, mfaState: MfaState): Promise<void> {
  await db.updateTable('auth_sessions').set({ mfa_state: mfaState }).where('id', '=', sessionId).execute();
}

export async function endSession(db: DbOrTx, sessionId: string, reason: string, now: Date): Promise<void> {
  const ended = await db
    .updateTable('auth_sessions')
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  // Live sockets opened with this session close too (on every instance).
  if (ended) await publish(db, userChannel(ended.user_id), { type: 'access.revoked', userId: ended.user_id, sessionId });
}

/** Ends every live session of a user, except `keepSessionId` when given. Returns how many ended. */
export async function endUserSessions(db: DbOrTx, userId: string, reason: string, now: Date, keepSessionId?: string): Promise<number> {
  let query = db.updateTable('auth_sessions').set({ ended_at: now.toISOString(), end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  await publish(db, userChannel(userId), { type: 'access.revoked', userId, ...(keepSessionId ? { exceptSessionId: keepSessionId } : {}) });
  return Number(result.numUpdatedRows);
}

/** A user's sessions that have not ended, newest first. */
export function listLiveSessions(db: DbOrTx, userId: string) {
  return db
    .selectFrom('auth_sessions')
    .select(['id', 'created_at', 'last_seen_at', 'absolute_expires_at', 'user_agent', 'ip', 'mfa_state'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

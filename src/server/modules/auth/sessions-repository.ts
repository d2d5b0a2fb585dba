import { runPrepared, type DbOrTx } from '../../db/database.js';
import type { MfaState, Role, UserStatus } from '../../db/schema.js';
import { hashToken, newId, newSecretToken } from '../../lib/ids.js';
import { userChannel } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** Creates a sign-in session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbOrTx,
  input: { userId: string; mfaState: MfaState; now: Date; absoluteMs: number; userAgent: string | null; ip: string | null },
) {
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

function sessionByTokenQuery(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
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
    ])
    .where('s.token_hash', '=', tokenHash);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionByTokenQuery>['executeTakeFirst']>>;

// Every request resolves its session: the query is built and compiled once per database handle
// and then run as one prepared statement with each token's hash.
const compiledSessionQuery = new WeakMap<object, string>();

/** The live session behind a cookie token, joined with its user. */
export async function findSessionByToken(db: DbOrTx, token: string): Promise<SessionRow> {
  let sqlText = compiledSessionQuery.get(db);
  if (!sqlText) {
    sqlText = sessionByTokenQuery(db, '').compile().sql;
    compiledSessionQuery.set(db, sqlText);
  }
  const [row] = await runPrepared(db, 'hearth_session_by_token', sqlText, [hashToken(token)]);
  return row ? sessionRowFrom(row) : undefined;
}

/** A row of the session query as values in the order sessionByTokenQuery selects them. */
function sessionRowFrom(values: unknown[]): NonNullable<SessionRow> {
  const row = values as [string, string, MfaState, string, string, string, string | null, string, string, string, Role, UserStatus, number];
  return {
    id: row[0],
    csrf_token: row[1],
    mfa_state: row[2],
    created_at: row[3],
    last_seen_at: row[4],
    absolute_expires_at: row[5],
    ended_at: row[6],
    user_id: row[7],
    email: row[8],
    display_name: row[9],
    role: row[10],
    status: row[11],
    mfa_enabled: row[12],
  };
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
export async function endUserSessions(
  db: DbOrTx,
  userId: string,
  reason: string,
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  let query = db
    .updateTable('auth_sessions')
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
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

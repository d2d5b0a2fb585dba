import type { DbOrTx } from '../../db/database.js';
import type { MfaState, UsersTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { AuthState, Hearth } from '../../http/hearth.js';
import { recordAudit, type AuditActor } from '../audit/record.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './sessions-repository.js';
import { assertAccountMayTry, assertAddressMayTry, clearFailures, recordFailure, throttleKey } from './throttle.js';

const GENERIC_FAILURE = 'The e-mail address or password is not right.';
export const TOO_MANY = 'Too many attempts. Please wait a few minutes and try again.';

/** Which second-factor step a new session starts in. */
export function initialMfaState(hearth: Pick<Hearth, 'config'>, user: Pick<UsersTable, 'role' | 'mfa_enabled'>): MfaState {
  if (user.mfa_enabled === 1) return 'required';
  if (user.role === 'participant') return 'verified';
  return hearth.config.requireStaffMfa ? 'enrolment_required' : 'enrolment_offered';
}

/**
 * Checks e-mail and password and opens a session. Failures are counted per account (a growing
 * pause between checks, never a lock) and per address (a hard limit) in the database, answered
 * with one generic message, and audited.
 */
export async function login(
  db: DbOrTx,
  hearth: Omit<Hearth, 'db'>,
  input: { email: string; password: string; userAgent: string | null },
  actor: AuditActor,
): Promise<{ token: string; auth: AuthState }> {
  const { clock, config } = hearth;
  const now = clock.now();
  const accountKey = throttleKey('login-account', input.email);
  const ipKey = throttleKey('login-ip', actor.ip ?? 'unknown');
  try {
    await assertAddressMayTry(db, ipKey, now, config);
    await assertAccountMayTry(db, accountKey, now, config);
  } catch (error) {
    if (error instanceof AppError) {
      await recordAudit(db, actor, { action: 'auth.login', outcome: 'denied', detail: { code: error.code } }, now);
    }
    throw error;
  }
  const user = await db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, accountKey, now);
      await recordFailure(trx, ipKey, now);
      await recordAudit(
        trx,
        { ...actor, userId: user?.id ?? null, role: user?.role ?? null },
        { action: 'auth.login', outcome: 'failure', resourceType: 'user', resourceId: user?.id ?? null },
        now,
      );
    });
    throw new AppError('invalid_credentials', GENERIC_FAILURE);
  }
  const mfaState = initialMfaState(hearth, user);
  return db.transaction().execute(async (trx) => {
    await clearFailures(trx, accountKey);
    const { token, session } = await createSession(trx, {
      userId: user.id,
      mfaState,
      now,
      absoluteMs: config.sessionAbsoluteMs,
      userAgent: input.userAgent,
      ip: actor.ip,
    });
    if (mfaState !== 'required') {
      await trx.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', user.id).execute();
    }
    await recordAudit(
      trx,
      { ...actor, userId: user.id, role: user.role },
      { action: 'auth.login', resourceType: 'auth_session', resourceId: session.id, detail: { mfa: mfaState } },
      now,
    );
    const auth: AuthState = {
      principal: { userId: user.id, role: user.role, sessionId: session.id },
      session: {
        id: session.id,
        csrfToken: session.csrf_token,
        mfaState,
        createdAt: session.created_at,
        absoluteExpiresAt: session.absolute_expires_at,
      },
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        mfaEnabled: user.mfa_enabled === 1,
      },
    };
    return { token, auth };
  });
}

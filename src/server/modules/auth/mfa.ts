import { AppError } from '../../http/errors.js';
import type { AuthState } from '../../http/hearth.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { TOO_MANY } from './login.js';
import { issueRecoveryCodes, useRecoveryCode } from './recovery-codes.js';
import { endUserSessions, setSessionMfaState } from './sessions-repository.js';
import { recentFailures, recordFailure, clearFailures, throttleKey } from './throttle.js';
import { newTotpSecret, totpEnrolment, verifyTotp } from './totp.js';

async function loadUser(ctx: UseCaseContext) {
  return ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
}

/** Refuses with 429 when the user has failed the second factor too often lately. */
async function assertNotThrottled(ctx: UseCaseContext, key: string): Promise<void> {
  const { config } = ctx.hearth;
  const failures = await recentFailures(ctx.db, key, ctx.now, config.loginWindowMs);
  if (failures >= config.loginMaxFailures) throw new AppError('too_many_attempts', TOO_MANY);
}

/** Counts a wrong code; the count is written after the request's transaction rolls back. */
function refuseCode(ctx: UseCaseContext, key: string): never {
  const { now } = ctx;
  ctx.onFailure((db) => recordFailure(db, key, now));
  throw new AppError('invalid_code', 'That code is not right. Check the time on your phone and try the newest code.');
}

/** Starts enrolment: a new secret, shown once as text and QR code. Not allowed once MFA is on. */
export async function startMfaSetup(ctx: UseCaseContext) {
  const user = await loadUser(ctx);
  if (user.mfa_enabled === 1) throw new AppError('conflict', 'Two-step sign-in is already on. An administrator can reset it.');
  const secret = newTotpSecret();
  await ctx.db.updateTable('users').set({ mfa_secret: secret, updated_at: ctx.now.toISOString() }).where('id', '=', user.id).execute();
  await ctx.audit({ action: 'auth.mfa.setup', resourceType: 'user', resourceId: user.id });
  const { uri, qrDataUrl } = await totpEnrolment(secret, ctx.hearth.config.serviceName, user.email);
  return { secret, otpauthUri: uri, qrDataUrl };
}

/** Finishes enrolment with a first code; returns recovery codes and ends the user's other sessions. */
export async function enableMfa(ctx: UseCaseContext, code: string) {
  const key = throttleKey('mfa-user', ctx.principal.userId);
  await assertNotThrottled(ctx, key);
  const user = await loadUser(ctx);
  if (user.mfa_enabled === 1) throw new AppError('conflict', 'Two-step sign-in is already on.');
  if (!user.mfa_secret) throw new AppError('invalid_state', 'Start the set-up first.');
  const step = await verifyTotp(user.mfa_secret, code, ctx.now, null);
  if (step === null) refuseCode(ctx, key);
  await ctx.db.updateTable('users').set({ mfa_enabled: 1, mfa_last_step: step, updated_at: ctx.now.toISOString() }).where('id', '=', user.id).execute();
  const recoveryCodes = await issueRecoveryCodes(ctx.db, user.id, ctx.now);
  await setSessionMfaState(ctx.db, ctx.principal.sessionId, 'verified');
  await endUserSessions(ctx.db, user.id, 'mfa_enabled', ctx.now, ctx.principal.sessionId);
  await clearFailures(ctx.db, key);
  await ctx.audit({ action: 'auth.mfa.enable', resourceType: 'user', resourceId: user.id });
  return { recoveryCodes };
}

/** The second sign-in step: a TOTP code (single-use) or a recovery code (spent). */
export async function verifyMfa(ctx: UseCaseContext, auth: AuthState, code: string): Promise<void> {
  if (auth.session.mfaState !== 'required') throw new AppError('invalid_state', 'No code is needed for this session.');
  const key = throttleKey('mfa-user', ctx.principal.userId);
  await assertNotThrottled(ctx, key);
  const user = await loadUser(ctx);
  let method: 'totp' | 'recovery_code' | null = null;
  if (/^\d{6}$/.test(code) && user.mfa_secret) {
    const step = await verifyTotp(user.mfa_secret, code, ctx.now, user.mfa_last_step === null ? null : Number(user.mfa_last_step));
    if (step !== null) {
      // The conditional update makes a code single-use even when two requests race.
      const updated = await ctx.db
        .updateTable('users')
        .set({ mfa_last_step: step })
        .where('id', '=', user.id)
        .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) method = 'totp';
    }
  } else if (await useRecoveryCode(ctx.db, user.id, code, ctx.now)) {
    method = 'recovery_code';
  }
  if (!method) refuseCode(ctx, key);
  await setSessionMfaState(ctx.db, ctx.principal.sessionId, 'verified');
  await ctx.db.updateTable('users').set({ last_sign_in_at: ctx.now.toISOString() }).where('id', '=', user.id).execute();
  await clearFailures(ctx.db, key);
  await ctx.audit({ action: 'auth.mfa.verify', resourceType: 'auth_session', resourceId: ctx.principal.sessionId, detail: { method } });
}

/** "Not now": continues the session without enrolling, where the service offered that choice. */
export async function postponeMfa(ctx: UseCaseContext, auth: AuthState): Promise<void> {
  if (auth.session.mfaState !== 'enrolment_offered') throw new AppError('invalid_state', 'Nothing to postpone.');
  await setSessionMfaState(ctx.db, auth.session.id, 'verified');
  await ctx.audit({ action: 'auth.mfa.postpone', resourceType: 'user', resourceId: auth.user.id });
}

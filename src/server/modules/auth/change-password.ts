import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.js';
import { endUserSessions } from './sessions-repository.js';
import { assertAccountMayTry, recordFailure, throttleKey } from './throttle.js';

/** Changes the caller's password after checking the current one; ends their other sessions. */
export async function changePassword(ctx: UseCaseContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
  const key = throttleKey('login-account', user.email);
  const { config } = ctx.hearth;
  await assertAccountMayTry(ctx.db, key, ctx.now, config);
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    const { now } = ctx;
    ctx.onFailure((db) => recordFailure(db, key, now));
    throw new AppError('invalid_credentials', 'Your current password is not right.');
  }
  assertAcceptablePassword(newPassword, { email: user.email, displayName: user.display_name });
  const now = ctx.now.toISOString();
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(newPassword), password_changed_at: now, updated_at: now })
    .where('id', '=', user.id)
    .execute();
  const ended = await endUserSessions(ctx.db, user.id, 'password_changed', ctx.now, ctx.principal.sessionId);
  await ctx.audit({ action: 'auth.password.change', resourceType: 'user', resourceId: user.id, detail: { sessionsEnded: ended } });
}

import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { endUserSessions } from '../auth/sessions-repository.js';
import { findUserById } from './repository.js';

/** Deactivates (ending every session at once) or reactivates an account. */
export async function setUserActive(ctx: UseCaseContext, userId: string, active: boolean) {
  if (userId === ctx.principal.userId) throw new AppError('invalid_state', 'You cannot change the status of your own account.');
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('not_found', 'This account was not found.');
  const status = active ? (user.password_hash ? 'active' : 'invited') : 'deactivated';
  await ctx.db.updateTable('users').set({ status, updated_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
  if (!active) {
    await endUserSessions(ctx.db, userId, 'deactivated', ctx.now);
    await ctx.db.updateTable('invitations').set({ used_at: ctx.now.toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  }
  await ctx.audit({ action: active ? 'admin.users.reactivate' : 'admin.users.deactivate', resourceType: 'user', resourceId: userId });
  return { ...user, status } as const;
}

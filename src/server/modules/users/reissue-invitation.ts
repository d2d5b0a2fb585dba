import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { issueInvitation } from './invitations.js';
import { findUserById } from './repository.js';

/** A fresh set-password link: an invitation if never accepted, otherwise a password reset. */
export async function reissueInvitation(ctx: UseCaseContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('not_found', 'This account was not found.');
  if (user.status === 'deactivated') throw new AppError('invalid_state', 'Reactivate the account first.');
  const purpose = user.status === 'invited' ? 'invite' : 'reset';
  const invitation = await issueInvitation(ctx.db, {
    userId,
    purpose,
    createdBy: ctx.principal.userId,
    now: ctx.now,
    ttlMs: ctx.hearth.config.inviteTtlMs,
  });
  await ctx.audit({ action: `admin.users.${purpose === 'invite' ? 'reinvite' : 'password_reset_link'}`, resourceType: 'user', resourceId: userId });
  return { user, ...invitation };
}

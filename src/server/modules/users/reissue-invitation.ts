import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { issueInvitation, mailInvitation } from './invitations.js';
import { findUserById } from './repository.js';

/** A fresh set-password link, e-mailed to the person: an invitation if never accepted, otherwise a password reset. */
export async function reissueInvitation(ctx: UseCaseContext, userId: string, origin: string) {
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
  const mail = await mailInvitation(ctx.db, ctx.hearth.config, { user, purpose, ...invitation, origin, now: ctx.now });
  await ctx.audit({ action: `admin.users.${purpose === 'invite' ? 'reinvite' : 'password_reset_link'}`, resourceType: 'user', resourceId: userId, detail: { mail } });
  return { user, ...invitation, mail };
}

import type { Role } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { issueInvitation, mailInvitation } from './invitations.js';
import { findUserByEmail, insertUser } from './repository.js';

/** Creates an account in the `invited` state with a single-use link to set a password, e-mailed to the person. */
export async function inviteUser(ctx: UseCaseContext, input: { email: string; displayName: string; role: Role }, origin: string) {
  if (await findUserByEmail(ctx.db, input.email)) {
    throw new AppError('email_taken', 'An account with this e-mail address already exists.');
  }
  const user = await insertUser(ctx.db, { ...input, status: 'invited', passwordHash: null, now: ctx.now });
  const invitation = await issueInvitation(ctx.db, {
    userId: user.id,
    purpose: 'invite',
    createdBy: ctx.principal.userId,
    now: ctx.now,
    ttlMs: ctx.hearth.config.inviteTtlMs,
  });
  const mail = await mailInvitation(ctx.db, ctx.hearth.config, { user, purpose: 'invite', ...invitation, origin, now: ctx.now });
  await ctx.audit({ action: 'admin.users.invite', resourceType: 'user', resourceId: user.id, detail: { role: input.role, mail } });
  return { user, ...invitation, mail };
}

import type { UseCaseContext } from '../../http/use-case.js';
import { findLiveInvitation } from '../users/invitations.js';
import { assertAcceptablePassword, hashPassword } from './passwords.js';
import { endUserSessions } from './sessions-repository.js';

/** Sets the password from an invitation or reset link, activates the account and spends the link. */
export async function acceptInvitation(ctx: UseCaseContext, token: string, password: string): Promise<void> {
  const invitation = await findLiveInvitation(ctx.db, token, ctx.now);
  assertAcceptablePassword(password, { email: invitation.email, displayName: invitation.display_name });
  const passwordHash = await hashPassword(password);
  const now = ctx.now.toISOString();
  await ctx.db.updateTable('invitations').set({ used_at: now }).where('id', '=', invitation.id).execute();
  await ctx.db
    .updateTable('users')
    .set({ password_hash: passwordHash, status: 'active', password_changed_at: now, updated_at: now })
    .where('id', '=', invitation.user_id)
    .execute();
  await endUserSessions(ctx.db, invitation.user_id, 'password_set', ctx.now);
  await ctx.audit({
    action: invitation.purpose === 'invite' ? 'auth.invitation.accept' : 'auth.password.reset',
    resourceType: 'user',
    resourceId: invitation.user_id,
  });
}

import { AppError } from '../../http/errors.js';
import type { AuthState } from '../../http/hearth.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { presentMe } from './presenters.js';

/** The caller's session and account as resolved for this request; `unauthenticated` without one. */
export function requireAuth(ctx: Pick<UseCaseContext, 'auth'>): AuthState {
  if (!ctx.auth) throw new AppError('unauthenticated', 'Please sign in.');
  return ctx.auth;
}

/** The caller re-read after a change to their session or account (its second-factor state). */
export async function freshMe(ctx: UseCaseContext) {
  const auth = requireAuth(ctx);
  const [session, user] = await Promise.all([
    ctx.db.selectFrom('auth_sessions').select(['mfa_state']).where('id', '=', auth.session.id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('users').select(['mfa_enabled']).where('id', '=', auth.user.id).executeTakeFirstOrThrow(),
  ]);
  return presentMe(ctx.hearth, {
    ...auth,
    session: { ...auth.session, mfaState: session.mfa_state },
    user: { ...auth.user, mfaEnabled: user.mfa_enabled === 1 },
  });
}

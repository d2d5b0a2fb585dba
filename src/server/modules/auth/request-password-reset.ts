import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { issueInvitation, mailInvitation } from '../users/invitations.js';
import { findUserByEmail } from '../users/repository.js';
import { recentFailures, recordFailure, throttleKey } from './throttle.js';

/** How long a self-service reset link works. */
export const RESET_TTL_MS = 60 * 60_000;
/** Requests one address may make in an hour, whatever e-mail addresses they name. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
/** Reset e-mails one account receives in an hour; further requests are answered alike and send nothing. */
export const RESET_MAILS_PER_ACCOUNT = 3;
const HOUR_MS = 60 * 60_000;

/** The one answer, whether or not the address has an account (no account enumeration). */
export const RESET_ANSWER = 'If an account uses this address, we have sent it a link to choose a new password. It works once, for one hour.';

/**
 * "Forgot password": e-mails a single-use, expiring link (hashed at rest, like every invitation)
 * to an active account — or a fresh invitation to one never set up — and answers the same for an
 * unknown or deactivated address. Limited per requesting address (429 past the limit, named or
 * not) and per account (further requests send nothing, silently).
 */
export async function requestPasswordReset(ctx: UseCaseContext, email: string, ip: string, origin: string): Promise<{ message: string }> {
  const ipKey = throttleKey('reset-ip', ip);
  if ((await recentFailures(ctx.db, ipKey, ctx.now, HOUR_MS)) >= RESET_REQUESTS_PER_ADDRESS) {
    throw new AppError('too_many_attempts', 'Too many requests from this network. Please wait an hour and try again.').withRetryAfter(HOUR_MS / 1000);
  }
  await recordFailure(ctx.db, ipKey, ctx.now);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.status === 'deactivated') return { message: RESET_ANSWER };
  const accountKey = throttleKey('reset-account', user.email);
  if ((await recentFailures(ctx.db, accountKey, ctx.now, HOUR_MS)) >= RESET_MAILS_PER_ACCOUNT) return { message: RESET_ANSWER };
  await recordFailure(ctx.db, accountKey, ctx.now);
  const purpose = user.status === 'invited' ? 'invite' : 'reset';
  const invitation = await issueInvitation(ctx.db, {
    userId: user.id,
    purpose,
    createdBy: null,
    now: ctx.now,
    ttlMs: purpose === 'reset' ? RESET_TTL_MS : ctx.hearth.config.inviteTtlMs,
  });
  await mailInvitation(ctx.db, ctx.hearth.config, { user, purpose, ...invitation, origin, now: ctx.now });
  await ctx.audit({ action: 'auth.password.reset_requested', resourceType: 'user', resourceId: user.id, detail: { purpose } });
  return { message: RESET_ANSWER };
}

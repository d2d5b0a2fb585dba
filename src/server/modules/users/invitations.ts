import type { Config } from '../../config/env.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { hashToken, newId, newSecretToken } from '../../lib/ids.js';
import { queueTemplatedMail, templateOptions } from '../mail/queue-mail.js';

/**
 * Issues a single-use, expiring set-password link token and retires any earlier unused one.
 * The token travels in the URL fragment, so it never reaches server logs.
 */
export async function issueInvitation(db: DbOrTx, input: { userId: string; purpose: 'invite' | 'reset'; createdBy: string | null; now: Date; ttlMs: number }) {
  await db.updateTable('invitations').set({ used_at: input.now.toISOString() }).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
  const token = newSecretToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs).toISOString();
  await db
    .insertInto('invitations')
    .values({
      id: newId(),
      user_id: input.userId,
      token_hash: hashToken(token),
      purpose: input.purpose,
      created_by: input.createdBy,
      created_at: input.now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The link a person opens to set their password. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin}/invite#token=${token}`;
}

/**
 * E-mails a just-issued set-password link to its person (an invitation or a password reset).
 * Returns `queued` when SMTP will send it, `outbox` when the service has no SMTP settings and the
 * link must be passed on by hand (the screen that issued it says so).
 */
export async function mailInvitation(
  db: DbOrTx,
  config: Pick<Config, 'smtpUrl' | 'serviceName' | 'locale' | 'timeZone'>,
  input: { user: { id: string; email: string; display_name: string }; purpose: 'invite' | 'reset'; token: string; expiresAt: string; origin: string; now: Date },
): Promise<'queued' | 'outbox'> {
  return queueTemplatedMail(
    db,
    { userId: input.user.id, address: input.user.email },
    {
      kind: input.purpose === 'invite' ? 'invitation' : 'password_reset',
      name: input.user.display_name,
      url: invitationUrl(input.origin, input.token),
      expiresAt: input.expiresAt,
    },
    templateOptions(config, input.now),
  );
}

/** The live invitation behind a token, or `invitation_invalid` (used, expired, unknown or deactivated). */
export async function findLiveInvitation(db: DbOrTx, token: string, now: Date) {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.purpose', 'i.expires_at', 'i.used_at', 'u.id as user_id', 'u.email', 'u.display_name', 'u.status', 'u.role'])
    .where('i.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now.toISOString() || row.status === 'deactivated') {
    throw new AppError('invitation_invalid', 'This link has expired or was already used. Ask your service for a new one.');
  }
  return row;
}

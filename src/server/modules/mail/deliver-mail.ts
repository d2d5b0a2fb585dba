import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { nextAttemptAt, type RetryPolicy } from '../../lib/backoff.js';

/** Sends one message; nodemailer's transport in production, anything with the same shape in tests. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown>;
}

/** Attempts before a message is marked failed (and left for an administrator to see). */
export const MAX_ATTEMPTS = 5;
/** Waits between attempts: about 1, 2, 4 and 8 minutes (half fixed, half random: lib/backoff.ts). */
export const MAIL_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: 30 * 60_000, maxAttempts: MAX_ATTEMPTS };
/** A message claimed this long ago by an instance that then vanished is claimed again. */
const CLAIM_TIMEOUT_MS = 5 * 60_000;
const BATCH = 20;

/**
 * Delivers queued mail. Each message is claimed with a conditional update first, so several
 * instances running this at once never send one message twice; a failure puts it back in the
 * queue with a later `next_attempt_at` (MAIL_RETRY's exponential backoff with jitter) until
 * MAX_ATTEMPTS, with the error kept for administrators.
 */
export async function deliverQueuedMail(db: Db, transport: MailTransport, from: string, now: Date, random: () => number = Math.random): Promise<{ sent: number; failed: number }> {
  const staleClaim = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  const nowIso = now.toISOString();
  const due = (eb: ExpressionBuilder<DB, 'mail_outbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)])]),
      eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleClaim)]),
    ]);
  const candidates = await db.selectFrom('mail_outbox').select('id').where(due).orderBy('created_at').limit(BATCH).execute();
  let sent = 0;
  let failed = 0;
  for (const { id } of candidates) {
    const claimed = await db.updateTable('mail_outbox').set({ status: 'sending', claimed_at: nowIso }).where('id', '=', id).where(due).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const mail = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text, ...(mail.body_html ? { html: mail.body_html } : {}) });
      await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: new Date().toISOString(), attempts: mail.attempts + 1, last_error: null })
        .where('id', '=', id)
        .execute();
      sent += 1;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = nextAttemptAt(attempts, MAIL_RETRY, now, random);
      await db
        .updateTable('mail_outbox')
        .set({ status: retryAt ? 'queued' : 'failed', attempts, last_error: message.slice(0, 500), claimed_at: null, next_attempt_at: retryAt?.toISOString() ?? null })
        .where('id', '=', id)
        .execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

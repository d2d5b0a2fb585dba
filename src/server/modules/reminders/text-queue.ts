import type { ExpressionBuilder } from 'kysely';
import type { Db, DbOrTx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { nextAttemptAt, type RetryPolicy } from '../../lib/backoff.js';
import { newId } from '../../lib/ids.js';
import type { SmsSender } from '../delivery/sms.js';

/**
 * Reminder texts: five attempts, the waits between them doubling from about a minute (30–60 s,
 * then 1–2, 2–4, 4–8 min, randomised), so a gateway that is down for a quarter of an hour still
 * delivers and one that is down for longer is marked failed well before a 2-hour reminder's
 * session. The jobs tick every minute, so a wait is at least until the next tick.
 */
export const TEXT_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: 15 * 60_000, maxAttempts: 5 };
/**
 * A text claimed this long ago by an instance that then vanished is claimed again. Longer than
 * any gateway timeout (HEARTH_DELIVERY_TIMEOUT_MS), so a slow send is never taken over while it runs.
 */
const CLAIM_TIMEOUT_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Queues a reminder text in the caller's transaction — the one that claimed the reminder — so the
 * text exists exactly when the claim does: a crash after the commit leaves it queued, never lost,
 * and the claim's uniqueness means it is never queued twice.
 */
export async function queueReminderText(db: DbOrTx, text: { reminderSendId: string; userId: string; toE164: string; body: string; expiresAt: string }, now: Date): Promise<void> {
  await db
    .insertInto('sms_queue')
    .values({
      id: newId(),
      reminder_send_id: text.reminderSendId,
      user_id: text.userId,
      kind: 'session_reminder',
      to_e164: text.toE164,
      body_text: text.body,
      status: 'queued',
      next_attempt_at: now.toISOString(),
      expires_at: text.expiresAt,
      claimed_at: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

/** Cancels a person's texts still waiting (their mobile number was removed); returns how many. */
export async function cancelQueuedTexts(db: DbOrTx, userId: string, reason: string): Promise<number> {
  const result = await db
    .updateTable('sms_queue')
    .set({ status: 'cancelled', last_error: reason, claimed_at: null })
    .where('user_id', '=', userId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface TextDeliveryOptions {
  retry?: RetryPolicy;
  /** [0, 1): the jitter of each wait (Math.random outside tests). */
  random?: () => number;
}

/**
 * Sends the reminder texts that are due. Each is claimed with a conditional update first (as the
 * mail outbox and alert deliveries are), so instances running this at once never send one twice.
 * Before each attempt the person's mobile and choice, and the session, are read again: a removed
 * number, a withdrawn choice or a session moved or cancelled cancels the text, a changed number
 * receives it. A gateway error or timeout
 * puts it back with a later `next_attempt_at` (TEXT_RETRY's backoff); after the last attempt, or
 * when the next would come after the session began, it is marked failed with the gateway's
 * answer, for administrators to see (GET /api/admin/sms).
 */
export async function deliverQueuedTexts(
  db: Db,
  sms: SmsSender,
  now: Date,
  options: TextDeliveryOptions = {},
): Promise<{ sent: number; retrying: number; failed: number; cancelled: number }> {
  const nowIso = now.toISOString();
  const staleClaim = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  const due = (eb: ExpressionBuilder<DB, 'sms_queue'>) =>
    eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', nowIso)]), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleClaim)])]);
  const candidates = await db.selectFrom('sms_queue').select('id').where(due).orderBy('next_attempt_at').limit(BATCH).execute();
  const counts = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  await Promise.all(
    candidates.map(async ({ id }) => {
      const claimed = await db.updateTable('sms_queue').set({ status: 'sending', claimed_at: nowIso }).where('id', '=', id).where(due).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      counts[await attempt(db, sms, id, now, options)] += 1;
    }),
  );
  return counts;
}

async function attempt(db: Db, sms: SmsSender, id: string, now: Date, options: TextDeliveryOptions): Promise<'sent' | 'retrying' | 'failed' | 'cancelled'> {
  const text = await db
    .selectFrom('sms_queue as q')
    .innerJoin('users as u', 'u.id', 'q.user_id')
    .leftJoin('notification_preferences as np', (join) => join.onRef('np.user_id', '=', 'q.user_id').onRef('np.kind', '=', 'q.kind'))
    .innerJoin('reminder_sends as rs', 'rs.id', 'q.reminder_send_id')
    .leftJoin('group_sessions as s', 's.id', 'rs.subject_ref')
    .select(['q.id', 'q.body_text', 'q.attempts', 'q.expires_at', 'u.mobile_e164', 'u.status as user_status', 'np.sms as wants_sms', 's.status as session_status', 's.starts_at'])
    .where('q.id', '=', id)
    .executeTakeFirstOrThrow();
  const finish = (status: 'failed' | 'cancelled', reason: string) =>
    db.updateTable('sms_queue').set({ status, last_error: reason, claimed_at: null }).where('id', '=', id).execute();
  if (text.expires_at <= now.toISOString()) {
    await finish('failed', text.attempts ? 'Not sent before the session began.' : 'Not sent before the session began (never tried).');
    return 'failed';
  }
  // The text names the session's time: a session moved or cancelled since makes it wrong.
  if (text.session_status !== 'scheduled' || text.starts_at !== text.expires_at) {
    await finish('cancelled', 'The session was moved or cancelled.');
    return 'cancelled';
  }
  if (!text.mobile_e164 || text.wants_sms !== 1 || text.user_status !== 'active') {
    await finish('cancelled', !text.mobile_e164 ? 'The mobile number was removed.' : text.wants_sms !== 1 ? 'Text reminders were turned off.' : 'The account is not active.');
    return 'cancelled';
  }
  const attempts = text.attempts + 1;
  try {
    await sms.send(text.mobile_e164, text.body_text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const retryAt = nextAttemptAt(attempts, options.retry ?? TEXT_RETRY, now, options.random);
    const giveUp = !retryAt || retryAt.toISOString() >= text.expires_at;
    await db
      .updateTable('sms_queue')
      .set({
        status: giveUp ? 'failed' : 'queued',
        attempts,
        last_error: message,
        claimed_at: null,
        to_e164: text.mobile_e164,
        ...(retryAt && !giveUp ? { next_attempt_at: retryAt.toISOString() } : {}),
      })
      .where('id', '=', id)
      .execute();
    return giveUp ? 'failed' : 'retrying';
  }
  await db
    .updateTable('sms_queue')
    .set({ status: 'sent', attempts, last_error: null, claimed_at: null, sent_at: now.toISOString(), to_e164: text.mobile_e164 })
    .where('id', '=', id)
    .execute();
  return 'sent';
}

import type { DbOrTx } from '../../db/database.js';
import type { AlertRecipientReason } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

export interface Recipient {
  userId: string;
  reason: AlertRecipientReason;
}

/**
 * Sends an alert to people, in the caller's transaction: each becomes one of the alert's
 * recipients (they answer for it from then on) and gets one delivery attempt per channel they can
 * be reached on — in-app (the queue, live over the socket: recorded as sent), Web Push to each of
 * their devices, SMS when they have a mobile, and e-mail always. The delivery job sends the queued
 * attempts. People already sent this alert are skipped; returns those newly added.
 */
export async function sendAlertTo(db: DbOrTx, alertId: string, recipients: readonly Recipient[], step: number, now: Date): Promise<string[]> {
  const already = new Set((await db.selectFrom('alert_recipients').select('user_id').where('alert_id', '=', alertId).execute()).map((r) => r.user_id));
  const fresh: Recipient[] = [];
  for (const r of recipients) {
    if (already.has(r.userId)) continue;
    already.add(r.userId);
    fresh.push(r);
  }
  if (fresh.length === 0) return [];
  const at = now.toISOString();
  const added: string[] = [];
  for (const recipient of fresh) {
    const queued = await queueAttempts(db, alertId, [recipient.userId], step, now);
    if (!queued.length) continue;
    await db.insertInto('alert_recipients').values({ alert_id: alertId, user_id: recipient.userId, reason: recipient.reason, step, added_at: at }).execute();
    added.push(recipient.userId);
  }
  return added;
}

/** One attempt per channel for each active person (in-app recorded as sent; push, SMS, e-mail queued); returns who was reached. */
async function queueAttempts(db: DbOrTx, alertId: string, userIds: readonly string[], step: number, now: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const [users, subscriptions] = await Promise.all([
    db.selectFrom('users').select(['id', 'email', 'mobile_e164']).where('id', 'in', userIds).where('status', '=', 'active').execute(),
    db.selectFrom('push_subscriptions').select(['id', 'user_id']).where('user_id', 'in', userIds).orderBy('created_at').execute(),
  ]);
  const at = now.toISOString();
  const reached: string[] = [];
  for (const user of users) {
    const base = { alert_id: alertId, step, recipient_id: user.id, error: null, claimed_at: null, queued_at: at };
    const rows = [
      { ...base, id: newId(), channel: 'in_app' as const, target: 'alert queue', status: 'sent' as const, attempted_at: at, latency_ms: 0 },
      ...subscriptions
        .filter((s) => s.user_id === user.id)
        .map((s) => ({ ...base, id: newId(), channel: 'push' as const, target: s.id, status: 'queued' as const, attempted_at: null, latency_ms: null })),
      ...(user.mobile_e164 ? [{ ...base, id: newId(), channel: 'sms' as const, target: user.mobile_e164, status: 'queued' as const, attempted_at: null, latency_ms: null }] : []),
      { ...base, id: newId(), channel: 'email' as const, target: user.email, status: 'queued' as const, attempted_at: null, latency_ms: null },
    ];
    await db.insertInto('alert_deliveries').values(rows).execute();
    reached.push(user.id);
  }
  return reached;
}

/**
 * A folded alert that rose from concern to urgent: everyone who already has it is sent it again
 * (the messages say "urgent" now), on every channel, at the alert's current step.
 */
export async function resendToRecipients(db: DbOrTx, alertId: string, step: number, now: Date): Promise<void> {
  const recipients = await db.selectFrom('alert_recipients').select('user_id').where('alert_id', '=', alertId).execute();
  await queueAttempts(
    db,
    alertId,
    recipients.map((r) => r.user_id),
    step,
    now,
  );
}

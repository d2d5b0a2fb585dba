import type { DbOrTx } from '../../db/database.js';
import type { NotificationKind } from '../../db/schema.js';
import { cancelQueuedTexts } from './text-queue.js';

/**
 * Each person's notification preferences: e-mail (and, for session reminders, text message) on
 * or off per kind. Session reminders are per person opt-in (issue 16): off until the person turns
 * them on, since an e-mail about a session may reach a shared inbox. Questionnaire reminders are
 * gentle (at most weekly, none naming the questionnaire) and on until turned off. Staff's session
 * digest by e-mail is on until turned off (its in-app notice always comes). Alerts are not here:
 * they cannot be switched off. A row exists only once someone has chosen.
 */
export const NOTIFICATION_KINDS = ['session_reminder', 'measure_reminder', 'session_digest'] as const satisfies readonly NotificationKind[];
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = { session_reminder: false, measure_reminder: true, session_digest: true };

export interface Channels {
  email: boolean;
  sms: boolean;
}

/** The person's choice per kind, defaults filled in (text messages are always opt-in). */
export async function preferencesOf(db: DbOrTx, userId: string): Promise<Record<NotificationKind, Channels>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'email', 'sms']).where('user_id', '=', userId).execute();
  const chosen = new Map(rows.map((r) => [r.kind, { email: r.email === 1, sms: r.sms === 1 }]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? { email: EMAIL_BY_DEFAULT[kind], sms: false }])) as Record<NotificationKind, Channels>;
}

/** Whether this person wants this kind of notification by e-mail. */
export async function wantsEmail(db: DbOrTx, userId: string, kind: NotificationKind): Promise<boolean> {
  const row = await db.selectFrom('notification_preferences').select('email').where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
  return row ? row.email === 1 : EMAIL_BY_DEFAULT[kind];
}

/**
 * Turns text messages off for every kind the person had them on (their mobile number was
 * removed), in the caller's transaction, and cancels their texts still queued; returns the kinds
 * switched off. E-mail choices stay as they were.
 */
export async function turnOffTexts(db: DbOrTx, userId: string, now: Date): Promise<NotificationKind[]> {
  const on = await db.selectFrom('notification_preferences').select('kind').where('user_id', '=', userId).where('sms', '=', 1).execute();
  if (on.length) await db.updateTable('notification_preferences').set({ sms: 0, updated_at: now.toISOString() }).where('user_id', '=', userId).where('sms', '=', 1).execute();
  await cancelQueuedTexts(db, userId, 'The mobile number was removed.');
  return on.map((r) => r.kind);
}

import type { DbOrTx } from '../../db/database.js';
import type { ReminderKind } from '../../db/schema.js';

/**
 * Each person's notification preferences: e-mail on or off per kind of reminder. Session
 * reminders are per person opt-in (issue 16): off until the person turns them on, since an e-mail
 * about a session may reach a shared inbox. Questionnaire reminders are gentle (at most weekly,
 * none naming the questionnaire) and on until turned off. A row exists only once someone has chosen.
 */
export const REMINDER_KINDS = ['session_reminder', 'measure_reminder'] as const satisfies readonly ReminderKind[];
export const EMAIL_BY_DEFAULT: Record<ReminderKind, boolean> = { session_reminder: false, measure_reminder: true };

/** The person's choice per kind, defaults filled in. */
export async function preferencesOf(db: DbOrTx, userId: string): Promise<Record<ReminderKind, { email: boolean }>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'email']).where('user_id', '=', userId).execute();
  const chosen = new Map(rows.map((r) => [r.kind, r.email === 1]));
  return Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, { email: chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind] }])) as Record<ReminderKind, { email: boolean }>;
}

/** Whether this person wants this kind of reminder by e-mail. */
export async function wantsEmail(db: DbOrTx, userId: string, kind: ReminderKind): Promise<boolean> {
  const row = await db.selectFrom('notification_preferences').select('email').where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
  return row ? row.email === 1 : EMAIL_BY_DEFAULT[kind];
}

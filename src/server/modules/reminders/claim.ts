import type { DbOrTx } from '../../db/database.js';
import type { ReminderKind } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/**
 * Claims one reminder (person × kind × subject × slot) in the caller's transaction: the claim's id
 * for the one caller that inserted it, null for every other attempt — a later run, a restarted
 * instance, or another instance at the same moment (the unique constraint decides).
 */
export async function claimReminder(db: DbOrTx, reminder: { userId: string; kind: ReminderKind; subjectRef: string; slot: string }, now: Date): Promise<string | null> {
  const id = newId();
  const inserted = await db
    .insertInto('reminder_sends')
    .values({ id, user_id: reminder.userId, kind: reminder.kind, subject_ref: reminder.subjectRef, slot: reminder.slot, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'subject_ref', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 ? id : null;
}

/** What the reminder jobs need from the service's configuration. */
export interface ReminderSettings {
  smtpConfigured: boolean;
  /** HEARTH_PUBLIC_URL: where links point; without it the e-mail says where to look after signing in. */
  publicUrl: string | undefined;
  serviceName: string;
  locale: string;
  timeZone: string;
  /**
   * Whether an SMS gateway is configured (HEARTH_SMS_HTTP_URL): session reminders by text message
   * are then queued in `sms_queue` (text-queue.ts), never sent into the development outbox.
   */
  textsConfigured?: boolean;
}

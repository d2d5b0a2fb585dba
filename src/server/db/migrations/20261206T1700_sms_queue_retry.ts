import { sql, type Kysely } from 'kysely';

/**
 * Text messages that survive a failing gateway (issue 16): reminder texts are queued in
 * `sms_queue` in the transaction that claims the reminder, then sent by the jobs with bounded
 * retries and exponential backoff (`next_attempt_at`), claimed row by row so two instances never
 * send one twice, and marked failed (or cancelled: the number was removed, the choice withdrawn,
 * the session began) for administrators to see. Queued e-mail waits for `next_attempt_at` too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sms_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The reminder this text belongs to: at most one text per claimed reminder.
    .addColumn('reminder_send_id', 'text', (c) => c.notNull().unique().references('reminder_sends.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_reminder')`))
    // The number it was (last) sent to: the person's mobile, read again before each attempt.
    .addColumn('to_e164', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','sending','sent','failed','cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // After this moment the text is pointless (the session has begun): failed, not sent late.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('sms_queue_due').on('sms_queue').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('sms_queue_user').on('sms_queue').columns(['user_id', 'status']).execute();
  await db.schema.alterTable('mail_outbox').addColumn('next_attempt_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('next_attempt_at').execute();
  await db.schema.dropTable('sms_queue').execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Between-session digests for facilitators (one per session, built before it starts) and the
 * outgoing mail outbox: every e-mail is queued here in the transaction that decided to send it,
 * then delivered over SMTP when the service has SMTP settings, or kept for administrators to read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique: when several instances look for due digests at once, only one builds each.
    .addColumn('session_id', 'text', (c) => c.notNull().unique().references('group_sessions.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    // JSON: the digest's sections as built (held posts, tagged posts, celebrations, alerts, attendance risks).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_digests_group').on('session_digests').columns(['group_id', 'created_at']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','sending','sent','failed','outbox')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_status').on('mail_outbox').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('session_digests').execute();
}

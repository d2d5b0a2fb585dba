import { sql, type Kysely } from 'kysely';

/**
 * Mail that goes out (issue 16 item 1): an HTML part beside the plain text of every e-mail;
 * links that answer an offer without signing in (only the token's hash is stored, single-use,
 * expiring with the offer); each person's notification preferences (e-mail on/off per kind);
 * and one row per reminder sent — unique per person, kind, subject and slot, so two instances
 * or a restart never send a reminder twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('body_html', 'text').execute();

  await db.schema
    .createTable('offer_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    // sha256 of the random token in the link: the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('answer', 'text', (c) => c.check(sql`answer in ('accepted','declined')`))
    .execute();
  await db.schema.createIndex('offer_links_referral').on('offer_links').column('referral_id').execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_reminder','measure_reminder')`))
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('reminder_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_reminder','measure_reminder')`))
    // The session's id, or the questionnaire's code for a due questionnaire.
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    // '24h' / '2h' before a session; the week number for a due questionnaire (at most weekly).
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_sends_once', ['user_id', 'kind', 'subject_ref', 'slot'])
    .execute();
  await db.schema.createIndex('reminder_sends_user_kind').on('reminder_sends').columns(['user_id', 'kind', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_sends').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('offer_links').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('body_html').execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * The notification-preferences page (issue 16): a text-message channel beside e-mail for each kind
 * a person may choose (offered only where an SMS gateway is configured), and staff's session
 * digest by e-mail as a kind of its own. SQLite cannot change a CHECK constraint in place, so the
 * table is rebuilt on both databases with its rows copied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences_v2')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_reminder','measure_reminder','session_digest')`))
    .addColumn('email', 'integer', (c) => c.notNull())
    // 0/1: by text message to the account's mobile number as well.
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_v2_pk', ['user_id', 'kind'])
    .execute();
  await sql`insert into notification_preferences_v2 (user_id, kind, email, sms, updated_at) select user_id, kind, email, 0, updated_at from notification_preferences`.execute(db);
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('notification_preferences_v2').renameTo('notification_preferences').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences_v1')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session_reminder','measure_reminder')`))
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();
  await sql`insert into notification_preferences_v1 (user_id, kind, email, updated_at) select user_id, kind, email, updated_at from notification_preferences where kind <> 'session_digest'`.execute(
    db,
  );
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('notification_preferences_v1').renameTo('notification_preferences').execute();
}

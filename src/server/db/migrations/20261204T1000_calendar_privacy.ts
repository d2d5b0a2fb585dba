import type { Kysely } from 'kysely';

// calendar_preferences: what a person lets their calendar feed show beyond the discreet default
// (the service's neutral event title, no service name, no place). One row per person, kept when
// they make a new feed link; no row means the discreet default.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // 0/1: show the session's place (the group's address) as the event's location.
    .addColumn('show_location', 'integer', (c) => c.notNull())
    // 0/1: name the service in the event title, the calendar's name and the description.
    .addColumn('show_service_name', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_preferences').execute();
}

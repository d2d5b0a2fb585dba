import type { Kysely } from 'kysely';

// home_preferences: what a participant chose to see on their home. One row per person; no row
// means the default (every card shown). Today it holds only "Your connections" (issue 14 item 4).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('home_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // 0/1: show the "Your connections" card (hidden means the home never asks for it).
    .addColumn('show_connections', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('home_preferences').execute();
}

import type { Kysely } from 'kysely';

/** Remembers the slot a moved session came from, so regenerating a schedule never recreates it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('group_sessions').addColumn('original_starts_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('group_sessions').dropColumn('original_starts_at').execute();
}

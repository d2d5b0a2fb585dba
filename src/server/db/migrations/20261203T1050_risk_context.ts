import type { Kysely } from 'kysely';

// The risk detector reads a member's own messages of the last 30 minutes in a group together with
// the new one (risk split across two messages); this index makes that a range read per post.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('space_posts_author_recent').on('space_posts').columns(['author_id', 'group_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('space_posts_author_recent').execute();
}

import type { Kysely } from 'kysely';

// The isolation early warning and the connection map read space posts by their member (a member's
// last post and recent posts) and by group and time (posts waiting unread, replies in a window).
// Without these, each of the 6,000 members of the issue-14 bench scanned every post of the
// service: the daily job took minutes instead of seconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('space_posts_enrolment_created').on('space_posts').columns(['enrolment_id', 'created_at']).execute();
  await db.schema.createIndex('space_posts_group_created').on('space_posts').columns(['group_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('space_posts_group_created').execute();
  await db.schema.dropIndex('space_posts_enrolment_created').execute();
}

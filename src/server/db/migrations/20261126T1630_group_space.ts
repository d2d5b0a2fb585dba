import { sql, type Kysely } from 'kysely';

/**
 * The group space: threads, posts and chat messages with a per-group sequence (resume and
 * unread counts), read markers, reports, mutes, blocks and "bring to group" tags.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per group: the last sequence number handed out. Updating it inside the inserting
  // transaction locks the row (PostgreSQL) or the database (SQLite), so sequence order is commit order.
  await db.schema
    .createTable('space_counters')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('space_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_enrolment', 'text', (c) => c.references('enrolments.id'))
    .addColumn('opening_post_id', 'text')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('space_threads_group').on('space_threads').columns(['group_id', 'created_at']).execute();

  await db.schema
    .createTable('space_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    // null: the group's live chat; otherwise a thread.
    .addColumn('thread_id', 'text', (c) => c.references('space_threads.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('post','message')`))
    // Position at creation (display order) and position of the latest change (resume stream).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('version_seq', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('author_role', 'text', (c) => c.notNull().check(sql`author_role in ('participant','clinician','admin')`))
    .addColumn('client_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reply_to_id', 'text')
    .addColumn('moderation_status', 'text', (c) => c.notNull().check(sql`moderation_status in ('published','held','rejected','removed')`))
    // JSON [{code,message}]: why it was held, for the author and the clinicians.
    .addColumn('moderation_reasons', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('space_posts_group_seq', ['group_id', 'seq'])
    .addUniqueConstraint('space_posts_client', ['author_id', 'client_id'])
    .execute();
  await db.schema.createIndex('space_posts_stream').on('space_posts').columns(['group_id', 'version_seq']).execute();
  await db.schema.createIndex('space_posts_thread').on('space_posts').columns(['group_id', 'thread_id', 'seq']).execute();

  await db.schema
    .createTable('space_read_markers')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    // 'chat' or a thread id.
    .addColumn('thread_key', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_read_markers_pk', ['user_id', 'group_id', 'thread_key'])
    .execute();

  await db.schema
    .createTable('space_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('space_posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('worried','agreement')`))
    .addColumn('note', 'text')
    .addColumn('alert_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('space_reports_once', ['post_id', 'reporter_id', 'kind'])
    .execute();

  await db.schema
    .createTable('space_mutes')
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('muted_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_mutes_pk', ['user_id', 'muted_enrolment_id'])
    .execute();

  await db.schema
    .createTable('space_blocks')
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('blocker_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('blocked_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_blocks_pk', ['blocker_enrolment_id', 'blocked_enrolment_id'])
    .execute();
  await db.schema.createIndex('space_blocks_blocked').on('space_blocks').columns(['blocked_enrolment_id']).execute();

  await db.schema
    .createTable('space_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('space_posts.id').onDelete('cascade'))
    .addColumn('tagged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text')
    // The next session at the time of tagging (null when none is scheduled yet).
    .addColumn('session_id', 'text', (c) => c.references('group_sessions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('space_tags_once', ['post_id', 'tagged_by'])
    .execute();
  await db.schema.createIndex('space_tags_group').on('space_tags').columns(['group_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['space_tags', 'space_blocks', 'space_mutes', 'space_reports', 'space_read_markers', 'space_posts', 'space_threads', 'space_counters']) {
    await db.schema.dropTable(table).execute();
  }
}

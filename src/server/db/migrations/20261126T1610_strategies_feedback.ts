import { sql, type Kysely } from 'kysely';

const moderationStatus = sql`moderation_status in ('published','held','rejected','removed')`;

/**
 * The peer exchange: coping strategies shared in a group and peers' marks on them, the
 * programme's curated coping library, appreciations to named peers, feedback requests with
 * their replies, and the "seen" markers of the participant home.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('strategies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('when_helps', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('moderation_status', 'text', (c) => c.notNull().check(moderationStatus))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('strategies_group_created').on('strategies').columns(['group_id', 'created_at']).execute();
  await db.schema.createIndex('strategies_enrolment').on('strategies').columns(['enrolment_id', 'created_at']).execute();

  await db.schema
    .createTable('strategy_marks')
    .addColumn('strategy_id', 'text', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('try','helped','didnt_help')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_marks_pk', ['strategy_id', 'enrolment_id'])
    .execute();
  await db.schema.createIndex('strategy_marks_enrolment').on('strategy_marks').columns(['enrolment_id', 'updated_at']).execute();

  await db.schema
    .createTable('library_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('strategy_id', 'text', (c) => c.references('strategies.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('when_helps', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull().check(sql`credit in ('pseudonym','anonymous')`))
    .addColumn('credit_name', 'text')
    .addColumn('evidence_note', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','removed')`))
    .addColumn('curated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('curated_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text', (c) => c.references('users.id'))
    .addColumn('removed_at', 'text')
    .addColumn('removal_reason', 'text')
    .execute();
  await db.schema.createIndex('library_entries_programme').on('library_entries').columns(['programme_id', 'status', 'curated_at']).execute();
  // One active library entry per shared strategy: curating twice is refused, not duplicated.
  await db.schema.createIndex('library_entries_strategy').on('library_entries').column('strategy_id').unique().where(sql.ref('status'), '=', 'active').execute();

  await db.schema
    .createTable('appreciations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('sender_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('session_id', 'text', (c) => c.references('group_sessions.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('moderation_status', 'text', (c) => c.notNull().check(moderationStatus))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appreciations_group_created').on('appreciations').columns(['group_id', 'created_at']).execute();
  await db.schema.createIndex('appreciations_sender').on('appreciations').columns(['sender_enrolment_id', 'created_at']).execute();

  await db.schema
    .createTable('appreciation_recipients')
    .addColumn('appreciation_id', 'text', (c) => c.notNull().references('appreciations.id').onDelete('cascade'))
    .addColumn('recipient_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appreciation_recipients_pk', ['appreciation_id', 'recipient_enrolment_id'])
    .execute();
  await db.schema.createIndex('appreciation_recipients_recipient').on('appreciation_recipients').columns(['recipient_id', 'created_at']).execute();
  await db.schema.createIndex('appreciation_recipients_enrolment').on('appreciation_recipients').columns(['recipient_enrolment_id', 'created_at']).execute();

  // Feedback requests and the replies to them share one table (parent_id null = a request), so
  // one moderation kind covers both.
  await db.schema
    .createTable('feedback_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('feedback_items.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('moderation_status', 'text', (c) => c.notNull().check(moderationStatus))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_items_group_created').on('feedback_items').columns(['group_id', 'parent_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_items_parent').on('feedback_items').columns(['parent_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_items_enrolment').on('feedback_items').columns(['enrolment_id', 'created_at']).execute();

  await db.schema
    .createTable('seen_markers')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('marker', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('seen_markers_pk', ['user_id', 'marker'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['seen_markers', 'feedback_items', 'appreciation_recipients', 'appreciations', 'library_entries', 'strategy_marks', 'strategies']) {
    await db.schema.dropTable(table).execute();
  }
}

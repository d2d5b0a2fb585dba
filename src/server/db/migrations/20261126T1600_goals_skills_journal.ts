import { sql, type Kysely } from 'kysely';

const MODERATION = sql`moderation_status is null or moderation_status in ('published','held','rejected','removed')`;

/** Goals (check-ins, milestones, celebration cards), the skills practice log, the journal, supportive reactions. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('support_needed', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('private','clinicians','group')`))
    // The group a goal is shared with (visibility 'group' only) and its moderation state there.
    .addColumn('shared_group_id', 'text', (c) => c.references('therapy_groups.id').onDelete('set null'))
    .addColumn('shared_enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('moderation_status', 'text', (c) => c.check(MODERATION))
    .addColumn('shared_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','achieved','closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_participant').on('goals').columns(['participant_id', 'created_at']).execute();
  await db.schema.createIndex('goals_shared_group').on('goals').columns(['shared_group_id', 'shared_at']).execute();

  await db.schema
    .createTable('goal_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('progress', 'text', (c) => c.notNull().check(sql`progress in ('not_yet','some','most','done')`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_checkins_goal').on('goal_checkins').columns(['goal_id', 'created_at']).execute();

  await db.schema
    .createTable('goal_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'text')
    .addColumn('reached_note', 'text')
    .addUniqueConstraint('goal_milestones_position', ['goal_id', 'position'])
    .execute();

  await db.schema
    .createTable('celebrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('goal_milestones.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('detail', 'text', (c) => c.notNull().check(sql`detail in ('reached','title','title_note')`))
    .addColumn('title', 'text')
    .addColumn('note', 'text')
    .addColumn('moderation_status', 'text', (c) => c.notNull().check(MODERATION))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  // One card per milestone, ever posted or withdrawn: sharing twice is refused, not duplicated.
  await db.schema.createIndex('celebrations_milestone').on('celebrations').column('milestone_id').unique().execute();
  await db.schema.createIndex('celebrations_group').on('celebrations').columns(['group_id', 'created_at']).execute();

  await db.schema
    .createTable('skill_practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('tried', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('shared_group_id', 'text', (c) => c.references('therapy_groups.id').onDelete('set null'))
    .addColumn('shared_enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('moderation_status', 'text', (c) => c.check(MODERATION))
    .addColumn('shared_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_practices_participant').on('skill_practices').columns(['participant_id', 'created_at']).execute();
  await db.schema.createIndex('skill_practices_shared_group').on('skill_practices').columns(['shared_group_id', 'shared_at']).execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('prompt', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('shared_with_clinician_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_entries_participant').on('journal_entries').columns(['participant_id', 'created_at']).execute();

  await db.schema
    .createTable('supportive_reactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('celebration','skill_practice')`))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('reactor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reactor_enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull().check(sql`reaction in ('clap','heart','growing','proud')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supportive_reactions_once', ['target_kind', 'target_id', 'reactor_id', 'reaction'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['supportive_reactions', 'journal_entries', 'skill_practices', 'celebrations', 'goal_milestones', 'goal_checkins', 'goals']) {
    await db.schema.dropTable(table).execute();
  }
}

import { sql, type Kysely } from 'kysely';

// Landed migrations are never edited: add a new timestamped file instead.

/** Curriculum and agreements, group scheduling, the referral pathway, sessions, attendance, notes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('skill_focus', 'text', (c) => c.notNull())
    .addColumn('exercises', 'text', (c) => c.notNull())
    .addColumn('reflection_prompts', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_plans_position', ['programme_id', 'position'])
    .execute();

  await db.schema
    .createTable('group_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('group_agreements_version', ['programme_id', 'version'])
    .execute();

  for (const [column, type, fallback] of [
    ['kind', 'text', sql`'closed'`],
    ['capacity', 'integer', sql`12`],
    ['min_size', 'integer', sql`4`],
    ['timezone', 'text', sql`'UTC'`],
    ['duration_minutes', 'integer', sql`90`],
    ['billing_code', 'text', sql`'90853'`],
  ] as const) {
    await db.schema
      .alterTable('therapy_groups')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }
  for (const column of ['rrule', 'first_session_local', 'location', 'meeting_url', 'updated_at']) {
    await db.schema.alterTable('therapy_groups').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_email', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('users.id'))
    .addColumn('referred_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('suitability', 'text')
    .addColumn('intake_notes', 'text')
    .addColumn('screened_by', 'text', (c) => c.references('users.id'))
    .addColumn('screened_at', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlisted_at', 'text')
    .addColumn('offered_at', 'text')
    .addColumn('offer_expires_at', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('enrolment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_group_status').on('referrals').columns(['group_id', 'status']).execute();
  await db.schema.createIndex('referrals_referred_by').on('referrals').columns(['referred_by', 'created_at']).execute();
  await db.schema.createIndex('referrals_participant').on('referrals').column('participant_id').execute();

  for (const column of ['referral_id', 'status_reason', 'status_changed_at', 'agreement_version', 'agreement_accepted_at']) {
    await db.schema
      .alterTable('enrolments')
      .addColumn(column, column === 'agreement_version' ? 'integer' : 'text')
      .execute();
  }

  await db.schema
    .createTable('agreement_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('group_agreements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.references('session_plans.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled','held','cancelled')`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('schedule','manual')`))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('group_sessions_group_start').on('group_sessions').columns(['group_id', 'starts_at']).execute();

  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('group_sessions.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present','late','left_early','excused','absent')`))
    .addColumn('minutes', 'integer')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'enrolment_id'])
    .execute();
  await db.schema.createIndex('attendance_enrolment').on('attendance').columns(['enrolment_id', 'session_id']).execute();

  await db.schema
    .createTable('group_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().unique().references('group_sessions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','signed')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('interventions', 'text', (c) => c.notNull())
    .addColumn('group_process', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', 'text')
    .addColumn('cosigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('cosigned_at', 'text')
    .execute();

  await db.schema
    .createTable('note_member_entries')
    .addColumn('note_id', 'text', (c) => c.notNull().references('group_notes.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('note_member_entries_pk', ['note_id', 'enrolment_id'])
    .execute();
  await db.schema.createIndex('note_member_entries_enrolment').on('note_member_entries').column('enrolment_id').execute();

  await db.schema
    .createTable('note_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('note_id', 'text', (c) => c.notNull().references('group_notes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('note_versions_version', ['note_id', 'version'])
    .execute();

  await db.schema
    .createTable('note_addenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('note_id', 'text', (c) => c.notNull().references('group_notes.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('break_glass_user_group').on('break_glass_grants').columns(['user_id', 'group_id', 'expires_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_feeds',
    'notifications',
    'break_glass_grants',
    'note_addenda',
    'note_versions',
    'note_member_entries',
    'group_notes',
    'attendance',
    'group_sessions',
    'agreement_acceptances',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['agreement_accepted_at', 'agreement_version', 'status_changed_at', 'status_reason', 'referral_id']) {
    await db.schema.alterTable('enrolments').dropColumn(column).execute();
  }
  await db.schema.dropTable('referrals').execute();
  for (const column of ['updated_at', 'meeting_url', 'location', 'first_session_local', 'rrule', 'billing_code', 'duration_minutes', 'timezone', 'min_size', 'capacity', 'kind']) {
    await db.schema.alterTable('therapy_groups').dropColumn(column).execute();
  }
  await db.schema.dropTable('group_agreements').execute();
  await db.schema.dropTable('session_plans').execute();
}

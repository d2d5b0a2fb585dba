import { sql, type Kysely } from 'kysely';

// The isolation early warning (issue 14). isolation_snapshots: one row per active member per day,
// written by the daily job, with the signal figures of that day (JSON) and the level they gave —
// the trend a flag shows is read from here, not recomputed. isolation_flags: a member flagged
// `watch` or `reach_out`, with the signals behind it (JSON), kept after a facilitator records
// "reached out" or "dismissed, because …" (which snoozes the member until `snoozed_until`), or
// after the signals cleared by themselves. One open flag per member: a partial unique index.
// isolation_runs: one row per day the job ran (its primary key lets one instance claim the day).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('isolation_snapshots')
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('none','watch','reach_out')`))
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('isolation_snapshots_pk', ['enrolment_id', 'day'])
    .execute();
  await db.schema.createIndex('isolation_snapshots_group_day').on('isolation_snapshots').columns(['group_id', 'day']).execute();
  await db.schema
    .createTable('isolation_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('watch','reach_out')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','reached_out','dismissed','cleared')`))
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('snoozed_until', 'text')
    .execute();
  await db.schema.createIndex('isolation_flags_group_status').on('isolation_flags').columns(['group_id', 'status']).execute();
  await db.schema.createIndex('isolation_flags_enrolment').on('isolation_flags').columns(['enrolment_id', 'raised_at']).execute();
  // The same statement on both databases: a partial unique index.
  await sql`create unique index isolation_flags_one_open on isolation_flags (enrolment_id) where status = 'open'`.execute(db);
  await db.schema
    .createTable('isolation_runs')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('isolation_runs').execute();
  await db.schema.dropTable('isolation_flags').execute();
  await db.schema.dropTable('isolation_snapshots').execute();
}

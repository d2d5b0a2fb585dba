import { sql, type Kysely } from 'kysely';

/**
 * The service outcome report needs every participant's first and last score. Scanning 200,000
 * responses for them took ~115 ms of SQLite CPU per report (10,000 participants × 20); a course
 * row per participant, instrument and group, kept up to date on every submission, makes it a read
 * of 10,000 small rows. Reports limited to dates still read the responses, so they get a covering
 * index (which starts with the old one's columns, so that one goes), and attendance summaries a
 * covering index too (240 → 29 ms for every enrolment's rate).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_courses')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    // '' when the responses were given outside any group (a primary key cannot hold NULL).
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('first_total', 'real', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('last_total', 'real', (c) => c.notNull())
    .addColumn('last_enrolment_id', 'text')
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_courses_pk', ['participant_id', 'instrument_code', 'group_key'])
    .execute();
  await db.schema.createIndex('measure_courses_instrument_group').on('measure_courses').columns(['instrument_code', 'group_key']).execute();
  await sql`
    insert into measure_courses (participant_id, instrument_code, group_key, first_at, first_total, last_at, last_total, last_enrolment_id, responses)
    select x.participant_id, x.instrument_code, x.group_key, x.first_at,
      (select f.total from measure_responses f where f.participant_id = x.participant_id and f.instrument_code = x.instrument_code and coalesce(f.group_id, '') = x.group_key and f.submitted_at = x.first_at order by f.id limit 1),
      x.last_at,
      (select l.total from measure_responses l where l.participant_id = x.participant_id and l.instrument_code = x.instrument_code and coalesce(l.group_id, '') = x.group_key and l.submitted_at = x.last_at order by l.id limit 1),
      (select l.enrolment_id from measure_responses l where l.participant_id = x.participant_id and l.instrument_code = x.instrument_code and coalesce(l.group_id, '') = x.group_key and l.submitted_at = x.last_at order by l.id limit 1),
      x.responses
    from (
      select participant_id, instrument_code, coalesce(group_id, '') as group_key, min(submitted_at) as first_at, max(submitted_at) as last_at, count(*) as responses
      from measure_responses
      group by participant_id, instrument_code, coalesce(group_id, '')
    ) x`.execute(db);

  await db.schema
    .createIndex('measure_responses_participant_course')
    .on('measure_responses')
    .columns(['participant_id', 'instrument_code', 'submitted_at', 'total', 'enrolment_id'])
    .execute();
  await db.schema.dropIndex('measure_responses_participant').execute();
  await db.schema.createIndex('attendance_enrolment_status').on('attendance').columns(['enrolment_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attendance_enrolment_status').execute();
  await db.schema.createIndex('measure_responses_participant').on('measure_responses').columns(['participant_id', 'instrument_code', 'submitted_at']).execute();
  await db.schema.dropIndex('measure_responses_participant_course').execute();
  await db.schema.dropTable('measure_courses').execute();
}

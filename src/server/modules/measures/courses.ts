import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

export interface CourseStep {
  participantId: string;
  instrumentCode: string;
  groupId: string | null;
  enrolmentId: string | null;
  total: number;
  submittedAt: string;
}

/**
 * Keeps the participant's course on this instrument in this group up to date with a new response
 * (first and last score, count), in the submitting transaction. An out-of-order timestamp only
 * moves the end it belongs to, so the row always matches the responses.
 */
export async function recordCourseStep(db: DbOrTx, step: CourseStep): Promise<void> {
  await db
    .insertInto('measure_courses')
    .values({
      participant_id: step.participantId,
      instrument_code: step.instrumentCode,
      group_key: step.groupId ?? '',
      first_at: step.submittedAt,
      first_total: step.total,
      last_at: step.submittedAt,
      last_total: step.total,
      last_enrolment_id: step.enrolmentId,
      responses: 1,
    })
    .onConflict((oc) =>
      oc.columns(['participant_id', 'instrument_code', 'group_key']).doUpdateSet({
        first_total: sql`case when excluded.first_at < measure_courses.first_at then excluded.first_total else measure_courses.first_total end`,
        first_at: sql`case when excluded.first_at < measure_courses.first_at then excluded.first_at else measure_courses.first_at end`,
        last_total: sql`case when excluded.last_at >= measure_courses.last_at then excluded.last_total else measure_courses.last_total end`,
        last_enrolment_id: sql`case when excluded.last_at >= measure_courses.last_at then excluded.last_enrolment_id else measure_courses.last_enrolment_id end`,
        last_at: sql`case when excluded.last_at >= measure_courses.last_at then excluded.last_at else measure_courses.last_at end`,
        responses: sql`measure_courses.responses + 1`,
      }),
    )
    .execute();
}

/** Rebuilds every course from the responses (after a bulk load that bypassed submission). */
export async function rebuildCourses(db: DbOrTx): Promise<void> {
  await db.deleteFrom('measure_courses').execute();
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
}

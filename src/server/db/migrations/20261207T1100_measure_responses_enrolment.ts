import type { Kysely } from 'kysely';

/**
 * A member's questionnaire answers by enrolment and time: the daily isolation early warning reads
 * each group's members' recent PHQ-9 and loneliness answers group by group, and without this index
 * each group's read scanned every answer of the service (120,000 rows at 10,000 participants).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('measure_responses_enrolment').on('measure_responses').columns(['enrolment_id', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('measure_responses_enrolment').execute();
}

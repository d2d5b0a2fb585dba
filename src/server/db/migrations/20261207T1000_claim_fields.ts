import type { Kysely } from 'kysely';

/**
 * What a claim needs beyond the billing lines (issue 15 item 4), recorded only where a service
 * bills: the diagnosis code of an enrolment (ICD-10, as the referral or assessment gave it), the
 * person's date of birth, the facilitator's professional identifier (NPI, GMC, HCPC… number) and
 * the place of service of a group. All optional: a column a service never fills stays out of the
 * billing export by default.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // ICD-10 as typed by a clinician, normalised to upper case (F41.1).
  await db.schema.alterTable('enrolments').addColumn('diagnosis_code', 'text').execute();
  // The claim's place of service for this group's sessions (e.g. CMS code 53, 02 for telehealth).
  await db.schema.alterTable('therapy_groups').addColumn('place_of_service', 'text').execute();
  // One row per participant whose date of birth was recorded (YYYY-MM-DD).
  await db.schema
    .createTable('participant_profiles')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('date_of_birth', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  // One row per staff member whose professional identifier was recorded.
  await db.schema
    .createTable('staff_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('professional_identifier', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_profiles').execute();
  await db.schema.dropTable('participant_profiles').execute();
  await db.schema.alterTable('therapy_groups').dropColumn('place_of_service').execute();
  await db.schema.alterTable('enrolments').dropColumn('diagnosis_code').execute();
}

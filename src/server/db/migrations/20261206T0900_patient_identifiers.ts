import type { Kysely } from 'kysely';

/**
 * A person's identifiers in the service's other systems (issue 15): the local record number (an
 * NHS number, an MRN) under its FHIR identifier system, entered at referral or intake and carried
 * on the exported Patient. Like contact details, one taken at referral for someone without an
 * account lives on the referral's row until the offer is accepted, then on the participant's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('patient_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Exactly one of the two is set: referral_id while the person is only referred.
    .addColumn('participant_id', 'text', (c) => c.references('users.id'))
    .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
    // The FHIR identifier system in force when the value was entered (HEARTH_RECORD_NUMBER_SYSTEM).
    .addColumn('system', 'text', (c) => c.notNull())
    // Normalised: an NHS number as its 10 digits, without spaces.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  // One value per system per person (or referral); NULLs are distinct on both databases.
  await db.schema.createIndex('patient_identifiers_participant_system').on('patient_identifiers').columns(['participant_id', 'system']).unique().execute();
  await db.schema.createIndex('patient_identifiers_referral_system').on('patient_identifiers').columns(['referral_id', 'system']).unique().execute();
  // Looking a person up by their number (and spotting a number already held by someone else).
  await db.schema.createIndex('patient_identifiers_system_value').on('patient_identifiers').columns(['system', 'value']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('patient_identifiers').execute();
}

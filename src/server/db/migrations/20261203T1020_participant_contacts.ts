import type { Kysely } from 'kysely';

/**
 * How to reach a member: phone numbers (E.164), preferred contact method and times, an emergency
 * contact with the member's consent (and when it was recorded), GP / primary-care details and a
 * clinicians' note on contact risks. One row per participant; details entered at referral for
 * someone who has no account yet live on the referral's row until the offer is accepted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participant_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Exactly one of the two is set while the person is only referred; participant_id once they have an account.
    .addColumn('participant_id', 'text', (c) => c.unique().references('users.id'))
    .addColumn('referral_id', 'text', (c) => c.unique().references('referrals.id'))
    .addColumn('mobile_phone', 'text')
    .addColumn('home_phone', 'text')
    // phone | sms | email | letter
    .addColumn('preferred_method', 'text')
    .addColumn('preferred_times', 'text')
    .addColumn('emergency_name', 'text')
    .addColumn('emergency_relation', 'text')
    .addColumn('emergency_phone', 'text')
    // 0/1, null while the member has not said; the member's own decision.
    .addColumn('emergency_consent', 'integer')
    .addColumn('emergency_consent_at', 'text')
    .addColumn('gp_practice', 'text')
    .addColumn('gp_name', 'text')
    .addColumn('gp_phone', 'text')
    .addColumn('gp_address', 'text')
    .addColumn('contact_risk_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participant_contacts').execute();
}

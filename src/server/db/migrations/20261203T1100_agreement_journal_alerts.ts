import type { Kysely } from 'kysely';

// Each version of a group agreement records whether the service then alerted clinicians about risk
// noticed in a member's private journal (setting 'risk.journal_alerts'), so the agreement a member
// accepted states what was true when they accepted it. Existing versions were made with it off.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('group_agreements')
    .addColumn('journal_alerts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('group_agreements').dropColumn('journal_alerts').execute();
}

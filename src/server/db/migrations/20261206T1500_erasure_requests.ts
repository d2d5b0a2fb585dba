import type { Kysely } from 'kysely';

/**
 * Erasure requests processed by an administrator (issue 15 item 3): one row per erased person,
 * with the retention policy in force and the report of what was kept (and why) and what was
 * removed, so the report can be downloaded again later. The person's account row stays,
 * de-identified, because what retention keeps (signed notes, scores, audit) still points at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One erasure per person: a second is refused (already_erased).
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    // Why (the request's reference or how it was received), as the administrator wrote it.
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON: the retention policy applied ({clinicalRecord, measures}: keep | erase).
    .addColumn('policy', 'text', (c) => c.notNull())
    // JSON: the report (what was kept and why, what was removed or anonymised, counts per kind).
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erasure_requests').execute();
}

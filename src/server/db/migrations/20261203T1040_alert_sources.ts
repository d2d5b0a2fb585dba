import { sql, type Kysely } from 'kysely';

/**
 * Every item behind an alert. Risk alerts about the same member within a short window fold into
 * one open alert ("one card per situation"), so an alert can stand for several messages; each
 * keeps its own tier and time here. alerts.source_type/source_id stay as the first source.
 * Backfill: one row per existing alert.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_sources')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('concern','urgent')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_sources_pk', ['alert_id', 'source_type', 'source_id'])
    .execute();
  // The fold looks up a member's open alert by its latest source; the consistency checks by item.
  await db.schema.createIndex('alert_sources_source').on('alert_sources').columns(['source_type', 'source_id']).execute();
  await sql`insert into alert_sources (alert_id, source_type, source_id, tier, created_at) select id, source_type, source_id, tier, created_at from alerts`.execute(db);
}

/** The first source of each alert is still on the alert itself; later folded sources are lost. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_sources').execute();
}

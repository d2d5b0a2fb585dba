import type { Kysely } from 'kysely';

// health_probe: the one row /api/health/ready writes to prove the database accepts writes.
// rate_buckets: token buckets shared by every instance (the group space's per-member message
// limit), refilled from `at_ms` (milliseconds since the epoch, so both databases do the arithmetic).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_probe')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rate_buckets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_buckets').execute();
  await db.schema.dropTable('health_probe').execute();
}

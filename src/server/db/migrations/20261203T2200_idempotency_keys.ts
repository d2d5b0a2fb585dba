import { sql, type Kysely } from 'kysely';

// idempotency_keys: one row per (caller, Idempotency-Key) on write routes. Inserted first as
// 'pending' (the primary key makes a concurrent duplicate lose the insert), then completed in the
// write's own transaction with the answer to replay. Rows older than 24 hours are deleted by the
// jobs runner; `created_at` is indexed for that.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    // sha256 of method, path and body: the same key with another request is refused.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','done')`))
    // Random token of the request that holds the key while pending (a stale claim can be taken over).
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_at').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}

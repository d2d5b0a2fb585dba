import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeSchema } from '../../db/schema-shape.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-app.js';
import { erasurePlan } from './erasure-plan.js';

// Every column that names a person — a foreign key to users, or to the enrolments and referrals
// that stand for them, or a column named like one (`*_user_id`, `participant_id`, `author_id`,
// `*_by`…) — must be answered for by a step of the erasure plan. A new table or column that
// names a person fails here until the plan says what an erasure does to it.

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await migrateToLatest(tdb.database.db, tdb.schema ? { schema: tdb.schema } : {});
});
afterAll(async () => tdb.close());

const PERSON_TABLES = new Set(['users', 'enrolments', 'referrals']);
const PERSON_NAMED = /(^|_)(user|participant|author|reporter|sender|recipient|reactor|clinician)_id$|_by$|^escalated_to$/;

async function foreignKeys(): Promise<{ column: string; references: string }[]> {
  const db = tdb.database.db;
  if (tdb.database.kind === 'sqlite') {
    const { tables } = await describeSchema(db, 'sqlite');
    const found: { column: string; references: string }[] = [];
    for (const table of Object.keys(tables)) {
      const fks = await sql<{ table: string; from: string }>`select "table", "from" from pragma_foreign_key_list(${table})`.execute(db);
      for (const fk of fks.rows) found.push({ column: `${table}.${fk.from}`, references: fk.table });
    }
    return found;
  }
  const rows = await sql<{ table_name: string; column_name: string; referenced: string }>`
    select kcu.table_name, kcu.column_name, ccu.table_name as referenced
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => ({ column: `${r.table_name}.${r.column_name}`, references: r.referenced }));
}

it('answers for every column of the schema that names a person', async () => {
  const fks = await foreignKeys();
  const byKey = fks.filter((f) => PERSON_TABLES.has(f.references)).map((f) => f.column);
  // Sanity: the query sees the schema (dozens of references to users on either database).
  expect(byKey.length).toBeGreaterThan(80);
  const { tables } = await describeSchema(tdb.database.db, tdb.database.kind);
  const byName = Object.entries(tables).flatMap(([table, columns]) => columns.filter((c) => PERSON_NAMED.test(c)).map((c) => `${table}.${c}`));
  const covered = new Set(erasurePlan.flatMap((s) => s.covers));
  const missing = [...new Set([...byKey, ...byName])].filter((c) => !covered.has(c)).sort();
  expect(missing, 'columns naming a person that no erasure step answers for (add them to modules/data-rights/erasure-plan.ts)').toEqual([]);
});

it('names only columns that exist, so the plan cannot claim coverage of a column that is gone', async () => {
  const { tables } = await describeSchema(tdb.database.db, tdb.database.kind);
  const stale = erasurePlan
    .flatMap((s) => s.covers)
    .filter((c) => {
      const [table, column] = c.split('.') as [string, string];
      return !tables[table]?.includes(column);
    });
  expect(stale).toEqual([]);
});

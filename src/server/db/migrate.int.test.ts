import { Migrator, sql, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-app.js';
import { ALL_THE_WAY_DOWN, MigrationRequestError, migrateDown, migrateToLatest, migrationStatus, planRollback } from './migrate.js';
import { migrations } from './migrations/index.js';
import { describeSchema, type SchemaShape } from './schema-shape.js';

// Every migration goes down and up again, on the database the suite runs on (SQLite, or
// PostgreSQL with HEARTH_TEST_DB=postgres): the schema after each step down is the schema that
// step had on the way up, and after going all the way down and up again it is the same as before.
let t: TestDatabase;
const names = Object.keys(migrations).sort();

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.close());

const opts = () => (t.schema ? { schema: t.schema } : {});
const shape = () => describeSchema(t.database.db, t.database.kind);
const withoutBookkeeping = (s: SchemaShape): SchemaShape => ({
  ...s,
  tables: Object.fromEntries(Object.entries(s.tables).filter(([name]) => !name.startsWith('kysely_'))),
  indexes: s.indexes.filter((i) => !i.startsWith('kysely_')),
});

describe('migration rollback', () => {
  it('takes every migration down one at a time and up again, each step restoring the shape it had', async () => {
    const migrator = new Migrator({ db: t.database.db, provider: { getMigrations: async () => migrations }, ...(t.schema ? { migrationTableSchema: t.schema } : {}) });
    const shapesUp: SchemaShape[] = [withoutBookkeeping(await shape())];
    for (const name of names) {
      const { error } = await migrator.migrateTo(name);
      expect(error, name).toBeUndefined();
      shapesUp.push(withoutBookkeeping(await shape()));
    }
    const latest = await shape();
    expect(Object.keys(latest.tables).length).toBeGreaterThan(50);

    for (let applied = names.length; applied > 0; applied--) {
      const { undone } = await migrateDown(t.database.db, undefined, opts());
      expect(undone).toEqual([names[applied - 1]]);
      expect(withoutBookkeeping(await shape()), `after undoing ${names[applied - 1]}`).toEqual(shapesUp[applied - 1]);
    }
    expect(withoutBookkeeping(await shape()).tables).toEqual({});

    expect(await migrateToLatest(t.database.db, opts())).toEqual(names);
    expect(await shape()).toEqual(latest);
  });

  it('goes all the way down at once with --to 0 and up again to an identical schema', async () => {
    await migrateToLatest(t.database.db, opts());
    const before = await shape();
    const { undone } = await migrateDown(t.database.db, ALL_THE_WAY_DOWN, opts());
    expect(undone).toEqual([...names].reverse());
    await migrateToLatest(t.database.db, opts());
    expect(await shape()).toEqual(before);
  });

  it('rolls back to a named migration, which stays applied', async () => {
    await migrateToLatest(t.database.db, opts());
    const target = '20261203T1020_participant_contacts';
    const { undone } = await migrateDown(t.database.db, target, opts());
    expect(undone).toEqual(names.slice(names.indexOf(target) + 1).reverse());
    const applied = (await migrationStatus(t.database.db, opts())).filter((m) => m.executedAt).map((m) => m.name);
    expect(applied.at(-1)).toBe(target);
  });

  it('refuses an unknown or unapplied migration id and changes nothing', async () => {
    await migrateToLatest(t.database.db, opts());
    const before = await shape();
    await expect(migrateDown(t.database.db, '20990101T0000_nothing', opts())).rejects.toThrow(/No migration is called "20990101T0000_nothing"/);
    await expect(migrateDown(t.database.db, names.at(-1), opts())).rejects.toThrow(/already the latest applied migration/);
    await migrateDown(t.database.db, names.at(-2), opts());
    await expect(migrateDown(t.database.db, names.at(-1), opts())).rejects.toThrow(/is not applied/);
    await migrateToLatest(t.database.db, opts());
    expect(await shape()).toEqual(before);
    const fresh = await createTestDatabase();
    try {
      await expect(migrateDown(fresh.database.db, undefined, fresh.schema ? { schema: fresh.schema } : {})).rejects.toThrow(MigrationRequestError);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a rollback that would delete stored rows or values unless told to discard them', async () => {
    await migrateToLatest(t.database.db, opts());
    const now = '2026-12-03T10:00:00.000Z';
    await sql`insert into users (id, email, display_name, role, status, created_at, updated_at, mobile_e164)
      values ('u1', 'a@test.local', 'A', 'clinician', 'active', ${now}, ${now}, '+447700900123')`.execute(t.database.db);
    await sql`insert into rate_buckets (key, tokens, at_ms) values ('k', 1, 1)`.execute(t.database.db);
    const target = '20261203T1020_participant_contacts';
    const plan = await planRollback(t.database.db, target, opts());
    expect(plan.tables).toContainEqual({ name: 'rate_buckets', rows: 1 });
    expect(plan.tables).toContainEqual({ name: 'rota_shifts', rows: 0 });
    expect(plan.columns).toContainEqual({ table: 'users', column: 'mobile_e164', values: 1 });
    const before = await shape();
    const refusal = await migrateDown(t.database.db, target, opts()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MigrationRequestError);
    expect(String(refusal)).toMatch(/table rate_buckets: 1 row[\s\S]*column users\.mobile_e164: 1 value[\s\S]*Nothing was changed/);
    expect(await shape()).toEqual(before);

    await migrateDown(t.database.db, target, { ...opts(), discardData: true });
    const users = await sql<{ email: string }>`select email from users`.execute(t.database.db);
    expect(users.rows).toEqual([{ email: 'a@test.local' }]);
    await migrateToLatest(t.database.db, opts());
    expect(await shape()).toEqual(before);
  });
});

// A test-only list: a table with a unique label, a migration that relaxes it (its down puts the
// unique index back, which fails once duplicate labels are stored — after it has already dropped
// a column), and one more table on top. Rehearsed on an empty scratch database every down works;
// only on the real data does the middle one fail, midway.
const testMigrations: Record<string, Migration> = {
  '29990101T0000_test_tags': {
    up: async (db) => {
      await db.schema
        .createTable('test_tags')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('test_tags_label').unique().on('test_tags').column('label').execute();
    },
    down: async (db) => {
      await db.schema.dropTable('test_tags').execute();
    },
  },
  '29990101T0100_test_tags_relaxed': {
    up: async (db) => {
      await db.schema.alterTable('test_tags').addColumn('note', 'text').execute();
      await db.schema.dropIndex('test_tags_label').execute();
    },
    down: async (db) => {
      await db.schema.alterTable('test_tags').dropColumn('note').execute();
      await db.schema.createIndex('test_tags_label').unique().on('test_tags').column('label').execute();
    },
  },
  '29990101T0200_test_notes': {
    up: async (db) => {
      await db.schema
        .createTable('test_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
    },
    down: async (db) => {
      await db.schema.dropTable('test_notes').execute();
    },
  },
};
// Its up creates a table, then fails on the same duplicates.
const failingUp: Record<string, Migration> = {
  ...testMigrations,
  '29990101T0300_test_strict_again': {
    up: async (db) => {
      await db.schema
        .createTable('test_more')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      await db.schema.createIndex('test_tags_label_again').unique().on('test_tags').column('label').execute();
    },
    down: async (db) => {
      await db.schema.dropIndex('test_tags_label_again').execute();
      await db.schema.dropTable('test_more').execute();
    },
  },
};

describe('a migration that fails midway', () => {
  const own = (list: Record<string, Migration>) => ({ ...opts(), migrations: list });
  const applied = async (list: Record<string, Migration>) => (await migrationStatus(t.database.db, own(list))).filter((m) => m.executedAt).map((m) => m.name);

  it('going down, leaves the schema and the bookkeeping as they were: the whole batch is one transaction', async () => {
    await migrateToLatest(t.database.db, own(testMigrations));
    await sql`insert into test_tags (id, label, note) values ('a', 'same', 'first'), ('b', 'same', 'second')`.execute(t.database.db);
    const before = await shape();
    expect(before.tables.test_tags).toContain('note');

    // Undoes test_notes (fine), then test_tags_relaxed: its column is dropped, then the unique
    // index fails on the duplicate labels. Both are undone again, test_notes included.
    const failure = await migrateDown(t.database.db, '29990101T0000_test_tags', { ...own(testMigrations), discardData: true }).catch((e: unknown) => e);
    expect(String(failure)).toMatch(/Rollback failed \(29990101T0100_test_tags_relaxed\)/);
    expect(await shape()).toEqual(before);
    expect(await applied(testMigrations)).toEqual(Object.keys(testMigrations));
    const rows = await sql<{ id: string; note: string }>`select id, note from test_tags order by id`.execute(t.database.db);
    expect(rows.rows).toEqual([
      { id: 'a', note: 'first' },
      { id: 'b', note: 'second' },
    ]);

    // Alone, the failing down fails the same way and changes nothing either.
    await migrateDown(t.database.db, undefined, own(testMigrations));
    const afterNotes = await shape();
    expect(afterNotes.tables.test_notes).toBeUndefined();
    await expect(migrateDown(t.database.db, undefined, { ...own(testMigrations), discardData: true })).rejects.toThrow(/Rollback failed \(29990101T0100_test_tags_relaxed\)/);
    expect(await shape()).toEqual(afterNotes);
    expect(await applied(testMigrations)).toEqual(Object.keys(testMigrations).slice(0, 2));

    // Once the data allows it, the same rollback goes through.
    await sql`delete from test_tags where id = 'b'`.execute(t.database.db);
    expect((await migrateDown(t.database.db, undefined, { ...own(testMigrations), discardData: true })).undone).toEqual(['29990101T0100_test_tags_relaxed']);
    expect((await shape()).tables.test_tags).toEqual(['id', 'label']);
  });

  it('going up, leaves nothing of itself behind', async () => {
    await migrateToLatest(t.database.db, own(testMigrations));
    await sql`insert into test_tags (id, label) values ('a', 'same'), ('b', 'same')`.execute(t.database.db);
    const before = await shape();
    await expect(migrateToLatest(t.database.db, own(failingUp))).rejects.toThrow(/Migration failed \(29990101T0300_test_strict_again\)/);
    expect(await shape()).toEqual(before);
    expect((await shape()).tables.test_more).toBeUndefined();
    expect(await applied(failingUp)).toEqual(Object.keys(testMigrations));
  });
});

import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

// The alert_sources migration gives every alert raised before it one source row: its own.
let database: Database;

beforeAll(async () => {
  database = openDatabase({ kind: 'sqlite', sqliteFile: ':memory:' });
});
afterAll(async () => database?.close());

describe('migration 20261203T1040_alert_sources', () => {
  it('backfills one source per existing alert, with its tier and time', async () => {
    const db = database.db;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('20261126T1710_digests_mail');
    expect(before.error).toBeUndefined();
    const now = '2026-11-30T10:00:00.000Z';
    await db
      .insertInto('users')
      .values({ id: 'u1', email: 'p@test.local', display_name: 'P', role: 'participant', status: 'active', password_hash: null, created_at: now, updated_at: now } as never)
      .execute();
    const alert = (id: string, tier: 'concern' | 'urgent', created: string) => ({
      id,
      kind: 'risk_language',
      tier,
      participant_id: 'u1',
      enrolment_id: null,
      group_id: null,
      source_type: 'message',
      source_id: `m-${id}`,
      summary: 'Possible risk language',
      status: 'open' as const,
      created_at: created,
      ack_due_at: created,
    });
    await db
      .insertInto('alerts')
      .values([alert('a1', 'concern', now), alert('a2', 'urgent', '2026-11-30T11:00:00.000Z')])
      .execute();
    expect(await migrateToLatest(db)).toContain('20261203T1040_alert_sources');
    const sources = await db.selectFrom('alert_sources').selectAll().orderBy('alert_id').execute();
    expect(sources).toEqual([
      { alert_id: 'a1', source_type: 'message', source_id: 'm-a1', tier: 'concern', created_at: now },
      { alert_id: 'a2', source_type: 'message', source_id: 'm-a2', tier: 'urgent', created_at: '2026-11-30T11:00:00.000Z' },
    ]);
  });
});

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { testDatabaseKind } from '../testing/test-app.js';
import { BackupError } from './backup-paths.js';
import { restoreBackup, takeBackup, verifyBackup } from './commands.js';

// PostgreSQL backups with pg_dump -Fc / pg_restore, on the PostgreSQL tier of the suite (each test
// creates databases of its own on TEST_DATABASE_URL's server). Without pg_dump on the machine the
// tier says so and skips — a failure with CI=true.
const onPostgres = testDatabaseKind() === 'postgres';
const hasTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (onPostgres && !hasTools && ci) throw new Error('CI=true: pg_dump and pg_restore are required for the PostgreSQL backup tests');

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pgbackup-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function configFor(url: string): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, HEARTH_DATA_DIR: path.join(root, 'data'), HEARTH_BACKUP_DIR: path.join(root, 'backups') });
}

describe('without PostgreSQL client tools', () => {
  it('says plainly that pg_dump / pg_restore are needed, and writes nothing', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(root, 'empty-bin');
    try {
      const config = configFor('postgres://nobody@127.0.0.1:1/none');
      const backup = await takeBackup(config, undefined).catch((e: unknown) => e);
      expect(backup).toBeInstanceOf(BackupError);
      expect((backup as BackupError).code).toBe('pg_tools_missing');
      expect((backup as BackupError).message).toMatch(/pg_dump is not installed on this machine.*postgresql-client/);
      const dump = path.join(root, 'x.dump');
      fs.writeFileSync(dump, 'PGDMP not really');
      expect(((await restoreBackup(config, dump).catch((e: unknown) => e)) as BackupError).code).toBe('pg_tools_missing');
      expect(fs.readdirSync(path.join(root, 'backups'))).toEqual([]);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

describe.skipIf(!onPostgres || !hasTools)(
  `PostgreSQL backup (${!onPostgres ? 'skipped: runs on the PostgreSQL tier' : !hasTools ? 'skipped: no pg_dump on this machine' : 'pg_dump -Fc'})`,
  () => {
    const serverUrl = process.env.TEST_DATABASE_URL ?? '';
    const created: string[] = [];
    let admin: pg.Client;
    const urlOf = (name: string) => {
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      return u.toString();
    };
    async function createDb(): Promise<string> {
      const name = `hb_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${name}`);
      created.push(name);
      return name;
    }
    beforeAll(async () => {
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
    });
    afterAll(async () => {
      for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    async function writesIn(url: string): Promise<{ count: number; max: number }> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const r = await client.query<{ count: string; max: string | null }>(`select count(*) as count, max(id) as max from audit_events where action = 'load.write'`);
        return { count: Number(r.rows[0]!.count), max: r.rows[0]!.max ? Number(r.rows[0]!.max.slice(1)) : 0 };
      } finally {
        await client.end();
      }
    }

    it('backs up under write load with every acknowledged write, verifies by restoring, and restores into an empty database only', async () => {
      const source = urlOf(await createDb());
      const database = openDatabase({ kind: 'postgres', url: source, poolSize: 2 });
      await migrateToLatest(database.db);
      const now = new Date().toISOString();
      for (let i = 0; i < 20; i++) {
        await database.db
          .insertInto('audit_events')
          .values(Array.from({ length: 500 }, (_, j) => ({ id: `seed-${i}-${j}`, at: now, action: 'seed', outcome: 'success' as const })))
          .execute();
      }
      let acked = 0;
      let stop = false;
      const writer = (async () => {
        for (let seq = 1; !stop; seq++) {
          await database.db
            .insertInto('audit_events')
            .values({ id: `w${String(seq).padStart(9, '0')}`, at: new Date().toISOString(), action: 'load.write', outcome: 'success' })
            .execute();
          acked = seq;
        }
      })();
      while (acked < 200) await new Promise((r) => setTimeout(r, 20));
      const config = configFor(source);
      const ackedBefore = acked;
      const outcome = await takeBackup(config, undefined);
      const ackedAfter = acked;
      stop = true;
      await writer;
      await database.close();
      expect(ackedAfter).toBeGreaterThan(ackedBefore);
      expect(outcome.file).toMatch(/hearth-\d{8}T\d{6}Z\.dump$/);
      expect(outcome.report.ok, outcome.report.problems.join('; ')).toBe(true);
      expect(outcome.report.integrity).toMatch(/restored into a scratch database/);
      expect(outcome.report.migrations.pending).toEqual([]);
      console.log(`pg_dump under load: ${outcome.ms} ms, ${outcome.bytes} bytes; ${ackedBefore} writes acknowledged before, ${ackedAfter} after`);

      const target = urlOf(await createDb());
      const targetConfig = configFor(target);
      expect(await restoreBackup(targetConfig, outcome.file)).toMatch(/^Restored /);
      const restored = await writesIn(target);
      expect(restored.count).toBeGreaterThanOrEqual(ackedBefore);
      expect(restored.max).toBe(restored.count);
      const auditRows = outcome.report.tables.find((t) => t.name === 'audit_events')?.rows;
      expect(auditRows).toBe(10_000 + restored.count);

      // The restored database now holds tables: a second restore is refused and changes nothing.
      const again = await restoreBackup(targetConfig, outcome.file).catch((e: unknown) => e);
      expect((again as BackupError).code).toBe('restore_target_not_empty');
      expect(await writesIn(target)).toEqual(restored);

      const report = await verifyBackup(targetConfig, outcome.file);
      expect(report.ok).toBe(true);
      expect(report.depth).toBe('full');
      // Without a PostgreSQL server to restore into, verify reads the table of contents only and says so.
      const offline = await verifyBackup(loadConfig({ NODE_ENV: 'test', HEARTH_DATA_DIR: path.join(root, 'data') }), outcome.file);
      expect(offline).toMatchObject({ ok: true, depth: 'contents-only', tables: [] });
      expect(offline.notes.join(' ')).toMatch(/not restored to check it \(set DATABASE_URL/);
      const truncated = path.join(root, 'truncated.dump');
      fs.writeFileSync(truncated, fs.readFileSync(outcome.file).subarray(0, Math.floor(outcome.bytes / 2)));
      const damaged = await verifyBackup(targetConfig, truncated).then(
        (r) => r.ok,
        () => false,
      );
      expect(damaged).toBe(false);
    }, 120_000);
  },
);

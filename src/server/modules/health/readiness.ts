import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import { migrations } from '../../db/migrations/index.js';
import type { Hearth } from '../../http/hearth.js';

/** One readiness check's outcome: `ok`, `skipped` (does not apply here) or what is wrong. */
export type CheckResult = { status: 'ok' | 'skipped'; detail?: string } | { status: 'failed'; detail: string };

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; writable: CheckResult; migrations: CheckResult; disk: CheckResult };
}

// A check that has not answered in this time counts as failed, so a probe never hangs.
const CHECK_TIMEOUT_MS = 2000;

/**
 * Whether this instance should receive traffic: the database answers, accepts a write, has every
 * migration this code knows applied, and (SQLite) the disk holding it has room left.
 */
export async function checkReadiness(db: DbOrTx, hearth: Pick<Hearth, 'databaseKind' | 'config' | 'clock'>): Promise<Readiness> {
  const database = await check(async () => {
    await sql`select 1`.execute(db);
  });
  const skippedAfterDatabase: CheckResult = { status: 'failed', detail: 'not checked: the database does not answer' };
  const [writable, migrationsCheck] =
    database.status === 'ok'
      ? await Promise.all([check(() => probeWrite(db, hearth.clock.now())), check(() => pendingMigrations(db))])
      : [skippedAfterDatabase, skippedAfterDatabase];
  const disk =
    hearth.databaseKind === 'sqlite' && hearth.config.readyMinFreeBytes > 0
      ? await check(() => freeSpace(hearth.config.dataDir, hearth.config.readyMinFreeBytes))
      : ({ status: 'skipped', detail: hearth.databaseKind === 'postgres' ? "the database server's disk is watched there" : 'threshold is 0' } as const);
  const checks = { database, writable, migrations: migrationsCheck, disk };
  return { ready: Object.values(checks).every((c) => c.status !== 'failed'), checks };
}

async function check(work: () => Promise<void>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok' };
  } catch (error) {
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Writes (and commits) the one probe row: a read-only, full or broken database fails here. */
async function probeWrite(db: DbOrTx, now: Date): Promise<void> {
  await db
    .insertInto('health_probe')
    .values({ id: 'ready', checked_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: now.toISOString() }))
    .execute();
}

async function pendingMigrations(db: DbOrTx): Promise<void> {
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const done = new Set(applied.rows.map((r) => r.name));
  const pending = Object.keys(migrations).filter((name) => !done.has(name));
  if (pending.length) throw new Error(`${pending.length} migration(s) not applied: ${pending.join(', ')} (run npm run migrate)`);
}

async function freeSpace(dir: string, minBytes: number): Promise<void> {
  const stats = await fs.statfs(await nearestExisting(dir));
  const free = stats.bavail * stats.bsize;
  if (free < minBytes) {
    throw new Error(`${Math.floor(free / 1048576)} MB free where the database lives, below HEARTH_READY_MIN_FREE_MB (${Math.floor(minBytes / 1048576)} MB)`);
  }
}

/** The data folder, or its closest existing parent (the folder is created with the database file). */
async function nearestExisting(dir: string): Promise<string> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      await fs.access(current);
      return current;
    } catch {
      if (path.dirname(current) === current) return current;
    }
  }
}

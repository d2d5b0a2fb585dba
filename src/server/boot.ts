import { sql } from 'kysely';
import { assertSqliteFileIntact, sqliteFileIn } from './backup/sqlite-backup.js';
import type { Config } from './config/env.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { classifyDatabaseFailure } from './db/unavailable.js';

export interface OpenConfiguredOptions {
  /** Work that must not run on two instances at once (the demo seed): runs after migrating, under the same lock. */
  underStartupLock?: (database: Database) => Promise<void>;
  /** Start-up progress (waiting for the database). */
  log?: (message: string) => void;
  /** Connection errors the PostgreSQL pool recovers from. */
  onPoolError?: (error: Error) => void;
  /** false: open and wait for the database without migrating it (the rollback command). Default true. */
  migrate?: boolean;
}

/**
 * Opens the configured database (SQLite under the data folder, checked first — HEARTH_STARTUP_CHECK —
 * or PostgreSQL), waits for it to
 * answer, then migrates it — and runs `underStartupLock` — while holding the start-up lock, so
 * several instances may start together on an empty database.
 */
export async function openConfiguredDatabase(config: Config, options: OpenConfiguredOptions = {}): Promise<Database> {
  // A damaged SQLite file is refused before anything opens it (and before a migration writes to it).
  if (config.databaseKind === 'sqlite' && config.startupCheck !== 'off') assertSqliteFileIntact(sqliteFileIn(config.dataDir), config.startupCheck);
  const database =
    config.databaseKind === 'postgres'
      ? openDatabase({
          kind: 'postgres',
          url: config.databaseUrl,
          connectTimeoutMs: config.dbConnectTimeoutMs,
          ...(options.onPoolError ? { onPoolError: options.onPoolError } : {}),
        })
      : openDatabase({ kind: 'sqlite', sqliteFile: sqliteFileIn(config.dataDir) });
  try {
    await waitForDatabase(database, config.dbStartupWaitMs, options.log ?? (() => undefined));
    if (options.migrate !== false) {
      await withStartupLock(database, async () => {
        await migrateToLatest(database.db);
        await options.underStartupLock?.(database);
      });
    }
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5000;

/**
 * Retries `select 1` with doubling pauses (¼ s up to 5 s) while the failure is the database
 * being unreachable, for at most `waitMs`; any other failure (a wrong password, a missing
 * database) ends start-up at once with its own message.
 */
export async function waitForDatabase(database: Database, waitMs: number, log: (message: string) => void): Promise<void> {
  const started = Date.now();
  let pause = FIRST_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(database.db);
      if (attempt > 1) log(`The database answered after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return;
    } catch (error) {
      const unavailable = classifyDatabaseFailure(error);
      if (!unavailable) throw error;
      const waited = Date.now() - started;
      if (waited + pause > waitMs) {
        throw new Error(`The database did not answer within ${Math.round(waitMs / 1000)} s (HEARTH_DB_STARTUP_WAIT_SECONDS): ${unavailable.cause}`);
      }
      log(`Waiting for the database (attempt ${attempt}: ${unavailable.cause}); trying again in ${(pause / 1000).toFixed(2)} s.`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_RETRY_MS);
    }
  }
}

// pg_advisory_lock(int4, int4): Hearth's class ('Hear' in ASCII) and the schema's hash, so test
// schemas sharing one database do not wait for each other.
const STARTUP_LOCK_CLASS = 0x48656172;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on a connection of its own: a
 * second instance starting at the same moment waits, then finds the schema migrated and the
 * demo seeded. SQLite needs none (one file, one process migrating at a time under its write lock).
 */
export async function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK_CLASS)}, hashtext(current_schema()))`.execute(connection);
    try {
      return await work();
    } finally {
      // A connection that died took its session lock with it; nothing else to undo then.
      await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK_CLASS)}, hashtext(current_schema()))`.execute(connection).catch(() => undefined);
    }
  });
}

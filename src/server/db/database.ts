import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter, type Transaction } from 'kysely';
import type pg from 'pg';
import { withAfterCommit } from './after-commit.js';
import type { DB } from './schema.js';

const requireModule = createRequire(import.meta.url);
let pgModule: typeof pg | undefined;
/**
 * The PostgreSQL client, loaded on first use: a SQLite service never needs it, nor does the $export
 * worker thread on one (about 7-15 MB resident per thread that loads it). The one way to reach it.
 */
export function loadPg(): typeof pg {
  return (pgModule ??= requireModule('pg') as typeof pg);
}

export type DatabaseKind = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
/** Either the root handle or a transaction: use cases accept both. */
export type DbOrTx = Kysely<DB> | Transaction<DB>;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  close(): Promise<void>;
  /** PostgreSQL only: where to open a dedicated connection (the realtime LISTEN client). */
  connection?: { url: string; schema?: string };
  /** PostgreSQL only: the pool's connections now (for /metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

export interface OpenOptions {
  kind: DatabaseKind;
  /** SQLite: file path or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL connection string. */
  url?: string;
  /** PostgreSQL schema to use (tests give each app its own). */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL: milliseconds to wait for a connection (new or from a busy pool) before failing. */
  connectTimeoutMs?: number;
  /** PostgreSQL: told about connection errors the pool recovers from (logged by the app). */
  onPoolError?: (error: Error) => void;
  /** Opens a connection that only reads (a SQLite file that must exist; PostgreSQL read-only transactions). */
  readonly?: boolean;
}

/**
 * Where a database lives, for a second connection to the same data from another thread (the FHIR
 * $export's worker). An in-memory SQLite database has none: nothing else can open it.
 */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };
const locations = new WeakMap<object, DatabaseLocation>();

/** The location of the database a root handle opened, if another connection can reach it (not for a transaction). */
export function databaseLocation(db: DbOrTx): DatabaseLocation | undefined {
  return locations.get(db);
}

/** A read-only connection of its own to a database's location (one connection on PostgreSQL). */
export function openReader(location: DatabaseLocation): Database {
  return location.kind === 'sqlite'
    ? openDatabase({ kind: 'sqlite', sqliteFile: location.file, readonly: true })
    : openDatabase({ kind: 'postgres', url: location.url, ...(location.schema ? { schema: location.schema } : {}), poolSize: 1, readonly: true });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every SQLite statement anew; compiling costs several times more than running
 * a simple indexed query. Hearth's queries are built from a fixed set of shapes, so compiled
 * statements are kept (least recently used dropped first) and reused with new parameters.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare(sql: string) {
      // SQLite rolls a transaction back by itself on SQLITE_FULL and most I/O errors; Kysely's own
      // ROLLBACK then fails with "cannot rollback - no transaction is active", and that error would
      // replace the one that names the cause. Nothing is left to roll back, so it is a no-op.
      if (sql === 'rollback' && !sqlite.inTransaction) return NO_OP_STATEMENT;
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * A hot read run without Kysely's machinery: on SQLite the statement, prepared once, runs at once
 * when no transaction is open on the connection (better-sqlite3 is synchronous, so nothing
 * interleaves; inside another request's transaction it would see uncommitted rows, so then it
 * waits its turn through Kysely); on PostgreSQL it is a named prepared statement, parsed and
 * planned once per connection instead of on every call.
 */
type PreparedRunner = (name: string, sql: string, parameters: readonly unknown[]) => Promise<unknown[][]> | unknown[][] | null;
const preparedRunners = new WeakMap<object, PreparedRunner>();

/**
 * Runs `sql` (compiled for this database) as the prepared statement `name`. Rows come back as
 * arrays of the selected columns' values, in the order selected: no object per row keyed by
 * column name (better-sqlite3 builds those through V8's slow path, name by name). Use it for the
 * few statements every request runs (the session lookup); everything else goes through Kysely.
 */
export async function runPrepared(db: DbOrTx, name: string, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
  const rows = preparedRunners.get(db)?.(name, sql, parameters);
  if (rows) return rows;
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, [...parameters]));
  return result.rows.map((row) => Object.values(row));
}

/** SQLite's prepared runner: one raw-mode statement per SQL text, kept apart from Kysely's cache. */
function sqlitePreparedRunner(sqlite: SqliteDatabase.Database): PreparedRunner {
  const prepared = new Map<string, SqliteDatabase.Statement>();
  return (_name, sql, parameters) => {
    if (sqlite.inTransaction) return null;
    let statement = prepared.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql).raw(true);
      prepared.set(sql, statement);
    }
    return statement.all(...parameters) as unknown[][];
  };
}
const NO_OP_STATEMENT = {
  reader: false,
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
} as unknown as SqliteDatabase.Statement;

/**
 * SQLite's DDL is transactional (CREATE, DROP, ALTER TABLE and their bookkeeping roll back with
 * the transaction), but Kysely's SQLite adapter says it is not, so its Migrator ran every
 * migration statement by statement and a migration failing midway left half of itself applied.
 * Saying so makes the Migrator run each batch in one transaction, as on PostgreSQL. (No migration
 * uses a PRAGMA such as foreign_keys, which would be a no-op inside a transaction.) The name
 * must start with "Sqlite": older migrations tell the databases apart by the adapter's class name.
 */
class SqliteTransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new SqliteTransactionalDdlAdapter();
  }
}

/** Milliseconds a request waits for a PostgreSQL connection before it is answered 503. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

/** Opens SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool behind one Kysely type. */
export function openDatabase(options: OpenOptions): Database {
  if (options.kind === 'sqlite') {
    const file = options.sqliteFile ?? ':memory:';
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    // A reader joins the writer's WAL as it is (setting the journal mode is a write).
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!options.readonly) sqlite.pragma('synchronous = NORMAL');
    // A reader (the $export's worker) walks tables once in key order: a page cache of 2 MB serves it as well as the default 16 MB.
    else sqlite.pragma('cache_size = -2000');
    const statements = withStatementCache(sqlite);
    const db = new Kysely<DB>({ dialect: withAfterCommit(new TransactionalDdlSqliteDialect({ database: statements })) });
    preparedRunners.set(db, sqlitePreparedRunner(sqlite));
    if (file !== ':memory:') locations.set(db, { kind: 'sqlite', file: path.resolve(file) });
    return { kind: 'sqlite', db, close: () => db.destroy() };
  }
  if (!options.url) throw new Error('A PostgreSQL URL is required');
  const pool = new (loadPg().Pool)({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // During an outage a request fails within this time (answered 503) instead of waiting forever.
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // random_page_cost 1.1 tells the planner storage is SSD-like, so it walks the (group, session)
    // indexes instead of scanning all attendance in the service (measured: 143 ms → 2.3 ms).
    options: [
      '-c random_page_cost=1.1',
      ...(options.schema ? [`-c search_path=${options.schema}`] : []),
      ...(options.readonly ? ['-c default_transaction_read_only=on'] : []),
    ].join(' '),
  });
  keepPoolAlive(pool, options.onPoolError);
  const db = new Kysely<DB>({ dialect: withAfterCommit(new PostgresDialect({ pool })) });
  preparedRunners.set(db, async (name, text, values) => (await pool.query<unknown[]>({ name, text, values: [...values], rowMode: 'array' })).rows);
  locations.set(db, { kind: 'postgres', url: options.url, ...(options.schema ? { schema: options.schema } : {}) });
  return {
    kind: 'postgres',
    db,
    close: () => db.destroy(),
    connection: { url: options.url, ...(options.schema ? { schema: options.schema } : {}) },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/**
 * When PostgreSQL restarts or a backend is terminated, node-postgres emits 'error' on the pool
 * (idle connections) or on the connection itself (one checked out between two statements of a
 * transaction). An 'error' event nobody listens to ends the process, so both get a listener: the
 * broken connection is dropped by the pool on release, the query that was using it fails (and is
 * answered 503), and the next request opens a fresh connection.
 */
function keepPoolAlive(pool: pg.Pool, onError: ((error: Error) => void) | undefined): void {
  const report = (error: Error) => onError?.(error);
  pool.on('error', report);
  // The pool reports errors of idle connections itself; a checked-out connection's error also
  // fails the query that is using it, so this listener only has to exist.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
}

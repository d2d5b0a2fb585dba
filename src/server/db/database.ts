import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
/** Either the root handle or a transaction: use cases accept both. */
export type DbOrTx = Kysely<DB> | Transaction<DB>;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  close(): Promise<void>;
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
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool behind one Kysely type. */
export function openDatabase(options: OpenOptions): Database {
  if (options.kind === 'sqlite') {
    const file = options.sqliteFile ?? ':memory:';
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kind: 'sqlite', db, close: () => db.destroy() };
  }
  if (!options.url) throw new Error('A PostgreSQL URL is required');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, close: () => db.destroy() };
}

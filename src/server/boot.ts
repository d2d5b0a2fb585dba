import path from 'node:path';
import type { Config } from './config/env.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the configured database (SQLite under the data folder, or PostgreSQL) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database =
    config.databaseKind === 'postgres'
      ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
      : openDatabase({ kind: 'sqlite', sqliteFile: path.join(config.dataDir, 'hearth.sqlite') });
  await migrateToLatest(database.db);
  return database;
}

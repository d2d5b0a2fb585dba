import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/env.js';
import { BackupError, resolveBackupTarget } from './backup-paths.js';
import { backupPostgres, looksLikePgDump, restorePostgres, verifyPgDump } from './postgres-backup.js';
import { backupSqlite, looksLikeSqlite, restoreSqlite, sqliteFileIn, verifySqliteBackup } from './sqlite-backup.js';
import type { VerifyReport } from './verify-report.js';

/** The outcome of a backup, with the check of the copy made right after it. */
export interface BackupOutcome {
  file: string;
  bytes: number;
  ms: number;
  report: VerifyReport;
}

/**
 * Backs up the configured database to `to` (or a new file in the backup folder) and verifies the
 * copy. SQLite: the online backup API, consistent while Hearth serves. PostgreSQL: `pg_dump -Fc`.
 */
export async function takeBackup(config: Config, to: string | undefined, now = new Date()): Promise<BackupOutcome> {
  const target = resolveBackupTarget(config, to, now);
  if (config.databaseKind === 'postgres') {
    const { bytes, ms } = await backupPostgres(config.databaseUrl!, target);
    return { file: target, bytes, ms, report: await verifyPgDump(target, config.databaseUrl) };
  }
  const { bytes, ms } = await backupSqlite(sqliteFileIn(config.dataDir), target);
  return { file: target, bytes, ms, report: verifySqliteBackup(target) };
}

function existingFile(file: string | undefined): string {
  if (!file) throw new BackupError('backup_path_missing', 'Name the backup file.');
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) throw new BackupError('backup_missing', `There is no backup file at ${resolved}.`);
  return resolved;
}

/** Checks a backup file of either kind without changing anything. */
export async function verifyBackup(config: Config, file: string | undefined): Promise<VerifyReport> {
  const resolved = existingFile(file);
  if (looksLikeSqlite(resolved)) return verifySqliteBackup(resolved);
  if (looksLikePgDump(resolved)) return verifyPgDump(resolved, config.databaseKind === 'postgres' ? config.databaseUrl : undefined);
  throw new BackupError('backup_unreadable', `${resolved} is neither an SQLite database nor a pg_dump custom-format archive.`);
}

/**
 * Restores a backup into the configured, empty database: an SQLite backup into an empty data
 * folder, a pg_dump archive into an empty PostgreSQL database. Anything else is refused unchanged.
 */
export async function restoreBackup(config: Config, file: string | undefined): Promise<string> {
  const resolved = existingFile(file);
  if (config.databaseKind === 'postgres') {
    if (!looksLikePgDump(resolved)) throw new BackupError('backup_wrong_kind', `${resolved} is not a pg_dump archive; DATABASE_URL points at PostgreSQL.`);
    await restorePostgres(resolved, config.databaseUrl!);
    return `Restored ${resolved} into ${new URL(config.databaseUrl!).pathname.slice(1)}. Start Hearth: it applies any newer migrations.`;
  }
  if (!looksLikeSqlite(resolved)) throw new BackupError('backup_wrong_kind', `${resolved} is not an SQLite backup; this Hearth runs on SQLite (no DATABASE_URL).`);
  const report = await restoreSqlite(resolved, config.dataDir);
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  return `Restored ${resolved} into ${sqliteFileIn(config.dataDir)} (${report.tables.length} tables, ${rows} rows). Start Hearth: it applies any newer migrations.`;
}

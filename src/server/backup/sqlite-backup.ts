import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { BackupError, writeAtomically } from './backup-paths.js';
import { migrationFindings, type VerifyReport } from './verify-report.js';

/** The database file inside the data folder. */
export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'hearth.sqlite');
}

/**
 * Copies a live SQLite database with SQLite's online backup API (better-sqlite3 `backup()`), which
 * reads a consistent snapshot however busy the writers are: after a first step of 100 pages every
 * remaining page is copied in one step, so a write committed in between restarts the copy at most
 * once instead of forever. The copy is switched out of WAL mode (one self-contained file), synced
 * and only then given its name.
 */
export async function backupSqlite(sourceFile: string, target: string): Promise<{ bytes: number; pages: number; ms: number }> {
  if (!fs.existsSync(sourceFile)) throw new BackupError('database_missing', `There is no database at ${sourceFile} to back up.`);
  const started = Date.now();
  const source = new SqliteDatabase(sourceFile, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma('busy_timeout = 5000');
    await writeAtomically(target, '.partial', async (partial) => {
      await source.backup(partial, {
        progress: ({ totalPages }) => {
          pages = totalPages;
          return Math.max(totalPages, 100);
        },
      });
      const copy = new SqliteDatabase(partial);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    });
  } finally {
    source.close();
  }
  return { bytes: fs.statSync(target).size, pages, ms: Date.now() - started };
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** True when the file starts like an SQLite database. */
export function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/** integrity_check (every page, index and constraint) or quick_check (skips index contents, much faster). */
export function checkSqliteIntegrity(sqlite: SqliteDatabase.Database, mode: 'quick' | 'full'): string[] {
  const rows = sqlite.pragma(mode === 'quick' ? 'quick_check' : 'integrity_check') as Record<string, string>[];
  const messages = rows.map((r) => Object.values(r)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** Reads a SQLite backup without changing it: integrity, foreign keys, migrations recorded, rows per table. */
export function verifySqliteBackup(file: string): VerifyReport {
  const problems: string[] = [];
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError('backup_unreadable', `${file} cannot be opened as an SQLite database: ${(error as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = checkSqliteIntegrity(sqlite, 'full');
    } catch (error) {
      integrity = [(error as Error).message];
    }
    if (integrity.length) problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const tableNames = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const tables = integrity.length
      ? []
      : tableNames.map((name) => ({ name, rows: (sqlite.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as { n: number }).n }));
    if (!integrity.length) {
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length) problems.push(`foreign_key_check: ${violations.length} row(s) refer to rows that do not exist`);
    }
    const applied = tableNames.includes('kysely_migration')
      ? (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
      : [];
    const found = migrationFindings(applied);
    problems.push(...found.problems);
    return {
      file,
      format: 'sqlite',
      ok: problems.length === 0,
      problems,
      depth: 'full',
      notes: [],
      integrity: integrity.length ? `FAILED (${integrity.length} finding(s))` : 'ok (PRAGMA integrity_check, foreign_key_check)',
      migrations: found.summary,
      tables,
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Restores a verified SQLite backup as the data folder's database. Refuses a data folder that
 * already has a database (or its WAL), and a backup that does not verify; the file is copied
 * beside its final name, synced, then renamed, so a failure leaves no half-restored database.
 */
export async function restoreSqlite(file: string, dataDir: string): Promise<VerifyReport> {
  const target = sqliteFileIn(dataDir);
  const present = [target, `${target}-wal`, `${target}-shm`].filter((f) => fs.existsSync(f));
  if (present.length) {
    throw new BackupError(
      'restore_target_not_empty',
      `The data folder already holds a database (${present.join(', ')}). Restore only goes into an empty data folder: ` +
        'stop Hearth and move those files away (keep them until the restored service is checked), or point HEARTH_DATA_DIR at an empty folder.',
    );
  }
  const report = verifySqliteBackup(file);
  if (!report.ok) throw new BackupError('backup_invalid', `${file} did not verify, nothing was restored:\n  ${report.problems.join('\n  ')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  await writeAtomically(target, '.restoring', (partial) => fs.copyFileSync(file, partial, fs.constants.COPYFILE_EXCL));
  return report;
}

/**
 * The start-up check: a damaged database file is never served. Throws a message saying what
 * was found and how to recover; a missing file is fine (a new database is created).
 */
export function assertSqliteFileIntact(file: string, mode: 'quick' | 'full'): void {
  if (!fs.existsSync(file)) return;
  let findings: string[];
  try {
    const sqlite = new SqliteDatabase(file, { fileMustExist: true });
    try {
      findings = checkSqliteIntegrity(sqlite, mode);
    } finally {
      sqlite.close();
    }
  } catch (error) {
    findings = [(error as Error).message];
  }
  if (findings.length === 0) return;
  throw new Error(
    `The database file ${file} is damaged (${mode === 'quick' ? 'PRAGMA quick_check' : 'PRAGMA integrity_check'}: ${findings.slice(0, 3).join('; ')}). ` +
      'Hearth will not serve from it. Stop here and restore the latest good backup: check it with `npm run hearth -- verify FILE`, ' +
      'move the damaged file (and its -wal and -shm files) out of the data folder, then run `npm run hearth -- restore FILE`.',
  );
}

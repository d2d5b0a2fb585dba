import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../boot.js';
import { loadConfig, type Config } from '../config/env.js';
import { BackupError } from './backup-paths.js';
import { restoreBackup, takeBackup, verifyBackup } from './commands.js';
import { pruneBackups, runScheduledBackup, startScheduledBackups } from './scheduled.js';
import { sqliteFileIn } from './sqlite-backup.js';

// SQLite backups against real files: a backup taken while another process writes holds every
// write acknowledged before it began and nothing half-written; verify and restore; the start-up
// check refuses a damaged file; every bad input is refused with nothing written.
let root: string;
let config: Config;

function configFor(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DEMO_SEED: 'false', HEARTH_DATA_DIR: dataDir, ...env });
}

/** A migrated database file with `rows` audit rows, so the file spans many pages. */
async function createDatabase(cfg: Config, rows: number): Promise<void> {
  const database = await openConfiguredDatabase(cfg);
  await database.close();
  const sqlite = new SqliteDatabase(sqliteFileIn(cfg.dataDir));
  const insert = sqlite.prepare(`insert into audit_events (id, at, action, outcome, detail) values (?, ?, 'seed', 'success', ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`seed-${i}`, new Date().toISOString(), 'x'.repeat(100));
  })();
  sqlite.close();
}

// The writer stands in for the running server: another process, WAL, committing small
// transactions as fast as it can and printing the last sequence number it got an answer for.
const WRITER = `
import Database from 'better-sqlite3';
const [file, ms] = process.argv.slice(1);
const db = new Database(file);
db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000'); db.pragma('synchronous = NORMAL');
const insert = db.prepare("insert into audit_events (id, at, action, outcome) values (?, ?, 'load.write', 'success')");
let seq = 0;
const stopAt = Date.now() + Number(ms);
function step() {
  for (let i = 0; i < 10; i++) { seq++; insert.run('w' + String(seq).padStart(9, '0'), new Date().toISOString()); }
  process.stdout.write(seq + '\\n');
  if (Date.now() < stopAt) setImmediate(step); else db.close();
}
step();
`;

function startWriter(file: string, ms: number) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, file, String(ms)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  let acked = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const last = chunk.trim().split('\n').at(-1);
    if (last) acked = Number(last);
  });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { acked: () => acked, done };
}

function writesIn(file: string): { count: number; max: number } {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    const row = sqlite.prepare(`select count(*) as count, max(id) as max from audit_events where action = 'load.write'`).get() as { count: number; max: string | null };
    return { count: row.count, max: row.max ? Number(row.max.slice(1)) : 0 };
  } finally {
    sqlite.close();
  }
}

async function waitFor(condition: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-backup-'));
  config = configFor(path.join(root, 'data'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('SQLite backup under write load', () => {
  it('holds every write acknowledged before it began, verifies, and restores them all', async () => {
    await createDatabase(config, 30_000);
    const writer = startWriter(sqliteFileIn(config.dataDir), 4000);
    await waitFor(() => writer.acked() >= 500);
    const backups: { file: string; ackedBefore: number; ms: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const ackedBefore = writer.acked();
      const outcome = await takeBackup(config, undefined, new Date(Date.now() + i * 1000));
      expect(outcome.report.ok, outcome.report.problems.join('; ')).toBe(true);
      backups.push({ file: outcome.file, ackedBefore, ms: outcome.ms });
      await waitFor(() => writer.acked() >= ackedBefore + 200);
    }
    expect(await writer.done).toBe(0);
    const total = writer.acked();
    for (const b of backups) {
      const { count, max } = writesIn(b.file);
      // Every write answered before the backup began is there, and the writes in it are a
      // gap-free prefix (a consistent snapshot: nothing half-copied, nothing from after it torn in).
      expect(count).toBeGreaterThanOrEqual(b.ackedBefore);
      expect(max).toBe(count);
      expect(count).toBeLessThanOrEqual(total);
    }
    console.log(`backups under load: ${backups.map((b) => `${b.ms} ms`).join(', ')}; ${total} writes acknowledged`);

    const last = backups.at(-1)!;
    const report = await verifyBackup(config, last.file);
    expect(report.ok).toBe(true);
    expect(report.integrity).toMatch(/^ok/);
    expect(report.migrations.pending).toEqual([]);
    expect(report.tables.find((t) => t.name === 'audit_events')?.rows).toBe(30_000 + writesIn(last.file).count);

    const restoredConfig = configFor(path.join(root, 'restored'));
    expect(await restoreBackup(restoredConfig, last.file)).toMatch(/^Restored /);
    expect(writesIn(sqliteFileIn(restoredConfig.dataDir))).toEqual(writesIn(last.file));
    // The restored database starts: it passes the start-up check and migrations are current.
    const reopened = await openConfiguredDatabase(restoredConfig);
    const rows = await reopened.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(30_000 + writesIn(last.file).count);
    await reopened.close();
  }, 60_000);
});

describe('start-up integrity check', () => {
  function damage(file: string): void {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    // Garbage over pages in the middle of the file: the audit rows' b-tree.
    fs.writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
  }

  it('refuses to serve a damaged database file and says how to recover', async () => {
    await createDatabase(config, 20_000);
    damage(sqliteFileIn(config.dataDir));
    await expect(openConfiguredDatabase(config)).rejects.toThrow(/is damaged \(PRAGMA quick_check: .+\)\. Hearth will not serve from it\..*npm run hearth -- restore FILE/);
    await expect(openConfiguredDatabase(configFor(config.dataDir, { HEARTH_STARTUP_CHECK: 'full' }))).rejects.toThrow(/PRAGMA integrity_check/);
  });

  it('stops the server process with that message and a non-zero exit', async () => {
    await createDatabase(config, 20_000);
    damage(sqliteFileIn(config.dataDir));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'test', HEARTH_DATA_DIR: config.dataDir, HEARTH_DEMO_SEED: 'false', PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/hearth\.sqlite is damaged .*Hearth will not serve from it/);
  }, 40_000);

  it('reports a damaged backup as not usable and will not restore it', async () => {
    await createDatabase(config, 20_000);
    const outcome = await takeBackup(config, undefined);
    damage(outcome.file);
    const report = await verifyBackup(config, outcome.file);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/integrity_check/);
    const target = configFor(path.join(root, 'restored'));
    await expect(restoreBackup(target, outcome.file)).rejects.toThrow(/did not verify, nothing was restored/);
    expect(fs.existsSync(path.join(target.dataDir, 'hearth.sqlite'))).toBe(false);
  });
});

describe('bad input', () => {
  async function refusal(promise: Promise<unknown>): Promise<BackupError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    return error as BackupError;
  }

  it('refuses a backup path outside the backup and data folders, a link leading out, a missing folder and an existing file', async () => {
    await createDatabase(config, 10);
    const outside = path.join(root, 'elsewhere');
    fs.mkdirSync(outside);
    expect((await refusal(takeBackup(config, path.join(outside, 'b.sqlite')))).code).toBe('backup_path_outside');
    expect((await refusal(takeBackup(config, path.join(config.dataDir, '..', 'b.sqlite')))).code).toBe('backup_path_outside');
    fs.symlinkSync(outside, path.join(config.dataDir, 'link'));
    expect((await refusal(takeBackup(config, path.join(config.dataDir, 'link', 'b.sqlite')))).code).toBe('backup_path_outside');
    expect((await refusal(takeBackup(config, path.join(config.dataDir, 'no-such-dir', 'b.sqlite')))).code).toBe('backup_dir_missing');
    expect((await refusal(takeBackup(config, path.join(config.dataDir, 'hearth.sqlite')))).code).toBe('backup_exists');
    expect(fs.readdirSync(outside)).toEqual([]);
    // Inside the data folder, and inside HEARTH_BACKUP_DIR when set, it works.
    expect((await takeBackup(config, path.join(config.dataDir, 'manual.sqlite'))).report.ok).toBe(true);
    const withDir = configFor(config.dataDir, { HEARTH_BACKUP_DIR: outside });
    expect((await takeBackup(withDir, path.join(outside, 'b.sqlite'))).report.ok).toBe(true);
  });

  it('refuses to restore over an existing database, a missing file, or a file that is not a backup', async () => {
    await createDatabase(config, 10);
    const outcome = await takeBackup(config, undefined);
    const before = fs.readFileSync(sqliteFileIn(config.dataDir));
    expect((await refusal(restoreBackup(config, outcome.file))).code).toBe('restore_target_not_empty');
    expect(fs.readFileSync(sqliteFileIn(config.dataDir)).equals(before)).toBe(true);
    const empty = configFor(path.join(root, 'empty'));
    expect((await refusal(restoreBackup(empty, path.join(root, 'missing.sqlite')))).code).toBe('backup_missing');
    const text = path.join(root, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    expect((await refusal(restoreBackup(empty, text))).code).toBe('backup_wrong_kind');
    expect((await refusal(verifyBackup(empty, text))).code).toBe('backup_unreadable');
    expect(fs.existsSync(empty.dataDir)).toBe(false);
  });
});

describe('scheduled backups', () => {
  it('takes one backup per interval, named after it, and keeps the newest HEARTH_BACKUP_KEEP', async () => {
    const dir = path.join(root, 'backups');
    const scheduled = configFor(config.dataDir, { HEARTH_BACKUP_DIR: dir, HEARTH_BACKUP_KEEP: '3', HEARTH_BACKUP_EVERY_HOURS: '1' });
    await createDatabase(scheduled, 10);
    const start = Date.parse('2026-12-03T08:10:00Z');
    const taken: string[] = [];
    for (let hour = 0; hour < 5; hour++) {
      const first = await runScheduledBackup(scheduled, new Date(start + hour * 3_600_000));
      expect(first.taken?.report.ok).toBe(true);
      taken.push(path.basename(first.taken!.file));
      // Later in the same hour: nothing new.
      expect((await runScheduledBackup(scheduled, new Date(start + hour * 3_600_000 + 1_800_000))).taken).toBeNull();
    }
    expect(taken[0]).toBe('hearth-20261203T080000Z.sqlite');
    expect(fs.readdirSync(dir).sort()).toEqual(taken.slice(2));
    fs.writeFileSync(path.join(dir, 'keep-me.txt'), 'not a backup');
    expect(pruneBackups(dir, 1)).toEqual(taken.slice(2, 4));
    expect(fs.readdirSync(dir).sort()).toEqual([taken[4], 'keep-me.txt']);
  });

  it('runs from the background jobs at start with one structured log line, and not at all without HEARTH_BACKUP_DIR', async () => {
    const dir = path.join(root, 'backups');
    const scheduled = configFor(config.dataDir, { HEARTH_BACKUP_DIR: dir });
    await createDatabase(scheduled, 10);
    const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
    const log = {
      info: (details: object, message: string) => lines.push({ level: 'info', details: details as Record<string, unknown>, message }),
      error: (details: object, message: string) => lines.push({ level: 'error', details: details as Record<string, unknown>, message }),
    };
    expect(startScheduledBackups(configFor(config.dataDir), log)).toBeTypeOf('function');
    const stop = startScheduledBackups(scheduled, log);
    try {
      await waitFor(() => lines.length > 0);
    } finally {
      stop();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'scheduled backup taken and verified', details: { job: 'backup', verified: 'full', deleted: [] } });
    expect(fs.readdirSync(dir)).toEqual([path.basename(String(lines[0]!.details.file))]);
  });
});

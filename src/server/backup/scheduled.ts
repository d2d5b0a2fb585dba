import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/env.js';
import { BACKUP_NAME, backupFileName } from './backup-paths.js';
import { takeBackup, type BackupOutcome } from './commands.js';

export interface ScheduledLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

const STALE_CLAIM_MS = 3_600_000;

/**
 * One pass of the backup schedule: when the current slot (time rounded down to the interval) has
 * no backup yet, take one named after the slot, then keep the newest `keep` backups. The slot file
 * is claimed with an exclusive create first, so instances sharing the folder back up once.
 */
export async function runScheduledBackup(config: Config, now: Date): Promise<{ taken: BackupOutcome | null; deleted: string[] }> {
  const schedule = config.backupSchedule;
  if (!schedule) return { taken: null, deleted: [] };
  const slot = new Date(Math.floor(now.getTime() / schedule.everyMs) * schedule.everyMs);
  fs.mkdirSync(config.backupDir, { recursive: true });
  const target = path.join(config.backupDir, backupFileName(config.databaseKind, slot));
  const claim = `${target}.claim`;
  if (fs.existsSync(target)) return { taken: null, deleted: [] };
  // A claim left by an instance that died mid-backup would otherwise block this interval for good.
  if (fs.existsSync(claim) && now.getTime() - fs.statSync(claim).mtimeMs > STALE_CLAIM_MS) fs.rmSync(claim, { force: true });
  let fd: number;
  try {
    fd = fs.openSync(claim, 'wx');
  } catch {
    return { taken: null, deleted: [] };
  }
  fs.closeSync(fd);
  try {
    const taken = await takeBackup(config, target, slot);
    if (!taken.report.ok) throw new Error(`the backup ${target} did not verify: ${taken.report.problems.join('; ')}`);
    return { taken, deleted: pruneBackups(config.backupDir, schedule.keep) };
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

/** Deletes all but the newest `keep` backups Hearth named (hearth-<time>.sqlite|dump); returns what went. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const doomed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of doomed) fs.rmSync(path.join(dir, name), { force: true });
  return doomed;
}

const CHECK_EVERY_MS = 60_000;

/** Checks the schedule every minute (and once at start); a log line for every backup taken or failed. */
export function startScheduledBackups(config: Config, log: ScheduledLog): () => void {
  if (!config.backupSchedule) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { taken, deleted } = await runScheduledBackup(config, new Date());
      if (taken) {
        const checked = taken.report.depth === 'full' ? 'taken and verified' : `taken; ${taken.report.notes.join('; ')}`;
        log.info({ job: 'backup', file: taken.file, bytes: taken.bytes, ms: taken.ms, verified: taken.report.depth, deleted }, `scheduled backup ${checked}`);
      }
    } catch (err) {
      log.error({ job: 'backup', err }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

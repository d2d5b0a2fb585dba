import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/env.js';

/** A backup, restore or verify request that cannot be carried out; nothing was changed. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Backups Hearth names itself: `hearth-<UTC time>.<sqlite|dump>`, sorted oldest first by name. */
export const BACKUP_NAME = /^hearth-(\d{8}T\d{6}Z)\.(sqlite|dump)$/;

/** The file name of a backup taken at `at`: hearth-20261203T221500Z.sqlite (or .dump on PostgreSQL). */
export function backupFileName(kind: 'sqlite' | 'postgres', at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `hearth-${stamp}.${kind === 'sqlite' ? 'sqlite' : 'dump'}`;
}

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realDir(dir: string): string | null {
  try {
    return fs.realpathSync(dir);
  } catch {
    return null;
  }
}

/**
 * Where a backup is written: `to` when given, else a new name in the backup folder. A file may
 * only be written inside the backup folder or the data folder (symbolic links resolved, so a link
 * cannot lead out), into a folder that exists, and never over an existing file.
 */
export function resolveBackupTarget(config: Config, to: string | undefined, now = new Date()): string {
  if (to === undefined) {
    fs.mkdirSync(config.backupDir, { recursive: true });
    return path.join(config.backupDir, backupFileName(config.databaseKind, now));
  }
  if (to.trim() === '') throw new BackupError('backup_path_missing', '--to needs a file name.');
  const target = path.resolve(to);
  const parent = realDir(path.dirname(target));
  if (!parent) throw new BackupError('backup_dir_missing', `The folder ${path.dirname(target)} does not exist.`);
  const roots = [config.backupDir, config.dataDir].map(realDir).filter((r): r is string => r !== null);
  if (!roots.some((root) => inside(root, parent))) {
    throw new BackupError(
      'backup_path_outside',
      `${target} is outside the folders backups may be written to (${config.backupDir} — HEARTH_BACKUP_DIR — or the data folder ${config.dataDir}).`,
    );
  }
  const resolved = path.join(parent, path.basename(target));
  if (fs.existsSync(resolved)) throw new BackupError('backup_exists', `${resolved} already exists; a backup never overwrites a file.`);
  return resolved;
}

/** Writes a file's data and its directory entry to disk before it is called done. */
export function syncFileAndDir(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const dirFd = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

/**
 * Writes a file so that it either appears whole under its name or not at all: `write` fills a
 * file beside it (`target` + `suffix`), which is synced, renamed to `target` and synced again (the
 * directory too). On any failure the partial file is removed and the error passed on.
 */
export async function writeAtomically(target: string, suffix: string, write: (partial: string) => Promise<void> | void): Promise<void> {
  const partial = `${target}${suffix}`;
  try {
    await write(partial);
    syncFileAndDir(partial);
    fs.renameSync(partial, target);
    syncFileAndDir(target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

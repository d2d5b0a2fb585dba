import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The command lines as an operator runs them: exit codes and messages of the backup and
// rollback commands, on a real SQLite data folder.
let root: string;
let dataDir: string;

function run(script: 'hearth' | 'migrate', args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/server/cli/${script}.ts`, ...args], {
    env: { ...process.env, NODE_ENV: 'test', HEARTH_DATA_DIR: dataDir, HEARTH_DEMO_SEED: 'false', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-'));
  dataDir = path.join(root, 'data');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('backup and migrate command lines', () => {
  it('migrates, backs up, verifies, refuses bad requests with exit 2, and rolls back one step', () => {
    expect(run('migrate', []).status).toBe(0);
    const backup = run('hearth', ['backup']);
    expect(backup.status).toBe(0);
    const file = /Backup written: (\S+)/.exec(backup.out)?.[1];
    expect(file && fs.existsSync(file)).toBe(true);
    expect(backup.out).toMatch(/^OK: .*\(sqlite\)$/m);
    expect(run('hearth', ['verify', file!]).status).toBe(0);

    const outside = run('hearth', ['backup', '--to', path.join(root, 'b.sqlite')]);
    expect(outside.status).toBe(2);
    expect(outside.err).toMatch(/outside the folders backups may be written to.*\[backup_path_outside\]/);
    const over = run('hearth', ['restore', file!]);
    expect(over.status).toBe(2);
    expect(over.err).toMatch(/\[restore_target_not_empty\]/);

    const status = run('migrate', ['status']);
    const applied = status.out.trim().split('\n');
    expect(applied.every((line) => line.startsWith('applied'))).toBe(true);
    const unknown = run('migrate', ['down', '--to', '20990101T0000_nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toMatch(/No migration is called "20990101T0000_nope"/);
    expect(run('migrate', ['status']).out).toBe(status.out);

    const down = run('migrate', ['down']);
    expect(down.status).toBe(0);
    expect(down.out).toMatch(/^Rolled back: \S+\.$/m);
    expect(run('migrate', ['status']).out.trim().split('\n').at(-1)).toMatch(/^pending /);
  }, 180_000);
});

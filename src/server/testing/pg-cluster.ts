import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

/**
 * A throwaway PostgreSQL cluster of its own (initdb in a temporary folder, a free port on
 * 127.0.0.1, trust authentication), for tests and benchmarks that stop and start the database
 * server itself: the machine's shared cluster, which other tests use at the same time, is never
 * touched. initdb and the server refuse to run as root, so as root every command runs as the
 * `postgres` user (`runuser -u postgres`, Debian's packages create that user) in a folder it owns.
 */
export interface PrivateCluster {
  /** The port it listens on (127.0.0.1). */
  port: number;
  /** The folder holding the data directory, the socket and the log. */
  dir: string;
  /** A connection URL to `database` on this cluster, as the `postgres` superuser. */
  url(database?: string): string;
  /** `pg_ctl stop -m fast`: disconnects every client, checkpoints, and stops. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops it (immediately) if running and deletes its folder. Safe to call twice. */
  remove(): Promise<void>;
  /** The server's log so far (for failure messages). */
  log(): string;
}

const COMMAND_TIMEOUT_MS = 60_000;

/**
 * The folder holding initdb and pg_ctl: HEARTH_PG_BINDIR, else the newest Debian/Ubuntu install
 * under /usr/lib/postgresql/<version>/bin, else `pg_config --bindir`. Null when none has both.
 */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string | null {
  const usable = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  if (env.HEARTH_PG_BINDIR) return usable(env.HEARTH_PG_BINDIR) ? env.HEARTH_PG_BINDIR : null;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = path.join(debian, version, 'bin');
      if (usable(dir)) return dir;
    }
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bindir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  return bindir && usable(bindir) ? bindir : null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The uid and gid of the `postgres` user, from /etc/passwd (root only needs it). */
function postgresUser(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root, a private PostgreSQL cluster needs a "postgres" user to run initdb as; there is none.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root; rejects with its output on failure. */
function runPg(bindir: string, program: string, args: string[]): Promise<string> {
  const file = path.join(bindir, program);
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    execFile(command, argv, { timeout: COMMAND_TIMEOUT_MS, encoding: 'utf8', cwd: os.tmpdir() }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}

// Clusters still running when the process exits are stopped, so none outlives a crashed run.
const running = new Map<string, { bindir: string; data: string }>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [dir, { bindir, data }] of running) {
      const args = ['-D', data, '-m', 'immediate', '-w', '-t', '10', 'stop'];
      if (isRoot()) spawnSync('runuser', ['-u', 'postgres', '--', path.join(bindir, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else spawnSync(path.join(bindir, 'pg_ctl'), args, { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Creates and starts a private cluster. Throws (with the reason) when the binaries are missing or
 * initdb or the server fail; the caller decides whether that is a skip or a failure.
 */
export async function createPrivateCluster(options: { bindir?: string; settings?: Record<string, string> } = {}): Promise<PrivateCluster> {
  const bindir = options.bindir ?? findPostgresBinaries();
  if (!bindir) throw new Error('No PostgreSQL server binaries (initdb, pg_ctl) found: install postgresql, or set HEARTH_PG_BINDIR.');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    fs.chownSync(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o700);
  let port = 0;
  let removed = false;
  try {
    await runPg(bindir, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: dir, max_connections: '60', shared_buffers: '16MB', ...options.settings };
    const serverOptions = () => [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    const start = async () => {
      await runPg(bindir, 'pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '30', '-o', serverOptions(), 'start']);
      running.set(dir, { bindir, data });
      installExitHook();
    };
    // A port found free may be taken by the time the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const cluster: PrivateCluster = {
      port,
      dir,
      url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
      async stop() {
        await runPg(bindir, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
        running.delete(dir);
      },
      start,
      async remove() {
        if (removed) return;
        removed = true;
        if (running.has(dir)) await runPg(bindir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
        running.delete(dir);
        await rm(dir, { recursive: true, force: true });
      },
      log: () => {
        try {
          return fs.readFileSync(logFile, 'utf8');
        } catch {
          return '';
        }
      },
    };
    return cluster;
  } catch (error) {
    if (running.has(dir)) await runPg(bindir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    running.delete(dir);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

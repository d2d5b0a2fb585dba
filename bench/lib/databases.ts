import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onInterrupt } from './cleanup.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** A database engine a benchmark can run on; each `provision()` gives a fresh, empty database. */
export interface DatabaseTarget {
  kind: DatabaseKind;
  /** Where it lives, for the run header (no credentials: trust auth only). */
  where: string;
  provision(): Promise<ProvisionedDatabase>;
}

/** A fresh database and the Hearth environment variables that point at it. */
export interface ProvisionedDatabase {
  kind: DatabaseKind;
  env: Record<string, string>;
  /** Server processes working for this database (PostgreSQL backends), for CPU accounting. */
  backendPids(): Promise<number[]>;
  dispose(): Promise<void>;
}

const LOCAL_POSTGRES = ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres'];

/**
 * SQLite always; PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL (an error if it does
 * not answer), else a local server on 127.0.0.1:5432 with trust auth, if one answers.
 * BENCH_DATABASES=sqlite or =postgres keeps only that one.
 */
export async function findDatabaseTargets(): Promise<{ targets: DatabaseTarget[]; notes: string[] }> {
  const only = process.env.BENCH_DATABASES?.trim();
  if (only && only !== 'sqlite' && only !== 'postgres') throw new Error(`BENCH_DATABASES: expected sqlite or postgres, got ${JSON.stringify(only)}`);
  const found = await findAllDatabaseTargets();
  if (!only) return found;
  const targets = found.targets.filter((t) => t.kind === only);
  if (targets.length === 0) throw new Error(`BENCH_DATABASES=${only}: no such database is available\n${found.notes.join('\n')}`);
  return { targets, notes: [] };
}

async function findAllDatabaseTargets(): Promise<{ targets: DatabaseTarget[]; notes: string[] }> {
  const targets: DatabaseTarget[] = [sqliteTarget()];
  const explicit = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (explicit) {
    const problem = await cannotCreateDatabases(explicit);
    if (problem) throw new Error(`PostgreSQL at ${redact(explicit)} cannot be used: ${problem}`);
    targets.push(postgresTarget(explicit));
    return { targets, notes: [] };
  }
  const tried: string[] = [];
  for (const url of LOCAL_POSTGRES) {
    const problem = await cannotCreateDatabases(url);
    if (!problem) {
      targets.push(postgresTarget(url));
      return { targets, notes: [] };
    }
    tried.push(`${url}: ${problem}`);
  }
  return { targets, notes: [`PostgreSQL skipped (set BENCH_DATABASE_URL to include it):\n    ${tried.join('\n    ')}`] };
}

function sqliteTarget(): DatabaseTarget {
  return {
    kind: 'sqlite',
    where: `${os.tmpdir()}/hearth-bench-*/hearth.sqlite`,
    async provision() {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-bench-'));
      const dispose = () => fs.rm(dir, { recursive: true, force: true });
      const unregister = onInterrupt(dispose);
      return {
        kind: 'sqlite',
        env: { HEARTH_DATA_DIR: dir },
        // SQLite runs inside the server process.
        backendPids: async () => [],
        async dispose() {
          unregister();
          await dispose();
        },
      };
    },
  };
}

function postgresTarget(adminUrl: string): DatabaseTarget {
  return {
    kind: 'postgres',
    where: redact(adminUrl),
    async provision() {
      const name = `hearth_bench_${randomBytes(6).toString('hex')}`;
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
      // Every later connection to this database (Hearth's pool included) starts with these.
      for (const [setting, value] of postgresSettingsFromEnv()) {
        await adminQuery(adminUrl, `ALTER DATABASE ${name} SET ${setting} = '${value}'`);
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      // One kept connection answers backendPids(): benchmarks ask before and after every measured
      // window, and a new connection each time would cost more than the question.
      let watcher: Promise<pg.Client> | null = null;
      const closeWatcher = async () => {
        const client = watcher;
        watcher = null;
        if (client) await (await client).end().catch(() => {});
      };
      const dispose = async () => {
        await closeWatcher();
        await dropDatabase(adminUrl, name);
      };
      const unregister = onInterrupt(dispose);
      return {
        kind: 'postgres',
        env: { DATABASE_URL: url.toString() },
        async backendPids() {
          watcher ??= (async () => {
            const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
            await client.connect();
            return client;
          })();
          try {
            const client = await watcher;
            // Its own backend is in the admin database, so it is never counted as the bench database's.
            const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
            return rows.map((row) => Number(row.pid));
          } catch (error) {
            await closeWatcher();
            throw error;
          }
        },
        async dispose() {
          unregister();
          await dispose();
        },
      };
    },
  };
}

/**
 * BENCH_PG_SETTINGS, e.g. `random_page_cost=1.1,work_mem=8MB`: planner or server settings for the
 * bench databases, to try a setting without touching the server's configuration.
 */
export function postgresSettingsFromEnv(source: NodeJS.ProcessEnv = process.env): [string, string][] {
  const raw = source.BENCH_PG_SETTINGS?.trim();
  if (!raw) return [];
  return raw.split(',').map((pair) => {
    const match = /^\s*([a-z_][a-z0-9_.]*)\s*=\s*([A-Za-z0-9_.-]+)\s*$/.exec(pair);
    if (!match) throw new Error(`BENCH_PG_SETTINGS: expected name=value pairs separated by commas, got ${JSON.stringify(pair)}`);
    return [match[1]!, match[2]!];
  });
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // FORCE (PostgreSQL 13+) ends connections a killed server may have left behind.
  try {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}

/** Null when the URL answers and its role may create databases; otherwise why not. */
async function cannotCreateDatabases(url: string): Promise<string | null> {
  try {
    const rows = await adminQuery(url, 'SELECT rolsuper OR rolcreatedb AS ok FROM pg_roles WHERE rolname = current_user');
    return rows[0]?.ok === true ? null : 'this role may not create databases';
  } catch (error) {
    return error instanceof Error ? error.message || error.constructor.name : String(error);
  }
}

async function adminQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The URL without any password, for printing. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type pg from 'pg';
import { loadPg } from '../db/database.js';
import { BackupError, writeAtomically } from './backup-paths.js';
import { migrationFindings, type VerifyReport } from './verify-report.js';

const run = promisify(execFile);

/**
 * The connection for PostgreSQL's client tools: the URL without its password (which would show in
 * the process list) and the password in PGPASSWORD instead.
 */
function toolConnection(url: string): { dbArg: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbArg: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function requireTool(tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  try {
    await run(tool, ['--version']);
  } catch {
    throw new BackupError(
      'pg_tools_missing',
      `${tool} is not installed on this machine. PostgreSQL backups are made and restored with PostgreSQL's own client tools: ` +
        "install them (Debian/Ubuntu: apt-get install postgresql-client), at the server's major version or newer, and run the command again.",
    );
  }
}

function toolFailure(tool: string, error: unknown): BackupError {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  return new BackupError('pg_tool_failed', `${tool} failed: ${stderr || (error as Error).message}`);
}

/**
 * `pg_dump -Fc`: PostgreSQL's own consistent snapshot of the whole database (one repeatable-read
 * transaction, so writes during the dump are either wholly in it or not at all), compressed, in the
 * custom format pg_restore reads. Written beside its name, synced, then renamed.
 */
export async function backupPostgres(url: string, target: string): Promise<{ bytes: number; ms: number }> {
  await requireTool('pg_dump');
  const started = Date.now();
  const { dbArg, env } = toolConnection(url);
  try {
    await writeAtomically(target, '.partial', async (partial) => {
      await run('pg_dump', ['--format=custom', '--file', partial, '--dbname', dbArg], { env, maxBuffer: 16 * 1024 * 1024 });
    });
  } catch (error) {
    throw error instanceof BackupError ? error : toolFailure('pg_dump', error);
  }
  return { bytes: fs.statSync(target).size, ms: Date.now() - started };
}

/** True when the file starts like a pg_dump custom-format archive. */
export function looksLikePgDump(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(5);
    fs.readSync(fd, header, 0, 5, 0);
    return header.toString('latin1') === 'PGDMP';
  } finally {
    fs.closeSync(fd);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new (loadPg().Client)({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Tables of the database's own schemas (not PostgreSQL's catalogues). */
async function userTables(client: pg.Client): Promise<{ schema: string; name: string }[]> {
  const result = await client.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by table_schema, table_name`,
  );
  return result.rows.map((r) => ({ schema: r.table_schema, name: r.table_name }));
}

/**
 * Restores a `pg_dump -Fc` archive into the configured database, which must hold no tables, in one
 * transaction (`--single-transaction --exit-on-error`: all of it or nothing). Owners and grants
 * are not restored (`--no-owner --no-acl`): the objects belong to the user restoring.
 */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await requireTool('pg_restore');
  const present = await withClient(url, userTables);
  if (present.length) {
    const name = new URL(url).pathname.slice(1);
    throw new BackupError(
      'restore_target_not_empty',
      `The database ${name} already holds ${present.length} table(s) (${present
        .slice(0, 5)
        .map((t) => t.name)
        .join(', ')}…). ` +
        `Restore only goes into an empty database: create one (createdb ${name}_restored) and point DATABASE_URL at it, ` +
        'or drop and recreate this one once you are sure it is not needed.',
    );
  }
  const { dbArg, env } = toolConnection(url);
  try {
    await run('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--dbname', dbArg, file], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw toolFailure('pg_restore', error);
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Verifies a `pg_dump -Fc` archive the only way that proves it restores: into a scratch database
 * created for the purpose (CREATE DATABASE on the configured server) and dropped afterwards, then
 * reading the migrations it records and the rows per table. Without a PostgreSQL server to use,
 * or without the right to create a database, only the archive's table of contents is read, and
 * the report says so.
 */
export async function verifyPgDump(file: string, url: string | undefined): Promise<VerifyReport> {
  await requireTool('pg_restore');
  let toc: string;
  try {
    toc = (await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    throw new BackupError('backup_unreadable', `${file} is not a readable pg_dump archive: ${toolFailure('pg_restore', error).message}`);
  }
  const tocTables = [...toc.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => m[2]!);
  const base = { file, format: 'pg_dump' as const, depth: 'full' as const, notes: [] as string[] };
  const contentsOnly = (why: string): VerifyReport => {
    const problems = tocTables.includes('kysely_migration') ? [] : ['the archive holds no kysely_migration table: not a Hearth database'];
    return {
      ...base,
      ok: problems.length === 0,
      problems,
      depth: 'contents-only',
      notes: [`not restored to check it (${why}); the table of contents lists ${tocTables.length} tables with data`],
      integrity: 'table of contents read with pg_restore --list; the data itself was not read back',
      migrations: { applied: 0, known: 0, latest: null, pending: [], unknown: [] },
      tables: [],
    };
  };
  if (!url) return contentsOnly('set DATABASE_URL to a PostgreSQL server where a scratch database may be created to check it fully');
  const scratch = `hearth_verify_${randomBytes(6).toString('hex')}`;
  try {
    await withClient(url, (c) => c.query(`create database ${scratch}`));
  } catch (error) {
    return contentsOnly(`CREATE DATABASE was refused: ${(error as Error).message}; grant CREATEDB to the backup user for a full check`);
  }
  try {
    const scratchUrl = withDatabase(url, scratch);
    const { dbArg, env } = toolConnection(scratchUrl);
    try {
      await run('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--dbname', dbArg, file], { env, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      return {
        ...base,
        ok: false,
        problems: [toolFailure('pg_restore', error).message],
        integrity: 'FAILED: the archive does not restore',
        migrations: migrationFindings([]).summary,
        tables: [],
      };
    }
    return await withClient(scratchUrl, async (client) => {
      const tables = [];
      for (const t of await userTables(client)) {
        const count = await client.query<{ n: string }>(`select count(*) as n from "${t.schema}"."${t.name}"`);
        tables.push({ name: t.schema === 'public' ? t.name : `${t.schema}.${t.name}`, rows: Number(count.rows[0]?.n ?? 0) });
      }
      const applied = tables.some((t) => t.name === 'kysely_migration')
        ? (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name)
        : [];
      const found = migrationFindings(applied);
      return {
        ...base,
        ok: found.problems.length === 0,
        problems: found.problems,
        integrity: 'ok (restored into a scratch database with pg_restore)',
        migrations: found.summary,
        tables,
      };
    });
  } finally {
    await withClient(url, (c) => c.query(`drop database if exists ${scratch} with (force)`)).catch(() => undefined);
  }
}

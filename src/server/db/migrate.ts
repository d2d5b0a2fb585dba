import { Migrator, NO_MIGRATIONS, sql, type Kysely, type Migration } from 'kysely';
import { openDatabase, type Db } from './database.js';
import { migrations } from './migrations/index.js';
import { describeSchema, type SchemaShape } from './schema-shape.js';

export interface MigrateOptions {
  /** PostgreSQL schema holding the bookkeeping tables (tests give each app its own). */
  schema?: string;
  /** The migrations to apply or undo: Hearth's own unless a test gives its own list. */
  migrations?: Record<string, Migration>;
}

/** Raised for a rollback request that cannot or must not run; nothing has been changed. */
export class MigrationRequestError extends Error {}

/** The one value of `--to` that means "roll everything back". */
export const ALL_THE_WAY_DOWN = '0';

/**
 * Kysely's Migrator runs a whole batch (every migration one call applies or undoes) in one
 * transaction on both databases: PostgreSQL's DDL is transactional, and so is SQLite's, which
 * `openDatabase` tells Kysely (its SQLite adapter says otherwise by default, and ran each
 * statement bare). A migration that fails midway, up or down, leaves the schema and the
 * bookkeeping exactly as they were before the call.
 */
function migrator(db: Db | Kysely<unknown>, options: MigrateOptions): Migrator {
  const list = options.migrations ?? migrations;
  return new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => list },
    // With several schemas in one PostgreSQL database (tests), the bookkeeping tables must be
    // looked up in this schema, not wherever introspection first finds them.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
}

function throwIfFailed(outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>, verb: string): string[] {
  const { error, results } = outcome;
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`${verb} failed${name}: ${String(error instanceof Error ? error.message : error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, options: MigrateOptions = {}): Promise<string[]> {
  return throwIfFailed(await migrator(db, options).migrateToLatest(), 'Migration');
}

/** Every known migration in order, with when it was applied (null: not applied). */
export async function migrationStatus(db: Db, options: MigrateOptions = {}): Promise<{ name: string; executedAt: string | null }[]> {
  const known = await migrator(db, options).getMigrations();
  return known.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

/** What rolling back to a target would destroy: tables and columns that disappear, with their data. */
export interface RollbackPlan {
  /** Migrations that would be undone, latest first. */
  undo: string[];
  /** Tables that would be dropped, with their row counts in this database. */
  tables: { name: string; rows: number }[];
  /** Columns that would be dropped, with how many rows hold a value in them. */
  columns: { table: string; column: string; values: number }[];
}

/**
 * Works out which migrations `target` undoes and what that would drop, without touching the
 * database: the same rollback is rehearsed on a scratch in-memory SQLite database (the schema is
 * the same on both databases), and the tables and columns that vanish there are counted here.
 * `target` is a migration name that stays applied, or `0` for all of them; `undefined` undoes
 * the latest one. A name that is not a migration, or one not applied, is refused.
 */
export async function planRollback(db: Db, target: string | undefined, options: MigrateOptions = {}): Promise<RollbackPlan & { target: string }> {
  const status = await migrationStatus(db, options);
  const applied = status.filter((m) => m.executedAt !== null).map((m) => m.name);
  if (applied.length === 0) throw new MigrationRequestError('No migration is applied: there is nothing to roll back.');
  let resolved: string;
  if (target === undefined) {
    resolved = applied.length >= 2 ? applied[applied.length - 2]! : ALL_THE_WAY_DOWN;
  } else if (target === ALL_THE_WAY_DOWN) {
    resolved = ALL_THE_WAY_DOWN;
  } else if (!status.some((m) => m.name === target)) {
    throw new MigrationRequestError(`No migration is called "${target}". Known migrations:\n  ${status.map((m) => m.name).join('\n  ')}`);
  } else if (!applied.includes(target)) {
    throw new MigrationRequestError(`Migration ${target} is not applied, so there is nothing to roll back to (run npm run migrate to apply it).`);
  } else {
    resolved = target;
  }
  const undo = resolved === ALL_THE_WAY_DOWN ? [...applied].reverse() : applied.slice(applied.indexOf(resolved) + 1).reverse();
  if (undo.length === 0) throw new MigrationRequestError(`${resolved} is already the latest applied migration: nothing to roll back.`);
  const { vanishedTables, vanishedColumns } = await rehearse(applied[applied.length - 1]!, resolved, options);
  const tables = [];
  for (const name of vanishedTables) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    tables.push({ name, rows: Number(row.rows[0]?.n ?? 0) });
  }
  const columns = [];
  for (const { table, column } of vanishedColumns) {
    const row = await sql<{ n: number | string }>`select count(${sql.ref(column)}) as n from ${sql.table(table)}`.execute(db);
    columns.push({ table, column, values: Number(row.rows[0]?.n ?? 0) });
  }
  return { target: resolved, undo, tables, columns };
}

async function rehearse(latest: string, target: string, options: MigrateOptions): Promise<{ vanishedTables: string[]; vanishedColumns: { table: string; column: string }[] }> {
  const scratch = openDatabase({ kind: 'sqlite', sqliteFile: ':memory:' });
  try {
    const list = options.migrations ? { migrations: options.migrations } : {};
    throwIfFailed(await migrator(scratch.db, list).migrateTo(latest), 'Rehearsal migration');
    const before = await describeSchema(scratch.db, 'sqlite');
    throwIfFailed(await migrator(scratch.db, list).migrateTo(target === ALL_THE_WAY_DOWN ? NO_MIGRATIONS : target), 'Rehearsed rollback');
    const after = await describeSchema(scratch.db, 'sqlite');
    return diffShapes(before, after);
  } finally {
    await scratch.close();
  }
}

function diffShapes(before: SchemaShape, after: SchemaShape) {
  const vanishedTables = Object.keys(before.tables).filter((t) => !(t in after.tables) && !t.startsWith('kysely_'));
  const vanishedColumns = Object.entries(before.tables)
    .filter(([t]) => t in after.tables)
    .flatMap(([table, columns]) => columns.filter((c) => !after.tables[table]!.includes(c)).map((column) => ({ table, column })));
  return { vanishedTables, vanishedColumns };
}

/** True when carrying out the plan destroys stored rows or values. */
export function planLosesData(plan: RollbackPlan): boolean {
  return plan.tables.some((t) => t.rows > 0) || plan.columns.some((c) => c.values > 0);
}

/**
 * Rolls back to `target` (a migration name that stays applied, or `0`). Refuses, changing nothing,
 * when that would destroy stored data unless `discardData` is set — take a backup first.
 */
export async function migrateDown(db: Db, target: string | undefined, options: MigrateOptions & { discardData?: boolean } = {}): Promise<{ plan: RollbackPlan; undone: string[] }> {
  const plan = await planRollback(db, target, options);
  if (planLosesData(plan) && !options.discardData) {
    throw new MigrationRequestError(
      `Rolling back ${plan.undo.join(', ')} would delete stored data:\n${describeLosses(plan)}\n` +
        'Nothing was changed. Take a backup first (npm run hearth -- backup), then run the rollback again with --discard-data.',
    );
  }
  const outcome = await migrator(db, options).migrateTo(plan.target === ALL_THE_WAY_DOWN ? NO_MIGRATIONS : plan.target);
  return { plan, undone: throwIfFailed(outcome, 'Rollback') };
}

/** The plan's losses, one line per table or column that holds data. */
export function describeLosses(plan: RollbackPlan): string {
  return [
    ...plan.tables.filter((t) => t.rows > 0).map((t) => `  table ${t.name}: ${t.rows} row(s)`),
    ...plan.columns.filter((c) => c.values > 0).map((c) => `  column ${c.table}.${c.column}: ${c.values} value(s)`),
  ].join('\n');
}

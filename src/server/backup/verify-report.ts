import { migrations } from '../db/migrations/index.js';

/** What `verify` found in a backup. `ok` is false when anything in `problems`. */
export interface VerifyReport {
  file: string;
  format: 'sqlite' | 'pg_dump';
  ok: boolean;
  problems: string[];
  /** full: every check ran; contents-only: a pg_dump archive whose table of contents was read but which could not be restored to check (see `notes`). */
  depth: 'full' | 'contents-only';
  notes: string[];
  /** SQLite: the result of PRAGMA integrity_check; PostgreSQL: how the dump was read back. */
  integrity: string;
  migrations: { applied: number; known: number; latest: string | null; pending: string[]; unknown: string[] };
  tables: { name: string; rows: number }[];
}

/** Compares the migrations a backup records with the ones this version of Hearth knows. */
export function migrationFindings(applied: string[]): { summary: VerifyReport['migrations']; problems: string[] } {
  const known = Object.keys(migrations).sort();
  const done = new Set(applied);
  const unknown = applied.filter((name) => !known.includes(name)).sort();
  const pending = known.filter((name) => !done.has(name));
  const problems: string[] = [];
  if (applied.length === 0) problems.push('no Hearth migration is recorded: this is not a Hearth database (or an empty one)');
  if (unknown.length) problems.push(`made by a newer Hearth: it records migrations this version does not know (${unknown.join(', ')})`);
  return {
    summary: { applied: applied.length, known: known.length, latest: [...applied].sort().at(-1) ?? null, pending, unknown },
    problems,
  };
}

/** The report as the command line prints it. */
export function formatReport(report: VerifyReport): string {
  const m = report.migrations;
  const lines = [
    `${!report.ok ? 'NOT USABLE' : report.depth === 'full' ? 'OK' : 'NOT FULLY CHECKED'}: ${report.file} (${report.format})`,
    `  integrity: ${report.integrity}`,
    ...(report.depth === 'full'
      ? [
          `  schema: ${m.applied} migration(s) applied, latest ${m.latest ?? 'none'}` +
            (m.pending.length ? `; ${m.pending.length} newer one(s) will be applied at start-up` : '; current'),
          `  rows per table:`,
          ...report.tables.map((t) => `    ${t.name.padEnd(28)} ${String(t.rows).padStart(9)}`),
        ]
      : ['  schema and rows: not read (the archive was not restored)']),
    ...report.notes.map((n) => `  note: ${n}`),
    ...report.problems.map((p) => `  problem: ${p}`),
  ];
  return lines.join('\n');
}

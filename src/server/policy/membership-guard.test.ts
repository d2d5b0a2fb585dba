import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Membership is decided in one place (policy/membership.ts). This test fails when server code
// filters enrolments by status or queries group_facilitators anywhere else, so a new surface
// cannot quietly grow its own status set again.

const SERVER = join(import.meta.dirname, '..');

/** Files that may name group_facilitators, each with its reason. Nothing here filters enrolments by status. */
const FACILITATOR_TABLE_ALLOWED: Record<string, string> = {
  'db/migrations/20261126T1200_foundation.ts': 'creates the table',
  'modules/groups/create-group.ts': 'writes the facilitator rows of a new group',
  'modules/groups/set-facilitators.ts': 'replaces a group’s facilitator rows, and reads whether the caller is its lead (lead vs co is not a membership level)',
  'modules/isolation/isolation-testing.ts': 'writes the facilitator row of each test group it makes (a test helper)',
  'modules/data-rights/erasure-plan.ts': 'counts the facilitator rows that name an erased person (kept as staff actions); decides no access',
  'modules/groups/repository.ts': 'the group list shows the caller’s own facilitator role per group (a left join on the caller)',
  'seed/demo.ts': 'writes the demo groups’ facilitators',
  'testing/fixtures.ts': 'writes test groups’ facilitators',
};

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Query chains: each statement cut where a new query starts, enough to see which table a filter is on. */
function statements(source: string): string[] {
  return source.split(/;\s*\n/).flatMap((statement) => statement.split(/(?=\.(?:selectFrom|updateTable|deleteFrom)\()/));
}

/**
 * Enrolment-status filters in a source text: a `where` on `status` (or `<alias>.status`) in a
 * statement that reads `enrolments`, or on `enrolments.status` anywhere.
 */
export function enrolmentStatusFilters(source: string): string[] {
  const found: string[] = [];
  for (const statement of statements(source)) {
    if (!/['"]enrolments(\s+as\s+\w+)?['"]/.test(statement) && !/enrolments\.status/.test(statement)) continue;
    const aliases = ['enrolments', ...[...statement.matchAll(/['"]enrolments\s+as\s+(\w+)['"]/g)].map((m) => m[1])];
    const tableColumns = aliases.map((a) => `${a}\\.status`).join('|');
    // Unqualified 'status' counts only when enrolments is the query's own table, not a joined one.
    const ownTable = /selectFrom\(\s*['"]enrolments['"]\s*\)|updateTable\(\s*['"]enrolments['"]\s*\)/.test(statement);
    const column = ownTable ? `(?:${tableColumns}|status)` : `(?:${tableColumns})`;
    const filter = new RegExp(`(?:where|eb|on)\\(\\s*['"]${column}['"]\\s*,\\s*['"](?:=|!=|<>|in|not in)['"]`, 'g');
    for (const match of statement.matchAll(filter)) found.push(match[0]);
  }
  return found;
}

/** Mentions of the group_facilitators table. */
export function facilitatorQueries(source: string): string[] {
  return [...source.matchAll(/['"`]group_facilitators\b[^'"`]*['"`]/g)].map((m) => m[0]);
}

describe('membership guard', () => {
  const files = serverFiles(SERVER).map((path) => ({ rel: relative(SERVER, path).split(sep).join('/'), source: readFileSync(path, 'utf8') }));

  it('finds the server sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.rel === 'policy/membership.ts')).toBe(true);
  });

  it('refuses an enrolment-status filter outside policy/', () => {
    const offenders = files
      .filter((f) => !f.rel.startsWith('policy/') && !f.rel.startsWith('db/migrations/'))
      .flatMap((f) => enrolmentStatusFilters(f.source).map((hit) => `${f.rel}: ${hit}`));
    expect(offenders, 'filter enrolments with enrolmentAt(level) / requireMember from policy/membership.ts').toEqual([]);
  });

  it('refuses a group_facilitators query outside policy/ and the allow-list', () => {
    const offenders = files.filter((f) => !f.rel.startsWith('policy/') && !(f.rel in FACILITATOR_TABLE_ALLOWED) && facilitatorQueries(f.source).length > 0).map((f) => f.rel);
    expect(offenders, 'use facilitatorsOf / isFacilitator / facilitatedGroupIds from policy/membership.ts').toEqual([]);
  });

  it('keeps the allow-list honest: every entry exists and still names the table', () => {
    for (const rel of Object.keys(FACILITATOR_TABLE_ALLOWED)) {
      const file = files.find((f) => f.rel === rel);
      expect(file, rel).toBeDefined();
      expect(facilitatorQueries(file?.source ?? ''), rel).not.toEqual([]);
    }
  });

  it('recognises the shapes it guards against', () => {
    expect(enrolmentStatusFilters(`db.selectFrom('enrolments').select('id').where('status', 'in', ['active', 'paused']).execute();\n`)).toHaveLength(1);
    expect(enrolmentStatusFilters(`db.selectFrom('enrolments as e').where('e.status', '=', 'active');\n`)).toHaveLength(1);
    expect(enrolmentStatusFilters(`db.selectFrom('x').innerJoin('enrolments as en', 'en.id', 'x.e').where((eb) => eb('en.status', '!=', 'withdrawn'));\n`)).toHaveLength(1);
    expect(enrolmentStatusFilters(`db.selectFrom('goals').where('enrolments.status', 'in', statuses);\n`)).toHaveLength(1);
    expect(enrolmentStatusFilters(`db.updateTable('enrolments').set({ x: 1 }).where('status', '=', 'invited');\n`)).toHaveLength(1);
    // Not enrolments, or through the policy: allowed.
    expect(enrolmentStatusFilters(`db.selectFrom('referrals').where('status', '=', 'waitlisted');\n`)).toEqual([]);
    expect(enrolmentStatusFilters(`db.selectFrom('enrolments').where(enrolmentAt('reach', 'status'));\n`)).toEqual([]);
    expect(enrolmentStatusFilters(`db.selectFrom('group_sessions as s').innerJoin('enrolments as e', 'e.group_id', 's.group_id').where('s.status', '=', 'held');\n`)).toEqual([]);
    expect(facilitatorQueries(`db.selectFrom('group_facilitators as f')`)).toHaveLength(1);
    expect(facilitatorQueries(`facilitatorsOf(db, groupId)`)).toEqual([]);
  });
});

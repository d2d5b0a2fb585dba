import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeFiles } from '../testing/route-files.js';

// Route files only declare routes and call use cases (ARCHITECTURE.md, "One shape per module").
// This test fails when a `routes.ts` (or `*-routes.ts`) holds a database query — a Kysely builder,
// raw `sql`, an executed statement or a transaction — so a use case cannot quietly grow inside a
// handler again.

const MODULES = import.meta.dirname;

/** Every non-test source file of the modules, route files excepted. */
function useCaseFiles(dir = MODULES): { rel: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return useCaseFiles(path);
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts');
    const isRoutes = entry.name === 'routes.ts' || entry.name.endsWith('-routes.ts');
    return isSource && !isRoutes ? [{ rel: relative(MODULES, path).split(sep).join('/'), source: readFileSync(path, 'utf8') }] : [];
  });
}

/** Database work in a source text: a Kysely query builder, raw `sql`, or an executed statement. */
export function databaseQueries(source: string): string[] {
  const pattern = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(?:<[^>]*>)?`|\.execute(?:TakeFirst(?:OrThrow)?)?\(|\.transaction\(\)/g;
  return [...source.matchAll(pattern)].map((m) => m[0]);
}

describe('routes guard', () => {
  const files = routeFiles(MODULES);

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(25);
    expect(files.some((f) => f.rel === 'users/routes.ts')).toBe(true);
  });

  it('refuses a database query inside a routes file', () => {
    const offenders = files.flatMap((f) => databaseQueries(f.source).map((hit) => `${f.rel}: ${hit}`));
    expect(offenders, 'move the query into a use case (one file per use case) or the module’s repository.ts').toEqual([]);
  });

  it('keeps use cases off the HTTP request: only route files name RouteContext (use cases take UseCaseContext)', () => {
    const files = useCaseFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => /\bRouteContext\b/.test(f.source)).map((f) => f.rel);
    expect(offenders, 'take UseCaseContext from http/use-case.ts; pass what the request alone has (its logger) as an argument').toEqual([]);
  });

  it('recognises the shapes it guards against', () => {
    expect(databaseQueries(`await ctx.db.selectFrom('alerts').selectAll().execute();`)).toHaveLength(2);
    expect(databaseQueries(`await db.insertInto('x').values(v).executeTakeFirstOrThrow();`)).toHaveLength(2);
    expect(databaseQueries(`ctx.db.updateTable('x')`)).toHaveLength(1);
    expect(databaseQueries(`ctx.db.deleteFrom('x')`)).toHaveLength(1);
    expect(databaseQueries('await sql`select 1`.execute(db);')).toHaveLength(2);
    expect(databaseQueries('sql<number>`count(*)`')).toHaveLength(1);
    expect(databaseQueries(`await db.transaction().execute(run);`)).toHaveLength(2);
    // Calling a use case or a repository function is what a route does.
    expect(databaseQueries(`return presentUser(await findUserById(ctx.db, id));`)).toEqual([]);
    expect(databaseQueries(`const rows = await listUsers(ctx.db, query); // executes nothing itself`)).toEqual([]);
  });
});

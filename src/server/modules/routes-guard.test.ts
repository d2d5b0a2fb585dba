import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Route files only declare routes and call use cases (ARCHITECTURE.md, "Modules"). This test
// fails when a `routes.ts` (or `*-routes.ts`) holds a database query, so a use case cannot
// quietly grow inside a handler again.

const MODULES = import.meta.dirname;

/** Route files of every module. */
function routeFiles(): { rel: string; source: string }[] {
  return readdirSync(MODULES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(MODULES, dir.name))
        .filter((name) => name === 'routes.ts' || name.endsWith('-routes.ts'))
        .map((name) => ({ rel: `${dir.name}/${name}`, source: readFileSync(join(MODULES, dir.name, name), 'utf8') })),
    );
}

/** Database work in a source text: a Kysely query builder, raw `sql`, or an executed statement. */
export function databaseQueries(source: string): string[] {
  const pattern = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(?:<[^>]*>)?`|\.execute(?:TakeFirst(?:OrThrow)?)?\(|\.transaction\(\)/g;
  return [...source.matchAll(pattern)].map((m) => m[0]);
}

/** Route files still to be emptied of queries, each moving to use cases in its own commit. */
const PENDING = new Set<string>([
]);

describe('routes guard', () => {
  const files = routeFiles();

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(25);
    expect(files.some((f) => f.rel === 'users/routes.ts')).toBe(true);
  });

  it('refuses a database query inside a routes file', () => {
    const offenders = files.filter((f) => !PENDING.has(f.rel)).flatMap((f) => databaseQueries(f.source).map((hit) => `${f.rel}: ${hit}`));
    expect(offenders, 'move the query into a use case (one file per use case) or the module’s repository.ts').toEqual([]);
  });

  it('keeps the pending list honest: every entry exists and still holds a query', () => {
    for (const rel of PENDING) {
      const file = files.find((f) => f.rel === rel);
      expect(file, rel).toBeDefined();
      expect(databaseQueries(file?.source ?? ''), rel).not.toEqual([]);
    }
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

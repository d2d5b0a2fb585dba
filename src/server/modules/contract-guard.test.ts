import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeFiles } from '../testing/route-files.js';

// One API contract (issue 12, step 5): every request and response schema lives in
// `src/shared/schemas/<module>.ts`, where the web infers its types from it. A route file names
// schemas; it does not build them. This test fails when a `routes.ts` (or `*-routes.ts`) calls a zod
// builder — `z.object(`, `z.strictObject(`, `z.array(`, `z.record(`… — or derives a schema inline
// (`.extend(`, `.pick(`, `.omit(`, `.partial(`, `.merge(`).
//
// Route parameters: `idParams('groupId')` (shared/schemas/common.ts) is the shared helper for ids in
// the address and is not an inline schema; any other parameter object (the calendar feed's token)
// is a named schema in shared/schemas like a body.
//
// What is left is listed below, file by file, with the exact number of builder calls, so the list
// can only shrink: a new inline schema fails, and so does moving one out without updating the list.

const MODULES = import.meta.dirname;
const WEB = join(MODULES, '..', '..', 'web');

/**
 * Interfaces the web's api files may still declare. Web-only shapes (filters a page holds) are
 * genuinely the web's; the others mirror a server answer and are what is left to infer.
 */
const WEB_INTERFACES_ALLOWED = [
  'admin/api.ts: UserFilters', // the users page's filter state, sent as a query string
  'measures/api.ts: OutcomeFilters', // the outcomes page's filter state (its `to` is inclusive; the API's is not)
];

/** Route files that may build schemas inline, and how many builder calls each holds: none since session 8 (issue 12, step 5). */
const ALLOWED: Record<string, number> = {};

/** Schemas built or derived in a source text: zod builder calls and inline derivations. */
export function inlineSchemas(source: string): string[] {
  const pattern = /\bz\s*\.\s*[a-zA-Z]+\s*\(|\.\s*(?:extend|pick|omit|partial|merge)\s*\(/g;
  return [...source.matchAll(pattern)].map((m) => m[0].replace(/\s+/g, ''));
}

describe('contract guard', () => {
  const files = routeFiles(MODULES);

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(25);
    expect(files.some((f) => f.rel === 'space/moderation-routes.ts')).toBe(true);
  });

  it('refuses a schema built inside a routes file (beyond the listed remainder)', () => {
    const found = Object.fromEntries(files.map((f) => [f.rel, inlineSchemas(f.source).length] as const).filter(([, n]) => n > 0));
    expect(found, 'name a schema from src/shared/schemas/<module>.ts (and infer the web’s type from it); if you moved one out, shorten ALLOWED').toEqual(ALLOWED);
  });

  it('keeps hand-written interfaces out of the web’s api files (beyond the listed ones)', () => {
    const apiFiles = readdirSync(WEB, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(WEB, dir.name))
          .filter((name) => name === 'api.ts' || name === 'types.ts')
          .map((name) => `${dir.name}/${name}`),
      );
    expect(apiFiles.length).toBeGreaterThan(15);
    const declared = apiFiles.flatMap((rel) => [...readFileSync(join(WEB, rel), 'utf8').matchAll(/^\s*(?:export\s+)?interface\s+(\w+)/gm)].map((m) => `${rel}: ${m[1]}`));
    expect(declared.sort(), 'infer the type from its schema in src/shared/schemas (import type … ; z.infer / z.input)').toEqual([...WEB_INTERFACES_ALLOWED].sort());
  });

  it('recognises the shapes it guards against', () => {
    expect(inlineSchemas(`response: { 200: z.object({ id: z.uuid() }) },`)).toEqual(['z.object(', 'z.uuid(']);
    expect(inlineSchemas(`body: z.strictObject({ pinned: z.boolean() }),`)).toHaveLength(2);
    expect(inlineSchemas(`response: { 200: z.record(z.string(), z.string()) },`)).toHaveLength(3);
    expect(inlineSchemas(`response: { 200: enrolmentSchema.extend({ extra: shared }) },`)).toEqual(['.extend(']);
    expect(inlineSchemas(`query: z\n  .strictObject({})`)).toEqual(['z.strictObject(']);
    // Naming shared schemas, and ids in the address through the shared helper, is what a route does.
    expect(inlineSchemas(`params: idParams('groupId'), body: alertResolveBodySchema, response: { 200: alertListResponseSchema },`)).toEqual([]);
    expect(inlineSchemas(`import { z } from 'zod';`)).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One way to name cached data (issue 12, step 7): every TanStack Query key comes from the key
// factory of the feature that owns the data (`groupKeys.detail(id)`, in the feature's `api.ts`, or
// `keys.ts` when it has no `api.ts`). A feature that refreshes another feature's data imports that
// feature's factory, so renaming a key is one edit and an invalidation cannot silently miss.
// This test fails on a raw array literal `queryKey: [` anywhere in the web app, on a key or cache
// call (`setQueryData(`, `getQueryData(`) whose key is not read from a `…Keys` factory, and on a
// second factory in one feature.

const WEB = join(import.meta.dirname, '..');

function sources(dir: string): { rel: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith('.test.ts')) return [];
    return [{ rel: relative(WEB, path), source: readFileSync(path, 'utf8') }];
  });
}

/** `queryKey: [` literals: a key built where it is used instead of in its feature's factory. */
export function rawQueryKeys(source: string): string[] {
  return [...source.matchAll(/queryKey\s*:\s*\[[^\n]*/g)].map((m) => m[0]);
}

/** Keys given to the cache that do not come from a factory: `queryKey: X` or `setQueryData(X` with X not `somethingKeys.…`. */
export function keysNotFromFactories(source: string): string[] {
  const uses = [...source.matchAll(/queryKey\s*:\s*([^,}\n]+)|\b(?:set|get)QueryData\s*(?:<[^>]*>)?\(\s*([^,)\n]+)/g)];
  return (
    uses
      .map((m) => (m[1] ?? m[2] ?? '').trim())
      .filter((key) => !/^[a-z][A-Za-z]*Keys\.[A-Za-z]+/.test(key))
      // space/hooks.ts passes a factory key through a parameter named `queryKey` (its type annotation and the shorthand property).
      .filter((key) => key !== 'queryKey' && !key.startsWith('readonly '))
  );
}

describe('query-key guard', () => {
  const files = sources(WEB);

  it('finds the web sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.rel === join('groups', 'api.ts'))).toBe(true);
  });

  it('recognises a raw key and a key not from a factory', () => {
    expect(rawQueryKeys("useQuery({ queryKey: ['groups', id], queryFn })")).toHaveLength(1);
    expect(keysNotFromFactories("client.setQueryData(['groups', id], detail); useQuery({ queryKey: KEY })")).toEqual(["['groups'", 'KEY']);
    expect(keysNotFromFactories('client.setQueryData<Group>(groupKeys.detail(id), d); invalidateQueries({ queryKey: alertKeys.all })')).toEqual([]);
  });

  it('refuses a raw array literal as a query key', () => {
    const found = files.flatMap((f) => rawQueryKeys(f.source).map((k) => `${f.rel}: ${k}`));
    expect(found, "use (or add to) the feature's key factory: `groupKeys.detail(id)`, not `queryKey: ['groups', id]`").toEqual([]);
  });

  it('reads every cache key from a feature factory', () => {
    const found = files.flatMap((f) => keysNotFromFactories(f.source).map((k) => `${f.rel}: ${k}`));
    expect(found, "a query key comes from its feature's `…Keys` factory").toEqual([]);
  });

  it('has at most one key factory per feature, in its api.ts or keys.ts', () => {
    const factories = files.flatMap((f) => [...f.source.matchAll(/export const ([a-z][A-Za-z]*Keys) = \{/g)].map((m) => ({ file: f.rel, name: m[1] })));
    expect(factories.length).toBeGreaterThan(20);
    expect(
      factories.filter((f) => !/^[a-z-]+[\\/](api|keys)\.ts$/.test(f.file)),
      'a key factory lives in its feature’s api.ts or keys.ts',
    ).toEqual([]);
    const perFeature = new Map<string, string[]>();
    for (const f of factories) perFeature.set(f.file.split(/[\\/]/)[0]!, [...(perFeature.get(f.file.split(/[\\/]/)[0]!) ?? []), f.name]);
    expect([...perFeature].filter(([, names]) => names.length > 1)).toEqual([]);
  });
});

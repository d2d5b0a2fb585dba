import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, HearthResource } from './types.js';

/**
 * Bundles of Hearth's resources. `collection`: each entry's fullUrl is `<base>/<type>/<id>`, so the
 * literal references inside (`Patient/<id>`) resolve against it. `transaction`: ready to POST to an
 * EHR's FHIR endpoint — each entry gets a urn:uuid fullUrl and a `request` (POST to its type; the
 * Patient conditionally, `ifNoneExist` on its record number, so a person the EHR knows is not made
 * twice), ids are dropped (the server assigns them) and every reference to an entry is rewritten to
 * that entry's urn:uuid, as the transaction rules require.
 */

/** A collection Bundle of the resources, fullUrls under the base. */
export function collectionBundle(resources: readonly HearthResource[], base: string, now: Date): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${requireId(resource)}`, resource })),
  };
}

/** A transaction Bundle of the same resources: urn:uuid fullUrls, references resolved to them, POST requests. */
export function transactionBundle(resources: readonly HearthResource[], now: Date): Bundle {
  const urnOf = new Map(resources.map((r) => [`${r.resourceType}/${requireId(r)}`, `urn:uuid:${randomUUID()}`]));
  const entry: BundleEntry[] = resources.map((resource) => {
    const fullUrl = urnOf.get(`${resource.resourceType}/${requireId(resource)}`)!;
    const rest: Partial<HearthResource> = rewriteReferences(resource, urnOf);
    delete rest.id;
    const identifier = resource.resourceType === 'Patient' ? resource.identifier?.[0] : undefined;
    return {
      fullUrl,
      resource: rest as HearthResource,
      request: {
        method: 'POST',
        url: resource.resourceType,
        ...(identifier ? { ifNoneExist: `identifier=${encodeURIComponent(identifier.system)}|${encodeURIComponent(identifier.value)}` } : {}),
      },
    };
  });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'transaction', timestamp: now.toISOString(), entry };
}

function requireId(resource: HearthResource): string {
  if (!resource.id) throw new RangeError(`A ${resource.resourceType} in a Bundle needs an id.`);
  return resource.id;
}

/** A deep copy with every `reference` that names a bundled resource replaced by its urn:uuid. */
function rewriteReferences<T>(value: T, urnOf: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, urnOf)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'reference' && typeof v === 'string' && urnOf.has(v) ? urnOf.get(v) : rewriteReferences(v, urnOf);
  }
  return out as T;
}

/** References in a Bundle that name nothing in it (a transaction must have none). */
export function unresolvedReferences(bundle: Bundle): string[] {
  const known = new Set(bundle.entry.map((e) => e.fullUrl));
  const relative = new Set(bundle.entry.map((e) => (e.resource.id ? `${e.resource.resourceType}/${e.resource.id}` : '')));
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'reference' && typeof v === 'string' && !known.has(v) && !relative.has(v)) found.push(v);
        else walk(v);
      }
    }
  };
  bundle.entry.forEach((e) => walk(e.resource));
  return found;
}

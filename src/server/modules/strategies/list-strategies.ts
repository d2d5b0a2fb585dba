import type { UseCaseContext } from '../../http/use-case.js';
import { presentStrategy } from './presenters.js';
import { listGroupStrategies, markCounts } from './repository.js';
import { viewerFor } from './viewer.js';

/** A page of the strategies shared in a group, newest first, as the caller may see them, with peers' marks (searchable). */
export async function listStrategies(ctx: UseCaseContext, groupId: string, query: { q?: string | undefined; before?: string | undefined; limit: number }) {
  const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
  const rows = await listGroupStrategies(ctx.db, viewer, groupId, { q: query.q, before: query.before, limit: query.limit });
  const page = rows.slice(0, query.limit);
  const counts = await markCounts(
    ctx.db,
    page.map((r) => r.id),
  );
  return {
    strategies: page.map((r) => presentStrategy(r, viewer, counts.get(r.id))),
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.created_at ?? null) : null,
  };
}

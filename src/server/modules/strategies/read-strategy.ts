import { notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { presentStrategy } from './presenters.js';
import { findVisibleStrategy, markCounts } from './repository.js';
import { viewerFor } from './viewer.js';

/** One shared strategy with its marks, if the caller may see it (held or withdrawn items only to their author and staff). */
export async function readStrategy(ctx: UseCaseContext, strategyId: string) {
  const { group_id: groupId } = await ctx.db.selectFrom('strategies').select('group_id').where('id', '=', strategyId).executeTakeFirstOrThrow();
  const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
  const row = await findVisibleStrategy(ctx.db, viewer, strategyId);
  if (!row) throw notFound('This strategy');
  return presentStrategy(row, viewer, (await markCounts(ctx.db, [strategyId])).get(strategyId));
}

import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

/**
 * The author takes a strategy they shared back: the group no longer sees it, and a library copy
 * made from it leaves the library too (their consent is withdrawn). Peers' marks are kept with it.
 */
export async function withdrawStrategy(ctx: UseCaseContext, strategyId: string): Promise<void> {
  const strategy = await ctx.db.selectFrom('strategies').select(['author_id', 'group_id', 'moderation_status']).where('id', '=', strategyId).executeTakeFirstOrThrow();
  if (strategy.author_id !== ctx.principal.userId) throw notFound('This strategy');
  if (strategy.moderation_status === 'removed') throw new AppError('invalid_state', 'This strategy has already been taken down.');
  const now = ctx.now.toISOString();
  await ctx.db.updateTable('strategies').set({ moderation_status: 'removed', updated_at: now }).where('id', '=', strategyId).execute();
  await ctx.db
    .updateTable('library_entries')
    .set({ status: 'removed', removed_by: ctx.principal.userId, removed_at: now, removal_reason: 'The author took the strategy back.' })
    .where('strategy_id', '=', strategyId)
    .where('status', '=', 'active')
    .execute();
  await ctx.audit({ action: 'strategies.withdraw', resourceType: 'strategy', resourceId: strategyId, groupId: strategy.group_id });
}

import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

async function removeEntry(ctx: UseCaseContext, entry: { id: string; group_id: string }, reason: string, action: string) {
  await ctx.db
    .updateTable('library_entries')
    .set({ status: 'removed', removed_by: ctx.principal.userId, removed_at: ctx.now.toISOString(), removal_reason: reason })
    .where('id', '=', entry.id)
    .execute();
  await ctx.audit({ action, resourceType: 'library_entry', resourceId: entry.id, groupId: entry.group_id });
}

/** A facilitator of the group it came from takes an entry out of the library, with a reason. */
export async function uncurate(ctx: UseCaseContext, entryId: string, reason: string): Promise<void> {
  const entry = await ctx.db.selectFrom('library_entries').select(['id', 'group_id', 'status']).where('id', '=', entryId).executeTakeFirstOrThrow();
  if (entry.status !== 'active') throw new AppError('invalid_state', 'This entry is no longer in the library.');
  await removeEntry(ctx, entry, reason, 'library.uncurate');
}

/**
 * The author of a curated strategy asks for it to be taken out: their consent is withdrawn, so
 * it leaves the library at once.
 */
export async function authorRemovesFromLibrary(ctx: UseCaseContext, strategyId: string): Promise<void> {
  const strategy = await ctx.db.selectFrom('strategies').select(['author_id']).where('id', '=', strategyId).executeTakeFirstOrThrow();
  if (strategy.author_id !== ctx.principal.userId) throw notFound('This strategy');
  const entry = await ctx.db.selectFrom('library_entries').select(['id', 'group_id']).where('strategy_id', '=', strategyId).where('status', '=', 'active').executeTakeFirst();
  if (!entry) throw new AppError('invalid_state', 'This strategy is not in the library.');
  await removeEntry(ctx, entry, 'The author asked for it to be taken out.', 'library.author_removal');
}

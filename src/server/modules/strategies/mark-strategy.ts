import type { MarkState, Strategy } from '../../../shared/schemas/strategies.js';
import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { requireEnrolledMember } from '../../policy/membership.js';
import { presentStrategy } from './presenters.js';
import { findVisibleStrategy, markCounts } from './repository.js';

async function loadForMarking(ctx: UseCaseContext, strategyId: string) {
  const group = await ctx.db.selectFrom('strategies').select('group_id').where('id', '=', strategyId).executeTakeFirstOrThrow();
  const enrolment = await requireEnrolledMember(ctx, group.group_id, 'contribute');
  const viewer = { userId: ctx.principal.userId, staff: false, enrolmentId: enrolment.enrolmentId };
  const row = await findVisibleStrategy(ctx.db, viewer, strategyId);
  if (!row) throw notFound('This strategy');
  if (row.author_id === ctx.principal.userId) throw new AppError('own_strategy', 'This is your own strategy: marks are for what others shared.');
  if (row.moderation_status !== 'published') throw new AppError('invalid_state', 'This strategy is waiting for a facilitator and cannot be marked yet.');
  return { row, viewer, enrolment, groupId: group.group_id };
}

async function present(ctx: UseCaseContext, strategyId: string, viewer: { userId: string; staff: boolean; enrolmentId: string }): Promise<Strategy> {
  const row = await findVisibleStrategy(ctx.db, viewer, strategyId);
  if (!row) throw notFound('This strategy');
  return presentStrategy(row, viewer, (await markCounts(ctx.db, [strategyId])).get(strategyId));
}

/**
 * A peer marks a strategy "I'll try it", "tried it: helped" or "tried it: didn't help". One mark
 * per member and strategy: marking again changes it, never adds a second.
 */
export async function markStrategy(ctx: UseCaseContext, strategyId: string, state: MarkState): Promise<Strategy> {
  const { viewer, enrolment, groupId } = await loadForMarking(ctx, strategyId);
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('strategy_marks')
    .values({ strategy_id: strategyId, enrolment_id: enrolment.enrolmentId, state, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['strategy_id', 'enrolment_id']).doUpdateSet({ state, updated_at: now }))
    .execute();
  await ctx.audit({ action: 'strategies.mark', resourceType: 'strategy', resourceId: strategyId, groupId, detail: { state } });
  return present(ctx, strategyId, viewer);
}

/** Takes one's mark back. */
export async function clearMark(ctx: UseCaseContext, strategyId: string): Promise<Strategy> {
  const { viewer, enrolment, groupId } = await loadForMarking(ctx, strategyId);
  await ctx.db.deleteFrom('strategy_marks').where('strategy_id', '=', strategyId).where('enrolment_id', '=', enrolment.enrolmentId).execute();
  await ctx.audit({ action: 'strategies.unmark', resourceType: 'strategy', resourceId: strategyId, groupId });
  return present(ctx, strategyId, viewer);
}

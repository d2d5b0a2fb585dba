import type { Goal } from '../../../shared/schemas/goals.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { goalRow, loadGoal } from './repository.js';

/** Marks a goal achieved, closes it, or opens it again: the member's call, with no judgement attached. */
export async function setGoalStatus(ctx: UseCaseContext, goalId: string, status: Goal['status']): Promise<Goal> {
  const goal = await goalRow(ctx.db, goalId);
  if (goal.status !== status) {
    await ctx.db.updateTable('goals').set({ status, updated_at: ctx.now.toISOString() }).where('id', '=', goalId).execute();
    await ctx.audit({ action: 'goals.status', resourceType: 'goal', resourceId: goalId, detail: { from: goal.status, to: status } });
  }
  return loadGoal(ctx.db, goalId, ctx.principal.userId);
}

/**
 * Deletes a goal for good, with its steps, check-ins, celebration cards and the reactions to
 * them: it leaves the group and the clinicians' view at once.
 */
export async function deleteGoal(ctx: UseCaseContext, goalId: string): Promise<void> {
  const goal = await goalRow(ctx.db, goalId);
  const cards = await ctx.db.selectFrom('celebrations').select('id').where('goal_id', '=', goalId).execute();
  if (cards.length > 0) {
    await ctx.db
      .deleteFrom('supportive_reactions')
      .where('target_kind', '=', 'celebration')
      .where(
        'target_id',
        'in',
        cards.map((c) => c.id),
      )
      .execute();
  }
  await ctx.db.deleteFrom('celebrations').where('goal_id', '=', goalId).execute();
  await ctx.db.deleteFrom('goal_checkins').where('goal_id', '=', goalId).execute();
  await ctx.db.deleteFrom('goal_milestones').where('goal_id', '=', goalId).execute();
  await ctx.db.deleteFrom('goals').where('id', '=', goalId).execute();
  await ctx.audit({ action: 'goals.delete', resourceType: 'goal', resourceId: goalId, groupId: goal.shared_group_id, detail: { celebrations: cards.length } });
}

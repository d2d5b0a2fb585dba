import type { Goal, GoalVisibility } from '../../../shared/schemas/goals.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { moderateIntoMyGroup } from './share-into-group.js';
import { goalRow, loadGoal } from './repository.js';
import { statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';

/**
 * Sets who sees a goal. Private (the default) and "my clinicians" take effect at once; sharing
 * with the group needs a current membership and passes the goal's action and frequency (what the group sees) through moderation
 * (a held goal is seen by its owner and the facilitators until approved). Choosing the current
 * visibility again changes nothing; going back to private withdraws the goal from everyone.
 */
export async function setGoalVisibility(ctx: UseCaseContext, goalId: string, visibility: GoalVisibility): Promise<Goal> {
  const owner = ctx.principal.userId;
  const goal = await goalRow(ctx.db, goalId);
  if (goal.visibility === visibility) return loadGoal(ctx.db, goalId, owner);
  const now = ctx.now.toISOString();
  if (visibility !== 'group') {
    await ctx.db
      .updateTable('goals')
      .set({ visibility, shared_group_id: null, shared_enrolment_id: null, moderation_status: null, shared_at: null, updated_at: now })
      .where('id', '=', goalId)
      .execute();
    await ctx.audit({ action: 'goals.visibility', resourceType: 'goal', resourceId: goalId, detail: { from: goal.visibility, to: visibility } });
    return loadGoal(ctx.db, goalId, owner);
  }
  const { enrolment, decision } = await moderateIntoMyGroup(ctx, goal.enrolment_id, 'goal', { action: goal.action, frequency: goal.frequency });
  await ctx.db
    .updateTable('goals')
    .set({
      visibility,
      enrolment_id: enrolment.id,
      action: decision.texts.action,
      frequency: decision.texts.frequency,
      shared_group_id: enrolment.group_id,
      shared_enrolment_id: enrolment.id,
      moderation_status: statusOf(decision),
      shared_at: now,
      updated_at: now,
    })
    .where('id', '=', goalId)
    .execute();
  await recordModeration(ctx.db, decision, goalId, ctx.now);
  await ctx.audit({
    action: 'goals.visibility',
    resourceType: 'goal',
    resourceId: goalId,
    groupId: enrolment.group_id,
    detail: { from: goal.visibility, to: visibility, outcome: decision.outcome },
  });
  return loadGoal(ctx.db, goalId, owner);
}

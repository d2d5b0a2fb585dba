import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import type { Goal } from '../../../shared/schemas/goals.js';
import { loadGoal } from './repository.js';

const MAX_MILESTONES = 10;

/** Adds a step at the end of a goal's milestones. */
export async function addMilestone(ctx: UseCaseContext, goalId: string, title: string): Promise<Goal> {
  const existing = await ctx.db.selectFrom('goal_milestones').select('position').where('goal_id', '=', goalId).orderBy('position', 'desc').execute();
  if (existing.length >= MAX_MILESTONES) throw new AppError('invalid_state', `A goal has at most ${MAX_MILESTONES} steps.`);
  const id = newId();
  await ctx.db
    .insertInto('goal_milestones')
    .values({ id, goal_id: goalId, position: (existing[0]?.position ?? 0) + 1, title, reached_at: null, reached_note: null })
    .execute();
  await ctx.db.updateTable('goals').set({ updated_at: ctx.now.toISOString() }).where('id', '=', goalId).execute();
  await ctx.audit({ action: 'goals.milestone.add', resourceType: 'goal_milestone', resourceId: id, detail: { goalId } });
  return loadGoal(ctx.db, goalId, ctx.principal.userId);
}

/** Marks a milestone reached, once: reaching it again is refused and changes nothing. */
export async function reachMilestone(ctx: UseCaseContext, milestoneId: string, note: string): Promise<Goal> {
  const milestone = await ctx.db.selectFrom('goal_milestones').select(['goal_id', 'reached_at']).where('id', '=', milestoneId).executeTakeFirstOrThrow();
  if (milestone.reached_at) throw new AppError('conflict', 'You already marked this step as reached.');
  const now = ctx.now.toISOString();
  const updated = await ctx.db
    .updateTable('goal_milestones')
    .set({ reached_at: now, reached_note: note === '' ? null : note })
    .where('id', '=', milestoneId)
    .where('reached_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', 'You already marked this step as reached.');
  await ctx.db.updateTable('goals').set({ updated_at: now }).where('id', '=', milestone.goal_id).execute();
  await ctx.audit({ action: 'goals.milestone.reach', resourceType: 'goal_milestone', resourceId: milestoneId, detail: { goalId: milestone.goal_id } });
  return loadGoal(ctx.db, milestone.goal_id, ctx.principal.userId);
}

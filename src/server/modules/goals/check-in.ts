import type { z } from 'zod';
import type { checkinBodySchema, Goal } from '../../../shared/schemas/goals.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { loadGoal } from './repository.js';

/**
 * Records a check-in. Check-ins are seen by the owner and whoever the goal is shared with, never
 * in the group space: nothing anywhere counts missed check-ins or streaks.
 */
export async function checkIn(ctx: UseCaseContext, goalId: string, input: z.output<typeof checkinBodySchema>): Promise<Goal> {
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db.insertInto('goal_checkins').values({ id, goal_id: goalId, progress: input.progress, note: input.note, created_at: now }).execute();
  await ctx.db
    .updateTable('goals')
    .set({ updated_at: now, ...(input.progress === 'done' ? { status: 'achieved' as const } : {}) })
    .where('id', '=', goalId)
    .execute();
  await ctx.audit({ action: 'goals.checkin', resourceType: 'goal', resourceId: goalId, detail: { progress: input.progress } });
  return loadGoal(ctx.db, goalId, ctx.principal.userId);
}

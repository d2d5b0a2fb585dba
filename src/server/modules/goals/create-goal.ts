import type { z } from 'zod';
import type { goalCreateBodySchema, Goal } from '../../../shared/schemas/goals.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { notAMember } from '../../policy/membership.js';
import { currentEnrolments } from './membership.js';
import { loadGoal, newGoalRow } from './repository.js';

type CreateInput = z.output<typeof goalCreateBodySchema>;

/** Creates a SMART goal, private to its owner, with its ordered steps (milestones). */
export async function createGoal(ctx: UseCaseContext, input: CreateInput): Promise<Goal> {
  const owner = ctx.principal.userId;
  if (input.targetDate < ctx.now.toISOString().slice(0, 10)) {
    throw new AppError('validation_failed', 'Choose a date from today onwards.', [{ path: 'body.targetDate', message: 'In the past.' }]);
  }
  const current = await currentEnrolments(ctx.db, owner);
  const enrolment = input.enrolmentId ? current.find((e) => e.id === input.enrolmentId) : current[0];
  if (input.enrolmentId && !enrolment) throw notAMember('reach', 'You are not a member of that group.');
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('goals')
    .values(
      newGoalRow({
        id,
        participantId: owner,
        enrolmentId: enrolment?.id ?? null,
        area: input.area,
        action: input.action,
        frequency: input.frequency,
        targetDate: input.targetDate,
        supportNeeded: input.supportNeeded,
        createdAt: now,
      }),
    )
    .execute();
  if (input.milestones.length > 0) {
    await ctx.db
      .insertInto('goal_milestones')
      .values(input.milestones.map((title, index) => ({ id: newId(), goal_id: id, position: index + 1, title, reached_at: null, reached_note: null })))
      .execute();
  }
  await ctx.audit({ action: 'goals.create', resourceType: 'goal', resourceId: id, groupId: enrolment?.group_id ?? null, detail: { milestones: input.milestones.length } });
  return loadGoal(ctx.db, id, owner);
}

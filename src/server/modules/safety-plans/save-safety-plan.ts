import type { SafetyPlan, SafetyPlanSections } from '../../../shared/schemas/safety-plans.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { loadSafetyPlan, sectionColumns } from './repository.js';

/**
 * Saves a participant's whole safety plan, by the participant or one of their clinicians.
 * Optimistic concurrency as for notes: the save names the version it was edited from (0 = new)
 * and is refused with 409 stale_version and the current plan when someone saved in between,
 * so a clinician and a participant editing together never overwrite each other silently.
 */
export async function saveSafetyPlan(ctx: UseCaseContext, participantId: string, input: SafetyPlanSections & { baseVersion: number }): Promise<SafetyPlan> {
  const now = ctx.now.toISOString();
  const columns = sectionColumns(input);
  const existing = await ctx.db.selectFrom('safety_plans').select(['id', 'version']).where('participant_id', '=', participantId).executeTakeFirst();
  let planId: string;
  if (!existing) {
    if (input.baseVersion !== 0) throw await stale(ctx, participantId);
    planId = newId();
    await ctx.db
      .insertInto('safety_plans')
      .values({ id: planId, participant_id: participantId, ...columns, version: 1, created_at: now, updated_at: now, updated_by: ctx.principal.userId })
      .execute();
  } else {
    planId = existing.id;
    const result = await ctx.db
      .updateTable('safety_plans')
      .set({ ...columns, version: existing.version + 1, updated_at: now, updated_by: ctx.principal.userId })
      .where('id', '=', existing.id)
      .where('version', '=', input.baseVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw await stale(ctx, participantId);
  }
  await ctx.audit({
    action: 'safety_plans.save',
    resourceType: 'safety_plan',
    resourceId: planId,
    detail: { participantId, by: ctx.principal.role, version: existing ? existing.version + 1 : 1 },
  });
  const plan = await loadSafetyPlan(ctx.db, participantId);
  if (!plan) throw new AppError('internal', 'The plan could not be read back.');
  return plan;
}

async function stale(ctx: UseCaseContext, participantId: string): Promise<AppError> {
  const current = await loadSafetyPlan(ctx.db, participantId);
  return new AppError(
    'stale_version',
    'This safety plan was saved by someone else while you were editing. Your changes are kept: compare them with the saved plan, then save again.',
  ).withCurrent(current);
}

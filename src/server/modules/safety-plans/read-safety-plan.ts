import type { UseCaseContext } from '../../http/use-case.js';
import { loadSafetyPlan } from './repository.js';

/** Reads a plan and leaves an audit row: a safety plan is clinical data. */
async function readPlan(ctx: UseCaseContext, participantId: string) {
  const plan = await loadSafetyPlan(ctx.db, participantId);
  await ctx.audit({ action: 'safety_plans.read', resourceType: 'safety_plan', resourceId: participantId, detail: { found: !!plan, by: ctx.principal.role } });
  return plan;
}

/** The caller's own safety plan (or none yet), with the service's crisis line. */
export async function mySafetyPlan(ctx: UseCaseContext) {
  return { participantId: ctx.principal.userId, plan: await readPlan(ctx, ctx.principal.userId), crisisLine: ctx.hearth.config.crisisLine };
}

/** A participant's safety plan as their clinicians open it, with their name. */
export async function participantSafetyPlan(ctx: UseCaseContext, participantId: string) {
  const user = await ctx.db.selectFrom('users').select('display_name').where('id', '=', participantId).executeTakeFirstOrThrow();
  return { participantId, plan: await readPlan(ctx, participantId), crisisLine: ctx.hearth.config.crisisLine, participantName: user.display_name };
}

/** The safety plan of the member of an enrolment, opened from their record. */
export async function enrolmentSafetyPlan(ctx: UseCaseContext, enrolmentId: string) {
  const row = await ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .select(['e.participant_id', 'u.display_name'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  return { participantId: row.participant_id, plan: await readPlan(ctx, row.participant_id), crisisLine: ctx.hearth.config.crisisLine, participantName: row.display_name };
}

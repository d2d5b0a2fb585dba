import { idParams } from '../../../shared/schemas/common.js';
import { safetyPlanEnvelopeSchema, safetyPlanSaveBodySchema, safetyPlanSchema } from '../../../shared/schemas/safety-plans.js';
import { AppError } from '../../http/errors.js';
import { defineRoute, type RouteContext } from '../../http/route.js';
import { loadSafetyPlan } from './repository.js';
import { saveSafetyPlan } from './save-safety-plan.js';

const tags = ['safety plans'];
const participantParams = idParams('userId');
const onParticipant = (action: 'read' | 'update') => ({ kind: 'authenticated' as const, resource: 'safety_plan' as const, action, objects: { userId: 'participant' as const } });

/** "My safety plan" is a participant's; staff open a participant's plan from their record. */
function onlyParticipants(ctx: RouteContext): void {
  if (ctx.principal.role !== 'participant') throw new AppError('invalid_state', 'Safety plans belong to participants: open one from the person’s record.');
}

/** Reads a plan and leaves an audit row: a safety plan is clinical data. */
async function readPlan(ctx: RouteContext, participantId: string) {
  const plan = await loadSafetyPlan(ctx.db, participantId);
  await ctx.audit({ action: 'safety_plans.read', resourceType: 'safety_plan', resourceId: participantId, detail: { found: !!plan, by: ctx.principal.role } });
  return plan;
}

export const safetyPlanRoutes = [
  defineRoute({
    id: 'safety_plans.mine',
    method: 'GET',
    url: '/api/safety-plan',
    summary: 'My safety plan (or none yet), with the service’s crisis line',
    tags,
    access: { kind: 'authenticated', resource: 'safety_plan', action: 'read' },
    response: { 200: safetyPlanEnvelopeSchema },
    transaction: true,
    async handler(_input, ctx) {
      onlyParticipants(ctx);
      return { participantId: ctx.principal.userId, plan: await readPlan(ctx, ctx.principal.userId), crisisLine: ctx.hearth.config.crisisLine };
    },
  }),
  defineRoute({
    id: 'safety_plans.save_mine',
    method: 'PUT',
    url: '/api/safety-plan',
    summary: 'Save my safety plan (409 with the saved plan when someone saved in between)',
    tags,
    access: { kind: 'authenticated', resource: 'safety_plan', action: 'update' },
    body: safetyPlanSaveBodySchema,
    response: { 200: safetyPlanSchema },
    async handler({ body }, ctx) {
      onlyParticipants(ctx);
      return saveSafetyPlan(ctx, ctx.principal.userId, body);
    },
  }),
  defineRoute({
    id: 'safety_plans.get',
    method: 'GET',
    url: '/api/participants/:userId/safety-plan',
    summary: 'A participant’s safety plan, for the clinicians of their groups and their referrer (audited read)',
    tags,
    access: onParticipant('read'),
    params: participantParams,
    response: { 200: safetyPlanEnvelopeSchema },
    transaction: true,
    async handler({ params }, ctx) {
      const participantId = String(params.userId);
      const user = await ctx.db.selectFrom('users').select('display_name').where('id', '=', participantId).executeTakeFirstOrThrow();
      return { participantId, plan: await readPlan(ctx, participantId), crisisLine: ctx.hearth.config.crisisLine, participantName: user.display_name };
    },
  }),
  defineRoute({
    id: 'safety_plans.by_enrolment',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/safety-plan',
    summary: 'The safety plan of the member of an enrolment (from their record; audited read)',
    tags,
    access: { kind: 'authenticated', resource: 'safety_plan', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    response: { 200: safetyPlanEnvelopeSchema },
    transaction: true,
    async handler({ params }, ctx) {
      const row = await ctx.db
        .selectFrom('enrolments as e')
        .innerJoin('users as u', 'u.id', 'e.participant_id')
        .select(['e.participant_id', 'u.display_name'])
        .where('e.id', '=', String(params.enrolmentId))
        .executeTakeFirstOrThrow();
      return { participantId: row.participant_id, plan: await readPlan(ctx, row.participant_id), crisisLine: ctx.hearth.config.crisisLine, participantName: row.display_name };
    },
  }),
  defineRoute({
    id: 'safety_plans.save',
    method: 'PUT',
    url: '/api/participants/:userId/safety-plan',
    summary: 'Save a participant’s safety plan, made with them (409 when stale)',
    tags,
    access: onParticipant('update'),
    params: participantParams,
    body: safetyPlanSaveBodySchema,
    response: { 200: safetyPlanSchema },
    async handler({ params, body }, ctx) {
      return saveSafetyPlan(ctx, String(params.userId), body);
    },
  }),
];


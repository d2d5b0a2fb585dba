import { idParams } from '../../../shared/schemas/common.js';
import { safetyPlanEnvelopeSchema, safetyPlanSaveBodySchema, safetyPlanSchema } from '../../../shared/schemas/safety-plans.js';
import { AppError } from '../../http/errors.js';
import { defineRoute, type RouteContext } from '../../http/route.js';
import { enrolmentSafetyPlan, mySafetyPlan, participantSafetyPlan } from './read-safety-plan.js';
import { saveSafetyPlan } from './save-safety-plan.js';

const tags = ['safety plans'];
const participantParams = idParams('userId');
const onParticipant = (action: 'read' | 'update') => ({ kind: 'authenticated' as const, resource: 'safety_plan' as const, action, objects: { userId: 'participant' as const } });

/** "My safety plan" is a participant's; staff open a participant's plan from their record. */
function onlyParticipants(ctx: RouteContext): void {
  if (ctx.principal.role !== 'participant') throw new AppError('invalid_state', 'Safety plans belong to participants: open one from the person’s record.');
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
    errors: ['invalid_state'],
    async handler(_input, ctx) {
      onlyParticipants(ctx);
      return mySafetyPlan(ctx);
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
    errors: ['stale_version'],
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
      return participantSafetyPlan(ctx, params.userId);
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
      return enrolmentSafetyPlan(ctx, params.enrolmentId);
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
      return saveSafetyPlan(ctx, params.userId, body);
    },
  }),
];

import { idParams } from '../../../shared/schemas/common.js';
import {
  audienceQuerySchema,
  audienceSchema,
  celebrateBodySchema,
  checkinBodySchema,
  goalCreateBodySchema,
  goalListSchema,
  goalSchema,
  goalShareBodySchema,
  goalStatusBodySchema,
  memberGoalsSchema,
  milestoneBodySchema,
  reachMilestoneBodySchema,
  reactionBodySchema,
  reactionListSchema,
  sharedFeedSchema,
} from '../../../shared/schemas/goals.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import type { ObjectKind } from '../../policy/objects.js';
import { audienceOf } from './audience.js';
import { celebrateMilestone, withdrawCelebration } from './celebrate.js';
import { checkIn } from './check-in.js';
import { createGoal } from './create-goal.js';
import { sharedFeed } from './feed.js';
import { deleteGoal, setGoalStatus } from './manage-goal.js';
import { memberGoals } from './member-goals.js';
import { addMilestone, reachMilestone } from './milestones.js';
import { addReaction, removeReaction } from './react.js';
import { goalRow, loadGoal, loadGoals } from './repository.js';
import { setGoalVisibility } from './share-goal.js';

const tags = ['goals'];
const goalParams = idParams('goalId');
const milestoneParams = idParams('milestoneId');
const own = (action: 'read' | 'create' | 'update', objects?: Record<string, ObjectKind>): RouteAccess => ({
  kind: 'authenticated',
  resource: 'goal',
  action,
  ...(objects ? { objects } : {}),
});
const reactions = reactionListSchema;

export const goalRoutes = [
  defineRoute({
    id: 'goals.list',
    method: 'GET',
    url: '/api/me/goals',
    summary: 'My goals with their steps, check-ins and celebration cards',
    tags,
    access: own('read'),
    response: { 200: goalListSchema },
    async handler(_input, ctx) {
      return { goals: await loadGoals(ctx.db, { participantId: ctx.principal.userId }, ctx.principal.userId) };
    },
  }),
  defineRoute({
    id: 'goals.create',
    method: 'POST',
    url: '/api/me/goals',
    summary: 'Create a SMART goal (private until I share it)',
    tags,
    access: own('create'),
    body: goalCreateBodySchema,
    response: { 201: goalSchema },
    errors: ['not_a_member'],
    async handler({ body }, ctx) {
      const goal = await createGoal(ctx, body);
      ctx.reply.code(201);
      return goal;
    },
  }),
  defineRoute({
    id: 'goals.get',
    method: 'GET',
    url: '/api/goals/:goalId',
    summary: 'One of my goals',
    tags,
    access: own('read', { goalId: 'goal' }),
    params: goalParams,
    response: { 200: goalSchema },
    async handler({ params }, ctx) {
      return loadGoal(ctx.db, params.goalId, ctx.principal.userId);
    },
  }),
  defineRoute({
    id: 'goals.status',
    method: 'PUT',
    url: '/api/goals/:goalId/status',
    summary: 'Mark a goal achieved, close it, or open it again',
    tags,
    access: own('update', { goalId: 'goal' }),
    params: goalParams,
    body: goalStatusBodySchema,
    response: { 200: goalSchema },
    async handler({ params, body }, ctx) {
      return setGoalStatus(ctx, params.goalId, body.status);
    },
  }),
  defineRoute({
    id: 'goals.delete',
    method: 'DELETE',
    url: '/api/goals/:goalId',
    summary: 'Delete a goal with its steps, check-ins and celebration cards',
    tags,
    access: own('update', { goalId: 'goal' }),
    params: goalParams,
    async handler({ params }, ctx) {
      await deleteGoal(ctx, params.goalId);
    },
  }),
  defineRoute({
    id: 'goals.checkin',
    method: 'POST',
    url: '/api/goals/:goalId/checkins',
    summary: 'Check in on a goal: progress in words and a short note',
    tags,
    access: own('update', { goalId: 'goal' }),
    params: goalParams,
    body: checkinBodySchema,
    response: { 201: goalSchema },
    async handler({ params, body }, ctx) {
      const goal = await checkIn(ctx, params.goalId, body);
      ctx.reply.code(201);
      return goal;
    },
  }),
  defineRoute({
    id: 'goals.milestone.add',
    method: 'POST',
    url: '/api/goals/:goalId/milestones',
    summary: 'Add a step (milestone) to a goal',
    tags,
    access: own('update', { goalId: 'goal' }),
    params: goalParams,
    body: milestoneBodySchema,
    response: { 201: goalSchema },
    async handler({ params, body }, ctx) {
      const goal = await addMilestone(ctx, params.goalId, body.title);
      ctx.reply.code(201);
      return goal;
    },
  }),
  defineRoute({
    id: 'goals.milestone.reach',
    method: 'POST',
    url: '/api/milestones/:milestoneId/reach',
    summary: 'Mark a step reached (once)',
    tags,
    access: own('update', { milestoneId: 'milestone' }),
    params: milestoneParams,
    body: reachMilestoneBodySchema,
    response: { 200: goalSchema },
    async handler({ params, body }, ctx) {
      return reachMilestone(ctx, params.milestoneId, body.note);
    },
  }),
  defineRoute({
    id: 'goals.audience',
    method: 'GET',
    url: '/api/goals/:goalId/audience',
    summary: 'Exactly who would see this goal if I shared it with my clinicians or my group',
    tags,
    access: own('read', { goalId: 'goal' }),
    params: goalParams,
    query: audienceQuerySchema,
    response: { 200: audienceSchema },
    errors: ['not_a_member'],
    async handler({ params, query }, ctx) {
      const goal = await goalRow(ctx.db, params.goalId);
      const audience = await audienceOf(ctx.db, ctx.principal.userId, query.visibility, goal.enrolment_id);
      return { visibility: audience.visibility, clinicians: audience.clinicians, group: audience.group };
    },
  }),
  defineRoute({
    id: 'goals.visibility',
    method: 'PUT',
    url: '/api/goals/:goalId/visibility',
    summary: 'Share a goal with my clinicians or my group, or make it private again',
    tags,
    access: own('update', { goalId: 'goal' }),
    params: goalParams,
    body: goalShareBodySchema,
    response: { 200: goalSchema },
    errors: ['contact_details_refused', 'not_a_member'],
    async handler({ params, body }, ctx) {
      return setGoalVisibility(ctx, params.goalId, body.visibility);
    },
  }),
  defineRoute({
    id: 'goals.celebrate',
    method: 'POST',
    url: '/api/milestones/:milestoneId/celebration',
    summary: 'Share a reached step as a celebration card in my group, with the detail I choose',
    tags,
    access: own('update', { milestoneId: 'milestone' }),
    params: milestoneParams,
    body: celebrateBodySchema,
    response: { 201: goalSchema },
    errors: ['milestone_not_reached', 'not_a_member'],
    async handler({ params, body }, ctx) {
      const goal = await celebrateMilestone(ctx, params.milestoneId, body);
      ctx.reply.code(201);
      return goal;
    },
  }),
  defineRoute({
    id: 'goals.celebration.withdraw',
    method: 'DELETE',
    url: '/api/milestones/:milestoneId/celebration',
    summary: 'Take a celebration card down from my group',
    tags,
    access: own('update', { milestoneId: 'milestone' }),
    params: milestoneParams,
    response: { 200: goalSchema },
    errors: ['invalid_state'],
    async handler({ params }, ctx) {
      return withdrawCelebration(ctx, params.milestoneId);
    },
  }),
  defineRoute({
    id: 'group_share.feed',
    method: 'GET',
    url: '/api/groups/:groupId/shared',
    summary: 'What members shared with the group: goals, celebration cards, practice entries, with reactions',
    tags,
    access: { kind: 'authenticated', resource: 'group_share', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: sharedFeedSchema },
    async handler({ params }, ctx) {
      return sharedFeed(ctx.db, ctx.principal, params.groupId);
    },
  }),
  defineRoute({
    id: 'group_share.celebration.react',
    method: 'POST',
    url: '/api/celebrations/:celebrationId/reactions',
    summary: 'Send a supportive reaction to a celebration card (once per kind)',
    tags,
    access: { kind: 'authenticated', resource: 'group_share', action: 'create', objects: { celebrationId: 'celebration' } },
    params: idParams('celebrationId'),
    body: reactionBodySchema,
    response: { 201: reactions },
    errors: ['invalid_state', 'not_a_member'],
    async handler({ params, body }, ctx) {
      const result = await addReaction(ctx, 'celebration', params.celebrationId, body.reaction);
      ctx.reply.code(201);
      return { reactions: result };
    },
  }),
  defineRoute({
    id: 'group_share.celebration.unreact',
    method: 'DELETE',
    url: '/api/celebrations/:celebrationId/reactions',
    summary: 'Take back my reaction to a celebration card',
    tags,
    access: { kind: 'authenticated', resource: 'group_share', action: 'create', objects: { celebrationId: 'celebration' } },
    params: idParams('celebrationId'),
    query: reactionBodySchema,
    response: { 200: reactions },
    async handler({ params, query }, ctx) {
      return { reactions: await removeReaction(ctx, 'celebration', params.celebrationId, query.reaction) };
    },
  }),
  defineRoute({
    id: 'goals.member',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/goals',
    summary: 'A member’s goals shared with their clinicians or group (audited read)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    response: { 200: memberGoalsSchema },
    async handler({ params }, ctx) {
      return memberGoals(ctx, params.enrolmentId);
    },
  }),
];

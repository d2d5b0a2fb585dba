import { idParams } from '../../../shared/schemas/common.js';
import { groupActivitySchema } from '../../../shared/schemas/this-week.js';
import { defineRoute } from '../../http/route.js';
import { ACTIVITY_WINDOW_DAYS, memberActivity } from './member-activity.js';

const tags = ['member-activity'];

export const memberActivityRoutes = [
  defineRoute({
    id: 'member_activity.group',
    method: 'GET',
    url: '/api/groups/:groupId/member-activity',
    summary: 'Facilitator view: per member, what they chose to share and how active they are (never private items)',
    tags,
    access: { kind: 'authenticated', resource: 'member_activity', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: groupActivitySchema },
    async handler({ params }, ctx) {
      const groupId = String(params.groupId);
      const members = await memberActivity(ctx.db, groupId, ctx.now);
      await ctx.audit({ action: 'member_activity.read', resourceType: 'group', resourceId: groupId, groupId });
      return { members, windowDays: ACTIVITY_WINDOW_DAYS };
    },
  }),
  defineRoute({
    id: 'member_activity.member',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/activity',
    summary: 'One member’s shared activity, for their record',
    tags,
    access: { kind: 'authenticated', resource: 'member_activity', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    response: { 200: groupActivitySchema },
    async handler({ params }, ctx) {
      const enrolmentId = String(params.enrolmentId);
      const { group_id: groupId } = await ctx.db.selectFrom('enrolments').select('group_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow();
      const members = await memberActivity(ctx.db, groupId, ctx.now, enrolmentId);
      await ctx.audit({ action: 'member_activity.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId });
      return { members, windowDays: ACTIVITY_WINDOW_DAYS };
    },
  }),
];

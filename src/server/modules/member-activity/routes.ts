import { idParams } from '../../../shared/schemas/common.js';
import { groupActivitySchema } from '../../../shared/schemas/this-week.js';
import { defineRoute } from '../../http/route.js';
import { enrolmentActivity, groupMemberActivity } from './read-member-activity.js';

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
      return groupMemberActivity(ctx, params.groupId);
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
      return enrolmentActivity(ctx, params.enrolmentId);
    },
  }),
];

import { idParams } from '../../../shared/schemas/common.js';
import { groupDetailSchema, groupListSchema } from '../../../shared/schemas/groups.js';
import {
  createGroupBodySchema,
  createdGroupSchema,
  facilitatorsBodySchema,
  groupSettingsBodySchema,
  scheduleBodySchema,
  scheduleResultSchema,
} from '../../../shared/schemas/sessions.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { createGroup } from './create-group.js';
import { groupDetail } from './group-detail.js';
import { listGroupsInScope } from './repository.js';
import { setFacilitators } from './set-facilitators.js';
import { setSchedule } from './set-schedule.js';
import { updateGroup } from './update-group.js';

const tags = ['groups'];
const groupParams = idParams('groupId');
const updateGroupAccess: RouteAccess = { kind: 'authenticated', resource: 'group', action: 'update', objects: { groupId: 'group' } };

export const groupRoutes = [
  defineRoute({
    id: 'groups.list',
    method: 'GET',
    url: '/api/groups',
    summary: 'Groups I facilitate, belong to, or (admins) all groups',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read' },
    response: { 200: groupListSchema },
    async handler(_input, ctx) {
      const rows = await listGroupsInScope(ctx.db, ctx.principal, ctx.now);
      const role = ctx.principal.role;
      return {
        groups: rows.map((r) => ({
          id: r.id,
          name: r.name,
          programmeName: r.programme_name,
          status: r.status,
          myRole: r.facilitator_role ?? (role === 'admin' ? 'admin' : 'member'),
          memberCount: Number(r.member_count ?? 0),
          nextSessionAt: r.next_session_at ?? null,
          timezone: r.timezone,
        })),
      };
    },
  }),
  defineRoute({
    id: 'groups.get',
    method: 'GET',
    url: '/api/groups/:groupId',
    summary: 'A group with its schedule, facilitators and members',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read', objects: { groupId: 'group' } },
    params: groupParams,
    response: { 200: groupDetailSchema },
    async handler({ params }, ctx) {
      return groupDetail(ctx, params.groupId);
    },
  }),
  defineRoute({
    id: 'groups.create',
    method: 'POST',
    url: '/api/groups',
    summary: 'Create a group (forming) with its facilitators and, optionally, its schedule',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'create' },
    body: createGroupBodySchema,
    response: { 201: createdGroupSchema },
    errors: ['invalid_schedule'],
    async handler({ body }, ctx) {
      const created = await createGroup(ctx, body);
      ctx.reply.code(201);
      return created;
    },
  }),
  defineRoute({
    id: 'groups.update',
    method: 'PATCH',
    url: '/api/groups/:groupId',
    summary: 'Change a group’s settings or status',
    tags,
    access: updateGroupAccess,
    params: groupParams,
    body: groupSettingsBodySchema,
    response: { 200: groupDetailSchema },
    errors: ['capacity_below_members'],
    async handler({ params, body }, ctx) {
      await updateGroup(ctx, params.groupId, body);
      return groupDetail(ctx, params.groupId);
    },
  }),
  defineRoute({
    id: 'groups.facilitators.set',
    method: 'PUT',
    url: '/api/groups/:groupId/facilitators',
    summary: 'Replace the facilitators (admins and the group’s lead)',
    tags,
    access: updateGroupAccess,
    params: groupParams,
    body: facilitatorsBodySchema,
    response: { 200: groupDetailSchema },
    async handler({ params, body }, ctx) {
      await setFacilitators(ctx, params.groupId, body);
      return groupDetail(ctx, params.groupId);
    },
  }),
  defineRoute({
    id: 'groups.schedule.set',
    method: 'PUT',
    url: '/api/groups/:groupId/schedule',
    summary: 'Set the recurring schedule; regenerates future sessions, never held ones',
    tags,
    access: updateGroupAccess,
    params: groupParams,
    body: scheduleBodySchema,
    response: { 200: scheduleResultSchema },
    errors: ['invalid_schedule'],
    async handler({ params, body }, ctx) {
      return setSchedule(ctx, params.groupId, body);
    },
  }),
];

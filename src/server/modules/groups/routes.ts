import { idParams } from '../../../shared/schemas/common.js';
import { groupDetailSchema, groupListSchema, type GroupDetail } from '../../../shared/schemas/groups.js';
import { notFound } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { assertCan, hideFields } from '../../policy/policy.js';
import { findGroup, listFacilitators, listGroupsInScope, listMembers } from './repository.js';

const tags = ['groups'];

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
      const rows = await listGroupsInScope(ctx.db, ctx.principal);
      const role = ctx.principal.role;
      return {
        groups: rows.map((r) => ({
          id: r.id,
          name: r.name,
          programmeName: r.programme_name,
          status: r.status,
          myRole: r.facilitator_role ?? (role === 'admin' ? 'admin' : 'member'),
          memberCount: Number(r.member_count ?? 0),
        })),
      };
    },
  }),
  defineRoute({
    id: 'groups.get',
    method: 'GET',
    url: '/api/groups/:groupId',
    summary: 'A group with its facilitators and members',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: groupDetailSchema },
    async handler({ params }, ctx) {
      const rule = assertCan(ctx.principal, 'group', 'read');
      const groupId = String(params.groupId);
      const group = await findGroup(ctx.db, groupId);
      if (!group) throw notFound('This group');
      const isParticipant = ctx.principal.role === 'participant';
      const [facilitators, members] = await Promise.all([
        listFacilitators(ctx.db, groupId),
        listMembers(ctx.db, groupId, isParticipant),
      ]);
      // Who is in a psychiatric group is health information: every read of a roster is audited.
      await ctx.audit({ action: 'groups.roster.read', resourceType: 'group', resourceId: groupId, groupId });
      const detail: GroupDetail = {
        id: group.id,
        name: group.name,
        programmeName: group.programme_name,
        status: group.status,
        createdAt: group.created_at,
        facilitators: facilitators.map((f) => ({ userId: f.id, displayName: f.display_name, role: f.facilitator_role, email: f.email })),
        members: members.map((m) => ({
          enrolmentId: m.id,
          pseudonym: m.pseudonym,
          status: m.status,
          userId: m.user_id,
          displayName: m.display_name,
          email: m.email,
        })),
      };
      return hideFields(rule, detail);
    },
  }),
];

import type { UseCaseContext } from '../../http/use-case.js';
import { enrolmentHolds } from '../../policy/membership.js';
import { toGroup } from './resources.js';
import type { Group } from './types.js';

/** A therapy group as a FHIR Group: every enrolment, past ones too; a member is active while taking part (membership level `contribute`). Audited. */
export async function groupAsFhir(ctx: UseCaseContext, groupId: string): Promise<Group> {
  const group = await ctx.db
    .selectFrom('therapy_groups as g')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .select(['g.id', 'g.name', 'g.status', 'p.name as programme_name'])
    .where('g.id', '=', groupId)
    .executeTakeFirstOrThrow();
  const members = await ctx.db
    .selectFrom('enrolments')
    .select(['participant_id', 'status', 'joined_at', 'left_at'])
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .execute();
  await ctx.audit({ action: 'fhir.group.export', resourceType: 'group', resourceId: groupId, groupId, detail: { members: members.length } });
  return toGroup({
    id: group.id,
    name: group.name,
    programmeName: group.programme_name,
    active: group.status === 'active' || group.status === 'forming',
    members: members.map((m) => ({ participantId: m.participant_id, joinedAt: m.joined_at, leftAt: m.left_at, active: enrolmentHolds('contribute', m.status) })),
  });
}

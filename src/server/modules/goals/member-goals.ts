import type { UseCaseContext } from '../../http/use-case.js';
import { isMyClinician } from './audience.js';
import { loadGoals } from './repository.js';

/**
 * A member's goals as the calling clinician may see them: only goals shared with the member's
 * clinicians or their group, and only while the caller is one of those clinicians (facilitator
 * of a current group, or referrer). Private goals never leave the member. Audited.
 */
export async function memberGoals(ctx: UseCaseContext, enrolmentId: string) {
  const enrolment = await ctx.db
    .selectFrom('enrolments as e')
    .select(['e.participant_id', 'e.group_id'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const owner = enrolment.participant_id;
  const allowed = await isMyClinician(ctx.db, owner, ctx.principal.userId);
  const shared = allowed
    ? await ctx.db.selectFrom('goals').select('id').where('participant_id', '=', owner).where('visibility', '!=', 'private').execute()
    : [];
  const goals = await loadGoals(ctx.db, { participantId: owner, goalIds: shared.map((g) => g.id) }, ctx.principal.userId);
  await ctx.audit({ action: 'goals.member.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id, detail: { goals: goals.length } });
  return { goals: goals.map(({ group, ...goal }) => ({ ...goal, groupName: group?.name ?? null })) };
}

import type { DbOrTx } from '../../db/database.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { isMyClinician } from './audience.js';
import { loadGoals } from './repository.js';

/**
 * A member's goals as the calling clinician may see them: only goals shared with the member's
 * clinicians or their group, and only while the caller is one of those clinicians (facilitator
 * of a current group, or referrer). Private goals never leave the member. Audited.
 */
export async function memberGoals(ctx: UseCaseContext, enrolmentId: string) {
  const enrolment = await ctx.db.selectFrom('enrolments as e').select(['e.participant_id', 'e.group_id']).where('e.id', '=', enrolmentId).executeTakeFirstOrThrow();
  const owner = enrolment.participant_id;
  const shared = await goalIdsSharedWithClinician(ctx.db, owner, ctx.principal.userId);
  const goals = await loadGoals(ctx.db, { participantId: owner, goalIds: shared }, ctx.principal.userId);
  await ctx.audit({ action: 'goals.member.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id, detail: { goals: goals.length } });
  return { goals: goals.map(({ group, ...goal }) => ({ ...goal, groupName: group?.name ?? null })) };
}

/** The ids of a member's goals the clinician may see: shared with clinicians or the group, while the caller is one of the member's clinicians. */
export async function goalIdsSharedWithClinician(db: DbOrTx, ownerId: string, clinicianId: string): Promise<string[]> {
  if (!(await isMyClinician(db, ownerId, clinicianId))) return [];
  const shared = await db.selectFrom('goals').select('id').where('participant_id', '=', ownerId).where('visibility', '!=', 'private').execute();
  return shared.map((g) => g.id);
}

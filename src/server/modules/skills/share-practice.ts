import type { Practice } from '../../../shared/schemas/skills.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { moderateIntoMyGroup } from '../goals/share-into-group.js';
import { statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';
import { loadPractice } from './repository.js';

/**
 * Shares a practice entry with the member's group (moderated like a post) or takes it back.
 * Sharing what is already shared, or unsharing what is not, changes nothing.
 */
export async function sharePractice(ctx: UseCaseContext, practiceId: string, share: boolean): Promise<Practice> {
  const owner = ctx.principal.userId;
  const entry = await ctx.db.selectFrom('skill_practices').selectAll().where('id', '=', practiceId).executeTakeFirstOrThrow();
  if (share === (entry.shared_group_id !== null)) return loadPractice(ctx.db, owner, practiceId);
  if (!share) {
    await ctx.db
      .updateTable('skill_practices')
      .set({ shared_group_id: null, shared_enrolment_id: null, moderation_status: null, shared_at: null })
      .where('id', '=', practiceId)
      .execute();
    await ctx.db.deleteFrom('supportive_reactions').where('target_kind', '=', 'skill_practice').where('target_id', '=', practiceId).execute();
    await ctx.audit({ action: 'skills.unshare', resourceType: 'skill_practice', resourceId: practiceId });
    return loadPractice(ctx.db, owner, practiceId);
  }
  const { enrolment, decision } = await moderateIntoMyGroup(ctx, entry.enrolment_id, 'skill_practice', { situation: entry.situation, tried: entry.tried });
  await ctx.db
    .updateTable('skill_practices')
    .set({
      situation: decision.texts.situation,
      tried: decision.texts.tried,
      enrolment_id: enrolment.id,
      shared_group_id: enrolment.group_id,
      shared_enrolment_id: enrolment.id,
      moderation_status: statusOf(decision),
      shared_at: ctx.now.toISOString(),
    })
    .where('id', '=', practiceId)
    .execute();
  await recordModeration(ctx.db, decision, practiceId, ctx.now);
  await ctx.audit({ action: 'skills.share', resourceType: 'skill_practice', resourceId: practiceId, groupId: enrolment.group_id, detail: { outcome: decision.outcome } });
  return loadPractice(ctx.db, owner, practiceId);
}

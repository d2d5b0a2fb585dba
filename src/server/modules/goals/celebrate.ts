import type { z } from 'zod';
import type { celebrateBodySchema, Goal } from '../../../shared/schemas/goals.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { moderateIntoMyGroup } from './share-into-group.js';
import { loadGoal } from './repository.js';
import { statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';

/** What the card says for each level of detail: the member decides how much the group learns. */
function cardParts(detail: z.output<typeof celebrateBodySchema>['detail'], title: string, note: string): { title: string | null; note: string | null } {
  switch (detail) {
    case 'reached':
      return { title: null, note: null };
    case 'title':
      return { title, note: null };
    case 'title_note':
      return { title, note: note === '' ? null : note };
  }
}

/**
 * Posts a celebration card for a reached milestone to the goal's group (opt-in, moderated like a
 * post). One card per milestone: a second share is refused; a withdrawn card can be posted again.
 */
export async function celebrateMilestone(ctx: UseCaseContext, milestoneId: string, input: z.output<typeof celebrateBodySchema>): Promise<Goal> {
  const owner = ctx.principal.userId;
  const milestone = await ctx.db
    .selectFrom('goal_milestones as m')
    .innerJoin('goals as g', 'g.id', 'm.goal_id')
    .select(['m.goal_id', 'm.title', 'm.reached_at', 'g.enrolment_id'])
    .where('m.id', '=', milestoneId)
    .executeTakeFirstOrThrow();
  if (!milestone.reached_at) throw new AppError('milestone_not_reached', 'Mark this step as reached first, then you can celebrate it.');
  if (input.detail === 'title_note' && input.note === '') {
    throw new AppError('validation_failed', 'Write a short note, or choose to share only the title.', [{ path: 'body.note', message: 'Required.' }]);
  }
  const existing = await ctx.db.selectFrom('celebrations').select(['id', 'withdrawn_at']).where('milestone_id', '=', milestoneId).executeTakeFirst();
  if (existing && !existing.withdrawn_at) throw new AppError('already_shared', 'You already shared this celebration with your group.');
  const wanted = cardParts(input.detail, milestone.title, input.note);
  // The group reads the title (or "Reached a milestone") and, when shared, the note.
  const fields: Record<string, string> = { title: wanted.title ?? 'Reached a milestone' };
  if (wanted.note) fields.note = wanted.note;
  const { enrolment, decision } = await moderateIntoMyGroup(ctx, milestone.enrolment_id, 'celebration', fields);
  const card = { title: wanted.title ? (decision.texts.title ?? wanted.title) : null, note: wanted.note ? (decision.texts.note ?? wanted.note) : null };
  const now = ctx.now.toISOString();
  const id = existing?.id ?? newId();
  // What the group is shown now, and by whom; a first share also names the milestone it is for.
  const shown = {
    enrolment_id: enrolment.id,
    group_id: enrolment.group_id,
    detail: input.detail,
    title: card.title,
    note: card.note,
    moderation_status: statusOf(decision),
    created_at: now,
    withdrawn_at: null,
  };
  if (existing) {
    // A withdrawn card posted again starts afresh: its old reactions went with it.
    await ctx.db.deleteFrom('supportive_reactions').where('target_kind', '=', 'celebration').where('target_id', '=', id).execute();
    await ctx.db.updateTable('celebrations').set(shown).where('id', '=', id).execute();
  } else {
    await ctx.db
      .insertInto('celebrations')
      .values({ id, goal_id: milestone.goal_id, milestone_id: milestoneId, participant_id: owner, ...shown })
      .execute();
  }
  await recordModeration(ctx.db, decision, id, ctx.now);
  await ctx.audit({
    action: 'goals.celebrate',
    resourceType: 'celebration',
    resourceId: id,
    groupId: enrolment.group_id,
    detail: { detail: input.detail, outcome: decision.outcome },
  });
  return loadGoal(ctx.db, milestone.goal_id, owner);
}

/** Takes a celebration card down from the group; its reactions are no longer shown to anyone. */
export async function withdrawCelebration(ctx: UseCaseContext, milestoneId: string): Promise<Goal> {
  const card = await ctx.db
    .selectFrom('celebrations')
    .select(['id', 'goal_id', 'group_id', 'withdrawn_at', 'moderation_status'])
    .where('milestone_id', '=', milestoneId)
    .executeTakeFirst();
  if (!card || card.withdrawn_at) throw new AppError('invalid_state', 'This celebration is not shared with your group.');
  // A card withdrawn while held leaves the facilitators' queue too.
  await ctx.db
    .updateTable('celebrations')
    .set({ withdrawn_at: ctx.now.toISOString(), ...(card.moderation_status === 'held' ? { moderation_status: 'removed' as const } : {}) })
    .where('id', '=', card.id)
    .execute();
  await ctx.audit({ action: 'goals.celebration.withdraw', resourceType: 'celebration', resourceId: card.id, groupId: card.group_id });
  return loadGoal(ctx.db, card.goal_id, ctx.principal.userId);
}

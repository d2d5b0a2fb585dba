import type { SupportiveReaction } from '../../../shared/schemas/goals.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { enrolmentAt, findMembership, requireEnrolledMember } from '../../policy/membership.js';
import { reactionSummaries, type ReactionSummary, type ReactionTarget } from './reactions.js';

interface Target {
  groupId: string;
  authorId: string;
}

/** A card peers may react to: published, not withdrawn, and its author still in the group. */
async function visibleTarget(db: DbOrTx, kind: ReactionTarget, id: string): Promise<Target | undefined> {
  if (kind === 'celebration') {
    const row = await db
      .selectFrom('celebrations as c')
      .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id')
      .select(['c.group_id', 'c.participant_id'])
      .where('c.id', '=', id)
      .where('c.moderation_status', '=', 'published')
      .where('c.withdrawn_at', 'is', null)
      .where(enrolmentAt('reach', 'e.status'))
      .executeTakeFirst();
    return row && { groupId: row.group_id, authorId: row.participant_id };
  }
  const row = await db
    .selectFrom('skill_practices as p')
    .innerJoin('enrolments as e', 'e.id', 'p.shared_enrolment_id')
    .select(['p.shared_group_id', 'p.participant_id'])
    .where('p.id', '=', id)
    .where('p.moderation_status', '=', 'published')
    .where(enrolmentAt('reach', 'e.status'))
    .executeTakeFirst();
  return row?.shared_group_id ? { groupId: row.shared_group_id, authorId: row.participant_id } : undefined;
}

/**
 * Adds one supportive reaction from a current member of the card's group. Each member gives each
 * kind of reaction once per card: a second time is refused with 409 `already_reacted`.
 */
export async function addReaction(ctx: UseCaseContext, kind: ReactionTarget, targetId: string, reaction: SupportiveReaction): Promise<ReactionSummary[]> {
  const me = ctx.principal.userId;
  const target = await visibleTarget(ctx.db, kind, targetId);
  if (!target) throw notFound('This card');
  // Outside the card's group (or staff): the card does not exist for them. Inside but not taking part: told why.
  const inGroup = await findMembership(ctx.db, ctx.principal, target.groupId, 'reach');
  if (inGroup?.kind !== 'member') throw notFound('This card');
  const enrolment = await requireEnrolledMember(ctx, target.groupId, 'contribute');
  if (target.authorId === me) throw new AppError('invalid_state', 'Reactions are for cheering on others.');
  const existing = await ctx.db
    .selectFrom('supportive_reactions')
    .select('id')
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('reactor_id', '=', me)
    .where('reaction', '=', reaction)
    .executeTakeFirst();
  if (existing) throw new AppError('already_reacted', 'You already sent this reaction.');
  const id = newId();
  await ctx.db
    .insertInto('supportive_reactions')
    .values({ id, target_kind: kind, target_id: targetId, reactor_id: me, reactor_enrolment_id: enrolment.enrolmentId, reaction, created_at: ctx.now.toISOString() })
    .execute();
  await ctx.audit({ action: 'group_share.react', resourceType: kind, resourceId: targetId, groupId: target.groupId, detail: { reaction } });
  return (await reactionSummaries(ctx.db, kind, [targetId], me)).get(targetId) ?? [];
}

/** Takes back one's own reaction; taking back one that is not there changes nothing. */
export async function removeReaction(ctx: UseCaseContext, kind: ReactionTarget, targetId: string, reaction: SupportiveReaction): Promise<ReactionSummary[]> {
  const me = ctx.principal.userId;
  const target = await visibleTarget(ctx.db, kind, targetId);
  if (!target) throw notFound('This card');
  await ctx.db
    .deleteFrom('supportive_reactions')
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('reactor_id', '=', me)
    .where('reaction', '=', reaction)
    .execute();
  await ctx.audit({ action: 'group_share.unreact', resourceType: kind, resourceId: targetId, groupId: target.groupId, detail: { reaction } });
  return (await reactionSummaries(ctx.db, kind, [targetId], me)).get(targetId) ?? [];
}

import type { ShareStrategyBody, Strategy } from '../../../shared/schemas/strategies.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { requireEnrolledMember } from '../../policy/membership.js';
import { moderate, moderationAuthor, statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';
import { presentStrategy } from './presenters.js';
import { findVisibleStrategy } from './repository.js';

/** A member shares a coping strategy with their group, through the one moderation entry point. */
export async function shareStrategy(ctx: UseCaseContext, groupId: string, body: ShareStrategyBody): Promise<Strategy> {
  const { enrolmentId } = await requireEnrolledMember(ctx, groupId, 'contribute');
  const decision = await moderate(
    ctx.db,
    {
      groupId,
      author: moderationAuthor(ctx.principal, enrolmentId),
      kind: 'strategy',
      fields: { title: body.title, whenHelps: body.whenHelps, steps: body.steps },
    },
    ctx.now,
  );
  const { texts } = decision;
  const status = statusOf(decision);
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('strategies')
    .values({
      id,
      group_id: groupId,
      enrolment_id: enrolmentId,
      author_id: ctx.principal.userId,
      title: texts.title,
      when_helps: texts.whenHelps,
      steps: texts.steps,
      moderation_status: status,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordModeration(ctx.db, decision, id, ctx.now);
  await ctx.audit({ action: 'strategies.share', resourceType: 'strategy', resourceId: id, groupId, detail: { status } });
  const viewer = { userId: ctx.principal.userId, staff: false, enrolmentId };
  const row = await findVisibleStrategy(ctx.db, viewer, id);
  if (!row) throw new Error('shared strategy vanished');
  return presentStrategy(row, viewer, undefined);
}

import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { requireEnrolledMember } from '../../policy/membership.js';
import { moderate, moderationAuthor, statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';

/**
 * Stores a feedback request ("I'd welcome feedback on…") or a peer's reply to one. Both are
 * group-visible texts, so both pass through the one moderation entry point (kind feedback_request).
 */
async function postFeedbackItem(ctx: UseCaseContext, groupId: string, parentId: string | null, text: string) {
  const { enrolmentId } = await requireEnrolledMember(ctx, groupId, 'contribute');
  const decision = await moderate(ctx.db, { groupId, author: moderationAuthor(ctx.principal, enrolmentId), kind: 'feedback_request', fields: { text } }, ctx.now);
  const status = statusOf(decision);
  const id = newId();
  await ctx.db
    .insertInto('feedback_items')
    .values({
      id,
      group_id: groupId,
      parent_id: parentId,
      enrolment_id: enrolmentId,
      author_id: ctx.principal.userId,
      body: decision.texts.text,
      moderation_status: status,
      created_at: ctx.now.toISOString(),
    })
    .execute();
  await recordModeration(ctx.db, decision, id, ctx.now);
  await ctx.audit({ action: parentId ? 'feedback.reply' : 'feedback.request', resourceType: 'feedback_item', resourceId: id, groupId, detail: { status } });
  return { id, status };
}

/** A member asks the group for feedback. */
export function postFeedbackRequest(ctx: UseCaseContext, groupId: string, text: string) {
  return postFeedbackItem(ctx, groupId, null, text);
}

/** A member answers a published feedback request of their group. */
export async function replyToFeedbackRequest(ctx: UseCaseContext, requestId: string, text: string) {
  const request = await ctx.db.selectFrom('feedback_items').select(['id', 'group_id', 'parent_id', 'moderation_status']).where('id', '=', requestId).executeTakeFirst();
  if (!request || request.parent_id !== null) throw notFound('This feedback request');
  if (request.moderation_status !== 'published') throw new AppError('invalid_state', 'This request is not open for replies.');
  return postFeedbackItem(ctx, request.group_id, request.id, text);
}

import type { UseCaseContext } from '../../http/use-case.js';
import { moderate, moderationAuthor, type Moderated } from '../moderation/moderate.js';
import type { ContentKind } from '../moderation/kinds.js';
import { requireCurrentEnrolment, type CurrentEnrolment } from './membership.js';

/**
 * A member's own item (a goal, a practice entry, a celebration) going to their group: the
 * enrolment it goes into (`requireCurrentEnrolment`: the one named, else the most recent, at the
 * `contribute` level) and the moderation decision on what the group will read, with the member
 * as its author. Writes nothing: store the item with `statusOf(decision)`, then `recordModeration`.
 */
export async function moderateIntoMyGroup<K extends string>(
  ctx: UseCaseContext,
  enrolmentId: string | null,
  kind: ContentKind,
  fields: Record<K, string>,
): Promise<{ enrolment: CurrentEnrolment; decision: Moderated<K> }> {
  const enrolment = await requireCurrentEnrolment(ctx.db, ctx.principal.userId, enrolmentId);
  const decision = await moderate(ctx.db, { groupId: enrolment.group_id, author: moderationAuthor(ctx.principal, enrolment.id), kind, fields }, ctx.now);
  return { enrolment, decision };
}

import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import type { SpaceViewer } from './access.js';
import { loadStreamPost } from './repository.js';

const SUMMARY = {
  worried: 'A member is worried about the author of a group-space message',
  agreement: 'A member reported a group-space message as breaking the group agreement',
} as const;

/**
 * Reports a post to the group's clinicians: "I'm worried about this person" or "this breaks our
 * agreement". The reporter is never shown to the author or to peers; the group's clinicians see
 * who reported (they may need to follow up with them). Opens an alert in the clinician queue.
 */
export async function reportPost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string, kind: 'worried' | 'agreement', note: string | null) {
  const post = await loadStreamPost(ctx.db, postId);
  if (!post || post.groupId !== viewer.groupId || (post.status !== 'published' && post.authorId !== viewer.userId && viewer.role !== 'staff')) {
    throw new AppError('not_found', 'This message was not found.');
  }
  if (post.authorId === viewer.userId) throw new AppError('invalid_state', 'You cannot report your own message.');
  const already = await ctx.db
    .selectFrom('space_reports')
    .select('id')
    .where('post_id', '=', postId)
    .where('reporter_id', '=', viewer.userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (already) throw new AppError('conflict', 'You already reported this message. A facilitator will look at it.');
  const id = newId();
  // Alerts are about a participant; a report of a facilitator's message is filed against the reporter's own record.
  const participantId = post.authorRole === 'participant' ? post.authorId : viewer.userId;
  const enrolmentId = post.authorRole === 'participant' ? post.enrolmentId : viewer.enrolmentId;
  const alertId = await raiseAlert(ctx.db, {
    kind: 'space_report',
    tier: 'concern',
    participantId,
    enrolmentId,
    groupId: viewer.groupId,
    sourceType: 'space_report',
    sourceId: id,
    summary: SUMMARY[kind],
    now: ctx.now,
  });
  await ctx.db
    .insertInto('space_reports')
    .values({ id, group_id: viewer.groupId, post_id: postId, reporter_id: viewer.userId, kind, note, alert_id: alertId, created_at: ctx.now.toISOString() })
    .execute();
  await ctx.audit({ action: 'space.report', resourceType: 'space_report', resourceId: id, groupId: viewer.groupId, detail: { kind } });
  return { id, kind, createdAt: ctx.now.toISOString() };
}

import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { appendModerationLog } from '../moderation/record-moderation.js';
import type { SpaceViewer } from './access.js';
import { markPostChanged } from './post-changed.js';
import { loadStreamPost } from './repository.js';

/** Takes back one's own post (only its author may). */
export async function withdrawPost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string) {
  const post = await ctx.db.selectFrom('space_posts').select('author_id').where('id', '=', postId).executeTakeFirstOrThrow();
  if (post.author_id !== viewer.userId) throw new AppError('forbidden', 'Only the author can take a message back.');
  return removePost(ctx, viewer, postId, null);
}

/**
 * Removes a post: its author may take back their own; the group's clinicians remove anyone's
 * with a reason, which the author sees and the moderation log keeps. The row stays (a
 * placeholder for replies and the record); its text is no longer shown to members.
 */
export async function removePost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string, reason: string | null) {
  const post = await loadStreamPost(ctx.db, postId);
  const visible = post && post.groupId === viewer.groupId && (post.status === 'published' || post.authorId === viewer.userId || viewer.role === 'staff');
  if (!post || !visible) throw new AppError('not_found', 'This message was not found.');
  const own = post.authorId === viewer.userId;
  if (!own && viewer.role !== 'staff') throw new AppError('forbidden', 'Only the author or a facilitator can remove a message.');
  if (!own && !reason) throw new AppError('validation_failed', 'Say why the message is removed: its author will see the reason.', [{ path: 'body.reason', message: 'Required.' }]);
  if (post.status === 'removed') throw new AppError('invalid_state', 'This message was already removed.');
  const statusReason = own && !reason ? 'Removed by its author.' : (reason ?? '');
  await ctx.db
    .updateTable('space_posts')
    .set({ moderation_status: 'removed', status_reason: statusReason, removed_at: ctx.now.toISOString(), removed_by: viewer.userId })
    .where('id', '=', postId)
    .execute();
  const kind = post.threadId ? 'post' : 'message';
  if (!own) {
    // Every moderation action is logged with its reason (the log is append-only).
    await appendModerationLog(ctx.db, {
      item: { kind, id: postId, groupId: viewer.groupId, authorId: post.authorId },
      actorId: viewer.userId,
      action: 'removed',
      reason: statusReason,
      now: ctx.now,
    });
  }
  await markPostChanged(ctx.db, postId);
  await ctx.audit({ action: own ? `space.${kind}.withdraw` : `space.${kind}.remove`, resourceType: `space_${kind}`, resourceId: postId, groupId: viewer.groupId });
  const updated = await loadStreamPost(ctx.db, postId);
  if (!updated) throw new Error('The removed post vanished');
  return updated;
}

import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';
import type { SpaceViewer } from './access.js';
import { moderateFor } from './create-post.js';
import { markPostChanged } from './post-changed.js';
import { loadStreamPost } from './repository.js';

/** Edits one's own post. The new text is moderated like a new post and may be held again. */
export async function editPost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string, text: string) {
  const post = await loadStreamPost(ctx.db, postId);
  if (!post || post.groupId !== viewer.groupId || (post.authorId !== viewer.userId && post.status !== 'published' && viewer.role !== 'staff')) {
    throw new AppError('not_found', 'This message was not found.');
  }
  if (post.authorId !== viewer.userId) throw new AppError('forbidden', 'Only the author can edit a message.');
  if (post.status === 'removed' || post.status === 'rejected') throw new AppError('invalid_state', 'A removed message cannot be edited.');
  const kind = post.threadId ? 'post' : 'message';
  const decision = await moderateFor(ctx, viewer, kind, { text });
  await ctx.db
    .updateTable('space_posts')
    .set({
      body: decision.texts.text,
      edited_at: ctx.now.toISOString(),
      moderation_status: statusOf(decision),
      moderation_reasons: decision.reasons.length > 0 ? JSON.stringify(decision.reasons) : null,
    })
    .where('id', '=', postId)
    .execute();
  await recordModeration(ctx.db, decision, postId, ctx.now);
  await markPostChanged(ctx.db, postId);
  await ctx.audit({ action: `space.${kind}.edit`, resourceType: `space_${kind}`, resourceId: postId, groupId: viewer.groupId, detail: { outcome: decision.outcome } });
  const updated = await loadStreamPost(ctx.db, postId);
  if (!updated) throw new Error('The edited post vanished');
  return updated;
}

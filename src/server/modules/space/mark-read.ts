import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { SpaceViewer } from './access.js';
import { visibleThread } from './create-post.js';
import { lastSeqOf } from './repository.js';

/** Moves the viewer's read marker for a thread they can see (or the chat) forward; never backwards, never past the stream. */
export async function markRead(ctx: UseCaseContext, viewer: SpaceViewer, threadKey: string, seq: number): Promise<{ lastSeq: number }> {
  if (threadKey !== 'chat' && !(await visibleThread(ctx.db, viewer, threadKey))) throw new AppError('not_found', 'This thread was not found.');
  const capped = Math.min(seq, await lastSeqOf(ctx.db, viewer.groupId));
  const existing = await ctx.db
    .selectFrom('space_read_markers')
    .select('last_seq')
    .where('user_id', '=', viewer.userId)
    .where('group_id', '=', viewer.groupId)
    .where('thread_key', '=', threadKey)
    .executeTakeFirst();
  if (existing && existing.last_seq >= capped) return { lastSeq: existing.last_seq };
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('space_read_markers')
    .values({ user_id: viewer.userId, group_id: viewer.groupId, thread_key: threadKey, last_seq: capped, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'group_id', 'thread_key']).doUpdateSet({ last_seq: capped, updated_at: now }))
    .execute();
  await ctx.audit({ action: 'space.mark_read', resourceType: 'therapy_group', resourceId: viewer.groupId, groupId: viewer.groupId });
  return { lastSeq: capped };
}

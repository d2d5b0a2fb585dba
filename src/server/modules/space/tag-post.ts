import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import type { SpaceViewer } from './access.js';
import { loadStreamPost } from './repository.js';

/** The group's next scheduled session, which a "bring to group" tag is for. */
async function nextSessionId(ctx: UseCaseContext, groupId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('group_sessions')
    .select('id')
    .where('group_id', '=', groupId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', ctx.now.toISOString())
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** "Bring to group": tags a published post for the next session; the facilitators' digest reads these tags. */
export async function tagPost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string, note: string | null) {
  const post = await loadStreamPost(ctx.db, postId);
  if (!post || post.groupId !== viewer.groupId || (post.status !== 'published' && post.authorId !== viewer.userId && viewer.role !== 'staff')) {
    throw new AppError('not_found', 'This message was not found.');
  }
  if (post.status !== 'published') throw new AppError('invalid_state', 'Only published messages can be brought to the group.');
  const existing = await ctx.db.selectFrom('space_tags').select('id').where('post_id', '=', postId).where('tagged_by', '=', viewer.userId).executeTakeFirst();
  if (existing) throw new AppError('conflict', 'You already marked this message for the next session.');
  const id = newId();
  const sessionId = await nextSessionId(ctx, viewer.groupId);
  await ctx.db
    .insertInto('space_tags')
    .values({ id, group_id: viewer.groupId, post_id: postId, tagged_by: viewer.userId, note, session_id: sessionId, created_at: ctx.now.toISOString() })
    .execute();
  await ctx.audit({ action: 'space.tag', resourceType: 'space_tag', resourceId: id, groupId: viewer.groupId });
  return { id, sessionId, createdAt: ctx.now.toISOString() };
}

/** Takes one's own "bring to group" tag back. */
export async function untagPost(ctx: UseCaseContext, viewer: SpaceViewer, postId: string): Promise<void> {
  const result = await ctx.db
    .deleteFrom('space_tags')
    .where('post_id', '=', postId)
    .where('tagged_by', '=', viewer.userId)
    .where('group_id', '=', viewer.groupId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('not_found', 'You had not marked this message.');
  await ctx.audit({ action: 'space.untag', resourceType: 'space_post', resourceId: postId, groupId: viewer.groupId });
}

import type { UseCaseContext } from '../../http/use-case.js';
import { requireSpaceViewer } from './access.js';

/** Pins a thread at the top of the space, or unpins it. */
export async function pinThread(ctx: UseCaseContext, threadId: string, pinned: boolean): Promise<void> {
  const thread = await ctx.db.selectFrom('space_threads').select('group_id').where('id', '=', threadId).executeTakeFirstOrThrow();
  const viewer = await requireSpaceViewer(ctx.db, ctx.principal, thread.group_id);
  await ctx.db
    .updateTable('space_threads')
    .set({ pinned: pinned ? 1 : 0 })
    .where('id', '=', threadId)
    .execute();
  await ctx.audit({ action: pinned ? 'space.thread.pin' : 'space.thread.unpin', resourceType: 'space_thread', resourceId: threadId, groupId: viewer.groupId });
}

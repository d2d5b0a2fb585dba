import type { DbOrTx } from '../../db/database.js';
import { groupChannel } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';
import { nextSeq } from './sequence.js';

/**
 * Gives a changed post (edited, removed, approved, rejected) a new stream position and tells
 * every instance, inside the caller's transaction: resuming clients replay it, live ones get it
 * at commit. The event names the post; receivers read the committed row.
 */
export async function markPostChanged(tx: DbOrTx, postId: string): Promise<void> {
  const post = await tx.selectFrom('space_posts').select(['group_id']).where('id', '=', postId).executeTakeFirst();
  if (!post) return;
  const seq = await nextSeq(tx, post.group_id);
  await tx.updateTable('space_posts').set({ version_seq: seq }).where('id', '=', postId).execute();
  await publish(tx, groupChannel(post.group_id), { type: 'space.post', groupId: post.group_id, postId, seq });
}

import type { DbOrTx } from '../../db/database.js';
import { groupChannel, type SpacePostEvent, type StreamPost } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

const eventOf = (post: StreamPost): SpacePostEvent => ({ type: 'space.post', groupId: post.groupId, postId: post.id, seq: post.versionSeq, post });

/**
 * A post event carries the post itself, so it is published in the transaction that stores the
 * post: it reaches sockets when that commits, in commit order, and never for a rolled-back post.
 */
export async function publishPost(tx: DbOrTx, post: StreamPost): Promise<void> {
  await publish(tx, groupChannel(post.groupId), eventOf(post));
}

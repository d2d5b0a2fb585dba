import type { DbOrTx } from '../../db/database.js';
import { groupChannel, type SpacePostEvent, type StreamPost } from '../../realtime/events.js';
import { notifiesAtCommit, publish } from '../../realtime/publish.js';

const eventOf = (post: StreamPost): SpacePostEvent => ({ type: 'space.post', groupId: post.groupId, postId: post.id, seq: post.versionSeq, post });

/**
 * A post event carries the post itself, so it must never reach a socket before its transaction
 * commits. Where the database delivers at commit (PostgreSQL: in commit order, never for a
 * rolled-back post) it is published inside the transaction…
 */
export async function publishPostInTransaction(tx: DbOrTx, post: StreamPost): Promise<void> {
  if (notifiesAtCommit(tx)) await publish(tx, groupChannel(post.groupId), eventOf(post));
}

/** …elsewhere (SQLite, one instance) once it has committed; both through the one publish path. */
export async function publishPostAfterCommit(db: DbOrTx, post: StreamPost): Promise<void> {
  if (!notifiesAtCommit(db)) await publish(db, groupChannel(post.groupId), eventOf(post));
}

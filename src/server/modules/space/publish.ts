import type { DbOrTx } from '../../db/database.js';
import type { Broker } from '../../realtime/broker.js';
import { groupChannel, type SpacePostEvent, type StreamPost } from '../../realtime/events.js';
import { notifiesAtCommit, publishInTransaction } from '../../realtime/publish-in-transaction.js';

const eventOf = (post: StreamPost): SpacePostEvent => ({ type: 'space.post', groupId: post.groupId, postId: post.id, seq: post.versionSeq, post });

/**
 * Publishes a new post as part of its transaction where the database can (PostgreSQL: NOTIFY is
 * delivered at commit, in commit order, and never for a rolled-back post).
 */
export async function publishPostInTransaction(tx: DbOrTx, post: StreamPost): Promise<void> {
  if (notifiesAtCommit(tx)) await publishInTransaction(tx, groupChannel(post.groupId), eventOf(post));
}

/** Elsewhere (SQLite, one instance) the committed post is handed to the in-process broker. */
export async function publishPostAfterCommit(db: DbOrTx, broker: Broker, post: StreamPost): Promise<void> {
  if (!notifiesAtCommit(db)) await broker.publish(groupChannel(post.groupId), eventOf(post));
}

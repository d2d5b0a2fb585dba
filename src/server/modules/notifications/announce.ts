import type { DbOrTx } from '../../db/database.js';
import { publishInTransaction } from '../../realtime/publish-in-transaction.js';
import { userChannel } from '../../realtime/events.js';

/**
 * Tells each person's open pages that they have a new notification (their bell updates at once),
 * on every instance, when the transaction that wrote it commits. Carries no content.
 */
export async function announceNotifications(db: DbOrTx, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) await publishInTransaction(db, userChannel(userId), { type: 'notification.created', userId });
}

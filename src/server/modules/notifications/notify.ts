import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { userChannel } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** One in-app notification for one person. No clinical content: it is read on shared screens. */
export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  groupId: string | null;
  sessionId: string | null;
}

/**
 * The one way to notify people in the app: writes each notification in the caller's transaction
 * and tells each person's open pages (their bell updates at once, on every instance) when it
 * commits. The live event carries no content, only that something arrived.
 */
export async function notify(db: DbOrTx, notifications: readonly NewNotification[], now: Date): Promise<void> {
  if (notifications.length === 0) return;
  const createdAt = now.toISOString();
  await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        id: newId(),
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        group_id: n.groupId,
        session_id: n.sessionId,
        created_at: createdAt,
        read_at: null,
      })),
    )
    .execute();
  for (const userId of new Set(notifications.map((n) => n.userId))) await publish(db, userChannel(userId), { type: 'notification.created', userId });
}

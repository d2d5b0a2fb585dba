import type { AppNotification } from '../../../shared/schemas/notifications.js';
import type { NotificationRow } from './repository.js';

export function presentNotification(row: NotificationRow): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    groupId: row.group_id,
    sessionId: row.session_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

import { z } from 'zod';
import { idSchema, timestampSchema } from '../../../shared/schemas/common.js';
import type { NotificationRow } from './repository.js';

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.string().describe('e.g. session_cancelled, session_rescheduled'),
  title: z.string(),
  body: z.string(),
  groupId: idSchema.nullable(),
  sessionId: idSchema.nullable(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int().describe('All my unread notifications, however many are listed'),
});

export function presentNotification(row: NotificationRow): z.infer<typeof notificationSchema> {
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

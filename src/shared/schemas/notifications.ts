import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

// In-app notifications (server/modules/notifications): what GET /api/me/notifications answers.

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
export type AppNotification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int().describe('All my unread notifications, however many are listed'),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** GET /api/me/notifications: all, or only the unread ones. */
export const notificationQuerySchema = z.strictObject({ unread: z.enum(['true', 'false']).optional().describe('true: only unread ones') });

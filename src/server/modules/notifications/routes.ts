import { idParams } from '../../../shared/schemas/common.js';
import { notificationListSchema, notificationQuerySchema } from '../../../shared/schemas/notifications.js';
import { defineRoute } from '../../http/route.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.js';
import { presentNotification } from './presenters.js';
import { countUnread, listNotifications } from './repository.js';

const tags = ['notifications'];
const LIST_LIMIT = 100;

export const notificationRoutes = [
  defineRoute({
    id: 'notifications.list',
    method: 'GET',
    url: '/api/me/notifications',
    summary: 'My in-app notifications, newest first (at most 100), and how many are unread',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    query: notificationQuerySchema,
    response: { 200: notificationListSchema },
    async handler({ query }, ctx) {
      const userId = ctx.principal.userId;
      const [rows, unread] = await Promise.all([listNotifications(ctx.db, userId, { onlyUnread: query.unread === 'true', limit: LIST_LIMIT }), countUnread(ctx.db, userId)]);
      return { notifications: rows.map(presentNotification), unread };
    },
  }),
  defineRoute({
    id: 'notifications.read',
    method: 'POST',
    url: '/api/me/notifications/:notificationId/read',
    summary: 'Mark one of my notifications read',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update', objects: { notificationId: 'notification' } },
    params: idParams('notificationId'),
    async handler({ params }, ctx) {
      await markNotificationRead(ctx, params.notificationId);
    },
  }),
  defineRoute({
    id: 'notifications.read_all',
    method: 'POST',
    url: '/api/me/notifications/read-all',
    summary: 'Mark all my notifications read',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    async handler(_input, ctx) {
      await markAllNotificationsRead(ctx);
    },
  }),
];

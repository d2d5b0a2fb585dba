import { notificationPreferencesBodySchema, notificationPreferencesSchema } from '../../../shared/schemas/reminders.js';
import { defineRoute } from '../../http/route.js';
import { readPreferences } from './read-preferences.js';
import { updatePreferences } from './update-preferences.js';

const tags = ['reminders'];

export const reminderRoutes = [
  defineRoute({
    id: 'me.notification_preferences.read',
    method: 'GET',
    url: '/api/me/notification-preferences',
    summary: 'My reminder preferences: session and questionnaire reminders by e-mail, on or off',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: notificationPreferencesSchema },
    async handler(_input, ctx) {
      return readPreferences(ctx);
    },
  }),
  defineRoute({
    id: 'me.notification_preferences.update',
    method: 'PUT',
    url: '/api/me/notification-preferences',
    summary: 'Turn my session or questionnaire reminders by e-mail on or off',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    body: notificationPreferencesBodySchema,
    response: { 200: notificationPreferencesSchema },
    async handler({ body }, ctx) {
      return updatePreferences(ctx, body);
    },
  }),
];

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
    summary: "My notification preferences: a member's session and questionnaire reminders, or staff's session digest by e-mail",
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
    summary: 'Turn my reminders (by e-mail or text message) or my session digest by e-mail on or off; refused for a channel I have no address for',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    body: notificationPreferencesBodySchema,
    response: { 200: notificationPreferencesSchema },
    errors: ['channel_unavailable', 'no_address_for_channel', 'preference_not_offered'],
    async handler({ body }, ctx) {
      return updatePreferences(ctx, body);
    },
  }),
];

import { idParams } from '../../../shared/schemas/common.js';
import {
  alertDeliveryListSchema,
  mobileBodySchema,
  mobileResponseSchema,
  myDeliverySchema,
  pushSubscribedSchema,
  pushSubscriptionBodySchema,
  pushUnsubscribeBodySchema,
  smsOutboxSchema,
} from '../../../shared/schemas/duty.js';
import { defineRoute } from '../../http/route.js';
import { listDeliveries } from './list-deliveries.js';
import { myAlertDelivery } from './my-alert-delivery.js';
import { setMobile } from './set-mobile.js';
import { smsOutbox } from './sms-outbox.js';
import { subscribePush, unsubscribePush } from './subscribe-push.js';

export const deliveryRoutes = [
  defineRoute({
    id: 'alerts.deliveries',
    method: 'GET',
    url: '/api/alerts/:alertId/deliveries',
    summary: 'Every attempt to reach someone about an alert: channel, recipient, step, outcome, latency',
    tags: ['alerts'],
    access: { kind: 'authenticated', resource: 'alert', action: 'read', objects: { alertId: 'alert' } },
    params: idParams('alertId'),
    response: { 200: alertDeliveryListSchema },
    async handler({ params }, ctx) {
      return listDeliveries(ctx, params.alertId);
    },
  }),
  defineRoute({
    id: 'me.alertDelivery.get',
    method: 'GET',
    url: '/api/me/alert-delivery',
    summary: 'How alerts reach me: the push key for this service, my subscribed devices, my mobile',
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'duty_contact', action: 'read' },
    response: { 200: myDeliverySchema },
    // Generating the development VAPID pair on first use writes a setting.
    transaction: true,
    async handler(_input, ctx) {
      return myAlertDelivery(ctx);
    },
  }),
  defineRoute({
    id: 'me.push.subscribe',
    method: 'POST',
    url: '/api/me/push-subscriptions',
    summary: "Receive alerts on this device by Web Push (the browser's PushSubscription JSON)",
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'duty_contact', action: 'create' },
    body: pushSubscriptionBodySchema,
    response: { 201: pushSubscribedSchema },
    errors: ['invalid_push_subscription'],
    async handler({ body }, ctx) {
      const id = await subscribePush(ctx, body);
      ctx.reply.code(201);
      return { id };
    },
  }),
  defineRoute({
    id: 'me.push.unsubscribe',
    method: 'DELETE',
    url: '/api/me/push-subscriptions',
    summary: 'Stop alerts by Web Push on this device',
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'duty_contact', action: 'update' },
    body: pushUnsubscribeBodySchema,
    errors: ['not_found'],
    async handler({ body }, ctx) {
      await unsubscribePush(ctx, body.endpoint);
    },
  }),
  defineRoute({
    id: 'me.mobile.update',
    method: 'PUT',
    url: '/api/me/mobile',
    summary: 'My mobile number for text messages — alerts (staff), session reminders (members) — empty to remove (which turns text reminders off); 422 invalid_phone',
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'mobile', action: 'update' },
    body: mobileBodySchema,
    response: { 200: mobileResponseSchema },
    errors: ['invalid_phone'],
    async handler({ body }, ctx) {
      return setMobile(ctx, body.mobile);
    },
  }),
  defineRoute({
    id: 'admin.sms.list',
    method: 'GET',
    url: '/api/admin/sms',
    summary: 'Text messages kept in the SMS outbox (no gateway configured) and reminder texts sent through the gateway with their attempts and status, newest first',
    tags: ['mail'],
    access: { kind: 'authenticated', resource: 'mail', action: 'read' },
    response: { 200: smsOutboxSchema },
    async handler(_input, ctx) {
      return smsOutbox(ctx);
    },
  }),
];

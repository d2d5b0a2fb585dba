import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { alertDeliverySchema, mobileBodySchema, myDeliverySchema, pushSubscriptionBodySchema, smsSchema } from '../../../shared/schemas/duty.js';
import { defineRoute } from '../../http/route.js';
import { setMobile } from './set-mobile.js';
import { subscribePush, unsubscribePush } from './subscribe-push.js';
import { resolveVapidKeys } from './web-push.js';

const LIST_LIMIT = 200;

export const deliveryRoutes = [
  defineRoute({
    id: 'alerts.deliveries',
    method: 'GET',
    url: '/api/alerts/:alertId/deliveries',
    summary: 'Every attempt to reach someone about an alert: channel, recipient, step, outcome, latency',
    tags: ['alerts'],
    access: { kind: 'authenticated', resource: 'alert', action: 'read', objects: { alertId: 'alert' } },
    params: idParams('alertId'),
    response: { 200: z.object({ deliveries: z.array(alertDeliverySchema) }) },
    async handler({ params }, ctx) {
      const rows = await ctx.db
        .selectFrom('alert_deliveries as d')
        .innerJoin('users as u', 'u.id', 'd.recipient_id')
        .leftJoin('alert_recipients as r', (j) => j.onRef('r.alert_id', '=', 'd.alert_id').onRef('r.user_id', '=', 'd.recipient_id'))
        .select(['d.id', 'd.step', 'd.recipient_id', 'u.display_name', 'r.reason', 'd.channel', 'd.status', 'd.error', 'd.queued_at', 'd.attempted_at', 'd.latency_ms'])
        .where('d.alert_id', '=', String(params.alertId))
        .orderBy('d.queued_at')
        .orderBy('d.step')
        .orderBy('u.display_name')
        .orderBy('d.channel')
        .execute();
      return {
        deliveries: rows.map((r) => ({
          id: r.id,
          step: r.step,
          recipient: { id: r.recipient_id, displayName: r.display_name },
          reason: r.reason,
          channel: r.channel,
          status: r.status,
          error: r.error,
          queuedAt: r.queued_at,
          attemptedAt: r.attempted_at,
          latencyMs: r.latency_ms,
        })),
      };
    },
  }),
  defineRoute({
    id: 'me.alertDelivery.get',
    method: 'GET',
    url: '/api/me/alert-delivery',
    summary: "How alerts reach me: the push key for this service, my subscribed devices, my mobile",
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'duty_contact', action: 'read' },
    response: { 200: myDeliverySchema },
    // Generating the development VAPID pair on first use writes a setting.
    transaction: true,
    async handler(_input, ctx) {
      const me = ctx.principal.userId;
      const [vapid, devices, user] = await Promise.all([
        resolveVapidKeys(ctx.db, ctx.hearth.config, ctx.now),
        ctx.db.selectFrom('push_subscriptions').selectAll().where('user_id', '=', me).orderBy('created_at').execute(),
        ctx.db.selectFrom('users').select('mobile_e164').where('id', '=', me).executeTakeFirstOrThrow(),
      ]);
      await ctx.audit({ action: 'me.alertDelivery.get' });
      return {
        vapidPublicKey: vapid?.publicKey ?? null,
        devices: devices.map((d) => ({ id: d.id, endpointHost: new URL(d.endpoint).host, deviceLabel: d.device_label, createdAt: d.created_at, lastSuccessAt: d.last_success_at })),
        mobile: user.mobile_e164,
      };
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
    response: { 201: z.object({ id: z.uuid() }) },
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
    body: z.strictObject({ endpoint: z.string().max(2000) }),
    async handler({ body }, ctx) {
      await unsubscribePush(ctx, body.endpoint);
    },
  }),
  defineRoute({
    id: 'me.mobile.update',
    method: 'PUT',
    url: '/api/me/mobile',
    summary: 'My mobile number for alert text messages (empty to remove); stored as E.164',
    tags: ['account'],
    access: { kind: 'authenticated', resource: 'duty_contact', action: 'update' },
    body: mobileBodySchema,
    response: { 200: z.object({ mobile: z.string().nullable() }) },
    async handler({ body }, ctx) {
      return { mobile: await setMobile(ctx, body.mobile) };
    },
  }),
  defineRoute({
    id: 'admin.sms.list',
    method: 'GET',
    url: '/api/admin/sms',
    summary: 'Text messages kept in the SMS outbox (no gateway configured), newest first',
    tags: ['mail'],
    access: { kind: 'authenticated', resource: 'mail', action: 'read' },
    response: { 200: z.object({ messages: z.array(smsSchema), gatewayConfigured: z.boolean() }) },
    async handler(_input, ctx) {
      const rows = await ctx.db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT).execute();
      await ctx.audit({ action: 'admin.sms.list', detail: { count: rows.length } });
      return { gatewayConfigured: !!ctx.hearth.config.smsHttp, messages: rows.map((r) => ({ id: r.id, to: r.to_e164, text: r.body_text, createdAt: r.created_at })) };
    },
  }),
];

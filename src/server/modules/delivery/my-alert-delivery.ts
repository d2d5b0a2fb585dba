import type { UseCaseContext } from '../../http/use-case.js';
import { resolveVapidKeys } from './web-push.js';

/** How alerts reach the caller: the service's push key (the development pair is made on first use), their subscribed devices, their mobile; audited. */
export async function myAlertDelivery(ctx: UseCaseContext) {
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
}

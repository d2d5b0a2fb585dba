import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { pushSubscriptionProblem, type PushTarget } from './web-push.js';

/**
 * Registers this device of the signed-in clinician for Web Push. An unusable subscription (not an
 * https endpoint, keys that are not a P-256 point and a 16-byte secret) is refused with
 * `invalid_push_subscription`. The same endpoint subscribed again replaces its keys and owner.
 */
export async function subscribePush(ctx: UseCaseContext, target: PushTarget & { deviceLabel?: string | undefined }): Promise<string> {
  const problem = pushSubscriptionProblem(target, ctx.hearth.config.nodeEnv === 'production');
  if (problem) throw new AppError('invalid_push_subscription', `This browser's push subscription cannot be used: ${problem}`);
  const userId = ctx.principal.userId;
  const existing = await ctx.db.selectFrom('push_subscriptions').select('id').where('endpoint', '=', target.endpoint).executeTakeFirst();
  const id = existing?.id ?? newId();
  const values = { user_id: userId, p256dh: target.keys.p256dh, auth: target.keys.auth, device_label: target.deviceLabel ?? null };
  if (existing) await ctx.db.updateTable('push_subscriptions').set(values).where('id', '=', id).execute();
  else
    await ctx.db
      .insertInto('push_subscriptions')
      .values({ id, endpoint: target.endpoint, created_at: ctx.now.toISOString(), last_success_at: null, ...values })
      .execute();
  await ctx.audit({ action: 'me.push.subscribe', resourceType: 'push_subscription', resourceId: id });
  return id;
}

/** Removes one of the signed-in clinician's devices by its endpoint (others' endpoints: not found). */
export async function unsubscribePush(ctx: UseCaseContext, endpoint: string): Promise<void> {
  const result = await ctx.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).where('user_id', '=', ctx.principal.userId).executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw new AppError('not_found', 'This device is not subscribed.');
  await ctx.audit({ action: 'me.push.unsubscribe', resourceType: 'push_subscription' });
}

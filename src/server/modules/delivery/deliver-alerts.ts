import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { queueMail } from '../mail/queue-mail.js';
import { alertNotice } from './notice.js';
import type { SmsSender } from './sms.js';
import { PushSubscriptionGone, type PushSender } from './web-push.js';

export interface DeliveryDeps {
  /** Null when Web Push has no VAPID keys (production without them): push attempts fail visibly. */
  push: PushSender | null;
  sms: SmsSender;
  smtpConfigured: boolean;
  serviceName: string;
  /** Absolute address of the alert queue, for e-mail and SMS. */
  alertsUrl: string;
  clock: { now(): Date };
}

/** An attempt claimed this long ago by an instance that then vanished is claimed again. */
const CLAIM_TIMEOUT_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Sends queued alert deliveries. Each attempt is claimed with a conditional update first (as the
 * mail outbox does), so instances running this at once never send one twice. Every attempt ends
 * sent or failed with its error and latency; a push or SMS failure makes sure the person still
 * gets the e-mail, so a failing channel never loses an alert.
 */
export async function deliverQueuedAlerts(db: Db, deps: DeliveryDeps): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  const staleClaim = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  const candidates = await db
    .selectFrom('alert_deliveries')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleClaim)])]))
    .orderBy('queued_at')
    .limit(BATCH)
    .execute();
  let sent = 0;
  let failed = 0;
  await Promise.all(
    candidates.map(async ({ id }) => {
      const claimed = await db
        .updateTable('alert_deliveries')
        .set({ status: 'sending', claimed_at: now.toISOString() })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleClaim)])]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const ok = await attempt(db, deps, id);
      if (ok) sent += 1;
      else failed += 1;
    }),
  );
  return { sent, failed };
}

async function attempt(db: Db, deps: DeliveryDeps, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('alert_deliveries as d')
    .innerJoin('alerts as a', 'a.id', 'd.alert_id')
    .leftJoin('therapy_groups as g', 'g.id', 'a.group_id')
    .select(['d.id', 'd.alert_id', 'd.step', 'd.recipient_id', 'd.channel', 'd.target', 'd.queued_at', 'a.tier', 'g.name as group_name'])
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
  const notice = alertNotice({ tier: row.tier, groupName: row.group_name, escalated: row.step > 0 }, deps.serviceName, deps.alertsUrl);
  let error: string | null = null;
  try {
    switch (row.channel) {
      case 'push': {
        const subscription = await db.selectFrom('push_subscriptions').selectAll().where('id', '=', row.target).executeTakeFirst();
        if (!subscription) throw new Error('the device was unsubscribed');
        if (!deps.push) throw new Error('Web Push is not configured (no VAPID keys)');
        const payload = JSON.stringify({
          title: notice.title,
          body: `Open ${deps.serviceName} to see it.`,
          alertId: row.alert_id,
          url: `/alerts#alert-${row.alert_id}`,
          tag: `alert-${row.alert_id}`,
        });
        try {
          await deps.push.send({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload);
          await db.updateTable('push_subscriptions').set({ last_success_at: deps.clock.now().toISOString() }).where('id', '=', subscription.id).execute();
        } catch (pushError) {
          // The push service forgot this device: stop trying it for every future alert.
          if (pushError instanceof PushSubscriptionGone) await db.deleteFrom('push_subscriptions').where('id', '=', subscription.id).execute();
          throw pushError;
        }
        break;
      }
      case 'sms':
        await deps.sms.send(row.target, notice.shortText);
        break;
      case 'email':
        await queueMail(
          db,
          { kind: 'alert', toUserId: row.recipient_id, toAddress: row.target, subject: notice.subject, bodyText: notice.mailBody },
          { smtpConfigured: deps.smtpConfigured, now: deps.clock.now() },
        );
        break;
      case 'in_app':
        break;
    }
  } catch (caught) {
    error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
  }
  const finished = deps.clock.now();
  await db
    .updateTable('alert_deliveries')
    .set({ status: error ? 'failed' : 'sent', error, attempted_at: finished.toISOString(), latency_ms: Math.max(0, finished.getTime() - Date.parse(row.queued_at)) })
    .where('id', '=', id)
    .execute();
  if (error && row.channel !== 'email') await ensureEmailFallback(db, row, finished);
  return !error;
}

/** After a failed push or SMS: the person gets the e-mail of this step, queued now if it was not already. */
async function ensureEmailFallback(db: Db, row: { alert_id: string; step: number; recipient_id: string }, now: Date): Promise<void> {
  const email = await db
    .selectFrom('alert_deliveries')
    .select('id')
    .where('alert_id', '=', row.alert_id)
    .where('step', '=', row.step)
    .where('recipient_id', '=', row.recipient_id)
    .where('channel', '=', 'email')
    .where('status', '!=', 'failed')
    .executeTakeFirst();
  if (email) return;
  const user = await db.selectFrom('users').select('email').where('id', '=', row.recipient_id).executeTakeFirst();
  if (!user) return;
  await db
    .insertInto('alert_deliveries')
    .values({
      id: newId(),
      alert_id: row.alert_id,
      step: row.step,
      recipient_id: row.recipient_id,
      channel: 'email',
      target: user.email,
      status: 'queued',
      error: null,
      claimed_at: null,
      queued_at: now.toISOString(),
      attempted_at: null,
      latency_ms: null,
    })
    .execute();
}

import { createECDH } from 'node:crypto';
import webpush from 'web-push';
import type { Config } from '../../config/env.js';
import type { DbOrTx } from '../../db/database.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** One device to push to, as the browser described it. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The push service no longer knows this subscription (HTTP 404 or 410): it must be removed. */
export class PushSubscriptionGone extends Error {}

/** Sends one encrypted notification to one device. */
export interface PushSender {
  send(target: PushTarget, payload: string): Promise<void>;
}

const VAPID_SETTING = 'push.vapid_keys';

/**
 * The VAPID key pair: from the environment when set; otherwise, outside production, one pair
 * generated once and kept in the database (insert-if-absent, so concurrent instances agree on
 * the first one stored and restarts keep it). Null in production without keys: no Web Push.
 */
export async function resolveVapidKeys(db: DbOrTx, config: Pick<Config, 'vapid' | 'vapidSubject' | 'nodeEnv'>, now: Date): Promise<VapidKeys | null> {
  if (config.vapid) return config.vapid;
  const stored = await db.selectFrom('service_settings').select('value').where('key', '=', VAPID_SETTING).executeTakeFirst();
  if (stored) return { ...(JSON.parse(stored.value) as { publicKey: string; privateKey: string }), subject: config.vapidSubject };
  if (config.nodeEnv === 'production') return null;
  const generated = webpush.generateVAPIDKeys();
  await db
    .insertInto('service_settings')
    .values({ key: VAPID_SETTING, value: JSON.stringify(generated), updated_at: now.toISOString(), updated_by: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const winner = await db.selectFrom('service_settings').select('value').where('key', '=', VAPID_SETTING).executeTakeFirstOrThrow();
  return { ...(JSON.parse(winner.value) as { publicKey: string; privateKey: string }), subject: config.vapidSubject };
}

/**
 * Web Push through the `web-push` library, which encrypts the payload for the device
 * (aes128gcm, RFC 8291) and signs the VAPID header (RFC 8292). The request it prepares is sent
 * with fetch so the timeout is ours and any http(s) endpoint works (web-push's own sender only
 * speaks https, which the local push endpoint of the tests does not).
 */
export function webPushSender(vapid: VapidKeys, timeoutMs: number): PushSender {
  return {
    async send(target, payload) {
      const details = webpush.generateRequestDetails(target, payload, { vapidDetails: vapid, TTL: 3600, contentEncoding: 'aes128gcm', urgency: 'high' });
      let response: Response;
      try {
        response = await fetch(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: new Uint8Array(details.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new Error(timedOut ? `push service did not answer within ${timeoutMs} ms` : `push service unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 404 || response.status === 410) throw new PushSubscriptionGone(`push service answered HTTP ${response.status}: subscription gone`);
      if (!response.ok) throw new Error(`push service answered HTTP ${response.status}`);
    },
  };
}

/**
 * Why a browser's subscription cannot be used, or null when it can: the endpoint must be an
 * https URL (plain http only to this machine outside production, for tests), p256dh a P-256
 * public point and auth 16 bytes, both base64url.
 */
export function pushSubscriptionProblem(target: PushTarget, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(target.endpoint);
  } catch {
    return 'The endpoint is not a URL.';
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local && !production)) return 'The endpoint must be an https URL.';
  const b64url = /^[A-Za-z0-9_-]+={0,2}$/;
  if (!b64url.test(target.keys.p256dh) || !b64url.test(target.keys.auth)) return 'The keys must be base64url.';
  if (Buffer.from(target.keys.auth, 'base64url').length !== 16) return 'The auth secret must be 16 bytes.';
  const point = Buffer.from(target.keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'The p256dh key must be an uncompressed P-256 point.';
  try {
    // Throws when the bytes are not a point on the curve.
    const probe = createECDH('prime256v1');
    probe.generateKeys();
    probe.computeSecret(point);
  } catch {
    return 'The p256dh key is not a point on P-256.';
  }
  return null;
}

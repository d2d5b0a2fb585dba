import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/**
 * Sends a text message. Hearth depends on this interface only, never on a vendor: the outbox
 * keeps messages for administrators (and tests) to read; the HTTP adapter posts to any gateway.
 * Resolves when the message was accepted; rejects with a readable error otherwise.
 */
export interface SmsSender {
  readonly kind: 'outbox' | 'http';
  send(toE164: string, text: string): Promise<void>;
}

/** Keeps messages in the `sms_outbox` table (no gateway configured; tests). */
export function outboxSmsSender(db: DbOrTx, clock: { now(): Date }): SmsSender {
  return {
    kind: 'outbox',
    async send(toE164, text) {
      await db.insertInto('sms_outbox').values({ id: newId(), to_e164: toE164, body_text: text, created_at: clock.now().toISOString() }).execute();
    },
  };
}

/**
 * A generic HTTP gateway: POST `{"to": "+44…", "text": "…"}` as JSON with `Authorization: Bearer
 * <token>`; any 2xx is "accepted". A gateway that is slower than `timeoutMs` or answers otherwise
 * fails the attempt (the alert's other channels still go).
 */
export function httpSmsSender(url: string, token: string | undefined, timeoutMs: number): SmsSender {
  return {
    kind: 'http',
    async send(toE164, text) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to: toE164, text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new Error(timedOut ? `SMS gateway did not answer within ${timeoutMs} ms` : `SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
    },
  };
}

import type pg from 'pg';
import { loadPg } from '../db/database.js';
import { ChannelRouter, type Broker } from './broker.js';
import type { RealtimeEvent } from './events.js';

/** NOTIFY payloads must stay under 8000 bytes; larger events are sent as references. */
export const MAX_NOTIFY_BYTES = 7900;

/** The physical NOTIFY channel of one schema (tests give each app its own schema). */
export function notifyChannelFor(schema: string): string {
  return `hearth_${schema}`.slice(0, 63);
}

/** Serialises an event for NOTIFY, dropping the embedded post when it would not fit. */
export function encodeEnvelope(channel: string, event: RealtimeEvent): string {
  const full = JSON.stringify({ c: channel, e: event });
  if (Buffer.byteLength(full, 'utf8') <= MAX_NOTIFY_BYTES) return full;
  if (event.type === 'space.post') {
    const reference: RealtimeEvent = { type: event.type, groupId: event.groupId, postId: event.postId, seq: event.seq };
    return JSON.stringify({ c: channel, e: reference });
  }
  throw new Error(`Realtime event ${event.type} is too large for NOTIFY`);
}

interface PgBrokerOptions {
  url: string;
  schema?: string;
  /** Called with connection errors (logged by the app). */
  onError?: (error: Error) => void;
}

const RECONNECT_MIN_MS = 200;
const RECONNECT_MAX_MS = 10_000;

/**
 * PostgreSQL LISTEN/NOTIFY: one dedicated connection per instance listens on the schema's channel
 * (events are sent by realtime/publish.ts, a pg_notify in the writing transaction). Reconnects
 * with backoff and tells subscribers, who then catch up from the database (nothing is lost, only
 * delayed).
 */
export async function createPgBroker(options: PgBrokerOptions): Promise<Broker> {
  const router = new ChannelRouter();
  const reconnectListeners: (() => void)[] = [];
  const channel = notifyChannelFor(options.schema ?? 'public');
  let client: pg.Client | null = null;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new (loadPg().Client)({
      connectionString: options.url,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const envelope = JSON.parse(message.payload) as { c: string; e: RealtimeEvent };
        router.dispatch(envelope.c, envelope.e);
      } catch {
        // A malformed payload is not ours to act on.
      }
    });
    next.on('error', (error) => {
      options.onError?.(error);
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    client = next;
    delay = RECONNECT_MIN_MS;
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (closed || client !== failed || timer) return;
    client = null;
    failed.removeAllListeners('notification');
    void failed.end().catch(() => undefined);
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => {
          for (const listener of reconnectListeners) listener();
        },
        (error: Error) => {
          options.onError?.(error);
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
          client = failed;
          scheduleReconnect(failed);
        },
      );
    }, delay);
  };

  await connect();

  return {
    subscribe(logicalChannel, handler) {
      return router.add(logicalChannel, handler);
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

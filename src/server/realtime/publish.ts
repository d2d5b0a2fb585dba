import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { deliverLocally } from './broker.js';
import type { RealtimeEvent } from './events.js';
import { encodeEnvelope } from './pg-broker.js';

/** True where an event published inside a transaction is delivered at commit (PostgreSQL). */
export function notifiesAtCommit(db: DbOrTx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The one way an event leaves for the sockets of every instance. On PostgreSQL it is a NOTIFY on
 * `db`: inside a transaction it is delivered at commit (in commit order) and dropped on rollback;
 * outside one, at once. The brokers (realtime/broker.ts, realtime/pg-broker.ts) only listen. On
 * SQLite (one instance) it is handed to this process's subscribers once the current call stack is
 * done; a transaction may still be open then, so receivers read the row they are told about (those
 * reads wait for it to end), and an event that carries its data (a space post) is published after
 * the commit (modules/space/publish.ts).
 */
export async function publish(db: DbOrTx, channel: string, event: RealtimeEvent): Promise<void> {
  if (notifiesAtCommit(db)) {
    const payload = encodeEnvelope(channel, event);
    await sql`select pg_notify(left('hearth_' || current_schema(), 63), ${payload})`.execute(db);
    return;
  }
  deliverLocally(channel, event);
}

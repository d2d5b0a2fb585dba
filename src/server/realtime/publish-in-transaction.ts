import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { deliverLocally } from './broker.js';
import type { RealtimeEvent } from './events.js';
import { encodeEnvelope } from './pg-broker.js';

/**
 * Publishes from inside a transaction, for modules that do not own theirs (alerts raised in a
 * route's transaction). On PostgreSQL a NOTIFY issued in a transaction is delivered at commit and
 * dropped on rollback. On SQLite the event is delivered once the current call stack is done;
 * receivers read the row they are told about, and those reads wait for the transaction to end.
 * Events sent this way must therefore be references (ids), never the data itself.
 */
/** True where a notification sent inside a transaction is delivered at commit (PostgreSQL). */
export function notifiesAtCommit(db: DbOrTx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function publishInTransaction(db: DbOrTx, channel: string, event: RealtimeEvent): Promise<void> {
  if (notifiesAtCommit(db)) {
    const payload = encodeEnvelope(channel, event);
    await sql`select pg_notify(left('hearth_' || current_schema(), 63), ${payload})`.execute(db);
    return;
  }
  deliverLocally(channel, event);
}

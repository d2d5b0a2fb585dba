import { PostgresAdapter, sql } from 'kysely';
import { afterCommit } from '../db/after-commit.js';
import type { DbOrTx } from '../db/database.js';
import { deliverLocally } from './broker.js';
import type { RealtimeEvent } from './events.js';
import { encodeEnvelope } from './pg-broker.js';

/** True where events travel as PostgreSQL NOTIFY (to every instance); otherwise in-process (SQLite). */
function travelsAsNotify(db: DbOrTx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The one way an event leaves for the sockets of every instance, delivered when the transaction
 * `db` belongs to commits (in commit order) and never if it rolls back; at once outside one. On
 * PostgreSQL it is a NOTIFY on `db`, which the database holds until commit; the brokers
 * (realtime/broker.ts, realtime/pg-broker.ts) only listen. On SQLite (one instance) it is handed
 * to this process's subscribers after the commit (db/after-commit.ts).
 */
export async function publish(db: DbOrTx, channel: string, event: RealtimeEvent): Promise<void> {
  if (travelsAsNotify(db)) {
    const payload = encodeEnvelope(channel, event);
    await sql`select pg_notify(left('hearth_' || current_schema(), 63), ${payload})`.execute(db);
    return;
  }
  await afterCommit(db, () => deliverLocally(channel, event));
}

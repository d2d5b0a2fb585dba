import type { Database } from '../db/database.js';
import { createInProcessBroker, type Broker } from './broker.js';
import { createPgBroker } from './pg-broker.js';

/** The broker for the configured database: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite. */
export async function createBroker(database: Database, onError?: (error: Error) => void): Promise<Broker> {
  if (database.kind === 'postgres' && database.connection) {
    return createPgBroker({ ...database.connection, ...(onError ? { onError } : {}) });
  }
  return createInProcessBroker();
}

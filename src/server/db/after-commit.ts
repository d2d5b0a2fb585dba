import type { DatabaseConnection, Dialect, Driver, QueryCompiler, TransactionSettings } from 'kysely';
import type { DbOrTx } from './database.js';

/** What waits for a connection's open transaction: the work, and the savepoints' marks into it. */
interface Pending {
  work: (() => void)[];
  savepoints: Map<string, number>;
}

// One entry per connection with an open transaction (SQLite has one connection per database,
// PostgreSQL one per pooled client).
const pendingOn = new WeakMap<DatabaseConnection, Pending>();

/**
 * A Kysely driver told when a transaction ends: work queued with `afterCommit` runs once
 * the COMMIT has succeeded, and is dropped on ROLLBACK (or ROLLBACK TO the savepoint it followed).
 */
class AfterCommitDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(connection, settings);
    pendingOn.set(connection, { work: [], savepoints: new Map() });
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed COMMIT throws here and Kysely rolls back, which drops the work.
    await this.inner.commitTransaction(connection);
    const pending = pendingOn.get(connection);
    pendingOn.delete(connection);
    for (const work of pending?.work ?? []) runCommitted(work);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    pendingOn.delete(connection);
    await this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint?.(connection, name, compileQuery);
    const pending = pendingOn.get(connection);
    pending?.savepoints.set(name, pending.work.length);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint?.(connection, name, compileQuery);
    const pending = pendingOn.get(connection);
    const mark = pending?.savepoints.get(name);
    if (pending && mark !== undefined) pending.work.length = mark;
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint?.(connection, name, compileQuery);
    pendingOn.get(connection)?.savepoints.delete(name);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Runs work for a transaction that has committed. A failure must not reach the caller, who would
 * take a committed write for a failed one (and Kysely would try to roll it back): it is reported
 * as a process warning instead.
 */
function runCommitted(work: () => void): void {
  try {
    work();
  } catch (error) {
    process.emitWarning(error instanceof Error ? error : String(error), 'AfterCommitWarning');
  }
}

/** `dialect` with transactions that run `afterCommit` work at commit (db/database.ts opens both databases so). */
export function withAfterCommit(dialect: Dialect): Dialect {
  return {
    createDriver: () => new AfterCommitDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/**
 * Runs `work` once the transaction `db` belongs to has committed, and never if it rolls back
 * (nor if it rolls back to a savepoint taken before); at once when `db` is not a transaction.
 * Work that must not be lost with the process belongs in the transaction itself (an outbox row):
 * this is for telling live listeners about what was just committed.
 */
export async function afterCommit(db: DbOrTx, work: () => void): Promise<void> {
  if (!db.isTransaction) {
    work();
    return;
  }
  const pending = await db.getExecutor().provideConnection(async (connection) => pendingOn.get(connection));
  if (pending) pending.work.push(work);
  else work();
}

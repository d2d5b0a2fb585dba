import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-app.js';
import type { Db } from './database.js';
import { afterCommit } from './after-commit.js';

// Work queued with afterCommit (the realtime announcements) runs once the transaction commits,
// never when it rolls back, and not for a part rolled back to a savepoint — on both databases.

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.database.db;
});

afterAll(async () => database?.close());

describe('afterCommit', () => {
  it('runs at once outside a transaction', async () => {
    const ran: string[] = [];
    await afterCommit(db, () => ran.push('now'));
    expect(ran).toEqual(['now']);
  });

  it('runs queued work after the commit, in order, and not before', async () => {
    const ran: string[] = [];
    await db.transaction().execute(async (trx) => {
      await afterCommit(trx, () => ran.push('first'));
      await afterCommit(trx, () => ran.push('second'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['first', 'second']);
  });

  it('drops queued work when the transaction rolls back, and the next transaction starts clean', async () => {
    const ran: string[] = [];
    await expect(
      db.transaction().execute(async (trx) => {
        await afterCommit(trx, () => ran.push('rolled back'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.transaction().execute(async (trx) => {
      await afterCommit(trx, () => ran.push('committed'));
    });
    expect(ran).toEqual(['committed']);
  });

  it('drops the work queued after a savepoint rolled back to, and keeps the rest', async () => {
    const ran: string[] = [];
    const trx = await db.startTransaction().execute();
    await afterCommit(trx, () => ran.push('before'));
    const savepoint = await trx.savepoint('part').execute();
    await afterCommit(savepoint, () => ran.push('undone'));
    const back = await savepoint.rollbackToSavepoint('part').execute();
    await afterCommit(back, () => ran.push('after'));
    expect(ran).toEqual([]);
    await back.commit().execute();
    expect(ran).toEqual(['before', 'after']);
  });

  it('keeps a commit committed when a piece of work fails, and runs the rest', async () => {
    const ran: string[] = [];
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await db.transaction().execute(async (trx) => {
        await afterCommit(trx, () => {
          throw new Error('listener failed');
        });
        await afterCommit(trx, () => ran.push('next'));
      });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(ran).toEqual(['next']);
    expect(warnings.map((w) => w.message)).toContain('listener failed');
  });

  it('drops everything on a controlled rollback', async () => {
    const ran: string[] = [];
    const trx = await db.startTransaction().execute();
    await afterCommit(trx, () => ran.push('never'));
    await trx.rollback().execute();
    await afterCommit(db, () => ran.push('outside'));
    expect(ran).toEqual(['outside']);
  });
});

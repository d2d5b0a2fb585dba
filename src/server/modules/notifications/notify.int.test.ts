import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userChannel, type RealtimeEvent } from '../../realtime/events.js';
import { createUser, type TestUser } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { notify } from './notify.js';

let t: TestApp;
let ann: TestUser;
let ben: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  [ann, ben] = await Promise.all([createUser(t, 'participant'), createUser(t, 'participant')]);
});

afterAll(async () => {
  await t?.close();
});

/** Everything heard on these people's channels while `during` runs, and a moment after. */
async function heard(userIds: readonly string[], during: () => Promise<void>): Promise<RealtimeEvent[]> {
  const events: RealtimeEvent[] = [];
  const stops = userIds.map((id) => t.app.hearth.broker.subscribe(userChannel(id), (event) => events.push(event)));
  try {
    await during();
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    for (const stop of stops) stop();
  }
  return events;
}

const rowsOf = (userId: string) => t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('title').execute();

describe('notify()', () => {
  it('writes each notification and tells each person once, at commit', async () => {
    const now = t.clock.now();
    const events = await heard([ann.id, ben.id], () =>
      t.database.db.transaction().execute((trx) =>
        notify(
          trx,
          [
            { userId: ann.id, kind: 'test', title: 'First', body: 'One', groupId: null, sessionId: null },
            { userId: ann.id, kind: 'test', title: 'Second', body: 'Two', groupId: null, sessionId: null },
            { userId: ben.id, kind: 'test', title: 'Third', body: 'Three', groupId: null, sessionId: null },
          ],
          now,
        ),
      ),
    );
    const annRows = await rowsOf(ann.id);
    expect(annRows.map((r) => [r.kind, r.title, r.body, r.created_at, r.read_at])).toEqual([
      ['test', 'First', 'One', now.toISOString(), null],
      ['test', 'Second', 'Two', now.toISOString(), null],
    ]);
    expect((await rowsOf(ben.id)).map((r) => r.title)).toEqual(['Third']);
    // One live event per person, whatever the number of rows, and no content in it.
    expect(events.map((e) => JSON.stringify(e)).sort()).toEqual(
      [JSON.stringify({ type: 'notification.created', userId: ann.id }), JSON.stringify({ type: 'notification.created', userId: ben.id })].sort(),
    );
  });

  it('writes and announces nothing for nobody', async () => {
    const before = await t.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const events = await heard([ann.id], () => notify(t.database.db, [], t.clock.now()));
    const after = await t.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(events).toEqual([]);
  });

  it('announces only once the transaction has committed', async () => {
    const events: RealtimeEvent[] = [];
    const stop = t.app.hearth.broker.subscribe(userChannel(ann.id), (event) => events.push(event));
    try {
      await t.database.db.transaction().execute(async (trx) => {
        await notify(trx, [{ userId: ann.id, kind: 'test', title: 'Later', body: 'At commit', groupId: null, sessionId: null }], t.clock.now());
        // Long enough for an in-process delivery (setImmediate) or a NOTIFY sent outside a transaction to arrive.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(events).toEqual([]);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events).toEqual([{ type: 'notification.created', userId: ann.id }]);
    } finally {
      stop();
    }
  });

  it('leaves no row and announces nothing when the transaction rolls back', async () => {
    const before = (await rowsOf(ben.id)).length;
    const events = await heard([ben.id], async () => {
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await notify(trx, [{ userId: ben.id, kind: 'test', title: 'Rolled back', body: 'Never', groupId: null, sessionId: null }], t.clock.now());
          // Time for a delivery that does not wait for the outcome to happen (the defect this guards).
          await new Promise((resolve) => setTimeout(resolve, 100));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    });
    expect((await rowsOf(ben.id)).length).toBe(before);
    expect(events).toEqual([]);
  });

  it('announces nothing when a later statement of the same transaction fails', async () => {
    const before = (await rowsOf(ben.id)).length;
    const events = await heard([ben.id], async () => {
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await notify(trx, [{ userId: ben.id, kind: 'test', title: 'Refused', body: 'Never', groupId: null, sessionId: null }], t.clock.now());
          // The same id twice: the second insert fails, and the whole transaction with it.
          const duplicate = {
            id: 'duplicate',
            user_id: ben.id,
            kind: 'x',
            title: 'x',
            body: 'x',
            group_id: null,
            session_id: null,
            created_at: t.clock.now().toISOString(),
            read_at: null,
          };
          await trx.insertInto('notifications').values(duplicate).execute();
          await trx.insertInto('notifications').values(duplicate).execute();
        }),
      ).rejects.toThrow();
    });
    expect((await rowsOf(ben.id)).length).toBe(before);
    expect(events).toEqual([]);
  });
});

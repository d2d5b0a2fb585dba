import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userChannel, type RealtimeEvent } from '../../realtime/events.js';
import { notifiesAtCommit } from '../../realtime/publish.js';
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
    expect(events.map((e) => JSON.stringify(e)).sort()).toEqual([
      JSON.stringify({ type: 'notification.created', userId: ann.id }),
      JSON.stringify({ type: 'notification.created', userId: ben.id }),
    ].sort());
  });

  it('writes and announces nothing for nobody', async () => {
    const before = await t.database.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const events = await heard([ann.id], () => notify(t.database.db, [], t.clock.now()));
    const after = await t.database.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(events).toEqual([]);
  });

  it('leaves no row when the transaction rolls back, and on PostgreSQL no announcement either', async () => {
    const before = (await rowsOf(ben.id)).length;
    const events = await heard([ben.id], async () => {
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await notify(trx, [{ userId: ben.id, kind: 'test', title: 'Rolled back', body: 'Never', groupId: null, sessionId: null }], t.clock.now());
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    });
    expect((await rowsOf(ben.id)).length).toBe(before);
    // SQLite delivers in-process before the commit is known; receivers read the row, which is not there.
    if (notifiesAtCommit(t.database.db)) expect(events).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/schemas/space.js';
import { call, type Session, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createSocketWorld, SocketPool, type SocketClient } from './test-client.js';

// Issue 16 item 4: the menu badge and the home card's unread counts update over the socket when a
// post arrives in a group space — for the space's members and facilitators, never for paused or
// invited members or other groups.

let t: TestApp;
let world: World;
let url: string;
let alice: Session;
let aaron: Session;
let bea: Session;
let clinician: Session;
const sockets = new SocketPool();

type Unread = Extract<ServerFrame, { type: 'unread' }>;
const isUnread = (f: ServerFrame): f is Unread => f.type === 'unread';

const connect = (session: Session) => sockets.connect(url, session);

async function post(client: SocketClient, text: string) {
  const clientId = crypto.randomUUID();
  const from = client.frames.length;
  client.send({
    type: 'post',
    groupId: world.groupA,
    thread: 'chat',
    clientId,
    text,
  });
  const answer = await client.next((f) => (f.type === 'ack' || f.type === 'error') && f.clientId === clientId, from);
  expect(answer.type).toBe('ack');
}

/** Waits out the count's settling time, then makes sure the socket has answered everything sent before. */
async function settled(client: SocketClient) {
  await new Promise((r) => setTimeout(r, 400));
  await client.pingPong();
}

async function unreadOverHttp(session: Session, groupId: string) {
  const { spaces } = (await call(t.app, session, 'GET', '/api/me/spaces')).json() as { spaces: { groupId: string; unread: number }[] };
  return spaces.find((s) => s.groupId === groupId)?.unread;
}

const setStatus = (participantId: string, status: 'active' | 'paused' | 'invited') =>
  t.database.db.updateTable('enrolments').set({ status }).where('participant_id', '=', participantId).where('group_id', '=', world.groupA).execute();

beforeAll(async () => {
  t = await createTestApp();
  ({ world, url, alice, aaron, bea, clinician } = await createSocketWorld(t, (w) => [w.participantA.id]));
});

afterAll(async () => {
  sockets.closeAll();
  await t?.close();
});

describe('live unread counts', () => {
  it('give a second member and the facilitator their new count without them opening the space; nobody in another group hears it', async () => {
    const a = await connect(alice);
    await a.subscribe(world.groupA);
    // Aaron, the clinician and Bea only have the app open (no space subscribed): the menu's socket.
    const [b, c, other] = [await connect(aaron), await connect(clinician), await connect(bea)];
    const before = (await unreadOverHttp(aaron, world.groupA)) ?? 0;
    const [fromB, fromC, fromOther] = [b.frames.length, c.frames.length, other.frames.length];
    await post(a, 'Has anyone tried the breathing exercise this week?');
    const first = await b.next(isUnread, fromB);
    expect(first).toEqual({
      type: 'unread',
      groupId: world.groupA,
      unread: before + 1,
    });
    expect(await unreadOverHttp(aaron, world.groupA)).toBe(first.unread);
    const forClinician = await c.next(isUnread, fromC);
    expect(forClinician.groupId).toBe(world.groupA);
    expect(forClinician.unread).toBe(await unreadOverHttp(clinician, world.groupA));
    // A second post: the count moves on.
    const next = b.frames.length;
    await post(a, 'It helped me on the bus.');
    expect((await b.next(isUnread, next)).unread).toBe(before + 2);
    await settled(other);
    expect(other.frames.slice(fromOther).filter(isUnread)).toEqual([]);
    // The frame carries the count only: no text of the post.
    expect(JSON.stringify(b.frames.filter(isUnread))).not.toContain('breathing');
  });

  for (const status of ['paused', 'invited'] as const) {
    it(`tell ${status === 'invited' ? 'an' : 'a'} ${status} member nothing`, async () => {
      await setStatus(world.participantA2.id, status);
      try {
        const a = await connect(alice);
        await a.subscribe(world.groupA);
        const b = await connect(aaron);
        const c = await connect(clinician);
        const [fromB, fromC] = [b.frames.length, c.frames.length];
        await post(a, `A message while Aaron is ${status}.`);
        // The facilitator hears it, so the event went out; Aaron's socket does not.
        await c.next(isUnread, fromC);
        await settled(b);
        expect(b.frames.slice(fromB).filter(isUnread)).toEqual([]);
      } finally {
        await setStatus(world.participantA2.id, 'active');
      }
    });
  }
});

import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame, SpaceOverview, SpacePost } from '../../../shared/schemas/space.js';
import { listen, SocketPool, type SocketClient } from '../../realtime/test-client.js';
import { call, createWorld, signInAll, type Session, type World, openSpace } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { readChat, sayInSpace } from './space-testing.js';

// The safety chain's hold: a participant's urgent post reaches their care team first; the group
// sees it only when a clinician releases it (as written or edited), never when it is withdrawn.
let t: TestApp;
let world: World;
let url: string;
let alice: Session;
let aaron: Session;
let clinician: Session;
let otherClinician: Session;
let admin: Session;
const sockets = new SocketPool();
const URGENT = 'I have the pills ready and I am going to end my life tonight.';
const CONCERN = 'i feel like such a burden lately';
const ALWAYS = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));

const space = () => `/api/space/groups/${world.groupA}`;
const isPost = (f: ServerFrame): f is Extract<ServerFrame, { type: 'post' }> => f.type === 'post';

const say = (session: Session, text: string, thread = 'chat') => sayInSpace(t, session, world.groupA, text, thread);

const chat = (session: Session) => readChat(t, session, world.groupA);

async function connect(session: Session) {
  const client = await sockets.connect(url, session);
  await client.subscribe(world.groupA);
  return client;
}

/** Posts a harmless marker and waits until `client` has it: every frame sent before it has arrived. */
async function drained(client: SocketClient) {
  const marker = await say(clinician, `marker ${crypto.randomUUID()}`);
  await client.next((f) => isPost(f) && f.post.id === marker.id);
}

const setGroup = (values: { moderation_mode?: 'pre' | 'post'; staffed_hours?: string }) =>
  t.database.db.updateTable('therapy_groups').set(values).where('id', '=', world.groupA).execute();

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await openSpace(t, world.groupA, [world.participantA.id, world.participantA2.id, world.clinicianA.id]);
  url = await listen(t);
  [alice, aaron, clinician, otherClinician, admin] = await signInAll(t, [world.participantA, world.participantA2, world.clinicianA, world.clinicianB, world.admin]);
});

beforeEach(async () => {
  await t.app.spaceHub.limiter.reset();
  await setGroup({ moderation_mode: 'post', staffed_hours: ALWAYS });
});

afterAll(async () => {
  sockets.closeAll();
  await t?.close();
});

describe('an urgent post is held for the care team', () => {
  it('is seen by its author and the group’s clinicians only, on lists and sockets, until released', async () => {
    const [peerSocket, clinicianSocket] = await Promise.all([connect(aaron), connect(clinician)]);
    const peerFrom = peerSocket.frames.length;
    const held = await say(alice, URGENT);
    expect(held.status).toBe('held');
    expect(held.statusReasons[0]).toMatchObject({ code: 'risk_urgent', message: expect.stringMatching(/^Shared with your care team first: /) });
    // The author is told who was told: the group's facilitator by name.
    expect(held.statusReasons[0]?.message).toContain(world.clinicianA.displayName);
    expect(held.statusReasons[0]?.message).not.toContain(world.clinicianB.displayName);

    expect((await chat(alice)).map((p) => p.id)).toContain(held.id);
    expect((await chat(clinician)).find((p) => p.id === held.id)).toMatchObject({ status: 'held', body: URGENT });
    expect((await chat(aaron)).map((p) => p.id)).not.toContain(held.id);
    expect((await call(t.app, otherClinician, 'GET', `${space()}/posts?thread=chat`)).statusCode).toBe(404);
    await clinicianSocket.next((f) => isPost(f) && f.post.id === held.id && f.post.status === 'held');
    await drained(peerSocket);
    expect(peerSocket.frames.slice(peerFrom).some((f) => isPost(f) && f.post.id === held.id)).toBe(false);

    // It is in the clinicians' held-items queue, and raised an urgent alert.
    const queue = (await call(t.app, clinician, 'GET', '/api/moderation/queue')).json();
    expect(queue.held.find((i: { id: string }) => i.id === held.id)).toMatchObject({ riskTier: 'urgent', editable: true });
    const alert = await t.database.db.selectFrom('alerts').select(['tier', 'kind']).where('source_id', '=', held.id).executeTakeFirstOrThrow();
    expect(alert).toEqual({ tier: 'urgent', kind: 'risk_language' });

    const released = await call(t.app, clinician, 'POST', `/api/moderation/items/${held.id}/approve`, {});
    expect(released.json()).toEqual({ status: 'published' });
    expect((await chat(aaron)).find((p) => p.id === held.id)).toMatchObject({ status: 'published', body: URGENT });
    const live = await peerSocket.next((f) => isPost(f) && f.post.id === held.id, peerFrom);
    expect(isPost(live) && live.post.status).toBe('published');
  });

  it('opens a thread only for its author and clinicians while its urgent first post is held', async () => {
    const created = await call(t.app, alice, 'POST', `${space()}/threads`, { title: 'Tonight', text: URGENT });
    expect(created.statusCode, created.body).toBe(201);
    const { threadId, post } = created.json() as { threadId: string; post: SpacePost };
    expect(post.statusReasons.map((r) => r.code)).toContain('risk_urgent');
    const threads = async (s: Session) => ((await call(t.app, s, 'GET', space())).json() as SpaceOverview).threads.map((th) => th.key);
    expect(await threads(alice)).toContain(threadId);
    expect(await threads(clinician)).toContain(threadId);
    expect(await threads(aaron)).not.toContain(threadId);
    expect((await call(t.app, aaron, 'GET', `${space()}/posts?thread=${threadId}`)).statusCode).toBe(404);
  });

  it('can be edited by a clinician before release: the group sees the edit, the first words stay in the log', async () => {
    const held = await say(alice, URGENT);
    const edited = 'I am having a really hard night and have talked to my care team.';
    const released = await call(t.app, clinician, 'POST', `/api/moderation/items/${held.id}/approve`, { text: edited, reason: 'Checked in by phone.' });
    expect(released.statusCode, released.body).toBe(200);
    expect((await chat(aaron)).find((p) => p.id === held.id)).toMatchObject({ status: 'published', body: edited });
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'reason', 'actor_id']).where('item_id', '=', held.id).orderBy('created_at').execute();
    expect(log.map((l) => l.action)).toEqual(['held', 'edited', 'approved']);
    expect(log[1]).toMatchObject({ actor_id: world.clinicianA.id, reason: expect.stringContaining('pills ready') });
    const inbox = (await call(t.app, alice, 'GET', '/api/me/notifications')).json();
    expect(inbox.notifications[0]).toMatchObject({ kind: 'moderation_approved', body: expect.stringContaining('words changed') });
    // Nothing held any more: a second release is refused, and so is an empty edit.
    expect((await call(t.app, clinician, 'POST', `/api/moderation/items/${held.id}/approve`, { text: 'again' })).json().error.code).toBe('invalid_state');
  });

  it('can be withdrawn with a reason the author reads; the group never sees it', async () => {
    const [peerSocket] = await Promise.all([connect(aaron)]);
    const peerFrom = peerSocket.frames.length;
    const held = await say(alice, URGENT);
    const reason = 'We would like to talk this through with you first; I will call you this afternoon.';
    const withdrawn = await call(t.app, clinician, 'POST', `/api/moderation/items/${held.id}/reject`, { reason });
    expect(withdrawn.json()).toEqual({ status: 'rejected' });
    expect((await chat(alice)).find((p) => p.id === held.id)).toMatchObject({ status: 'rejected', statusReason: reason });
    expect((await chat(aaron)).map((p) => p.id)).not.toContain(held.id);
    await drained(peerSocket);
    expect(peerSocket.frames.slice(peerFrom).some((f) => isPost(f) && f.post.id === held.id)).toBe(false);
    const mine = (await call(t.app, alice, 'GET', '/api/moderation/mine')).json();
    expect(mine.items.find((i: { id: string }) => i.id === held.id).log.at(-1)).toMatchObject({ action: 'rejected', reason });
    const inbox = (await call(t.app, alice, 'GET', '/api/me/notifications')).json();
    expect(inbox.notifications[0]).toMatchObject({ kind: 'moderation_rejected', body: expect.stringContaining(reason) });
  });

  it('refuses release, edit and withdrawal to peers, admins (403) and other groups’ clinicians (404)', async () => {
    const held = await say(alice, URGENT);
    for (const [session, status] of [
      [aaron, 403],
      [alice, 403],
      [admin, 403],
      [otherClinician, 404],
    ] as const) {
      expect((await call(t.app, session, 'POST', `/api/moderation/items/${held.id}/approve`, {})).statusCode).toBe(status);
      expect((await call(t.app, session, 'POST', `/api/moderation/items/${held.id}/approve`, { text: 'changed' })).statusCode).toBe(status);
      expect((await call(t.app, session, 'POST', `/api/moderation/items/${held.id}/reject`, { reason: 'Not for the group' })).statusCode).toBe(status);
    }
    expect((await chat(alice)).find((p) => p.id === held.id)).toMatchObject({ status: 'held', body: URGENT });
    expect((await chat(aaron)).map((p) => p.id)).not.toContain(held.id);
  });

  it('tells the author outside staffed hours who will see it and when, the crisis line first', async () => {
    const tomorrow = DateTime.utc().plus({ days: 1 });
    await setGroup({ staffed_hours: JSON.stringify([{ weekday: tomorrow.weekday, start: '09:00', end: '17:00' }]) });
    const held = await say(alice, URGENT);
    const message = held.statusReasons.find((r) => r.code === 'risk_urgent')?.message ?? '';
    expect(message).toMatch(/^Shared with your care team first: it is outside staffed hours, so if you need help now, call the crisis line\./);
    expect(message).toContain(`${world.clinicianA.displayName} will see it from ${tomorrow.toFormat('cccc d LLLL')}, 09:00`);
  });
});

describe('a concern post follows the group’s moderation setting', () => {
  it('publishes in a post-moderated group and is held in a pre-moderated one (not for risk)', async () => {
    const published = await say(alice, CONCERN);
    expect(published.status).toBe('published');
    expect((await chat(aaron)).map((p) => p.id)).toContain(published.id);
    await setGroup({ moderation_mode: 'pre' });
    const held = await say(alice, CONCERN);
    expect(held.status).toBe('held');
    expect(held.statusReasons.map((r) => r.code)).toEqual(['pre_moderation']);
    expect((await chat(aaron)).map((p) => p.id)).not.toContain(held.id);
  });
});

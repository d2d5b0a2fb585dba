import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let clinician: Session;
let alice: Session;

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  groupId: string | null;
  sessionId: string | null;
  createdAt: string;
  readAt: string | null;
}

async function inbox(session: Session, query = ''): Promise<{ notifications: NotificationView[]; unread: number }> {
  const response = await call(t.app, session, 'GET', `/api/me/notifications${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  clinician = await signIn(t, world.clinicianA);
  alice = await signIn(t, world.participantA);
  // A move, then (a second later) a cancellation of group A's upcoming session.
  const move = await call(t.app, clinician, 'POST', `/api/group-sessions/${world.upcomingA}/reschedule`, {
    startsAtLocal: new Date(t.clock.now().getTime() + 8 * 86_400_000).toISOString().slice(0, 10) + 'T10:00',
  });
  expect(move.statusCode, move.body).toBe(204);
  t.clock.advance(1000);
  const cancel = await call(t.app, clinician, 'POST', `/api/group-sessions/${world.upcomingA}/cancel`, { reason: 'The room is flooded.' });
  expect(cancel.statusCode, cancel.body).toBe(204);
});
afterAll(async () => t.close());

describe('notifications', () => {
  it('tell the group’s members, newest first, and nobody else', async () => {
    const mine = await inbox(alice);
    expect(mine.unread).toBe(2);
    expect(mine.notifications.map((n) => n.kind)).toEqual(['session_cancelled', 'session_rescheduled']);
    expect(mine.notifications[0]).toEqual({
      id: expect.any(String),
      kind: 'session_cancelled',
      title: 'Group A: session cancelled',
      body: expect.stringContaining('The room is flooded.'),
      groupId: world.groupA,
      sessionId: world.upcomingA,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect((await inbox(await signIn(t, world.participantA2))).unread).toBe(2);
    for (const outsider of [world.participantB, world.clinicianB, world.clinicianA, world.admin]) {
      expect(await inbox(await signIn(t, outsider)), outsider.role).toEqual({ notifications: [], unread: 0 });
    }
  });

  it('can be marked read one at a time, and filtered by unread', async () => {
    const before = await inbox(alice, '?unread=true');
    const newest = before.notifications[0];
    expect(newest).toBeDefined();
    const response = await call(t.app, alice, 'POST', `/api/me/notifications/${newest?.id}/read`);
    expect(response.statusCode, response.body).toBe(204);
    const unread = await inbox(alice, '?unread=true');
    expect(unread.unread).toBe(1);
    expect(unread.notifications.map((n) => n.kind)).toEqual(['session_rescheduled']);
    const all = await inbox(alice, '?unread=false');
    expect(all.notifications).toHaveLength(2);
    expect(all.notifications.find((n) => n.id === newest?.id)?.readAt).toEqual(expect.any(String));
    // Reading it again changes nothing.
    const firstReadAt = all.notifications.find((n) => n.id === newest?.id)?.readAt;
    t.clock.advance(1000);
    expect((await call(t.app, alice, 'POST', `/api/me/notifications/${newest?.id}/read`)).statusCode).toBe(204);
    expect((await inbox(alice)).notifications.find((n) => n.id === newest?.id)?.readAt).toBe(firstReadAt);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'notifications.read')
      .where('actor_user_id', '=', world.participantA.id)
      .execute();
    expect(audit[0]).toMatchObject({ resource_type: 'notification', resource_id: newest?.id, outcome: 'success' });
  });

  it('answers 404 for someone else’s notification and leaves it unread', async () => {
    const aaron = await signIn(t, world.participantA2);
    const theirs = (await inbox(aaron)).notifications[0];
    for (const user of [world.participantA, world.participantB, world.clinicianA, world.admin]) {
      const response = await call(t.app, await signIn(t, user), 'POST', `/api/me/notifications/${theirs?.id}/read`);
      expect(response.statusCode, user.role).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect((await call(t.app, alice, 'POST', `/api/me/notifications/${id}/read`)).statusCode, id).toBe(404);
    }
    expect((await inbox(aaron)).unread).toBe(2);
  });

  it('can all be marked read at once, only my own', async () => {
    expect((await call(t.app, alice, 'POST', '/api/me/notifications/read-all')).statusCode).toBe(204);
    const after = await inbox(alice);
    expect(after.unread).toBe(0);
    expect(after.notifications.every((n) => n.readAt !== null)).toBe(true);
    expect(await inbox(alice, '?unread=true')).toEqual({ notifications: [], unread: 0 });
    expect((await inbox(await signIn(t, world.participantA2))).unread).toBe(2);
  });

  it('refuses an unknown filter and anonymous callers', async () => {
    const bad = await call(t.app, alice, 'GET', '/api/me/notifications?unread=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await call(t.app, null, 'GET', '/api/me/notifications')).statusCode).toBe(401);
    expect((await call(t.app, null, 'POST', '/api/me/notifications/read-all')).statusCode).toBe(401);
  });

  it('lists at most 100, while counting every unread one', async () => {
    const base = t.clock.now().getTime();
    await t.database.db
      .insertInto('notifications')
      .values(
        Array.from({ length: 105 }, (_, i) => ({
          id: newId(),
          user_id: world.participantB.id,
          kind: 'session_rescheduled',
          title: `Notice ${i}`,
          body: 'Moved.',
          group_id: world.groupB,
          session_id: world.sessionB,
          created_at: new Date(base + i * 1000).toISOString(),
          read_at: null,
        })),
      )
      .execute();
    const list = await inbox(await signIn(t, world.participantB));
    expect(list.unread).toBe(105);
    expect(list.notifications).toHaveLength(100);
    expect(list.notifications[0]?.title).toBe('Notice 104');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { replaceCurriculum } from '../programmes/repository.js';
import { POWER_OF_CONNECTION } from '../programmes/power-of-connection.js';

let t: TestApp;
let world: World;
let lead: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await replaceCurriculum(t.database.db, world.programmeId, POWER_OF_CONNECTION);
  lead = await signIn(t, world.clinicianA);
});
afterAll(async () => t.close());

async function sessions() {
  const response = await call(t.app, lead, 'GET', `/api/groups/${world.groupA}/sessions?when=all&limit=500`);
  expect(response.statusCode).toBe(200);
  return response.json().sessions as { id: string; startsAt: string; status: string; topic: string; number: number | null }[];
}

describe('schedules and sessions', () => {
  it('generates sessions across the October clock change at 18:00 London time, with curriculum topics', async () => {
    // The test clock is "now"; schedule a course that straddles the last Sunday of October next year.
    const set = await call(t.app, lead, 'PUT', `/api/groups/${world.groupA}/schedule`, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      firstSessionLocal: '2027-10-19T18:00',
      timezone: 'Europe/London',
      durationMinutes: 90,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ created: 4 });
    const generated = (await sessions()).filter((s) => s.startsAt >= '2027-10-01');
    expect(generated.map((s) => s.startsAt)).toEqual([
      '2027-10-19T17:00:00.000Z', // BST, UTC+1
      '2027-10-26T17:00:00.000Z', // clocks go back on Sunday 31 October 2027

      '2027-11-02T18:00:00.000Z',
      '2027-11-09T18:00:00.000Z',
    ]);
    // Yesterday's session stays number 1 and next week's hand-made one number 2, so the new
    // sessions carry the curriculum's topics 3 to 6.
    expect(generated.map((s) => s.topic)).toEqual(POWER_OF_CONNECTION.slice(2, 6).map((p) => p.topic));
    expect((await sessions()).some((s) => s.id === world.upcomingA)).toBe(true);
  });

  it('regenerates future sessions on a schedule change and never touches held ones', async () => {
    await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, { everyone: 'present' });
    const before = await sessions();
    const held = before.find((s) => s.id === world.sessionA);
    expect(held?.status).toBe('held');
    const changed = await call(t.app, lead, 'PUT', `/api/groups/${world.groupA}/schedule`, {
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3',
      firstSessionLocal: '2027-10-20T10:00',
      timezone: 'Europe/London',
      durationMinutes: 60,
    });
    expect(changed.json().removed).toBeGreaterThanOrEqual(4);
    const after = await sessions();
    expect(after.find((s) => s.id === world.sessionA)).toEqual(held);
    expect(after.filter((s) => s.startsAt >= '2027-10-01').map((s) => s.startsAt)).toEqual(['2027-10-20T09:00:00.000Z', '2027-10-27T09:00:00.000Z', '2027-11-03T10:00:00.000Z']);
  });

  it('refuses impossible schedules with a clear code and changes nothing', async () => {
    const before = await sessions();
    const bad = [
      [{ rrule: 'FREQ=WEEKLY;COUNT=3', firstSessionLocal: '2027-10-20T10:00', timezone: 'Atlantis/Capital', durationMinutes: 60 }, 'invalid_schedule'],
      [{ rrule: 'FREQ=HOURLY', firstSessionLocal: '2027-10-20T10:00', timezone: 'UTC', durationMinutes: 60 }, 'invalid_schedule'],
      [{ rrule: 'FREQ=WEEKLY;COUNT=3', firstSessionLocal: '2027-13-40T10:00', timezone: 'UTC', durationMinutes: 60 }, 'invalid_schedule'],
      [{ rrule: 'FREQ=WEEKLY;COUNT=3', firstSessionLocal: '2027-10-20T10:00', timezone: 'UTC', durationMinutes: 0 }, 'validation_failed'],
    ] as const;
    for (const [body, code] of bad) {
      const response = await call(t.app, lead, 'PUT', `/api/groups/${world.groupA}/schedule`, body);
      expect(response.json().error?.code, JSON.stringify(body)).toBe(code);
    }
    const overlap = await call(t.app, lead, 'PUT', `/api/groups/${world.groupA}/schedule`, {
      rrule: 'FREQ=DAILY;BYHOUR=10;COUNT=3',
      firstSessionLocal: '2027-10-20T10:00',
      timezone: 'UTC',
      durationMinutes: 60,
    });
    expect(overlap.statusCode).toBe(422);
    expect(await sessions()).toEqual(before);
  });

  it('cancels and reschedules upcoming sessions, tells members, and refuses clashes', async () => {
    const upcoming = (await sessions()).filter((s) => s.status === 'scheduled');
    const [first, second] = upcoming;
    if (!first || !second) throw new Error('need two upcoming sessions');
    const clash = await call(t.app, lead, 'POST', `/api/group-sessions/${first.id}/reschedule`, { startsAtLocal: '2027-10-27T10:30' });
    expect(clash.json().error.code).toBe('schedule_overlap');
    expect((await call(t.app, lead, 'POST', `/api/group-sessions/${first.id}/reschedule`, { startsAtLocal: '2027-10-21T14:00' })).statusCode).toBe(204);
    expect((await call(t.app, lead, 'POST', `/api/group-sessions/${second.id}/cancel`, { reason: 'Facilitator unwell.' })).statusCode).toBe(204);
    const again = await call(t.app, lead, 'POST', `/api/group-sessions/${second.id}/cancel`, { reason: 'twice' });
    expect(again.json().error.code).toBe('invalid_state');
    const notices = await t.database.db.selectFrom('notifications').selectAll().where('session_id', 'in', [first.id, second.id]).execute();
    const recipients = new Set(notices.map((n) => n.user_id));
    expect(recipients).toEqual(new Set([world.participantA.id, world.participantA2.id]));
    expect(notices.map((n) => n.kind).sort()).toEqual(['session_cancelled', 'session_cancelled', 'session_rescheduled', 'session_rescheduled']);
    const participant = await signIn(t, world.participantA);
    const mine = (await call(t.app, participant, 'GET', '/api/me/upcoming-sessions')).json().sessions;
    expect(mine.find((s: { id: string }) => s.id === second.id).status).toBe('cancelled');
  });

  it('shows participants their sessions but never another group’s', async () => {
    const participant = await signIn(t, world.participantB);
    expect((await call(t.app, participant, 'GET', `/api/groups/${world.groupA}/sessions`)).statusCode).toBe(404);
    expect((await call(t.app, participant, 'GET', `/api/group-sessions/${world.sessionA}`)).statusCode).toBe(404);
    const own = await call(t.app, participant, 'GET', `/api/group-sessions/${world.sessionB}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().roster).toEqual([]);
  });
});

describe('regenerating around what people were told', () => {
  it('keeps moved sessions, never refills cancelled or moved slots, and closes sessions of a cancelled group', async () => {
    const t2 = await createTestApp();
    try {
      const w = await createWorld(t2);
      const me = await signIn(t2, w.clinicianA);
      const schedule = { rrule: 'FREQ=WEEKLY;COUNT=4', firstSessionLocal: '2027-01-05T18:00', timezone: 'Europe/London', durationMinutes: 90 };
      await call(t2.app, me, 'PUT', `/api/groups/${w.groupA}/schedule`, schedule);
      const list = async () =>
        (await call(t2.app, me, 'GET', `/api/groups/${w.groupA}/sessions?when=upcoming&limit=50`)).json().sessions as { id: string; startsAt: string; status: string }[];
      const [, second, third] = (await list()).filter((s) => s.startsAt >= '2027-01-01');
      if (!second || !third) throw new Error('sessions missing');
      await call(t2.app, me, 'POST', `/api/group-sessions/${second.id}/reschedule`, { startsAtLocal: '2027-01-13T10:00' });
      await call(t2.app, me, 'POST', `/api/group-sessions/${third.id}/cancel`, { reason: 'Holiday' });
      await call(t2.app, me, 'PUT', `/api/groups/${w.groupA}/schedule`, schedule);
      const after = (await list()).filter((s) => s.startsAt >= '2027-01-01');
      expect(after.map((s) => [s.startsAt, s.status])).toEqual([
        ['2027-01-05T18:00:00.000Z', 'scheduled'],
        ['2027-01-13T10:00:00.000Z', 'scheduled'],
        ['2027-01-19T18:00:00.000Z', 'cancelled'],
        ['2027-01-26T18:00:00.000Z', 'scheduled'],
      ]);
      expect(after[1]?.id).toBe(second.id);

      expect((await call(t2.app, me, 'PATCH', `/api/groups/${w.groupA}`, { status: 'cancelled' })).statusCode).toBe(200);
      expect((await list()).every((s) => s.status === 'cancelled')).toBe(true);
      const notices = await t2.database.db.selectFrom('notifications').select(['kind', 'user_id']).where('kind', '=', 'group_closed').execute();
      expect(new Set(notices.map((n) => n.user_id))).toEqual(new Set([w.participantA.id, w.participantA2.id]));
    } finally {
      await t2.close();
    }
  });
});

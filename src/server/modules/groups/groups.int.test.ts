import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
});
afterAll(async () => t.close());

describe('groups', () => {
  it('shows a participant their group with pseudonyms only, never names or e-mail addresses', async () => {
    const session = await signIn(t, world.participantA);
    const response = await call(t.app, session, 'GET', `/api/groups/${world.groupA}`);
    expect(response.statusCode).toBe(200);
    const group = response.json();
    expect(group.members.map((m: { pseudonym: string }) => m.pseudonym).sort()).toEqual(['Cedar', 'Willow']);
    for (const member of group.members) expect(Object.keys(member).sort()).toEqual(['enrolmentId', 'pseudonym', 'status']);
    expect(response.body).not.toContain('Alice Private');
    expect(response.body).not.toContain('Aaron Private');
    expect(response.body).not.toContain('@test.hearth.local');
    expect(group.facilitators[0].displayName).toBe(world.clinicianA.displayName);
  });

  it('shows the facilitator names and pseudonyms, and audits the roster read', async () => {
    const session = await signIn(t, world.clinicianA);
    const group = (await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).json();
    expect(group.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Aaron Private', 'Alice Private']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'groups.roster.read')
      .where('actor_user_id', '=', world.clinicianA.id)
      .executeTakeFirst();
    expect(audit).toMatchObject({ resource_id: world.groupA, group_id: world.groupA, outcome: 'success' });
  });

  it('lists only my groups, with my role in each', async () => {
    const clinician = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/groups')).json();
    expect(clinician.groups).toEqual([expect.objectContaining({ id: world.groupB, myRole: 'lead', memberCount: 1 })]);
    const participant = (await call(t.app, await signIn(t, world.participantA), 'GET', '/api/groups')).json();
    expect(participant.groups).toEqual([expect.objectContaining({ id: world.groupA, myRole: 'member', memberCount: 2 })]);
    const admin = (await call(t.app, await signIn(t, world.admin), 'GET', '/api/groups')).json();
    expect(admin.groups.map((g: { id: string }) => g.id).sort()).toEqual([world.groupA, world.groupB].sort());
  });

  it('takes a withdrawn member out of the group at once', async () => {
    const session = await signIn(t, world.participantA2);
    expect((await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).statusCode).toBe(200);
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('participant_id', '=', world.participantA2.id).execute();
    expect((await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).statusCode).toBe(404);
    expect((await call(t.app, session, 'GET', '/api/groups')).json().groups).toEqual([]);
  });
});

describe('a group created with its schedule', () => {
  const TABLES = ['therapy_groups', 'group_facilitators', 'group_sessions'] as const;
  async function snapshot(): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const table of TABLES) result[table] = (await t.database.db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
    const successes = await t.database.db.selectFrom('audit_events').select(['action', 'resource_id']).where('outcome', '=', 'success').execute();
    result.audit = successes.map((row) => JSON.stringify(row)).sort();
    return result;
  }
  /** A Thursday at least a week after the test clock's today, as YYYY-MM-DD. */
  function nextThursday(): string {
    const day = new Date(t.clock.now().getTime() + 7 * 86_400_000);
    while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }
  const base = () => ({ programmeId: world.programmeId, name: 'Thursday group with a schedule', kind: 'closed', capacity: 8, minSize: 3, leadId: world.clinicianA.id });

  it('creates the group, its schedule and its sessions in one request, audited', async () => {
    const admin = await signIn(t, world.admin);
    const first = nextThursday();
    const schedule = { rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6', firstSessionLocal: `${first}T18:30`, timezone: 'Europe/London', durationMinutes: 90 };
    const response = await call(t.app, admin, 'POST', '/api/groups', { ...base(), schedule });
    expect(response.statusCode).toBe(201);
    const { id, sessionsCreated } = response.json() as { id: string; sessionsCreated: number };
    expect(sessionsCreated).toBe(6);
    const detail = (await call(t.app, admin, 'GET', `/api/groups/${id}`)).json();
    expect(detail.schedule).toEqual(schedule);
    expect(detail.timezone).toBe('Europe/London');
    expect(detail.status).toBe('forming');
    const sessions = await t.database.db.selectFrom('group_sessions').select(['starts_at', 'ends_at', 'topic']).where('group_id', '=', id).orderBy('starts_at').execute();
    expect(sessions).toHaveLength(6);
    // 18:30 London wall-clock time, 90 minutes, a week apart.
    const firstStart = new Date(sessions[0]?.starts_at ?? '');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(firstStart)).toBe('Thu 18:30');
    expect(new Date(sessions[0]?.ends_at ?? '').getTime() - firstStart.getTime()).toBe(90 * 60_000);
    expect(sessions[0]?.starts_at.slice(0, 10)).toBe(first);
    expect(sessions.every((s) => s.topic.length > 0)).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', id)
      .where('outcome', '=', 'success')
      .where('action', 'like', 'groups.%')
      .where('action', '!=', 'groups.roster.read')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['groups.create', 'groups.schedule.set']);
  });

  it('a clinician creating a group with a schedule leads it and sees its sessions', async () => {
    const clinician = await signIn(t, world.clinicianB);
    const schedule = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=3', firstSessionLocal: `${nextThursday()}T10:00`, timezone: 'Europe/London', durationMinutes: 60 };
    const response = await call(t.app, clinician, 'POST', '/api/groups', { ...base(), leadId: undefined, name: 'Fortnightly', schedule });
    expect(response.statusCode).toBe(201);
    const { id } = response.json() as { id: string };
    const sessions = (await call(t.app, clinician, 'GET', `/api/groups/${id}/sessions`)).json().sessions as { startsAt: string }[];
    expect(sessions).toHaveLength(3);
    expect(new Date(sessions[1]?.startsAt ?? '').getTime() - new Date(sessions[0]?.startsAt ?? '').getTime()).toBe(14 * 86_400_000);
  });

  it('refuses an unusable schedule with 422 invalid_schedule naming the field, and writes no group, session or success audit', async () => {
    const admin = await signIn(t, world.admin);
    const good = { rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6', firstSessionLocal: `${nextThursday()}T18:30`, timezone: 'Europe/London', durationMinutes: 90 };
    const before = await snapshot();
    const unusable = [
      { ...good, timezone: 'Mars/Olympus' },
      { ...good, rrule: 'FREQ=HOURLY;COUNT=3' },
      { ...good, rrule: 'FREQ=WEEKLY;BYDAY=XX' },
      { ...good, rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=999' },
      { ...good, rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2;UNTIL=20300101T000000Z' },
      { ...good, firstSessionLocal: '2027-02-30T18:30' },
    ];
    for (const schedule of unusable) {
      const response = await call(t.app, admin, 'POST', '/api/groups', { ...base(), schedule });
      expect(response.statusCode, JSON.stringify(schedule)).toBe(422);
      const error = response.json().error as { code: string; message: string; details: unknown };
      expect(error.code).toBe('invalid_schedule');
      expect(error.details).toEqual([{ path: 'body.schedule', message: error.message }]);
    }
    // Malformed shapes are refused by validation (400) before the use case runs.
    for (const schedule of [{ ...good, durationMinutes: 5 }, { ...good, firstSessionLocal: '18:30' }, { rrule: good.rrule }, { ...good, extra: 1 }]) {
      const response = await call(t.app, admin, 'POST', '/api/groups', { ...base(), schedule });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.some((d: { path: string }) => d.path.startsWith('body.schedule'))).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
    // The refusals themselves are on the audit log.
    const refused = await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'groups.create').where('outcome', '!=', 'success').execute();
    expect(refused.length).toBeGreaterThanOrEqual(unusable.length);
    // The same body with a usable schedule goes through.
    expect((await call(t.app, admin, 'POST', '/api/groups', { ...base(), schedule: good })).statusCode).toBe(201);
  });
});

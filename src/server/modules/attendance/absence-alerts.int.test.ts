import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Missed sessions in a row raise one low-priority "reach out" alert per run of absences.
let t: TestApp;
let world: World;
let clinA: Session;
let clinB: Session;
let admin: Session;

/** Past sessions of a group, oldest first, a day apart. */
async function pastSessions(groupId: string, count: number, startDaysAgo: number): Promise<string[]> {
  const ids: string[] = [];
  const now = t.clock.now().getTime();
  for (let i = 0; i < count; i++) {
    const id = newId();
    const starts = new Date(now - (startDaysAgo - i) * 86_400_000);
    await t.database.db
      .insertInto('group_sessions')
      .values({
        id,
        group_id: groupId,
        starts_at: starts.toISOString(),
        ends_at: new Date(starts.getTime() + 90 * 60_000).toISOString(),
        plan_id: null,
        topic: 'Test',
        status: 'scheduled',
        origin: 'manual',
        cancel_reason: null,
        created_at: starts.toISOString(),
        updated_at: starts.toISOString(),
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

async function record(session: Session, sessionId: string, enrolmentId: string, status: 'present' | 'absent' | 'excused') {
  const response = await call(t.app, session, 'PUT', `/api/group-sessions/${sessionId}/attendance`, {
    everyone: 'present',
    exceptions: status === 'present' ? [] : [{ enrolmentId, status }],
  });
  expect(response.statusCode, response.body).toBe(204);
}

async function reachOutAlerts(session: Session, enrolmentId: string) {
  const response = await call(t.app, session, 'GET', '/api/alerts?status=active');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { alerts: { id: string; kind: string; tier: string; summary: string; participant: { enrolmentId: string | null } }[] }).alerts.filter(
    (a) => a.kind === 'attendance_absences' && a.participant.enrolmentId === enrolmentId,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [clinA, clinB, admin] = await Promise.all([signIn(t, world.clinicianA), signIn(t, world.clinicianB), signIn(t, world.admin)]);
});
afterAll(async () => t?.close());

describe('reach-out alert after missed sessions in a row', () => {
  it('raises once on the second absence, not on the third, and again after attending then missing two', async () => {
    const [s1, s2, s3, s4, s5, s6, s7] = await pastSessions(world.groupA, 7, 20);
    const willow = world.enrolmentA;
    await record(clinA, s1 ?? '', willow, 'present');
    await record(clinA, s2 ?? '', willow, 'absent');
    expect(await reachOutAlerts(clinA, willow)).toHaveLength(0);
    await record(clinA, s3 ?? '', willow, 'excused');
    const first = await reachOutAlerts(clinA, willow);
    expect(first).toEqual([expect.objectContaining({ tier: 'concern', summary: expect.stringMatching(/^Missed 2 sessions in a row/) })]);
    // The raising is audited with the attendance it came from, in the same transaction.
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'attendance.record')
      .where('resource_id', '=', s3 ?? '')
      .executeTakeFirstOrThrow();
    expect(String(audit.detail)).toContain('"reachOutAlerts":1');
    await record(clinA, s4 ?? '', willow, 'absent');
    expect(await reachOutAlerts(clinA, willow)).toHaveLength(1);
    // Recording the same session again does not raise a second alert for the same run.
    await record(clinA, s4 ?? '', willow, 'absent');
    expect(await reachOutAlerts(clinA, willow)).toHaveLength(1);
    await record(clinA, s5 ?? '', willow, 'present');
    await record(clinA, s6 ?? '', willow, 'absent');
    expect(await reachOutAlerts(clinA, willow)).toHaveLength(1);
    await record(clinA, s7 ?? '', willow, 'absent');
    const after = await reachOutAlerts(clinA, willow);
    expect(after).toHaveLength(2);
    // Nothing resolves by itself: the first alert is still open.
    expect(
      await t.database.db
        .selectFrom('alerts')
        .select('status')
        .where('id', '=', first[0]?.id ?? '')
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'open' });
    // Members who came are not alerted about.
    const cedar = await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow();
    expect(await reachOutAlerts(clinA, cedar.id)).toHaveLength(0);
  });

  it('raises nothing when the service turned it off, and follows the configured threshold', async () => {
    const [s1, s2, s3] = await pastSessions(world.groupB, 3, 20);
    const harbour = world.enrolmentB;
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'attendance.absence_alert': 'off' })).statusCode).toBe(200);
    await record(clinB, s1 ?? '', harbour, 'absent');
    await record(clinB, s2 ?? '', harbour, 'absent');
    expect(await reachOutAlerts(clinB, harbour)).toHaveLength(0);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'attendance.absence_alert': 'on', 'attendance.absence_alert_after': '3' })).statusCode).toBe(200);
    await record(clinB, s3 ?? '', harbour, 'absent');
    expect(await reachOutAlerts(clinB, harbour)).toEqual([expect.objectContaining({ summary: expect.stringMatching(/^Missed 3 sessions in a row/) })]);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'attendance.absence_alert_after': '2' })).statusCode).toBe(200);
  });
});

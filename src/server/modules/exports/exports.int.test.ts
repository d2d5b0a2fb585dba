import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let clinician: Session;
let injector: TestUser;
let injectorEnrolment: string;
let cedarEnrolment: string;
let sessionDate: string;

const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

/** A CSV body as rows of cells (header first): RFC 4180 quoting, CRLF records. */
function rowsOf(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Header → value objects for the data rows. */
function records(body: string): Record<string, string>[] {
  const [header, ...rows] = rowsOf(body);
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, i) => [name, row[i] ?? ''])));
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  clinician = await signIn(t, world.clinicianA);
  // A member whose name is a spreadsheet formula.
  injector = await createUser(t, 'participant', FORMULA_NAME);
  injectorEnrolment = newId();
  await t.database.db
    .insertInto('enrolments')
    .values({
      id: injectorEnrolment,
      group_id: world.groupA,
      participant_id: injector.id,
      pseudonym: 'Rowan',
      status: 'active',
      joined_at: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
      left_at: null,
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  const cedar = await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow();
  cedarEnrolment = cedar.id;
  const recorded = await call(t.app, clinician, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, {
    everyone: 'present',
    exceptions: [
      { enrolmentId: world.enrolmentA, status: 'absent' },
      { enrolmentId: injectorEnrolment, status: 'late', minutes: 10 },
    ],
  });
  expect(recorded.statusCode, recorded.body).toBe(204);
  const held = await t.database.db.selectFrom('group_sessions').select('starts_at').where('id', '=', world.sessionA).executeTakeFirstOrThrow();
  // Groups default to UTC.
  sessionDate = held.starts_at.slice(0, 10);
});
afterAll(async () => t.close());

describe('attendance CSV', () => {
  it('has one row per member of each held session, as an attachment with a PHI-free name', async () => {
    const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/attendance.csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="attendance-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(disposition).not.toMatch(/Group A|Private/);
    const [header] = rowsOf(response.body);
    expect(header).toEqual(['Session date', 'Start time', 'Time zone', 'Session number', 'Topic', 'Pseudonym', 'Member name', 'Attendance', 'Minutes late or left early']);
    // The upcoming session has no attendance yet and is not in the file.
    expect(records(response.body)).toEqual([
      expect.objectContaining({ 'Session date': sessionDate, 'Session number': '1', Pseudonym: 'Cedar', 'Member name': 'Aaron Private', Attendance: 'Present', 'Minutes late or left early': '' }),
      expect.objectContaining({ Pseudonym: 'Rowan', 'Member name': `'${FORMULA_NAME}`, Attendance: 'Late', 'Minutes late or left early': '10' }),
      expect.objectContaining({ Pseudonym: 'Willow', 'Member name': 'Alice Private', Attendance: 'Absent', Topic: 'Belonging: you are not alone', 'Time zone': 'UTC' }),
    ]);
  });

  it('neutralises formula cells, so the spreadsheet shows the name as text', async () => {
    const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/attendance.csv`);
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const cell of rowsOf(response.body).flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is audited with its row count', async () => {
    await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/attendance.csv`);
    const row = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'exports.attendance')
      .where('actor_user_id', '=', world.clinicianA.id)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ resource_type: 'group', resource_id: world.groupA, group_id: world.groupA, outcome: 'success' });
    expect(JSON.parse(row.detail ?? '{}')).toMatchObject({ rows: 3, sessions: 1 });
  });

  it('answers another group with 404, a participant and an admin with 403', async () => {
    const wrong = await call(t.app, clinician, 'GET', `/api/groups/${world.groupB}/attendance.csv`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('not_found');
    for (const user of [world.participantA, world.admin]) {
      const response = await call(t.app, await signIn(t, user), 'GET', `/api/groups/${world.groupA}/attendance.csv`);
      expect(response.statusCode, user.role).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });
});

describe('billing CSV', () => {
  it('bills each attending member once per held session with CPT 90853 and the lead facilitator', async () => {
    const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="billing-[0-9a-f]{8}-[\d-]+\.csv"$/);
    const lines = records(response.body);
    // Willow was absent: no line.
    expect(lines).toHaveLength(2);
    const held = await t.database.db.selectFrom('group_sessions').select(['starts_at', 'ends_at']).where('id', '=', world.sessionA).executeTakeFirstOrThrow();
    expect(lines[0]).toEqual({
      'Date of service': sessionDate,
      'Start time': held.starts_at.slice(11, 16),
      'End time': held.ends_at.slice(11, 16),
      'Time zone': 'UTC',
      'Duration minutes': '90',
      Group: 'Group A',
      'Member name': 'Aaron Private',
      'Member id': cedarEnrolment,
      Attendance: 'Present',
      'Billing code': '90853',
      'Rendering facilitator': world.clinicianA.displayName,
    });
    expect(lines[1]).toMatchObject({ 'Member name': `'${FORMULA_NAME}`, 'Member id': injectorEnrolment, Attendance: 'Late', 'Billing code': '90853' });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'exports.billing')
      .where('actor_user_id', '=', world.clinicianA.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ rows: 2 });
  });

  it('uses the group’s configured billing code', async () => {
    const patch = await call(t.app, clinician, 'PATCH', `/api/groups/${world.groupA}`, { billingCode: '90849' });
    expect(patch.statusCode, patch.body).toBe(200);
    const lines = records((await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv`)).body);
    expect(lines.map((l) => l['Billing code'])).toEqual(['90849', '90849']);
    await call(t.app, clinician, 'PATCH', `/api/groups/${world.groupA}`, { billingCode: '90853' });
  });

  it('reads the period as local days of the group and reports local times', async () => {
    // Group B meets in New York; a session at 22:30 on 1 November there is 03:30 UTC on the 2nd.
    await t.database.db.updateTable('therapy_groups').set({ timezone: 'America/New_York' }).where('id', '=', world.groupB).execute();
    const sessionId = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('group_sessions')
      .values({
        id: sessionId,
        group_id: world.groupB,
        starts_at: '2026-11-02T03:30:00.000Z',
        ends_at: '2026-11-02T05:00:00.000Z',
        plan_id: null,
        topic: 'Evening session',
        status: 'held',
        origin: 'manual',
        cancel_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.database.db
      .insertInto('attendance')
      .values({ session_id: sessionId, enrolment_id: world.enrolmentB, status: 'left_early', minutes: 20, recorded_by: world.clinicianB.id, recorded_at: now })
      .execute();
    // Admins export billing for every group.
    const admin = await signIn(t, world.admin);
    const oneDay = await call(t.app, admin, 'GET', `/api/groups/${world.groupB}/billing.csv?from=2026-11-01&to=2026-11-01`);
    expect(oneDay.statusCode, oneDay.body).toBe(200);
    expect(records(oneDay.body)).toEqual([
      expect.objectContaining({ 'Date of service': '2026-11-01', 'Start time': '22:30', 'End time': '00:00', 'Time zone': 'America/New_York', 'Member id': world.enrolmentB, Attendance: 'Left early', 'Rendering facilitator': world.clinicianB.displayName }),
    ]);
    expect(String(oneDay.headers['content-disposition'])).toContain('2026-11-01-to-2026-11-01');
    const nextDay = await call(t.app, admin, 'GET', `/api/groups/${world.groupB}/billing.csv?from=2026-11-02&to=2026-11-02`);
    expect(rowsOf(nextDay.body)).toHaveLength(1);
    const attendance = await call(t.app, await signIn(t, world.clinicianB), 'GET', `/api/groups/${world.groupB}/attendance.csv?from=2026-11-01&to=2026-11-01`);
    expect(records(attendance.body)).toEqual([expect.objectContaining({ 'Session date': '2026-11-01', 'Start time': '22:30', Pseudonym: 'Harbour' })]);
  });

  it('refuses impossible dates and a period that ends before it starts', async () => {
    for (const query of ['from=2026-02-30', 'from=26-01-01', 'to=yesterday', 'from=2026-03-02&to=2026-03-01', 'since=2026-01-01']) {
      const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('validation_failed');
    }
    const same = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv?from=${sessionDate}&to=${sessionDate}`);
    expect(records(same.body)).toHaveLength(2);
  });

  it('answers another group with 404 and a participant with 403', async () => {
    const wrong = await call(t.app, clinician, 'GET', `/api/groups/${world.groupB}/billing.csv`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('not_found');
    const participant = await call(t.app, await signIn(t, world.participantA), 'GET', `/api/groups/${world.groupA}/billing.csv`);
    expect(participant.statusCode).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'exports.billing')
      .where('actor_user_id', '=', world.clinicianA.id)
      .where('resource_id', '=', world.groupB)
      .executeTakeFirstOrThrow();
    expect(denied.outcome).toBe('denied');
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { BILLING_COLUMNS } from './billing-testing.js';

let t: TestApp;
let world: World;
let clinician: Session;
let injector: TestUser;
let injectorEnrolment: string;
let cedarEnrolment: string;
let sessionDate: string;

const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

const BOM = '\uFEFF';

/** A CSV body as rows of cells (header first): RFC 4180 quoting, CRLF records; the byte-order mark skipped. */
function rowsOf(sent: string): string[][] {
  const body = sent.startsWith(BOM) ? sent.slice(1) : sent;
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
      expect.objectContaining({
        'Session date': sessionDate,
        'Session number': '1',
        Pseudonym: 'Cedar',
        'Member name': 'Aaron Private',
        Attendance: 'Present',
        'Minutes late or left early': '',
      }),
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
      expect.objectContaining({
        'Date of service': '2026-11-01',
        'Start time': '22:30',
        'End time': '00:00',
        'Time zone': 'America/New_York',
        'Member id': world.enrolmentB,
        Attendance: 'Left early',
        'Rendering facilitator': world.clinicianB.displayName,
      }),
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

/** An .xlsx response read back by exceljs: the first sheet's rows as cell values (header first). */
async function sheetOf(raw: Buffer): Promise<{ name: string; rows: unknown[][]; formats: (string | undefined)[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    const fmts: (string | undefined)[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const cell = row.getCell(i);
      values.push(cell.value);
      fmts.push(cell.numFmt);
    }
    rows.push(values);
    formats.push(fmts);
  });
  return { name: sheet.name, rows, formats };
}

describe('UTF-8 byte-order mark', () => {
  it('starts every export CSV with the mark, so Excel reads non-ASCII names as UTF-8', async () => {
    await t.database.db.updateTable('users').set({ display_name: 'Zoë Łukasz-Ñúñez' }).where('id', '=', world.participantA2.id).execute();
    for (const file of ['attendance.csv', 'billing.csv']) {
      const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/${file}`);
      expect(response.statusCode, response.body).toBe(200);
      // The raw bytes: EF BB BF, then the header.
      expect([...response.rawPayload.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      expect(response.body.slice(1, 5), file).not.toContain(BOM);
      expect(response.rawPayload.toString('utf8'), file).toContain('Zoë Łukasz-Ñúñez');
    }
    await t.database.db.updateTable('users').set({ display_name: 'Aaron Private' }).where('id', '=', world.participantA2.id).execute();
  });

  it('leaves the mark out with ?bom=false, and only then', async () => {
    const without = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv?bom=false`);
    expect(without.statusCode, without.body).toBe(200);
    expect(without.body.startsWith('Date of service,')).toBe(true);
    const withIt = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/attendance.csv?bom=true&from=${sessionDate}`);
    expect(withIt.body.startsWith(`${BOM}Session date,`)).toBe(true);
    expect(rowsOf(without.body)).toEqual(rowsOf((await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv`)).body));
  });

  it('refuses a bom value other than true or false', async () => {
    for (const query of ['bom=no', 'bom=0', 'bom=']) {
      const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('validation_failed');
    }
  });
});

describe('.xlsx exports', () => {
  it('sends the billing lines as a workbook with typed cells: text as text (no apostrophe), numbers, dates and times', async () => {
    const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="billing-[0-9a-f]{8}-[\d-]+\.xlsx"$/);
    const sheet = await sheetOf(response.rawPayload);
    expect(sheet.name).toBe('Billing');
    const [header, first, second] = sheet.rows;
    expect(header).toEqual(BILLING_COLUMNS);
    expect(sheet.rows).toHaveLength(3);
    const held = await t.database.db.selectFrom('group_sessions').select(['starts_at', 'ends_at']).where('id', '=', world.sessionA).executeTakeFirstOrThrow();
    const [hh, mm] = held.starts_at.slice(11, 16).split(':').map(Number);
    // A date is a date (the calendar day at midnight UTC, as Excel stores it), shown as yyyy-mm-dd.
    expect(first?.[0]).toEqual(new Date(`${sessionDate}T00:00:00.000Z`));
    expect(sheet.formats[1]?.[0]).toBe('yyyy-mm-dd');
    // A time is a fraction of a day, shown as hh:mm: exceljs reads a time-formatted serial back as
    // that time on Excel's day zero (30 December 1899).
    expect(first?.[1]).toEqual(new Date(Date.UTC(1899, 11, 30, hh ?? 0, mm ?? 0)));
    expect(sheet.formats[1]?.[1]).toBe('hh:mm');
    // A number is a number.
    expect(first?.[4]).toBe(90);
    expect(first?.slice(5)).toEqual(['Group A', 'Aaron Private', cedarEnrolment, 'Present', '90853', world.clinicianA.displayName]);
    // The formula-looking name is plain text, exactly as entered: no apostrophe, and not a formula cell.
    expect(second?.[6]).toBe(FORMULA_NAME);
    expect(typeof second?.[6]).toBe('string');
    // The billing code stays text (a code, not a quantity: "0123" would lose its zero as a number).
    expect(typeof second?.[9]).toBe('string');
  });

  it('sends attendance as a workbook, empty cells left empty, and audits the format', async () => {
    const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/attendance.xlsx?from=${sessionDate}&to=${sessionDate}`);
    expect(response.statusCode, response.body).toBe(200);
    const sheet = await sheetOf(response.rawPayload);
    expect(sheet.name).toBe('Attendance');
    expect(sheet.rows.slice(1).map((r) => [r[3], r[5], r[7], r[8]])).toEqual([
      [1, 'Cedar', 'Present', null],
      [1, 'Rowan', 'Late', 10],
      [1, 'Willow', 'Absent', null],
    ]);
    expect(sheet.rows[2]?.[6]).toBe(FORMULA_NAME);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'exports.attendance')
      .where('actor_user_id', '=', world.clinicianA.id)
      .orderBy('at', 'desc')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}').format)).toContain('xlsx');
  });

  it('holds the same rows as the CSV', async () => {
    const csv = rowsOf((await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.csv`)).body);
    const xlsx = (await sheetOf((await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.xlsx`)).rawPayload)).rows;
    expect(xlsx.map((r) => r[7])).toEqual(csv.map((r) => r[7]));
    expect(xlsx.map((r) => r[6])).toEqual(csv.map((r) => r[6]?.replace(/^'/, '')));
  });

  it('answers another group with 404, a participant with 403, bad dates and unknown parameters with 400', async () => {
    for (const file of ['billing.xlsx', 'attendance.xlsx']) {
      const wrong = await call(t.app, clinician, 'GET', `/api/groups/${world.groupB}/${file}`);
      expect(wrong.statusCode, file).toBe(404);
      expect(wrong.json().error.code).toBe('not_found');
      const participant = await call(t.app, await signIn(t, world.participantA), 'GET', `/api/groups/${world.groupA}/${file}`);
      expect(participant.statusCode, file).toBe(403);
      expect(participant.json().error.code).toBe('forbidden');
      for (const query of ['from=2026-02-30', 'bom=false', 'from=2026-03-02&to=2026-03-01']) {
        const bad = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/${file}?${query}`);
        expect(bad.statusCode, `${file}?${query}`).toBe(400);
        expect(bad.json().error.code).toBe('validation_failed');
      }
    }
  });
});

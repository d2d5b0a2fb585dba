import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NHS_NUMBER_SYSTEM } from '../../lib/record-number.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { BILLING_COLUMNS } from './billing-testing.js';

// Claim fields in the billing export (issue 15 item 4): recorded on the enrolment record, the
// staff profile and the group's settings; the service's choice of columns for CSV and .xlsx.

let t: TestApp;
let world: World;
let clinician: Session;
let admin: Session;
let cedarEnrolment: string;

const CLAIM_COLUMNS = ['Record number', 'Date of birth', 'Diagnosis code (ICD-10)', 'Facilitator professional identifier', 'Place of service'];

/** A CSV export's rows as cells (header first), read with a CSV parser; the byte-order mark skipped. */
async function csvRows(body: string): Promise<string[][]> {
  const { parseString } = await import('@fast-csv/parse');
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(body.replace(/^\uFEFF/, ''))
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

async function billingCsv(session: Session = clinician) {
  const response = await call(t.app, session, 'GET', `/api/groups/${world.groupA}/billing.csv`);
  expect(response.statusCode, response.body).toBe(200);
  const [header = [], ...rows] = await csvRows(response.body);
  return { header, lines: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']))) };
}

async function billingSheet() {
  const response = await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}/billing.xlsx`);
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const putClaim = (session: Session, enrolmentId: string, body: unknown) => call(t.app, session, 'PUT', `/api/enrolments/${enrolmentId}/claim-details`, body);

beforeAll(async () => {
  t = await createTestApp({ HEARTH_RECORD_NUMBER_SYSTEM: NHS_NUMBER_SYSTEM });
  world = await createWorld(t);
  clinician = await signIn(t, world.clinicianA);
  admin = await signIn(t, world.admin);
  const recorded = await call(t.app, clinician, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, { everyone: 'present', exceptions: [] });
  expect(recorded.statusCode, recorded.body).toBe(204);
  cedarEnrolment = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('claim fields', () => {
  it('leaves the claim columns out while the service records none of them', async () => {
    const { header, lines } = await billingCsv();
    expect(header).toEqual(BILLING_COLUMNS);
    expect(lines).toHaveLength(2);
    const record = await call(t.app, clinician, 'GET', `/api/enrolments/${cedarEnrolment}/record`);
    expect(record.json().claim).toEqual({ recordNumber: null, dateOfBirth: null, diagnosisCode: null });
  });

  it('records an enrolment’s record number, date of birth and ICD-10 code, normalised, and shows them on the record', async () => {
    const saved = await putClaim(clinician, cedarEnrolment, { recordNumber: '943 476 5919', dateOfBirth: '1984-02-29', diagnosisCode: ' f41.1 ' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ recordNumber: { system: NHS_NUMBER_SYSTEM, value: '9434765919' }, dateOfBirth: '1984-02-29', diagnosisCode: 'F41.1' });
    const record = await call(t.app, clinician, 'GET', `/api/enrolments/${cedarEnrolment}/record`);
    expect(record.json().claim).toEqual(saved.json());
    // Fields left out are kept; the audit row names the fields, never the values.
    expect((await putClaim(clinician, cedarEnrolment, { diagnosisCode: 'F32' })).json()).toMatchObject({ dateOfBirth: '1984-02-29', diagnosisCode: 'F32' });
    const audits = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'records.claim_details.update').execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toMatch(/9434765919|1984|F41|F32/);
    expect(JSON.parse(audits[0]?.detail ?? '{}')).toEqual({ fields: 'recordNumber,dateOfBirth,diagnosisCode' });
    await putClaim(clinician, cedarEnrolment, { diagnosisCode: 'F41.1' });
  });

  it('accepts ICD-10 codes by format and refuses the rest with 422 invalid_diagnosis_code, writing nothing', async () => {
    for (const good of ['F41', 'F411', 'F41.1', 'Z63.79', 'F10.2302', 't74.1']) {
      const response = await putClaim(clinician, world.enrolmentA, { diagnosisCode: good });
      expect(response.statusCode, good).toBe(200);
      expect(response.json().diagnosisCode, good).toBe(good.toUpperCase());
    }
    for (const bad of ['F4', '41.1', 'FF1.1', 'F41.', 'F41.12345', 'F41-1', 'F41.1;DROP', 'F 41']) {
      // A good date of birth in the same request is not written either.
      const response = await putClaim(clinician, world.enrolmentA, { diagnosisCode: bad, dateOfBirth: '1990-01-01' });
      expect(response.statusCode, bad).toBe(422);
      expect(response.json().error.code, bad).toBe('invalid_diagnosis_code');
      expect(response.json().error.details, bad).toEqual([expect.objectContaining({ path: 'body.diagnosisCode' })]);
    }
    const record = await call(t.app, clinician, 'GET', `/api/enrolments/${world.enrolmentA}/record`);
    expect(record.json().claim).toEqual({ recordNumber: null, dateOfBirth: null, diagnosisCode: 'T74.1' });
    // null clears.
    expect((await putClaim(clinician, world.enrolmentA, { diagnosisCode: null })).json().diagnosisCode).toBeNull();
  });

  it('refuses an impossible or future date of birth and a record number that fails its check digit', async () => {
    for (const bad of ['1984-02-30', '2999-01-01', '1850-06-01', '12/03/1984', '1984-2-3']) {
      const response = await putClaim(clinician, world.enrolmentA, { dateOfBirth: bad });
      expect(response.statusCode, bad).toBe(422);
      expect(response.json().error.code, bad).toBe('invalid_date_of_birth');
    }
    const wrongDigit = await putClaim(clinician, world.enrolmentA, { recordNumber: '943 476 5918', diagnosisCode: 'F41.1' });
    expect(wrongDigit.statusCode).toBe(422);
    expect(wrongDigit.json().error.code).toBe('invalid_identifier');
    // Another person's number is refused too.
    const taken = await putClaim(clinician, world.enrolmentA, { recordNumber: '9434765919' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('identifier_taken');
    expect((await call(t.app, clinician, 'GET', `/api/enrolments/${world.enrolmentA}/record`)).json().claim).toEqual({
      recordNumber: null,
      dateOfBirth: null,
      diagnosisCode: null,
    });
    for (const body of [{ diagnosisCode: 12 }, { dateOfBirth: 'x'.repeat(11) }, { nhs: '1' }]) {
      expect((await putClaim(clinician, world.enrolmentA, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('keeps claim details to the group’s clinicians: a participant is refused, another group’s clinician gets 404', async () => {
    for (const user of [world.participantA2, world.participantA]) {
      const member = await signIn(t, user);
      expect((await putClaim(member, cedarEnrolment, { diagnosisCode: 'F99' })).statusCode, user.displayName).toBe(403);
      expect((await call(t.app, member, 'GET', `/api/enrolments/${cedarEnrolment}/record`)).statusCode, user.displayName).toBe(403);
    }
    const otherClinician = await signIn(t, world.clinicianB);
    const outside = await putClaim(otherClinician, cedarEnrolment, { diagnosisCode: 'F99' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('not_found');
    expect((await call(t.app, otherClinician, 'GET', `/api/enrolments/${cedarEnrolment}/record`)).statusCode).toBe(404);
    // Admins keep out of clinical records.
    expect((await putClaim(admin, cedarEnrolment, { diagnosisCode: 'F99' })).statusCode).toBe(403);
    expect((await call(t.app, clinician, 'GET', `/api/enrolments/${cedarEnrolment}/record`)).json().claim.diagnosisCode).toBe('F41.1');
  });

  it('records a facilitator’s professional identifier on their staff profile, checked for length and characters', async () => {
    const path = `/api/admin/users/${world.clinicianA.id}/staff-profile`;
    const set = await call(t.app, admin, 'PUT', path, { professionalIdentifier: '  GMC  7654321 ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ userId: world.clinicianA.id, professionalIdentifier: 'GMC 7654321' });
    expect((await call(t.app, clinician, 'GET', '/api/me/staff-profile')).json().professionalIdentifier).toBe('GMC 7654321');
    for (const bad of ['ab', 'x'.repeat(33), '<script>', 'GMC#1', '-123']) {
      const refused = await call(t.app, admin, 'PUT', path, { professionalIdentifier: bad });
      expect(refused.statusCode, bad).toBe(422);
      expect(refused.json().error.code, bad).toBe('invalid_professional_identifier');
    }
    expect((await call(t.app, admin, 'GET', path)).json().professionalIdentifier).toBe('GMC 7654321');
    // A clinician keeps their own; a participant has none; only admins reach other people's.
    const own = await call(t.app, await signIn(t, world.clinicianB), 'PUT', '/api/me/staff-profile', { professionalIdentifier: '1234567893' });
    expect(own.json()).toEqual({ userId: world.clinicianB.id, professionalIdentifier: '1234567893' });
    const member = await signIn(t, world.participantA);
    expect((await call(t.app, member, 'PUT', '/api/me/staff-profile', { professionalIdentifier: 'HCPC 123' })).json().error.code).toBe('not_staff');
    expect((await call(t.app, admin, 'PUT', `/api/admin/users/${world.participantA.id}/staff-profile`, { professionalIdentifier: 'HCPC 123' })).json().error.code).toBe(
      'not_staff',
    );
    expect((await call(t.app, clinician, 'PUT', path, { professionalIdentifier: 'GMC 1' })).statusCode).toBe(403);
    expect((await call(t.app, member, 'GET', path)).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'staff_profile.update').execute();
    expect(JSON.stringify(audit)).not.toContain('7654321');
  });

  it('records the group’s place of service, hidden from participants', async () => {
    expect((await call(t.app, clinician, 'PATCH', `/api/groups/${world.groupA}`, { placeOfService: '53' })).statusCode).toBe(200);
    for (const bad of ['!!', '5'.repeat(21), ' ']) {
      expect((await call(t.app, clinician, 'PATCH', `/api/groups/${world.groupA}`, { placeOfService: bad })).statusCode, bad).toBe(400);
    }
    expect((await call(t.app, clinician, 'GET', `/api/groups/${world.groupA}`)).json().placeOfService).toBe('53');
    const asMember = (await call(t.app, await signIn(t, world.participantA), 'GET', `/api/groups/${world.groupA}`)).json();
    expect(asMember).not.toHaveProperty('placeOfService');
  });

  it('adds each recorded claim field to the billing lines, CSV and Excel alike', async () => {
    const { header, lines } = await billingCsv();
    expect(header).toEqual([...BILLING_COLUMNS, ...CLAIM_COLUMNS]);
    const cedar = lines.find((l) => l['Member id'] === cedarEnrolment);
    expect(cedar).toMatchObject({
      'Record number': '9434765919',
      'Date of birth': '1984-02-29',
      'Diagnosis code (ICD-10)': 'F41.1',
      'Facilitator professional identifier': 'GMC 7654321',
      'Place of service': '53',
      'Rendering facilitator': world.clinicianA.displayName,
    });
    // A member whose details are not recorded has empty claim cells, never another's.
    expect(lines.find((l) => l['Member id'] === world.enrolmentA)).toMatchObject({
      'Record number': '',
      'Date of birth': '',
      'Diagnosis code (ICD-10)': '',
      'Place of service': '53',
    });
    const [sheetHeader, ...rows] = await billingSheet();
    expect(sheetHeader).toEqual([...BILLING_COLUMNS, ...CLAIM_COLUMNS]);
    const row = rows.find((r) => r[7] === cedarEnrolment)!;
    expect(row.slice(11)).toEqual(['9434765919', new Date(Date.UTC(1984, 1, 29)), 'F41.1', 'GMC 7654321', '53']);
  });
});

describe('the service’s choice of billing columns', () => {
  it('lists every column and starts from the default', async () => {
    const response = await call(t.app, admin, 'GET', '/api/admin/billing-columns');
    expect(response.statusCode).toBe(200);
    expect(response.json().columns).toBeNull();
    expect(response.json().available.map((c: { header: string }) => c.header)).toEqual([...BILLING_COLUMNS, ...CLAIM_COLUMNS]);
  });

  it('applies the chosen columns and order to CSV and Excel', async () => {
    const chosen = ['member_id', 'diagnosis_code', 'date_of_service', 'billing_code', 'date_of_birth'];
    const put = await call(t.app, admin, 'PUT', '/api/admin/billing-columns', { columns: chosen });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().columns).toEqual(chosen);
    const headers = ['Member id', 'Diagnosis code (ICD-10)', 'Date of service', 'Billing code', 'Date of birth'];
    const { header, lines } = await billingCsv();
    expect(header).toEqual(headers);
    expect(lines.find((l) => l['Member id'] === cedarEnrolment)).toEqual({
      'Member id': cedarEnrolment,
      'Diagnosis code (ICD-10)': 'F41.1',
      'Date of service': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      'Billing code': '90853',
      'Date of birth': '1984-02-29',
    });
    const [sheetHeader, ...rows] = await billingSheet();
    expect(sheetHeader).toEqual(headers);
    expect(rows.find((r) => r[0] === cedarEnrolment)?.[4]).toEqual(new Date(Date.UTC(1984, 1, 29)));
    // A chosen claim column stays even where nothing is recorded for a member.
    expect(lines.find((l) => l['Member id'] === world.enrolmentA)).toMatchObject({ 'Diagnosis code (ICD-10)': '', 'Date of birth': '' });
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'billing.columns.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ columns: chosen.join(',') });
  });

  it('refuses an unknown column with 422 unknown_billing_column, a repeated one or none with 422, changing nothing', async () => {
    const before = (await call(t.app, admin, 'GET', '/api/admin/billing-columns')).json().columns;
    const unknown = await call(t.app, admin, 'PUT', '/api/admin/billing-columns', { columns: ['member_id', 'ssn', 'diagnosis_code'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('unknown_billing_column');
    expect(unknown.json().error.details).toEqual([{ path: 'body.columns.1', message: 'Unknown column.' }]);
    for (const columns of [[], ['member_id', 'member_id']]) {
      const refused = await call(t.app, admin, 'PUT', '/api/admin/billing-columns', { columns });
      expect(refused.statusCode, JSON.stringify(columns)).toBe(422);
      expect(refused.json().error.code).toBe('invalid_billing_columns');
    }
    for (const body of [{ columns: 'member_id' }, { columns: [1] }, {}]) {
      expect((await call(t.app, admin, 'PUT', '/api/admin/billing-columns', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call(t.app, admin, 'GET', '/api/admin/billing-columns')).json().columns).toEqual(before);
  });

  it('is an administrator’s setting: clinicians and participants are refused', async () => {
    for (const session of [clinician, await signIn(t, world.participantA)]) {
      expect((await call(t.app, session, 'GET', '/api/admin/billing-columns')).statusCode).toBe(403);
      expect((await call(t.app, session, 'PUT', '/api/admin/billing-columns', { columns: null })).statusCode).toBe(403);
    }
  });

  it('returns to the default with null', async () => {
    expect((await call(t.app, admin, 'PUT', '/api/admin/billing-columns', { columns: null })).json().columns).toBeNull();
    expect((await billingCsv()).header).toEqual([...BILLING_COLUMNS, ...CLAIM_COLUMNS]);
  });
});

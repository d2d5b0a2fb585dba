import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { fhirSchemaProblems, referencesIn } from '../../testing/fhir-schema.js';
import { createTestApp, testDatabaseKind, type TestApp } from '../../testing/test-app.js';
import { newGoalRow } from '../goals/repository.js';
import { addAgreementVersion } from '../programmes/repository.js';
import { deleteExpiredExports, exportsSettled, resumeAbandonedExports, runExportJob, type ExportDeps } from './bulk-runner.js';
import { HEARTH_ERROR_SYSTEM } from './operation-outcome.js';
import type { HearthResource } from './types.js';

// FHIR Bulk Data Access (v2) $export (issue 15 item 1): kick-off, status, manifest, ndjson files
// streamed from the database, cancel, one job per administrator, restart and expiry. Every
// resource of every file passes the official R4 schema; every reference resolves inside the files.

const BASE = 'https://fhir.riverside.example.org/r4';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };
let t: TestApp;
let world: World;
let admin: Session;
let exportDir: string;
let deps: ExportDeps;
let responseA: string;

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
const jobCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('fhir_export_jobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Kicks off, waits for the worker, and reads the manifest through the status URL. */
async function runExport(session: Session, url: string): Promise<{ statusUrl: string; manifest: Manifest }> {
  const kickoff = await call(t.app, session, 'GET', url, undefined, ASYNC);
  expect(kickoff.statusCode, kickoff.body).toBe(202);
  const statusUrl = String(kickoff.headers['content-location']);
  await exportsSettled();
  const status = await call(t.app, session, 'GET', pathOf(statusUrl));
  expect(status.statusCode, status.body).toBe(200);
  return { statusUrl, manifest: status.json() as Manifest };
}

async function download(session: Session, url: string): Promise<HearthResource[]> {
  const file = await call(t.app, session, 'GET', pathOf(url));
  expect(file.statusCode, file.body).toBe(200);
  expect(file.headers['content-type']).toContain('application/fhir+ndjson');
  expect(file.body.endsWith('\n')).toBe(true);
  return file.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as HearthResource);
}

function expectOperationOutcome(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/fhir+json');
  const outcome = response.json() as { resourceType: string; issue: { details: { coding: { system: string; code: string }[] } }[] };
  expect(fhirSchemaProblems(outcome)).toEqual([]);
  expect(outcome.resourceType).toBe('OperationOutcome');
  expect(outcome.issue[0]!.details.coding[0]).toEqual({ system: HEARTH_ERROR_SYSTEM, code });
}

beforeAll(async () => {
  exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-fhir-export-'));
  t = await createTestApp({ HEARTH_FHIR_BASE: BASE, HEARTH_FHIR_EXPORT_DIR: exportDir, HEARTH_FHIR_EXPORT_RETENTION_HOURS: '2' });
  deps = { db: t.database.db, config: t.config, clock: t.clock };
  world = await createWorld(t);
  admin = await signIn(t, world.admin);
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  // Participant A: a record number, an attended session, the group agreement accepted, a goal
  // shared with clinicians and a private one (which must never leave the member).
  await db
    .insertInto('patient_identifiers')
    .values({
      id: newId(),
      participant_id: world.participantA.id,
      referral_id: null,
      system: NHS,
      value: '4010232137',
      created_at: now,
      updated_at: now,
      updated_by: world.clinicianA.id,
    })
    .execute();
  await db.updateTable('group_sessions').set({ status: 'held' }).where('id', '=', world.sessionA).execute();
  await db
    .insertInto('attendance')
    .values([{ session_id: world.sessionA, enrolment_id: world.enrolmentA, status: 'present', minutes: null, recorded_by: world.clinicianA.id, recorded_at: now }])
    .execute();
  const version = await addAgreementVersion(db, world.programmeId, 'Confidentiality and respect.', null, t.clock.now());
  const agreement = await db.selectFrom('group_agreements').select('id').where('programme_id', '=', world.programmeId).where('version', '=', version).executeTakeFirstOrThrow();
  await db.insertInto('agreement_acceptances').values({ id: newId(), enrolment_id: world.enrolmentA, agreement_id: agreement.id, version, accepted_at: now }).execute();
  const goal = (visibility: 'private' | 'clinicians', action: string) => ({
    ...newGoalRow({
      id: newId(),
      participantId: world.participantA.id,
      enrolmentId: world.enrolmentA,
      area: 'connection',
      action,
      frequency: 'Weekly',
      targetDate: '2030-06-30',
      supportNeeded: '',
      createdAt: now,
    }),
    visibility,
  });
  await db
    .insertInto('goals')
    .values([goal('clinicians', 'Call my brother'), goal('private', 'A private aim')])
    .execute();
  // A PHQ-9 participant A answered (total 9). The world's response of participant B was stored
  // with no answers: it cannot be scored, so it goes to the error file, not the export.
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, 1]));
  responseA = newId();
  await db
    .insertInto('measure_responses')
    .values({
      id: responseA,
      participant_id: world.participantA.id,
      enrolment_id: world.enrolmentA,
      group_id: world.groupA,
      request_id: null,
      instrument_code: 'phq-9',
      instrument_version: 1,
      answers: JSON.stringify(answers),
      total: 9,
      band: 'Mild',
      caseness: 0,
      prorated: 0,
      idempotency_key: `bulk-${responseA}`,
      submitted_at: now,
    })
    .execute();
  // The export's transactionTime must be after everything above.
  t.clock.advance(1000);
});

afterAll(async () => {
  await exportsSettled();
  await t?.close();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

describe('FHIR $export kick-off refusals', () => {
  it('refuses a kick-off without Prefer: respond-async, an unknown type, a bad _since or format — 400 OperationOutcome, no job', async () => {
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/$export'), 400, 'respond_async_required');
    const unknown = await call(t.app, admin, 'GET', '/api/fhir/$export?_type=Patient,Medication', undefined, ASYNC);
    expectOperationOutcome(unknown, 400, 'unsupported_resource_type');
    expect(JSON.stringify(unknown.json())).toContain('Medication');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/Patient/$export?_type=Group', undefined, ASYNC), 400, 'unsupported_resource_type');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/$export?_since=yesterday', undefined, ASYNC), 400, 'validation_failed');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/$export?_outputFormat=text/csv', undefined, ASYNC), 400, 'unsupported_output_format');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/$export?_typeFilter=Patient%3Factive%3Dtrue', undefined, ASYNC), 400, 'validation_failed');
    expect(await jobCount()).toBe(0);
  });

  it('is for administrators only: clinicians and participants 403, anonymous 401 (as OperationOutcomes)', async () => {
    expectOperationOutcome(await call(t.app, await signIn(t, world.clinicianA), 'GET', '/api/fhir/$export', undefined, ASYNC), 403, 'forbidden');
    expectOperationOutcome(await call(t.app, await signIn(t, world.participantA), 'GET', '/api/fhir/$export', undefined, ASYNC), 403, 'forbidden');
    expectOperationOutcome(await call(t.app, null, 'GET', '/api/fhir/$export', undefined, ASYNC), 401, 'unauthenticated');
    expect(await jobCount()).toBe(0);
    // Each refused attempt by a signed-in non-admin is in the audit log.
    const denied = await t.database.db.selectFrom('audit_events').select('actor_user_id').where('action', '=', 'fhir.bulk.export').where('outcome', '=', 'denied').execute();
    expect(denied.map((row) => row.actor_user_id).sort()).toEqual([world.clinicianA.id, world.participantA.id].sort());
  });

  it('answers a resource type or operation the FHIR API does not serve with 404 as an OperationOutcome, starting nothing', async () => {
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/Observation'), 404, 'not_found');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/Medication/$export', undefined, ASYNC), 404, 'not_found');
    expectOperationOutcome(await call(t.app, admin, 'GET', '/api/fhir/Group/g1/$export', undefined, ASYNC), 404, 'not_found');
    expect(await jobCount()).toBe(0);
  });
});

describe('a system-level export', () => {
  let manifest: Manifest;
  const files = new Map<string, HearthResource[]>();

  beforeAll(async () => {
    const run = await runExport(admin, '/api/fhir/$export');
    manifest = run.manifest;
    for (const output of manifest.output) files.set(output.type, await download(admin, output.url));
  });

  it('answers the status URL with the v2 manifest: one ndjson file per resource type, counted', async () => {
    expect(manifest.requiresAccessToken).toBe(true);
    expect(manifest.error).toEqual([{ type: 'OperationOutcome', url: expect.stringMatching(/\/api\/fhir\/bulk-files\//), count: 1 }]);
    expect(manifest.request).toMatch(/\/api\/fhir\/\$export$/);
    expect(Date.parse(manifest.transactionTime)).not.toBeNaN();
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient', 'Group', 'Encounter', 'Goal', 'Consent', 'Flag', 'QuestionnaireResponse', 'Observation']);
    for (const output of manifest.output) {
      expect(output.url).toMatch(/\/api\/fhir\/bulk-files\/[0-9a-f-]{36}$/);
      expect(files.get(output.type)!.length).toBe(output.count);
    }
    // The files are on disk under the job's folder, complete (no part files left).
    const [job] = await t.database.db.selectFrom('fhir_export_jobs').select(['id', 'status']).execute();
    expect(fs.readdirSync(path.join(exportDir, job!.id)).sort()).toEqual([...manifest.output.map((o) => `${o.type}.ndjson`), 'OperationOutcome.ndjson'].sort());
  });

  it('lists a record it could not write in the error file, as an OperationOutcome, and writes the rest', async () => {
    const [problem] = await download(admin, manifest.error[0]!.url);
    expect(fhirSchemaProblems(problem)).toEqual([]);
    expect(problem).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] });
    expect(JSON.stringify(problem)).toContain(`QuestionnaireResponse/${world.responseB}`);
  });

  it('writes only resources that pass the R4 schema, each in the file of its type', () => {
    for (const [type, resources] of files) {
      for (const resource of resources) {
        expect(resource.resourceType).toBe(type);
        expect(fhirSchemaProblems(resource), `${type}/${resource.id}`).toEqual([]);
      }
    }
  });

  it('holds every participant and what Hearth records of them, and every reference resolves inside the files', () => {
    const patients = files.get('Patient')!;
    expect(patients.map((p) => p.id).sort()).toEqual([world.participantA.id, world.participantA2.id, world.participantB.id].sort());
    expect(patients.find((p) => p.id === world.participantA.id)).toMatchObject({ identifier: [{ system: NHS, value: '4010232137' }] });
    expect(
      files
        .get('Group')!
        .map((g) => g.id)
        .sort(),
    ).toEqual([world.groupA, world.groupB].sort());
    expect(files.get('Goal')!.map((g) => (g as { description: { text: string } }).description.text)).not.toContain('connection: A private aim (Weekly)');
    expect(files.get('Goal')!.map((g) => (g as { description: { text: string } }).description.text)).toContain('connection: Call my brother (Weekly)');
    expect(files.get('Flag')!.map((f) => f.id)).toEqual([world.alertB]);
    expect(files.get('QuestionnaireResponse')!.map((q) => q.id)).toEqual([responseA]);
    expect(files.get('Observation')!.map((o) => o.id)).toEqual([`${responseA}-total`]);
    const known = new Set([...files.values()].flat().map((r) => `${r.resourceType}/${r.id}`));
    const references = [...files.values()].flat().flatMap((r) => referencesIn(r));
    expect(references.length).toBeGreaterThan(10);
    expect(references.filter((ref) => !known.has(ref))).toEqual([]);
  });

  it('audits the kick-off, the completion and each download (types and counts, never contents)', async () => {
    const rows = await t.database.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'detail']).where('action', 'like', 'fhir.bulk_export.%').orderBy('at').execute();
    expect(rows.map((r) => r.action)).toEqual([
      'fhir.bulk_export.start',
      'fhir.bulk_export.complete',
      ...manifest.output.map(() => 'fhir.bulk_export.download'),
      'fhir.bulk_export.download',
    ]);
    expect(rows[0]!.actor_user_id).toBe(world.admin.id);
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({ requestedBy: world.admin.id, Patient: 3 });
    expect(JSON.stringify(rows)).not.toContain('4010232137');
  });

  it('keeps another administrator out of the job and its files (404), and clinicians out (403)', async () => {
    const other = await signIn(t, await createUser(t, 'admin'));
    const [job] = await t.database.db.selectFrom('fhir_export_jobs').select('id').execute();
    expectOperationOutcome(await call(t.app, other, 'GET', `/api/fhir/bulk-status/${job!.id}`), 404, 'not_found');
    expectOperationOutcome(await call(t.app, other, 'DELETE', `/api/fhir/bulk-status/${job!.id}`), 404, 'not_found');
    expectOperationOutcome(await call(t.app, other, 'GET', pathOf(manifest.output[0]!.url)), 404, 'not_found');
    expect((await call(t.app, other, 'GET', '/api/fhir/bulk-exports')).json().exports).toEqual([]);
    expectOperationOutcome(await call(t.app, await signIn(t, world.clinicianA), 'GET', pathOf(manifest.output[0]!.url)), 403, 'forbidden');
  });

  // SQLite in memory exports in the server's thread; a copy of it in a file exports in a worker.
  // (On PostgreSQL every run is the worker's: the comparison is SQLite's to make.)
  it.skipIf(testDatabaseKind() !== 'sqlite')('writes the same bytes in a worker thread with its own connection as in the server’s thread', async () => {
    const [job] = await t.database.db.selectFrom('fhir_export_jobs').selectAll().execute();
    const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-fhir-worker-'));
    const copy = path.join(copyDir, 'copy.sqlite');
    await sql`VACUUM INTO ${copy}`.execute(t.database.db);
    const file = openDatabase({ kind: 'sqlite', sqliteFile: copy });
    try {
      const again = newId();
      await file.db
        .insertInto('fhir_export_jobs')
        .values({ ...job!, id: again, status: 'queued', claim: null, attempts: 0, heartbeat_at: null, started_at: null, finished_at: null, expires_at: null })
        .execute();
      const workerDir = path.join(copyDir, 'exports');
      expect(await runExportJob({ db: file.db, config: { fhirExport: { dir: workerDir, retentionMs: 3_600_000 } }, clock: t.clock }, again)).toBe('completed');
      const names = fs.readdirSync(path.join(exportDir, job!.id)).sort();
      expect(fs.readdirSync(path.join(workerDir, again)).sort()).toEqual(names);
      for (const name of names) expect(fs.readFileSync(path.join(workerDir, again, name)).equals(fs.readFileSync(path.join(exportDir, job!.id, name))), name).toBe(true);
    } finally {
      await file.close();
      fs.rmSync(copyDir, { recursive: true, force: true });
    }
  });

  it('lists the administrator’s exports with their files for the admin screen', async () => {
    const list = (await call(t.app, admin, 'GET', '/api/fhir/bulk-exports')).json();
    expect(list.exports).toHaveLength(1);
    expect(list.exports[0]).toMatchObject({ status: 'completed', output: [...manifest.output, ...manifest.error], since: null });
  });
});

describe('_type, _since and the Patient level', () => {
  it('writes only the types asked for', async () => {
    const { manifest } = await runExport(admin, '/api/fhir/$export?_type=Observation,Patient');
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient', 'Observation']);
  });

  it('leaves out what did not change after _since', async () => {
    const since = new Date(t.clock.now().getTime() - 500).toISOString();
    const db = t.database.db;
    await db.updateTable('users').set({ updated_at: t.clock.now().toISOString() }).where('id', '=', world.participantB.id).execute();
    t.clock.advance(1000);
    const { manifest } = await runExport(admin, `/api/fhir/$export?_since=${encodeURIComponent(since)}`);
    expect(manifest.output).toEqual([{ type: 'Patient', url: expect.any(String), count: 1 }]);
    expect((await download(admin, manifest.output[0]!.url))[0]!.id).toBe(world.participantB.id);
  });

  it('exports every patient’s compartment without the Group at Patient level', async () => {
    const { manifest } = await runExport(admin, '/api/fhir/Patient/$export');
    expect(manifest.output.map((o) => o.type)).not.toContain('Group');
    expect(manifest.output.map((o) => o.type)).toContain('Patient');
  });
});

describe('one job at a time, cancelling, restarts and expiry', () => {
  const insertJob = async (status: 'queued' | 'running', requestedBy: string, extra: { heartbeat_at?: string; claim?: string; attempts?: number } = {}) => {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('fhir_export_jobs')
      .values({
        id,
        requested_by: requestedBy,
        status,
        level: 'system',
        request_url: 'http://localhost/api/fhir/$export',
        types: JSON.stringify(['Patient', 'Flag']),
        since: null,
        fhir_base: BASE,
        file_base: 'http://localhost/api/fhir/bulk-files',
        transaction_time: now,
        progress: 'Waiting to start.',
        created_at: now,
        claim: extra.claim ?? null,
        heartbeat_at: extra.heartbeat_at ?? null,
        attempts: extra.attempts ?? 0,
      })
      .execute();
    return id;
  };

  it('refuses a second kick-off while one runs (429 export_in_progress, Retry-After), then cancels it (202, then 404)', async () => {
    const running = await insertJob('running', world.admin.id, { heartbeat_at: t.clock.now().toISOString(), claim: 'another-worker' });
    const second = await call(t.app, admin, 'GET', '/api/fhir/$export', undefined, ASYNC);
    expectOperationOutcome(second, 429, 'export_in_progress');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    const progress = await call(t.app, admin, 'GET', `/api/fhir/bulk-status/${running}`);
    expect(progress.statusCode).toBe(202);
    expect(progress.headers['x-progress']).toBe('Waiting to start.');
    expect((await call(t.app, admin, 'DELETE', `/api/fhir/bulk-status/${running}`)).statusCode).toBe(202);
    expectOperationOutcome(await call(t.app, admin, 'GET', `/api/fhir/bulk-status/${running}`), 404, 'not_found');
    expectOperationOutcome(await call(t.app, admin, 'DELETE', `/api/fhir/bulk-status/${running}`), 404, 'not_found');
    // A queued job cancelled before its worker claimed it never runs.
    const queued = await insertJob('queued', world.admin.id);
    expect((await call(t.app, admin, 'DELETE', `/api/fhir/bulk-status/${queued}`)).statusCode).toBe(202);
    expect(await runExportJob(deps, queued)).toBe('not_claimed');
    expect(fs.existsSync(path.join(exportDir, queued))).toBe(false);
  });

  it('deletes a finished export’s files when it is cancelled', async () => {
    const { statusUrl, manifest } = await runExport(admin, '/api/fhir/$export?_type=Patient');
    const jobId = statusUrl.split('/').at(-1)!;
    expect(fs.existsSync(path.join(exportDir, jobId, 'Patient.ndjson'))).toBe(true);
    expect((await call(t.app, admin, 'DELETE', pathOf(statusUrl))).statusCode).toBe(202);
    expect(fs.existsSync(path.join(exportDir, jobId))).toBe(false);
    expectOperationOutcome(await call(t.app, admin, 'GET', pathOf(manifest.output[0]!.url)), 404, 'not_found');
  });

  it('takes over a job whose instance stopped and runs it again; gives up after three attempts', async () => {
    const other = await createUser(t, 'admin');
    const otherSession = await signIn(t, other);
    const stale = new Date(t.clock.now().getTime() - 5 * 60_000).toISOString();
    const interrupted = await insertJob('running', other.id, { heartbeat_at: stale, claim: 'a-stopped-instance', attempts: 1 });
    // What the stopped worker left behind is replaced.
    fs.mkdirSync(path.join(exportDir, interrupted), { recursive: true });
    fs.writeFileSync(path.join(exportDir, interrupted, 'Patient.ndjson.a-stopped-instance.part'), '{"resourceType":"Pat');
    expect(await resumeAbandonedExports(deps)).toEqual({ resumed: 1, failed: 0 });
    await exportsSettled();
    const status = await call(t.app, otherSession, 'GET', `/api/fhir/bulk-status/${interrupted}`);
    expect(status.statusCode).toBe(200);
    expect((status.json() as Manifest).output.map((o) => o.type)).toEqual(['Patient', 'Flag']);
    expect(fs.readdirSync(path.join(exportDir, interrupted)).sort()).toEqual(['Flag.ndjson', 'Patient.ndjson']);

    const hopeless = await insertJob('running', other.id, { heartbeat_at: stale, claim: 'x', attempts: 3 });
    expect(await resumeAbandonedExports(deps)).toEqual({ resumed: 0, failed: 1 });
    expectOperationOutcome(await call(t.app, otherSession, 'GET', `/api/fhir/bulk-status/${hopeless}`), 500, 'export_failed');
  });

  it('deletes files at expiry: the status and file URLs then answer 404, the job stays as a record', async () => {
    const { statusUrl, manifest } = await runExport(admin, '/api/fhir/$export?_type=Group');
    const jobId = statusUrl.split('/').at(-1)!;
    expect(await deleteExpiredExports(deps)).toBe(0);
    t.clock.advance(2 * 3_600_000 + 1000);
    expect(await deleteExpiredExports(deps)).toBeGreaterThanOrEqual(1);
    admin = await signIn(t, world.admin);
    expect(fs.existsSync(path.join(exportDir, jobId))).toBe(false);
    expectOperationOutcome(await call(t.app, admin, 'GET', pathOf(statusUrl)), 404, 'not_found');
    expectOperationOutcome(await call(t.app, admin, 'GET', pathOf(manifest.output[0]!.url)), 404, 'not_found');
    expect((await t.database.db.selectFrom('fhir_export_jobs').select('status').where('id', '=', jobId).executeTakeFirstOrThrow()).status).toBe('expired');
  });
});

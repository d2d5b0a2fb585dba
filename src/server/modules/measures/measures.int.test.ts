import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { fhirSchemaProblems } from '../../testing/fhir-schema.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let participant: Session;
let lead: Session;
let key = 0;

const phq9 = (values: number[], item9 = 0) => Object.fromEntries([...values, item9].map((v, i) => [`phq9-${i + 1}`, v]));

async function submit(session: Session, answers: Record<string, number | null>, extra: Record<string, unknown> = {}) {
  key += 1;
  return call(t.app, session, 'POST', '/api/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: `test-key-${key}`, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  participant = await signIn(t, world.participantA);
  lead = await signIn(t, world.clinicianA);
});
afterAll(async () => t.close());

describe('questionnaires and safety alerts', () => {
  it('knows the built-in instruments with their LOINC-coded FHIR form', async () => {
    const list = (await call(t.app, lead, 'GET', '/api/instruments')).json().instruments;
    expect(list.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['phq-9', 'gad-7', 'phq-2', 'gad-2']));
    const fhir = (await call(t.app, lead, 'GET', '/api/instruments/questionnaire?code=phq-9')).json();
    expect(fhir.resourceType).toBe('Questionnaire');
    expect(JSON.stringify(fhir.code)).toContain('44249-1');
  });

  it('scores PHQ-9 on the server; item 9 ≥ 1 raises an urgent alert and returns the safety screen', async () => {
    const ids = Object.keys(phq9([1, 1, 1, 1, 1, 1, 1, 1]));
    expect(ids).toHaveLength(9);
    const response = await submit(participant, phq9([2, 2, 1, 1, 1, 1, 1, 1], 1));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 11, band: expect.stringMatching(/moderate/i), caseness: true });
    expect(body.safety).toMatchObject({ tier: 'urgent', crisisLine: expect.stringContaining('Samaritans') });
    const queue = (await call(t.app, lead, 'GET', '/api/alerts')).json();
    const urgent = queue.alerts.filter((a: { tier: string; participant: { id: string } }) => a.tier === 'urgent' && a.participant.id === world.participantA.id);
    expect(urgent).toHaveLength(1);
    expect(queue.alerts[0].tier).toBe('urgent');
    // Group B's clinician never sees group A's alert; group A's never sees B's.
    const other = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/alerts')).json().alerts;
    expect(other.map((a: { id: string }) => a.id)).toEqual([world.alertB]);
    expect(queue.alerts.map((a: { id: string }) => a.id)).not.toContain(world.alertB);

    const alertId = urgent[0].id;
    expect((await call(t.app, lead, 'POST', `/api/alerts/${alertId}/acknowledge`)).statusCode).toBe(204);
    expect((await call(t.app, lead, 'POST', `/api/alerts/${alertId}/acknowledge`)).json().error.code).toBe('invalid_state');
    expect((await call(t.app, lead, 'POST', `/api/alerts/${alertId}/resolve`, { outcome: 'check_in_done', note: 'Phoned; safe; plan reviewed.' })).statusCode).toBe(204);
    const resolved = (await call(t.app, lead, 'GET', '/api/alerts?status=resolved')).json().alerts.find((a: { id: string }) => a.id === alertId);
    expect(resolved).toMatchObject({ status: 'resolved', outcome: 'check_in_done' });
    expect(resolved.responseMinutes).toBeGreaterThanOrEqual(0);
    expect((await call(t.app, lead, 'POST', `/api/alerts/${world.alertB}/acknowledge`)).statusCode).toBe(404);
  });

  it('stores a double submission once (idempotency key) and refuses the key for other answers', async () => {
    const answers = phq9([0, 0, 0, 0, 0, 0, 0, 0]);
    const first = await call(t.app, participant, 'POST', '/api/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: 'same-key-123' });
    const again = await call(t.app, participant, 'POST', '/api/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: 'same-key-123' });
    expect(again.json()).toMatchObject({ responseId: first.json().responseId, replayed: true });
    const other = await call(t.app, participant, 'POST', '/api/measures/responses', {
      instrumentCode: 'phq-9',
      version: 1,
      answers: phq9([3, 3, 3, 3, 3, 3, 3, 3]),
      idempotencyKey: 'same-key-123',
    });
    expect(other.statusCode).toBe(409);
    const rows = await t.database.db.selectFrom('measure_responses').select('id').where('idempotency_key', '=', 'same-key-123').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses incomplete, out-of-range, unknown-item and wrong-version answers; nothing stored, but a risk answer still alerts', async () => {
    const count = async () => (await t.database.db.selectFrom('measure_responses').select('id').execute()).length;
    const before = await count();
    const alertsBefore = (await t.database.db.selectFrom('alerts').select('id').execute()).length;
    const outOfRange = await submit(participant, phq9([4, 0, 0, 0, 0, 0, 0, 0]));
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.details[0].path).toBe('body.answers.phq9-1');
    const unknown = await submit(participant, { ...phq9([0, 0, 0, 0, 0, 0, 0, 0]), 'phq9-99': 1 });
    expect(unknown.statusCode).toBe(400);
    const wrongVersion = await call(t.app, participant, 'POST', '/api/measures/responses', {
      instrumentCode: 'phq-9',
      version: 7,
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0]),
      idempotencyKey: 'version-key-1',
    });
    expect(wrongVersion.statusCode).toBe(409);
    const incomplete = await submit(participant, { 'phq9-1': 1, 'phq9-9': 2 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.current.safety.tier).toBe('urgent');
    expect(await count()).toBe(before);
    expect((await t.database.db.selectFrom('alerts').select('id').execute()).length).toBe(alertsBefore + 1);
  });

  it('opens one alert for a risk answer however often the incomplete form is retried, and the completed form takes it over', async () => {
    const p = await signIn(t, world.participantA2);
    const alertsOf = () => t.database.db.selectFrom('alerts').selectAll().where('participant_id', '=', world.participantA2.id).execute();
    const before = (await alertsOf()).length;
    const body = { instrumentCode: 'phq-9', version: 1, answers: { 'phq9-1': 1, 'phq9-9': 1 }, idempotencyKey: 'retry-key-1' };
    for (let attempt = 0; attempt < 3; attempt++) expect((await call(t.app, p, 'POST', '/api/measures/responses', body)).statusCode).toBe(400);
    const afterRetries = await alertsOf();
    expect(afterRetries.length).toBe(before + 1);
    expect(afterRetries.at(-1)).toMatchObject({ source_type: 'incomplete_response', tier: 'urgent', status: 'open' });
    const complete = await call(t.app, p, 'POST', '/api/measures/responses', { ...body, answers: phq9([1, 0, 0, 0, 0, 0, 0, 0], 1) });
    expect(complete.statusCode).toBe(200);
    const afterComplete = await alertsOf();
    expect(afterComplete.length).toBe(before + 1);
    expect(afterComplete.at(-1)).toMatchObject({ source_type: 'measure_response', source_id: complete.json().responseId });
    await t.database.db.deleteFrom('alerts').where('participant_id', '=', world.participantA2.id).execute();
    await t.database.db.deleteFrom('measure_responses').where('participant_id', '=', world.participantA2.id).execute();
    await t.database.db.deleteFrom('measure_courses').where('participant_id', '=', world.participantA2.id).execute();
  });

  it('raises reliable deterioration as a concern', async () => {
    const p = await signIn(t, world.participantA2);
    await submit(p, phq9([0, 0, 1, 0, 0, 0, 0, 0]));
    const worse = await submit(p, phq9([2, 2, 1, 1, 1, 1, 0, 0]));
    expect(worse.json().safety).toBeNull();
    const alerts = await t.database.db.selectFrom('alerts').selectAll().where('participant_id', '=', world.participantA2.id).execute();
    expect(alerts.map((a) => [a.kind, a.tier])).toEqual([['reliable_deterioration', 'concern']]);
  });

  it('escalates an unacknowledged urgent alert to the backup clinician after the target', async () => {
    const admin = await signIn(t, world.admin);
    const backup = await createUser(t, 'clinician');
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'alerts.backup_clinician_id': backup.id, 'alerts.urgent_ack_minutes': '30' })).statusCode).toBe(200);
    // Someone is on duty now (during a rota gap the backup would get the alert at once), and nobody after them.
    const now = t.clock.now().getTime();
    const shift = { clinicianId: world.clinicianB.id, startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 7_200_000).toISOString() };
    expect((await call(t.app, admin, 'POST', '/api/rota/shifts', shift)).statusCode).toBe(201);
    await submit(participant, phq9([0, 0, 0, 0, 0, 0, 0, 0], 2));
    const backupSession = await signIn(t, backup);
    // Before the target the new alert has not reached the backup (the duty clinician has it).
    const early = (await call(t.app, backupSession, 'GET', '/api/alerts')).json().alerts;
    expect(early.filter((a: { participant: { id: string } }) => a.participant.id === world.participantA.id)).toEqual([]);
    t.clock.advance(31 * 60_000);
    const escalated = (await call(t.app, await signIn(t, backup), 'GET', '/api/alerts')).json().alerts;
    const mine = escalated.filter((a: { participant: { id: string } }) => a.participant.id === world.participantA.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ tier: 'urgent', escalatedToMe: true, overdue: true });
  });

  it('counts open alerts for the navigation badge without an audited read of the queue, matching the queue', async () => {
    const lead = await signIn(t, world.clinicianA);
    const auditRows = () => t.database.db.selectFrom('audit_events').select('id').where('actor_user_id', '=', world.clinicianA.id).where('action', '=', 'alerts.list').execute();
    const before = (await auditRows()).length;
    const count = (await call(t.app, lead, 'GET', '/api/alerts/count')).json();
    expect((await auditRows()).length).toBe(before);
    const queue = (await call(t.app, lead, 'GET', '/api/alerts?status=open')).json().alerts;
    const oldest = [...queue].sort((a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt))[0];
    expect(count).toEqual({
      open: queue.length,
      urgentOpen: queue.filter((a: { tier: string }) => a.tier === 'urgent').length,
      concernOpen: queue.filter((a: { tier: string }) => a.tier === 'concern').length,
      overdue: queue.filter((a: { overdue: boolean }) => a.overdue).length,
      oldest: { tier: oldest.tier, createdAt: oldest.createdAt, ackDueAt: oldest.ackDueAt },
    });
    expect(count.open).toBeGreaterThan(0);
    // Another group's clinician does not see group A's alerts counted.
    const other = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/alerts/count')).json();
    const otherQueue = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/alerts?status=open')).json().alerts;
    expect(other.open).toBe(otherQueue.length);
    expect((await call(t.app, await signIn(t, world.participantA), 'GET', '/api/alerts/count')).statusCode).toBe(403);
  });

  it('makes questionnaires due from the group’s schedule and completes the request on submission', async () => {
    lead = await signIn(t, world.clinicianA);
    participant = await signIn(t, world.participantA);
    expect((await call(t.app, lead, 'POST', `/api/groups/${world.groupA}/measure-schedules`, { instrumentCode: 'gad-7', trigger: 'enrolment' })).statusCode).toBe(201);
    const due = (await call(t.app, participant, 'GET', '/api/me/measures/due')).json().due;
    expect(due).toEqual([expect.objectContaining({ code: 'gad-7', reason: 'enrolment' })]);
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 1]));
    const done = await call(t.app, participant, 'POST', '/api/measures/responses', {
      instrumentCode: 'gad-7',
      version: 1,
      answers,
      idempotencyKey: 'gad-due-1',
      requestId: due[0].requestId,
    });
    expect(done.statusCode).toBe(200);
    expect((await call(t.app, participant, 'GET', '/api/me/measures/due')).json().due).toEqual([]);
  });

  it('lists a questionnaire once when two schedules make it due, and one answer settles both', async () => {
    const p = await signIn(t, world.participantA2);
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 0]));
    // GAD-7 at enrolment (from the previous test) and after every session attended.
    expect((await call(t.app, lead, 'POST', `/api/groups/${world.groupA}/measure-schedules`, { instrumentCode: 'gad-7', trigger: 'every_n_sessions', everyN: 1 })).statusCode).toBe(
      201,
    );
    const enrolmentA2 = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
    await t.database.db
      .insertInto('attendance')
      .values({ session_id: world.sessionA, enrolment_id: enrolmentA2, status: 'present', minutes: null, recorded_by: world.clinicianA.id, recorded_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['session_id', 'enrolment_id']).doUpdateSet({ status: 'present' }))
      .execute();
    const due = (await call(t.app, p, 'GET', '/api/me/measures/due')).json().due;
    expect(due.filter((d: { code: string }) => d.code === 'gad-7')).toHaveLength(1);
    const requests = () =>
      t.database.db
        .selectFrom('measure_requests')
        .select(['reason', 'status'])
        .where('participant_id', '=', world.participantA2.id)
        .where('instrument_code', '=', 'gad-7')
        .orderBy('reason')
        .execute();
    expect(await requests()).toEqual([
      { reason: 'after-session:1', status: 'due' },
      { reason: 'enrolment', status: 'due' },
    ]);
    const done = await call(t.app, p, 'POST', '/api/measures/responses', {
      instrumentCode: 'gad-7',
      version: 1,
      answers,
      idempotencyKey: 'gad-twice-1',
      requestId: due[0].requestId,
    });
    expect(done.statusCode).toBe(200);
    expect((await requests()).map((r) => r.status)).toEqual(['completed', 'completed']);
    expect((await call(t.app, p, 'GET', '/api/me/measures/due')).json().due.filter((d: { code: string }) => d.code === 'gad-7')).toEqual([]);
  });

  it('shows trajectories to the group’s clinicians only, and exports FHIR QuestionnaireResponse + Observation', async () => {
    const trajectory = (await call(t.app, lead, 'GET', `/api/enrolments/${world.enrolmentA}/measures`)).json();
    const phq = trajectory.instruments.find((i: { code: string }) => i.code === 'phq-9');
    expect(phq.points.length).toBeGreaterThanOrEqual(2);
    expect(phq.bands.length).toBe(5);
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', `/api/enrolments/${world.enrolmentA}/measures`)).statusCode).toBe(404);
    expect((await call(t.app, await signIn(t, world.participantA2), 'GET', `/api/enrolments/${world.enrolmentA}/measures`)).statusCode).toBe(404);
    const responseId = phq.points[0].responseId;
    const bundle = (await call(t.app, lead, 'GET', `/api/measures/responses/${responseId}/fhir`)).json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhirSchemaProblems(bundle)).toEqual([]);
    const [qr, observation] = bundle.entry.map((e: { resource: unknown }) => e.resource);
    expect(qr).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(observation).toMatchObject({ resourceType: 'Observation', status: 'final' });
    // The read-only total item is answered with the score Hearth computed (the Observation's value).
    expect(qr.item.at(-1)).toEqual({ linkId: 'total', text: 'PHQ-9 total score', answer: [{ valueDecimal: observation.valueInteger }] });
    expect(JSON.stringify(observation.code)).toContain('44261-6');
    expect(JSON.stringify(observation.derivedFrom)).toContain(`QuestionnaireResponse/${responseId}`);
    expect((await call(t.app, await signIn(t, world.participantA2), 'GET', `/api/measures/responses/${responseId}/fhir`)).statusCode).toBe(404);
  });

  it('imports an instrument as a FHIR Questionnaire (admins only) and refuses a broken definition precisely', async () => {
    const admin = await signIn(t, world.admin);
    const questionnaire = (await call(t.app, admin, 'GET', '/api/instruments/questionnaire?code=gad-2')).json();
    const again = await call(t.app, admin, 'POST', '/api/instruments', { questionnaire });
    expect(again.statusCode).toBe(409);
    const definition = (await call(t.app, admin, 'GET', '/api/instruments/definition?code=gad-2')).json();
    const imported = await call(t.app, admin, 'POST', '/api/instruments', { definition: { ...definition, id: 'local-worry-2', title: 'Local worry screen' } });
    expect(imported.statusCode).toBe(201);
    const list = (await call(t.app, admin, 'GET', '/api/instruments')).json().instruments;
    expect(list).toContainEqual(expect.objectContaining({ code: 'local-worry-2', source: 'imported' }));
    const broken = await call(t.app, admin, 'POST', '/api/instruments', { definition: { id: 'x' } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('invalid_definition');
    expect(broken.json().error.details.length).toBeGreaterThan(0);
    expect((await call(t.app, lead, 'POST', '/api/instruments', { definition: {} })).statusCode).toBe(403);
  });

  it('reports outcomes for the clinician’s groups: change, reliable change, effect size, attendance', async () => {
    const report = (await call(t.app, await signIn(t, world.clinicianA), 'GET', `/api/reports/outcomes?instrumentCode=phq-9&groupId=${world.groupA}`)).json();
    expect(report.started).toBe(2);
    expect(report.completed).toBe(2);
    expect(report.reliablyDeteriorated).toBe(0.5);
    expect(typeof report.meanChange).toBe('number');
    const elsewhere = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/reports/outcomes?instrumentCode=phq-9')).json();
    expect(elsewhere.started).toBe(1);
    const csv = await call(t.app, await signIn(t, world.admin), 'GET', '/api/reports/outcomes.csv?instrumentCode=phq-9');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[1]).toMatch(/^phq-9,3,/);
    expect((await call(t.app, participant, 'GET', '/api/reports/outcomes')).statusCode).toBe(403);
  });

  it('reads the same figures from the kept courses as from the responses, and a date range includes its last day', async () => {
    const admin = await signIn(t, world.admin);
    const clinician = await signIn(t, world.clinicianA);
    const today = new Date().toISOString().slice(0, 10);
    for (const [session, extra] of [
      [admin, ''],
      [clinician, ''],
      [clinician, `&groupId=${world.groupA}`],
    ] as const) {
      const kept = (await call(t.app, session, 'GET', `/api/reports/outcomes?instrumentCode=phq-9${extra}`)).json();
      const ranged = (await call(t.app, session, 'GET', `/api/reports/outcomes?instrumentCode=phq-9&from=2020-01-01&to=${today}${extra}`)).json();
      expect(kept.started).toBeGreaterThan(0);
      expect(ranged).toEqual(kept);
    }
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = (await call(t.app, admin, 'GET', `/api/reports/outcomes?instrumentCode=phq-9&from=2020-01-01&to=${yesterday}`)).json();
    expect(before.started).toBe(0);
    const courses = await t.database.db
      .selectFrom('measure_courses')
      .selectAll()
      .where('participant_id', '=', world.participantA.id)
      .where('instrument_code', '=', 'phq-9')
      .execute();
    const responses = await t.database.db
      .selectFrom('measure_responses')
      .select(['total', 'submitted_at'])
      .where('participant_id', '=', world.participantA.id)
      .where('instrument_code', '=', 'phq-9')
      .orderBy('submitted_at')
      .execute();
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ group_key: world.groupA, responses: responses.length, first_total: responses[0]!.total, last_total: responses.at(-1)!.total });
  });
});

describe('the audit trail of questionnaires', () => {
  it('leaves administrators an audit row for a submission that does not tell whether it raised an alert', async () => {
    const quiet = await submit(participant, phq9([0, 0, 0, 0, 0, 0, 0, 0]));
    const alarming = await submit(participant, phq9([3, 3, 3, 3, 3, 3, 3, 3], 3));
    expect(quiet.statusCode).toBe(200);
    expect(alarming.statusCode).toBe(200);
    const admin = await signIn(t, world.admin);
    const trail = await call(t.app, admin, 'GET', '/api/admin/audit?action=measures.submit');
    expect(trail.statusCode).toBe(200);
    const rows = (trail.json() as { items: { resourceId: string | null; detail: Record<string, unknown> | null }[] }).items;
    const detailOf = (responseId: string) => rows.find((r) => r.resourceId === responseId)?.detail;
    const quietDetail = detailOf(quiet.json().responseId as string);
    const alarmingDetail = detailOf(alarming.json().responseId as string);
    expect(quietDetail).toEqual({ instrument: 'phq-9' });
    // The two rows read the same: no alert count, tier, score or band.
    expect(alarmingDetail).toEqual(quietDetail);
  });
});

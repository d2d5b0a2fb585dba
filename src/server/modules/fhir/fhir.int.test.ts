import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { fhirSchemaProblems } from '../../testing/fhir-schema.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { newGoalRow } from '../goals/repository.js';
import { addAgreementVersion } from '../programmes/repository.js';
import { unresolvedReferences } from './bundle.js';
import type { Bundle, HearthResource } from './types.js';

// FHIR R4 exports (issue 15 item 1): record numbers entered at referral and intake and checked by
// their system's rule, one participant's record as a collection and a transaction Bundle, the
// group as a Group. Every resource is checked against the official R4 JSON schema.

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const BASE = 'https://fhir.riverside.example.org/r4';
let t: TestApp;
let world: World;
let lead: Session;
let robinId: string;
let enrolmentId: string;

const email = `robin.${newId().slice(0, 8)}@example.org`;
const count = async (table: 'referrals' | 'patient_identifiers') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const resources = (bundle: Bundle) => bundle.entry.map((e) => e.resource);
const ofType = <K extends HearthResource['resourceType']>(bundle: Bundle, type: K) =>
  resources(bundle).filter((r): r is Extract<HearthResource, { resourceType: K }> => r.resourceType === type);

beforeAll(async () => {
  t = await createTestApp({ HEARTH_FHIR_BASE: BASE, HEARTH_RECORD_NUMBER_SYSTEM: NHS });
  world = await createWorld(t);
  await addAgreementVersion(t.database.db, world.programmeId, 'Our agreement: confidentiality, respect, no recording.', null, t.clock.now());
  lead = await signIn(t, world.clinicianA);
});
afterAll(async () => t.close());

describe('record numbers at referral and intake', () => {
  it('refuses an NHS number whose check digit fails (422 invalid_identifier) and writes nothing', async () => {
    const [referrals, identifiers] = [await count('referrals'), await count('patient_identifiers')];
    const bad = await call(t.app, lead, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Robin Path',
      personEmail: email,
      reason: 'Isolation.',
      recordNumber: '943 476 5918',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_identifier', details: [{ path: 'body.recordNumber' }] });
    expect(bad.json().error.message).toContain('check digit');
    expect([await count('referrals'), await count('patient_identifiers')]).toEqual([referrals, identifiers]);
    // The refusal is audited with its code.
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'detail'])
      .where('action', '=', 'referrals.create')
      .where('actor_user_id', '=', world.clinicianA.id)
      .execute();
    expect(audited).toContainEqual({ outcome: 'failure', detail: JSON.stringify({ code: 'invalid_identifier' }) });
  });

  it('keeps a valid number on the referral, refuses a bad correction at intake, and moves it to the person on acceptance', async () => {
    const referred = await call(t.app, lead, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Robin Path',
      personEmail: email,
      reason: 'Isolation.',
      recordNumber: '943 476 5919',
    });
    expect(referred.statusCode).toBe(201);
    const referralId = referred.json().id as string;
    expect(await t.database.db.selectFrom('patient_identifiers').select(['system', 'value', 'participant_id']).where('referral_id', '=', referralId).execute()).toEqual([
      { system: NHS, value: '9434765919', participant_id: null },
    ]);
    expect(referred.json().recordNumber).toEqual({ system: NHS, value: '9434765919' });

    const badIntake = await call(t.app, lead, 'POST', `/api/referrals/${referralId}/intake`, { suitable: true, notes: 'Suitable.', recordNumber: '12345' });
    expect(badIntake.statusCode).toBe(422);
    expect(badIntake.json().error.code).toBe('invalid_identifier');
    expect((await call(t.app, lead, 'GET', `/api/referrals/${referralId}`)).json().status).toBe('referred');

    expect((await call(t.app, lead, 'POST', `/api/referrals/${referralId}/intake`, { suitable: true, notes: 'Suitable.', recordNumber: '401 023 2137' })).statusCode).toBe(200);
    expect((await call(t.app, lead, 'POST', `/api/referrals/${referralId}/offer`, { expiresInDays: 7 })).statusCode).toBe(200);
    const accepted = await call(t.app, lead, 'POST', `/api/referrals/${referralId}/response`, { accept: true, pseudonym: 'Kestrel' });
    expect(accepted.statusCode).toBe(200);
    enrolmentId = accepted.json().enrolmentId;
    const token = String(accepted.json().inviteUrl).split('#token=')[1];
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'kestrels hover high' })).statusCode).toBe(204);
    const robin = await signIn(t, { email }, 'kestrels hover high');
    robinId = robin.userId;
    const rows = await t.database.db.selectFrom('patient_identifiers').select(['value', 'participant_id', 'referral_id']).where('value', '=', '4010232137').execute();
    expect(rows).toEqual([{ value: '4010232137', participant_id: robinId, referral_id: null }]);
    // The referral still shows the number, now read from the person's record.
    expect((await call(t.app, lead, 'GET', `/api/referrals/${referralId}`)).json().recordNumber).toEqual({ system: NHS, value: '4010232137' });
    // The number itself never reaches the audit log.
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'detail']).where('action', 'like', 'identifiers.%').execute();
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toMatch(/9434765919|4010232137/);

    // Robin accepts the agreement and answers a PHQ-9 whose item 9 raises a safety alert.
    expect((await call(t.app, robin, 'POST', `/api/enrolments/${enrolmentId}/agreement`, { version: 1 })).statusCode).toBe(204);
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, 1]));
    expect((await call(t.app, robin, 'POST', '/api/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: `fhir-${newId()}` })).statusCode).toBe(200);
  });

  it('refuses the same number for a second person (409 identifier_taken)', async () => {
    const other = await call(t.app, lead, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Sam Other',
      personEmail: `sam.${newId().slice(0, 8)}@example.org`,
      reason: 'Low mood.',
      recordNumber: '4010232137',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('identifier_taken');
  });
});

describe('a participant’s record as a FHIR Bundle', () => {
  beforeAll(async () => {
    const db = t.database.db;
    const now = t.clock.now().toISOString();
    await db.updateTable('group_sessions').set({ status: 'held' }).where('id', '=', world.sessionA).execute();
    await db
      .insertInto('attendance')
      .values({ session_id: world.sessionA, enrolment_id: enrolmentId, status: 'late', minutes: 10, recorded_by: world.clinicianA.id, recorded_at: now })
      .execute();
    const goal = (visibility: 'private' | 'clinicians', action: string) => ({
      ...newGoalRow({
        id: newId(),
        participantId: robinId,
        enrolmentId,
        area: 'connection',
        action,
        frequency: 'Twice a week',
        targetDate: '2030-06-30',
        supportNeeded: 'A reminder',
        createdAt: now,
      }),
      visibility,
    });
    await db
      .insertInto('goals')
      .values([goal('clinicians', 'Walk with a neighbour'), goal('private', 'A private aim')])
      .execute();
  });

  it('exports a collection Bundle that passes the R4 schema, with every resource Hearth holds for the group', async () => {
    const response = await call(t.app, lead, 'GET', `/api/enrolments/${enrolmentId}/fhir`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    const bundle = response.json() as Bundle;
    expect(fhirSchemaProblems(bundle)).toEqual([]);
    for (const resource of resources(bundle)) expect(fhirSchemaProblems(resource)).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(resources(bundle).map((r) => r.resourceType)).toEqual(['Patient', 'Group', 'Encounter', 'Goal', 'Consent', 'Flag', 'QuestionnaireResponse', 'Observation']);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`${BASE}/${entry.resource.resourceType}/${entry.resource.id}`);
    expect(unresolvedReferences(bundle)).toEqual([]);

    const [patient] = ofType(bundle, 'Patient');
    expect(patient).toMatchObject({ id: robinId, identifier: [{ use: 'official', system: NHS, value: '4010232137' }], name: [{ text: 'Robin Path' }], active: true });
    expect(ofType(bundle, 'Group')[0]).toMatchObject({ id: world.groupA, type: 'person', actual: true, member: [{ entity: { reference: `Patient/${robinId}` } }] });
    expect(ofType(bundle, 'Encounter')[0]).toMatchObject({ status: 'finished', subject: { reference: `Patient/${robinId}` }, length: { value: 90, code: 'min' } });
    expect(ofType(bundle, 'Encounter')[0]!.type![0]!.text).toContain('arrived 10 min late');
    // Only the goal shared with clinicians: a private goal never leaves the member.
    expect(ofType(bundle, 'Goal').map((g) => g.description.text)).toEqual(['connection: Walk with a neighbour (Twice a week)']);
    const [consent] = ofType(bundle, 'Consent');
    expect(consent).toMatchObject({ status: 'active', patient: { reference: `Patient/${robinId}` } });
    expect(Buffer.from(consent!.sourceAttachment!.data, 'base64').toString('utf8')).toBe('Our agreement: confidentiality, respect, no recording.');
    expect(ofType(bundle, 'Flag')[0]).toMatchObject({ status: 'active', category: [{ coding: [{ code: 'safety' }] }] });
    const [qr] = ofType(bundle, 'QuestionnaireResponse');
    expect(qr!.questionnaire).toBe(`${BASE}/Questionnaire/phq-9|1`);
    expect(qr!.item!.at(-1)).toMatchObject({ linkId: 'total', answer: [{ valueDecimal: 9 }] });
    expect(ofType(bundle, 'Observation')[0]).toMatchObject({ valueInteger: 9, derivedFrom: [{ reference: `QuestionnaireResponse/${qr!.id}` }] });

    const audit = await t.database.db.selectFrom('audit_events').select(['actor_user_id', 'resource_id', 'detail']).where('action', '=', 'fhir.participant.export').execute();
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: world.clinicianA.id, resource_id: enrolmentId })]);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ type: 'collection', Encounter: 1, Goal: 1, QuestionnaireResponse: 1 });
  });

  it('exports a transaction Bundle: urn:uuid fullUrls, every reference resolved inside, POSTs, the Patient conditional on its number', async () => {
    const bundle = (await call(t.app, lead, 'GET', `/api/enrolments/${enrolmentId}/fhir?type=transaction`)).json() as Bundle;
    expect(fhirSchemaProblems(bundle)).toEqual([]);
    expect(bundle.type).toBe('transaction');
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.resource.id).toBeUndefined();
      expect(entry.request).toMatchObject({ method: 'POST', url: entry.resource.resourceType });
    }
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
    expect(unresolvedReferences(bundle)).toEqual([]);
    const patientUrl = bundle.entry[0]!.fullUrl;
    expect(bundle.entry[0]!.request!.ifNoneExist).toBe(`identifier=${encodeURIComponent(NHS)}|4010232137`);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(`Patient/${robinId}`);
    expect(text.split(`"reference":"${patientUrl}"`).length - 1).toBe(7); // Group member, Encounter, Goal, Consent, Flag, QuestionnaireResponse, Observation
  });

  it('is for the group’s clinicians only: another group’s clinician 404, the participant and an admin 403, a bad type 400', async () => {
    const url = `/api/enrolments/${enrolmentId}/fhir`;
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', url)).statusCode).toBe(404);
    expect((await call(t.app, await signIn(t, { email }, 'kestrels hover high'), 'GET', url)).statusCode).toBe(403);
    expect((await call(t.app, await signIn(t, world.admin), 'GET', url)).statusCode).toBe(403);
    const bad = await call(t.app, lead, 'GET', `${url}?type=batch`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const denied = await t.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'fhir.participant.bundle').where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('exports the group as a FHIR Group of its members, for its clinicians only', async () => {
    const response = await call(t.app, lead, 'GET', `/api/groups/${world.groupA}/fhir`);
    expect(response.statusCode).toBe(200);
    const group = response.json();
    expect(fhirSchemaProblems(group)).toEqual([]);
    expect(group.member.map((m: { entity: { reference: string } }) => m.entity.reference).sort()).toEqual(
      [world.participantA.id, world.participantA2.id, robinId].map((id) => `Patient/${id}`).sort(),
    );
    expect(group.quantity).toBe(3);
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', `/api/groups/${world.groupA}/fhir`)).statusCode).toBe(404);
    expect((await call(t.app, await signIn(t, world.participantA), 'GET', `/api/groups/${world.groupA}/fhir`)).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { spacePostRow } from '../../testing/rows.js';
import { fhirSchemaProblems } from '../../testing/fhir-schema.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { Bundle } from '../fhir/types.js';
import { newGoalRow } from '../goals/repository.js';
import { addAgreementVersion } from '../programmes/repository.js';

// "Download my data" (issue 15 item 3): a participant's FHIR Bundle and readable summary hold
// what is theirs — attendance, answers and scores, goals (private too), posts, shared items,
// journal, safety plan, agreements, contact details — and nothing another member wrote.

let t: TestApp;
let world: World;
let alice: Session;
const BASE = 'https://fhir.riverside.example.org/r4';
const SECRET_PEER_POST = 'Cedar-only words nobody else may download';
const SECRET_PEER_THREAD = 'Cedar private-ish thread title';
const PEER_APPRECIATION = 'Cedar thanks Willow warmly';

beforeAll(async () => {
  t = await createTestApp({ HEARTH_FHIR_BASE: BASE });
  world = await createWorld(t);
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  await addAgreementVersion(db, world.programmeId, 'Our agreement: confidentiality, respect, no recording.', null, t.clock.now());
  alice = await signIn(t, world.participantA);
  expect((await call(t.app, alice, 'POST', `/api/enrolments/${world.enrolmentA}/agreement`, { version: 1 })).statusCode).toBe(204);
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, i === 8 ? 0 : 1]));
  expect((await call(t.app, alice, 'POST', '/api/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: `mine-${newId()}` })).statusCode).toBe(200);
  await db.updateTable('group_sessions').set({ status: 'held' }).where('id', '=', world.sessionA).execute();
  await db
    .insertInto('attendance')
    .values({ session_id: world.sessionA, enrolment_id: world.enrolmentA, status: 'late', minutes: 10, recorded_by: world.clinicianA.id, recorded_at: now })
    .execute();
  const goal = newId();
  await db
    .insertInto('goals')
    .values(
      newGoalRow({
        id: goal,
        participantId: world.participantA.id,
        enrolmentId: world.enrolmentA,
        area: 'connection',
        action: 'Text a friend <b>each</b> week',
        frequency: 'Weekly',
        targetDate: '2030-02-01',
        supportNeeded: '',
        createdAt: now,
      }),
    )
    .execute();
  await db
    .insertInto('journal_entries')
    .values({
      id: newId(),
      participant_id: world.participantA.id,
      prompt: 'What helped?',
      body: 'Alice’s own reflection',
      shared_with_clinician_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('safety_plans')
    .values({
      id: newId(),
      participant_id: world.participantA.id,
      warning_signs: JSON.stringify(['Not sleeping']),
      coping_steps: JSON.stringify(['Walk the dog']),
      distractions: '[]',
      help_contacts: JSON.stringify([{ name: 'Sam', contact: '07700 900123' }]),
      professionals: '[]',
      safe_environment: '[]',
      reasons_for_living: '[]',
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: world.clinicianA.id,
    })
    .execute();
  await db
    .insertInto('participant_contacts')
    .values({
      id: newId(),
      participant_id: world.participantA.id,
      referral_id: null,
      mobile_phone: '+447700900456',
      home_phone: null,
      preferred_method: 'sms',
      preferred_times: 'Evenings',
      emergency_name: 'Jo',
      emergency_relation: 'sister',
      emergency_phone: '+447700900789',
      emergency_consent: 1,
      emergency_consent_at: now,
      gp_practice: 'Elm Surgery',
      gp_name: null,
      gp_phone: null,
      gp_address: null,
      contact_risk_note: 'STAFF-ONLY RISK NOTE',
      created_at: now,
      updated_at: now,
      updated_by: world.clinicianA.id,
    })
    .execute();
  // Cedar (another member of group A) starts a thread; Alice replies in it; Cedar appreciates Alice.
  const cedarEnrolment = (await db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
  const thread = newId();
  await db
    .insertInto('space_threads')
    .values({
      id: thread,
      group_id: world.groupA,
      title: SECRET_PEER_THREAD,
      created_by: world.participantA2.id,
      created_by_enrolment: cedarEnrolment,
      opening_post_id: null,
      created_at: now,
    })
    .execute();
  await db.insertInto('space_counters').values({ group_id: world.groupA, last_seq: 2 }).execute();
  const post = (id: string, seq: number, author: string, enrolment: string, body: string) =>
    spacePostRow({ id, groupId: world.groupA, threadId: thread, seq, authorId: author, enrolmentId: enrolment, body, createdAt: now });
  await db
    .insertInto('space_posts')
    .values([post(newId(), 1, world.participantA2.id, cedarEnrolment, SECRET_PEER_POST), post(newId(), 2, world.participantA.id, world.enrolmentA, 'Alice replies kindly')])
    .execute();
  const appreciation = newId();
  await db
    .insertInto('appreciations')
    .values({
      id: appreciation,
      group_id: world.groupA,
      sender_enrolment_id: cedarEnrolment,
      sender_id: world.participantA2.id,
      session_id: null,
      body: PEER_APPRECIATION,
      moderation_status: 'published',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('appreciation_recipients')
    .values({ appreciation_id: appreciation, recipient_enrolment_id: world.enrolmentA, recipient_id: world.participantA.id, created_at: now })
    .execute();
});
afterAll(async () => t.close());

describe('download my data', () => {
  it('gives a participant a FHIR collection Bundle of their own record that passes the R4 schema', async () => {
    const res = await call(t.app, alice, 'GET', '/api/me/data/fhir');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.headers['content-disposition']).toContain('attachment');
    const bundle = res.json() as Bundle;
    expect(bundle.type).toBe('collection');
    const types = bundle.entry.map((e) => e.resource.resourceType);
    expect(types[0]).toBe('Patient');
    expect(types.filter((x) => x === 'Group')).toHaveLength(1);
    expect(types.filter((x) => x === 'Encounter')).toHaveLength(1);
    // Their private goal is theirs to download.
    expect(types.filter((x) => x === 'Goal')).toHaveLength(1);
    expect(types.filter((x) => x === 'Consent')).toHaveLength(1);
    expect(types.filter((x) => x === 'QuestionnaireResponse')).toHaveLength(1);
    expect(types.filter((x) => x === 'Observation')).toHaveLength(1);
    expect(bundle.entry.every((e) => e.fullUrl.startsWith(`${BASE}/`))).toBe(true);
    // Nobody else is in it: one Patient, and the Group lists Alice alone.
    const text = JSON.stringify(bundle);
    for (const other of [world.participantA2.id, world.participantB.id]) expect(text).not.toContain(other);
    expect(await fhirSchemaProblems(bundle)).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_events').select(['actor_user_id', 'resource_id']).where('action', '=', 'data_rights.download.fhir').execute();
    expect(audit).toEqual([{ actor_user_id: alice.userId, resource_id: alice.userId }]);
  });

  it('gives a readable HTML summary of everything, escaped, without other members’ words or staff-only notes', async () => {
    const res = await call(t.app, alice, 'GET', '/api/me/data/summary');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-disposition']).toContain('hearth-my-data.html');
    const html = res.body;
    for (const expected of [
      'Alice Private',
      'Willow',
      'Belonging: you are not alone',
      'late (10 min)',
      'Score: 8',
      'Several days (1)',
      'Text a friend &lt;b&gt;each&lt;/b&gt; week',
      'Alice’s own reflection',
      'Walk the dog',
      'Sam: 07700 900123',
      'Alice replies kindly',
      'a thread another person started',
      '+447700900456',
      'Elm Surgery',
      'Jo, sister, +447700900789',
    ]) {
      expect(html, expected).toContain(expected);
    }
    expect(html).not.toContain('<b>each</b>');
    for (const secret of [SECRET_PEER_POST, SECRET_PEER_THREAD, PEER_APPRECIATION, 'STAFF-ONLY RISK NOTE', 'Aaron Private', 'Cedar']) expect(html, secret).not.toContain(secret);
    expect(html).not.toMatch(/<script/i);
    expect(await t.database.db.selectFrom('audit_events').select('actor_user_id').where('action', '=', 'data_rights.download.summary').execute()).toEqual([
      { actor_user_id: alice.userId },
    ]);
  });

  it('keeps the summary page exactly as pinned (a participant’s and a staff member’s), but for who and when', async () => {
    // The page is built section by section; this pins every byte of its output so that a change
    // to how it is built cannot change what a person downloads. Only the e-mail, the generated
    // staff name and the clock's dates differ from run to run.
    const lead = await signIn(t, world.clinicianA);
    const stable = (html: string) =>
      html
        .replaceAll(world.participantA.email, '{participant e-mail}')
        .replaceAll(world.clinicianA.email, '{clinician e-mail}')
        .replaceAll(world.clinicianA.displayName, '{clinician name}')
        .replace(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/g, '{when}')
        .replace(/\d{1,2} [A-Z][a-z]{2} \d{4}/g, '{day}');
    await expect(stable((await call(t.app, alice, 'GET', '/api/me/data/summary')).body)).toMatchFileSnapshot('./fixtures/my-data-summary.participant.html');
    // The page around the sections is pinned above; a staff member's is pinned from <main> on.
    const staff = stable((await call(t.app, lead, 'GET', '/api/me/data/summary')).body);
    expect(staff.slice(0, staff.indexOf('<main>'))).toContain('<h1>Your data in Hearth</h1><p class="muted">Downloaded {when} for {clinician name}.</p>');
    await expect(staff.slice(staff.indexOf('<main>'))).toMatchFileSnapshot('./fixtures/my-data-summary.staff.html');
  });

  it('lets staff download their own account data (an empty Bundle: Hearth holds no clinical record about them)', async () => {
    const lead = await signIn(t, world.clinicianA);
    const bundle = (await call(t.app, lead, 'GET', '/api/me/data/fhir')).json() as Bundle;
    expect(bundle.entry).toEqual([]);
    const html = (await call(t.app, lead, 'GET', '/api/me/data/summary')).body;
    expect(html).toContain(world.clinicianA.displayName);
    expect(html).not.toContain('Alice');
    expect(html).not.toContain('Journal');
  });

  it('refuses anyone not signed in', async () => {
    expect((await call(t.app, null, 'GET', '/api/me/data/fhir')).statusCode).toBe(401);
    expect((await call(t.app, null, 'GET', '/api/me/data/summary')).statusCode).toBe(401);
  });
});

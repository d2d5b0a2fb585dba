import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Programmes and groups as the admin screens make them: a programme comes with its curriculum
// (one to 52 sessions) and may bring its first agreement; a group's capacity never drops below its
// members. Every refusal is a 4xx with a stable code, its field named, and nothing stored changes.

let t: TestApp;
let world: World;
let admin: Session;

const TABLES = ['programmes', 'session_plans', 'group_agreements', 'programme_note_templates', 'therapy_groups', 'group_facilitators'] as const;

async function snapshot(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await t.database.db.selectFrom(table).selectAll().execute();
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

function plan(n: number) {
  return { topic: `Session ${n}`, skillFocus: `Skill ${n}`, exercises: [`Exercise ${n}`], reflectionPrompts: [] };
}

const AGREEMENT = 'We keep what is said in the group private, arrive on time and speak for ourselves.';

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  admin = await signIn(t, world.admin);
});
afterAll(async () => t?.close());

describe('programmes', () => {
  it('creates a programme with its curriculum and first agreement in one request, then edits and versions it', async () => {
    const created = await call(t.app, admin, 'POST', '/api/programmes', {
      name: 'Anxiety skills',
      description: 'Eight weeks of skills for worry.',
      sessions: [plan(1), { ...plan(2), reflectionPrompts: ['What helped?'] }],
      agreement: AGREEMENT,
    });
    expect(created.statusCode).toBe(201);
    const programme = created.json();
    expect(programme).toMatchObject({ name: 'Anxiety skills', sessionCount: 2, agreementVersion: 1 });
    expect(programme.curriculum.map((p: { position: number; topic: string }) => [p.position, p.topic])).toEqual([
      [1, 'Session 1'],
      [2, 'Session 2'],
    ]);
    expect(programme.agreementVersions).toEqual([{ version: 1, body: AGREEMENT, createdAt: expect.any(String), createdBy: world.admin.displayName }]);

    const renamed = await call(t.app, admin, 'PATCH', `/api/programmes/${programme.id}`, { name: 'Anxiety skills (8 weeks)' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Anxiety skills (8 weeks)', description: 'Eight weeks of skills for worry.', sessionCount: 2 });

    const second = await call(t.app, admin, 'POST', `/api/programmes/${programme.id}/agreements`, { body: `${AGREEMENT} We let the facilitator know if we cannot come.` });
    expect(second.statusCode).toBe(201);
    expect(second.json().agreementVersions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(second.json().agreement.version).toBe(2);

    const list = (await call(t.app, admin, 'GET', '/api/programmes')).json().programmes as { id: string; sessionCount: number; agreementVersion: number }[];
    expect(list.find((p) => p.id === programme.id)).toMatchObject({ sessionCount: 2, agreementVersion: 2 });
  });

  it('refuses a programme with no sessions or 500 sessions, naming the field, and stores nothing', async () => {
    const base = { name: 'Too short or too long', description: 'x' };
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ ...base, sessions: [] }, 'A programme needs at least one session.'],
      [{ ...base, sessions: Array.from({ length: 500 }, (_, i) => plan(i + 1)) }, 'A programme has at most 52 sessions.'],
      [base, ''],
      [{ ...base, sessions: [plan(1)], agreement: 'too short' }, 'At least 50 characters.'],
      [{ ...base, sessions: [{ ...plan(1), exercises: [] }] }, 'Add at least one exercise.'],
    ];
    for (const [body, message] of cases) {
      const response = await call(t.app, admin, 'POST', '/api/programmes', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = response.json().error as { code: string; details: { path: string; message: string }[] };
      expect(error.code).toBe('validation_failed');
      const detail = error.details.find((d) => d.path.startsWith('body.sessions') || d.path === 'body.agreement');
      expect(detail).toBeDefined();
      if (message) expect(detail?.message).toBe(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to replace a curriculum with none or 500 sessions and keeps the old one', async () => {
    const before = await snapshot();
    for (const sessions of [[], Array.from({ length: 500 }, (_, i) => plan(i + 1))]) {
      const response = await call(t.app, admin, 'PUT', `/api/programmes/${world.programmeId}/curriculum`, { sessions });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details[0].path).toBe('body.sessions');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets only admins create programmes', async () => {
    const before = await snapshot();
    for (const user of [world.clinicianA, world.participantA]) {
      const create = await call(t.app, await signIn(t, user), 'POST', '/api/programmes', { name: 'Mine', description: 'x', sessions: [plan(1)] });
      expect(create.statusCode).toBe(403);
      expect(create.json().error.code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('lead clinicians edit the programmes their groups run', () => {
  const edits = (id: string) =>
    [
      ['PATCH', `/api/programmes/${id}`, { name: 'Renamed by the lead' }, 200],
      ['PUT', `/api/programmes/${id}/curriculum`, { sessions: [plan(1), plan(2)] }, 200],
      ['POST', `/api/programmes/${id}/agreements`, { body: `${AGREEMENT} Revised by the lead.` }, 201],
      ['POST', `/api/programmes/${id}/note-templates`, { kind: 'soap' }, 201],
    ] as const;

  it('lets the lead of an active group of the programme rename it, replace its curriculum and publish an agreement, audited as them', async () => {
    // Clinician A leads group A (active), a group of world.programmeId.
    const lead = await signIn(t, world.clinicianA);
    for (const [method, url, body, status] of edits(world.programmeId)) {
      const response = await call(t.app, lead, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(status);
    }
    const detail = (await call(t.app, lead, 'GET', `/api/programmes/${world.programmeId}`)).json();
    expect(detail.name).toBe('Renamed by the lead');
    expect(detail.curriculum).toHaveLength(2);
    expect(detail.agreement.body).toContain('Revised by the lead.');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_user_id', '=', world.clinicianA.id)
      .where('resource_id', '=', world.programmeId)
      .where('outcome', '=', 'success')
      .execute();
    expect(detail.noteTemplate).toEqual({ kind: 'soap', version: 1 });
    expect(audit.map((a) => a.action).sort()).toEqual(['programmes.agreement.add', 'programmes.curriculum.set', 'programmes.note_template.set', 'programmes.update']);
  });

  it('answers 404 to a clinician who leads no forming or active group of the programme, and 403 to a participant, changing nothing', async () => {
    // Another programme, whose only group clinician A co-facilitates and clinician B led before it was cancelled.
    const other = (await call(t.app, admin, 'POST', '/api/programmes', { name: 'Other programme', description: 'x', sessions: [plan(1)] })).json().id as string;
    const cancelled = (
      await call(t.app, admin, 'POST', '/api/groups', {
        programmeId: other,
        name: 'Cancelled',
        kind: 'closed',
        capacity: 8,
        minSize: 3,
        leadId: world.clinicianB.id,
        coFacilitatorIds: [world.clinicianA.id],
      })
    ).json().id as string;
    expect((await call(t.app, admin, 'PATCH', `/api/groups/${cancelled}`, { status: 'cancelled' })).statusCode).toBe(200);
    const before = await snapshot();
    const refusals: [Session, number, string][] = [
      [await signIn(t, world.clinicianA), 404, 'not_found'],
      [await signIn(t, world.clinicianB), 404, 'not_found'],
      [await signIn(t, world.participantA), 403, 'forbidden'],
    ];
    for (const [session, status, code] of refusals) {
      for (const [method, url, body] of edits(other)) {
        const response = await call(t.app, session, method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(status);
        expect(response.json().error.code).toBe(code);
      }
    }
    // A participant is refused on their own group's programme too.
    expect((await call(t.app, refusals[2]![0], 'PATCH', `/api/programmes/${world.programmeId}`, { name: 'x' })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    // The refusals are on the audit log.
    const denied = await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'programmes.update').where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('still checks a lead clinician’s values like an administrator’s', async () => {
    const lead = await signIn(t, world.clinicianB);
    const before = await snapshot();
    const response = await call(t.app, lead, 'PUT', `/api/programmes/${world.programmeId}/curriculum`, { sessions: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(await snapshot()).toEqual(before);
  });
});

describe('groups made on screen', () => {
  it('creates a group with its facilitators, place, meeting link and moderation mode', async () => {
    const response = await call(t.app, admin, 'POST', '/api/groups', {
      programmeId: world.programmeId,
      name: 'Thursday evening group',
      kind: 'closed',
      capacity: 8,
      minSize: 4,
      leadId: world.clinicianA.id,
      coFacilitatorIds: [world.clinicianB.id],
      location: 'Room 2, Ash House',
      meetingUrl: 'https://meet.example.org/thursday',
      moderationMode: 'pre',
    });
    expect(response.statusCode).toBe(201);
    const id = response.json().id as string;
    const detail = (await call(t.app, admin, 'GET', `/api/groups/${id}`)).json();
    expect(detail.timezone).toBe(t.config.timeZone);
    expect(detail).toMatchObject({
      name: 'Thursday evening group',
      capacity: 8,
      minSize: 4,
      location: 'Room 2, Ash House',
      meetingUrl: 'https://meet.example.org/thursday',
      status: 'forming',
    });
    expect(detail.facilitators.map((f: { userId: string; role: string }) => [f.userId, f.role]).sort()).toEqual(
      [
        [world.clinicianA.id, 'lead'],
        [world.clinicianB.id, 'co'],
      ].sort(),
    );
    const moderation = (await call(t.app, admin, 'GET', `/api/groups/${id}/moderation`)).json();
    expect(moderation.moderationMode).toBe('pre');
  });

  it('refuses bad group values with the field named and creates nothing', async () => {
    const base = { programmeId: world.programmeId, name: 'Bad', kind: 'closed', capacity: 8, minSize: 4, leadId: world.clinicianA.id };
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, capacity: 1 }, 'body.capacity'],
      [{ ...base, capacity: 60 }, 'body.capacity'],
      [{ ...base, minSize: 9 }, 'body.minSize'],
      [{ ...base, meetingUrl: 'http://insecure.example.org' }, 'body.meetingUrl'],
      [{ ...base, leadId: world.participantA.id }, 'body.coFacilitatorIds'],
      [{ ...base, moderationMode: 'never' }, 'body.moderationMode'],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, admin, 'POST', '/api/groups', body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a capacity below the current members with 409 capacity_below_members and changes nothing', async () => {
    // Group A has two members; a third (copied from the first, another person) makes 2 too few.
    const first = await t.database.db.selectFrom('enrolments').selectAll().where('group_id', '=', world.groupA).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('enrolments')
      .values({ ...first, id: crypto.randomUUID(), participant_id: world.participantB.id, pseudonym: 'Rowan' })
      .execute();
    const before = await snapshot();
    const refused = await call(t.app, admin, 'PATCH', `/api/groups/${world.groupA}`, { capacity: 2, minSize: 1, name: 'Renamed at the same time' });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error as { code: string; message: string; details: { path: string; message: string }[] };
    expect(error.code).toBe('capacity_below_members');
    expect(error.message).toContain('3 members');
    expect(error.details).toEqual([{ path: 'body.capacity', message: 'At least 3, the members it has now.' }]);
    expect(await snapshot()).toEqual(before);
    // Exactly the members is allowed.
    const fits = await call(t.app, admin, 'PATCH', `/api/groups/${world.groupA}`, { capacity: 3, minSize: 1 });
    expect(fits.statusCode).toBe(200);
    expect(fits.json().capacity).toBe(3);
  });

  it('replaces a group’s facilitators (admin or the lead), refusing others and bad values with nothing changed', async () => {
    const url = `/api/groups/${world.groupB}/facilitators`;
    const roles = async () =>
      ((await call(t.app, admin, 'GET', `/api/groups/${world.groupB}`)).json().facilitators as { userId: string; role: string }[]).map((f) => `${f.userId}:${f.role}`).sort();
    expect(await roles()).toEqual([`${world.clinicianB.id}:lead`]);

    const before = await snapshot();
    const bad: [Record<string, unknown>, string][] = [
      [{ leadId: world.participantB.id }, 'body.leadId'],
      [{ leadId: world.clinicianB.id, coFacilitatorIds: [world.participantA.id] }, 'body.coFacilitatorIds'],
      [{ leadId: world.clinicianB.id, coFacilitatorIds: Array.from({ length: 6 }, () => crypto.randomUUID()) }, 'body.coFacilitatorIds'],
      [{ coFacilitatorIds: [] }, 'body.leadId'],
    ];
    for (const [body, path] of bad) {
      const response = await call(t.app, admin, 'PUT', url, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // Clinician A does not facilitate group B: the group is outside her reach.
    const clinicianA = await signIn(t, world.clinicianA);
    expect((await call(t.app, clinicianA, 'PUT', url, { leadId: world.clinicianA.id })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);

    // The admin adds A as co-facilitator; as a co-facilitator she still may not change them.
    const added = await call(t.app, admin, 'PUT', url, { leadId: world.clinicianB.id, coFacilitatorIds: [world.clinicianA.id] });
    expect(added.statusCode).toBe(200);
    expect(await roles()).toEqual([`${world.clinicianA.id}:co`, `${world.clinicianB.id}:lead`].sort());
    const asCo = await call(t.app, clinicianA, 'PUT', url, { leadId: world.clinicianA.id });
    expect(asCo.statusCode).toBe(403);
    expect(asCo.json().error.code).toBe('forbidden');
    expect(await roles()).toEqual([`${world.clinicianA.id}:co`, `${world.clinicianB.id}:lead`].sort());

    // The lead hands the lead over.
    const clinicianB = await signIn(t, world.clinicianB);
    const handed = await call(t.app, clinicianB, 'PUT', url, { leadId: world.clinicianA.id, coFacilitatorIds: [world.clinicianB.id] });
    expect(handed.statusCode).toBe(200);
    expect(await roles()).toEqual([`${world.clinicianA.id}:lead`, `${world.clinicianB.id}:co`].sort());
  });
});

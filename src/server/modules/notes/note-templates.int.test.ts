import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * Per-programme note templates (issue 16 item 3), each case on a fresh database: a programme
 * chooses free, DAP or SOAP, versioned like its agreement; a new note for a session starts from
 * it, pre-filled with the session's topic and skill focus; an untouched pre-fill is not content,
 * so it cannot be signed; a note keeps the template it started with; only an administrator or the
 * lead clinician of a forming or active group of the programme chooses it.
 */
let t: TestApp;
let w: World;
let admin: Session;
let lead: Session;

beforeEach(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  admin = await signIn(t, await createUser(t, 'admin'));
  lead = await signIn(t, w.clinicianA);
});
afterEach(async () => t.close());

const templatesUrl = (programmeId: string) => `/api/programmes/${programmeId}/note-templates`;
const noteUrl = () => `/api/group-sessions/${w.sessionA}/note`;
const plan = (topic: string, skillFocus: string) => ({ topic, skillFocus, exercises: ['Pairs practice'], reflectionPrompts: [] });
const templateRows = () => t.database.db.selectFrom('programme_note_templates').selectAll().orderBy('version').execute();
const storedNote = () => t.database.db.selectFrom('group_notes').selectAll().where('session_id', '=', w.sessionA).executeTakeFirst();
const enrolmentOf = async (pseudonym: string) =>
  (await t.database.db.selectFrom('enrolments').select('id').where('group_id', '=', w.groupA).where('pseudonym', '=', pseudonym).executeTakeFirstOrThrow()).id;
const memberSections = async () => [
  { enrolmentId: await enrolmentOf('Cedar'), body: 'Did not contribute.' },
  { enrolmentId: await enrolmentOf('Willow'), body: 'Willow practised saying no.' },
];

/** The curriculum of the world's programme, with session A as its second session; attendance taken. */
async function sessionTwoHeld() {
  const curriculum = [plan('Arriving', 'Being present'), plan('Boundaries', 'Saying no kindly')];
  expect((await call(t.app, admin, 'PUT', `/api/programmes/${w.programmeId}/curriculum`, { sessions: curriculum })).statusCode).toBe(200);
  const second = await t.database.db.selectFrom('session_plans').select('id').where('programme_id', '=', w.programmeId).where('position', '=', 2).executeTakeFirstOrThrow();
  await t.database.db.updateTable('group_sessions').set({ plan_id: second.id, topic: 'Boundaries' }).where('id', '=', w.sessionA).execute();
  expect((await call(t.app, lead, 'PUT', `/api/group-sessions/${w.sessionA}/attendance`, { everyone: 'present' })).statusCode).toBe(204);
}

describe('a programme’s note template', () => {
  it('is free until chosen, then versioned with who chose it; choosing the kind in force adds no version', async () => {
    const before = (await call(t.app, admin, 'GET', `/api/programmes/${w.programmeId}`)).json();
    expect(before.noteTemplate).toEqual({ kind: 'free', version: null });
    expect(before.noteTemplateVersions).toEqual([]);
    expect(before.canEdit).toBe(true);

    const dap = await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'dap' });
    expect(dap.statusCode).toBe(201);
    expect(dap.json().noteTemplate).toEqual({ kind: 'dap', version: 1 });
    expect((await call(t.app, admin, 'POST', templatesUrl(w.programmeId), { kind: 'soap' })).json().noteTemplate).toEqual({ kind: 'soap', version: 2 });
    const again = await call(t.app, admin, 'POST', templatesUrl(w.programmeId), { kind: 'soap' });
    expect(again.statusCode).toBe(201);
    const detail = again.json();
    expect(detail.noteTemplate).toEqual({ kind: 'soap', version: 2 });
    expect(detail.noteTemplateVersions.map((v: { version: number; kind: string; createdBy: string }) => [v.version, v.kind, v.createdBy])).toEqual([
      [2, 'soap', expect.any(String)],
      [1, 'dap', w.clinicianA.displayName],
    ]);
    expect((await templateRows()).map((r) => [r.version, r.kind])).toEqual([
      [1, 'dap'],
      [2, 'soap'],
    ]);
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'detail'])
      .where('action', '=', 'programmes.note_template.set')
      .where('outcome', '=', 'success')
      .orderBy('at')
      .execute();
    expect(audits.map((a) => [a.actor_user_id, JSON.parse(String(a.detail))])).toEqual([
      [w.clinicianA.id, { version: 1, kind: 'dap' }],
      [admin.userId, { version: 2, kind: 'soap' }],
      [admin.userId, { version: 2, kind: 'soap', unchanged: true }],
    ]);
  });

  it('refuses an unknown kind with 422 unknown_note_template, and a missing one with 400, changing nothing', async () => {
    await call(t.app, admin, 'POST', templatesUrl(w.programmeId), { kind: 'dap' });
    const unknown = await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'narrative' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_note_template', details: [{ path: 'body.kind', message: 'Choose free, DAP or SOAP.' }] });
    for (const body of [{}, { kind: 'dap', extra: 1 }, { kind: 7 }]) {
      const bad = await call(t.app, lead, 'POST', templatesUrl(w.programmeId), body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    }
    expect((await templateRows()).map((r) => r.kind)).toEqual(['dap']);
  });

  it('is chosen only by an admin or a lead: a co-facilitator and another programme’s lead get 404, a participant 403, and see no edit', async () => {
    const co = await createUser(t, 'clinician');
    await t.database.db.insertInto('group_facilitators').values({ group_id: w.groupA, user_id: co.id, facilitator_role: 'co' }).execute();
    const other = (await call(t.app, admin, 'POST', '/api/programmes', { name: 'Other', description: 'x', sessions: [plan('One', 'Skill')] })).json().id as string;
    const coSession = await signIn(t, co);
    const participant = await signIn(t, w.participantA);
    const refusals: [Session, string, number, string][] = [
      [coSession, w.programmeId, 404, 'not_found'],
      [lead, other, 404, 'not_found'],
      [participant, w.programmeId, 403, 'forbidden'],
    ];
    for (const [session, programmeId, status, code] of refusals) {
      const response = await call(t.app, session, 'POST', templatesUrl(programmeId), { kind: 'soap' });
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(await templateRows()).toEqual([]);
    expect((await call(t.app, coSession, 'GET', `/api/programmes/${w.programmeId}`)).json().canEdit).toBe(false);
    expect((await call(t.app, lead, 'GET', `/api/programmes/${other}`)).json().canEdit).toBe(false);
    expect((await call(t.app, lead, 'GET', `/api/programmes/${w.programmeId}`)).json().canEdit).toBe(true);
    // A lead whose group is completed no longer edits the programme.
    await t.database.db.updateTable('therapy_groups').set({ status: 'completed' }).where('id', '=', w.groupA).execute();
    expect((await call(t.app, lead, 'GET', `/api/programmes/${w.programmeId}`)).json().canEdit).toBe(false);
  });
});

describe('a new note', () => {
  it('starts from the programme’s template, pre-filled with the session’s topic and skill focus', async () => {
    await sessionTwoHeld();
    await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'dap' });
    const envelope = (await call(t.app, lead, 'GET', noteUrl())).json();
    expect(envelope.note).toBeNull();
    expect(envelope.draft.template).toEqual({ kind: 'dap', version: 1 });
    const prefill = 'Session 2: Boundaries\nSkill focus: Saying no kindly\n';
    expect(envelope.draft.sections.map((s: { key: string; label: string; body: string; prefill: string }) => [s.key, s.label, s.body, s.prefill])).toEqual([
      ['data', 'Data', prefill, prefill],
      ['assessment', 'Assessment', '', ''],
      ['plan', 'Plan', '', ''],
    ]);
  });

  it('cannot be signed while a section holds only the template’s text; written over, it can', async () => {
    await sessionTwoHeld();
    await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'dap' });
    const prefill = 'Session 2: Boundaries\nSkill focus: Saying no kindly\n';
    const members = await memberSections();
    const saved = await call(t.app, lead, 'PUT', noteUrl(), {
      baseVersion: 0,
      sections: { data: prefill, assessment: 'Engaged; no risk raised.', plan: 'Repeat refusals next week.' },
      members,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ template: { kind: 'dap', version: 1 }, themes: '', interventions: '', groupProcess: '' });
    const refused = await call(t.app, lead, 'POST', `${noteUrl()}/sign`, { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'note_incomplete', details: [{ path: 'note.sections.data', message: "Data holds only the template's text." }] });
    expect((await storedNote())?.status).toBe('draft');

    const written = await call(t.app, lead, 'PUT', noteUrl(), {
      baseVersion: 1,
      sections: { data: `${prefill}Six members practised refusals in pairs.`, assessment: 'Engaged; no risk raised.', plan: 'Repeat refusals next week.' },
      members,
    });
    expect(written.statusCode).toBe(200);
    const signed = await call(t.app, lead, 'POST', `${noteUrl()}/sign`, { version: 2 });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().sections.map((s: { key: string; body: string }) => s.key)).toEqual(['data', 'assessment', 'plan']);
    const versions = await t.database.db.selectFrom('note_versions').select(['version', 'content']).orderBy('version').execute();
    expect(JSON.parse(versions[2]!.content).sections).toEqual({
      data: `${prefill}Six members practised refusals in pairs.`,
      assessment: 'Engaged; no risk raised.',
      plan: 'Repeat refusals next week.',
    });
  });

  it('under the free template, cannot be signed with only the pre-filled themes', async () => {
    await sessionTwoHeld();
    const envelope = (await call(t.app, lead, 'GET', noteUrl())).json();
    expect(envelope.draft.template).toEqual({ kind: 'free', version: null });
    const themes = envelope.draft.sections[0].body as string;
    expect(themes).toBe('Session 2: Boundaries\nSkill focus: Saying no kindly\n');
    await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, themes, interventions: 'Role play.', groupProcess: 'Warm.', members: await memberSections() });
    const refused = await call(t.app, lead, 'POST', `${noteUrl()}/sign`, { version: 1 });
    expect(refused.json().error).toMatchObject({ code: 'note_incomplete', details: [{ path: 'note.themes' }] });
  });

  it('keeps the template it started with: sections of another template are refused with nothing changed', async () => {
    await sessionTwoHeld();
    // Started before the programme chose a template: a free note, as every existing note is.
    const first = await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, themes: 'Boundaries.', interventions: 'Role play.', groupProcess: 'Warm.', members: [] });
    expect(first.json().template).toEqual({ kind: 'free', version: null });
    await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'soap' });
    const before = await storedNote();
    for (const body of [
      { baseVersion: 1, sections: { subjective: 'Said they were tired.' }, members: [] },
      { baseVersion: 1, themes: 'x', sections: { notAKey: 'x' }, members: [] },
    ]) {
      const refused = await call(t.app, lead, 'PUT', noteUrl(), body);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('unknown_note_section');
    }
    expect(await storedNote()).toEqual(before);
    const envelope = (await call(t.app, lead, 'GET', noteUrl())).json();
    expect(envelope.draft).toBeNull();
    expect(envelope.note.template).toEqual({ kind: 'free', version: null });
    expect(envelope.note.sections.map((s: { key: string; body: string }) => [s.key, s.body])).toEqual([
      ['themes', 'Boundaries.'],
      ['interventions', 'Role play.'],
      ['groupProcess', 'Warm.'],
    ]);
  });

  it('of a DAP programme takes no free fields', async () => {
    await sessionTwoHeld();
    await call(t.app, lead, 'POST', templatesUrl(w.programmeId), { kind: 'dap' });
    const refused = await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, themes: 'Free text', members: [] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'unknown_note_section', details: [{ path: 'body.themes' }] });
    expect(await storedNote()).toBeUndefined();
  });
});

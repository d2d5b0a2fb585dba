import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let lead: Session;
let co: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  const coFacilitator = await createUser(t, 'clinician');
  await t.database.db.insertInto('group_facilitators').values({ group_id: world.groupA, user_id: coFacilitator.id, facilitator_role: 'co' }).execute();
  lead = await signIn(t, world.clinicianA);
  co = await signIn(t, coFacilitator);
});
afterAll(async () => t.close());

const draft = (baseVersion: number, themes: string, members: { enrolmentId: string; body: string }[] = []) => ({
  baseVersion,
  themes,
  interventions: 'Validation; linking.',
  groupProcess: 'Cohesive.',
  members,
});

describe('attendance', () => {
  it('records everyone present, then exceptions; refuses non-members and cancelled sessions', async () => {
    const early = await call(t.app, lead, 'PUT', `/api/group-sessions/${world.upcomingA}/attendance`, { everyone: 'present' });
    expect(early.json().error.code).toBe('invalid_state');
    const stranger = await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, {
      everyone: 'present',
      exceptions: [{ enrolmentId: world.enrolmentB, status: 'absent' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('not_a_member');
    expect(await t.database.db.selectFrom('attendance').selectAll().where('session_id', '=', world.sessionA).execute()).toEqual([]);

    const ok = await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, {
      everyone: 'present',
      exceptions: [{ enrolmentId: world.enrolmentA, status: 'late', minutes: 12 }],
    });
    expect(ok.statusCode).toBe(204);
    const detail = (await call(t.app, lead, 'GET', `/api/group-sessions/${world.sessionA}`)).json();
    expect(detail.session.status).toBe('held');
    expect(detail.roster.map((r: { pseudonym: string; attendance: string; minutes: number | null }) => [r.pseudonym, r.attendance, r.minutes])).toEqual([
      ['Cedar', 'present', null],
      ['Willow', 'late', 12],
    ]);

    await t.database.db.updateTable('group_sessions').set({ status: 'cancelled' }).where('id', '=', world.sessionB).execute();
    const cancelled = await call(t.app, await signIn(t, world.clinicianB), 'PUT', `/api/group-sessions/${world.sessionB}/attendance`, { everyone: 'present' });
    expect(cancelled.json().error.code).toBe('session_cancelled');
  });

  it('surfaces a member who missed two sessions in a row, and computes rates', async () => {
    const db = t.database.db;
    const now = t.clock.now();
    for (const daysAgo of [14, 7]) {
      const id = crypto.randomUUID();
      const at = new Date(now.getTime() - daysAgo * 86_400_000);
      await db
        .insertInto('group_sessions')
        .values({
          id,
          group_id: world.groupA,
          starts_at: at.toISOString(),
          ends_at: new Date(at.getTime() + 5_400_000).toISOString(),
          topic: 'x',
          status: 'scheduled',
          origin: 'manual',
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await call(t.app, lead, 'PUT', `/api/group-sessions/${id}/attendance`, {
        everyone: 'present',
        exceptions: [{ enrolmentId: world.enrolmentA, status: daysAgo === 14 ? 'absent' : 'excused' }],
      });
    }
    let group = (await call(t.app, lead, 'GET', `/api/groups/${world.groupA}`)).json();
    expect(group.attendanceAlerts).toEqual([]);
    // Yesterday's session was recorded as late above; record it again as an absence: now two in a row.
    await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, { everyone: 'present', exceptions: [{ enrolmentId: world.enrolmentA, status: 'absent' }] });
    group = (await call(t.app, lead, 'GET', `/api/groups/${world.groupA}`)).json();
    expect(group.attendanceAlerts).toEqual([{ enrolmentId: world.enrolmentA, pseudonym: 'Willow', missedInRow: 3 }]);
    const willow = group.members.find((m: { pseudonym: string }) => m.pseudonym === 'Willow');
    expect(willow.attendanceRate).toBe(0);
    expect(group.attendanceRates).toEqual({ group: 0.5, heldSessions: 3 });
    const participantView = (await call(t.app, await signIn(t, world.participantA2), 'GET', `/api/groups/${world.groupA}`)).json();
    expect(participantView.attendanceAlerts).toBeUndefined();
    expect(participantView.members[0].attendanceRate).toBeUndefined();
  });
});

describe('document-once notes', () => {
  it('saves drafts with optimistic concurrency: a stale save gets 409 with the current note and changes nothing', async () => {
    await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/attendance`, { everyone: 'present' });
    const envelope = (await call(t.app, lead, 'GET', `/api/group-sessions/${world.sessionA}/note`)).json();
    expect(envelope.note).toBeNull();
    expect(envelope.attendees.map((a: { pseudonym: string }) => a.pseudonym)).toEqual(['Cedar', 'Willow']);

    const first = await call(
      t.app,
      lead,
      'PUT',
      `/api/group-sessions/${world.sessionA}/note`,
      draft(0, 'Belonging', [{ enrolmentId: world.enrolmentA, body: 'Willow spoke first.' }]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, status: 'draft', themes: 'Belonging' });
    // Two editors start from version 1; the co-facilitator saves first.
    const coSave = await call(t.app, co, 'PUT', `/api/group-sessions/${world.sessionA}/note`, draft(1, 'Belonging and hope'));
    expect(coSave.json().version).toBe(2);
    const stale = await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/note`, draft(1, 'My competing edit'));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.current).toMatchObject({ version: 2, themes: 'Belonging and hope' });
    const stored = await t.database.db.selectFrom('group_notes').select(['themes', 'version']).where('session_id', '=', world.sessionA).executeTakeFirstOrThrow();
    expect(stored).toEqual({ themes: 'Belonging and hope', version: 2 });
  });

  it('refuses member sections for people who did not attend or are not in the group', async () => {
    const response = await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/note`, draft(2, 'x', [{ enrolmentId: world.enrolmentB, body: 'not here' }]));
    expect(response.json().error.code).toBe('not_a_member');
  });

  it('refuses to sign an incomplete note, naming what is missing, and changes nothing', async () => {
    const envelope = (await call(t.app, lead, 'GET', `/api/group-sessions/${world.sessionA}/note`)).json();
    const cedar = envelope.attendees.find((a: { pseudonym: string }) => a.pseudonym === 'Cedar').enrolmentId;
    // Version 2 (from the test above): the co-facilitator's save left no member sections; the group section is filled.
    const before = await t.database.db.selectFrom('group_notes').select(['status', 'version']).where('session_id', '=', world.sessionA).executeTakeFirstOrThrow();
    const refused = await call(t.app, lead, 'POST', `/api/group-sessions/${world.sessionA}/note/sign`, { version: before.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('note_incomplete');
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([`note.members.${cedar}`, `note.members.${world.enrolmentA}`]);
    // An empty group section and blank (whitespace) member sections are named too.
    const empty = (
      await call(t.app, lead, 'PUT', `/api/group-sessions/${world.sessionA}/note`, {
        baseVersion: before.version,
        themes: ' ',
        interventions: '',
        groupProcess: '\n',
        members: [{ enrolmentId: cedar, body: '   ' }],
      })
    ).json();
    const refusedEmpty = await call(t.app, lead, 'POST', `/api/group-sessions/${world.sessionA}/note/sign`, { version: empty.version });
    expect(refusedEmpty.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'note.themes',
      'note.interventions',
      'note.groupProcess',
      `note.members.${cedar}`,
      `note.members.${world.enrolmentA}`,
    ]);
    expect(await t.database.db.selectFrom('group_notes').select(['status', 'version']).where('session_id', '=', world.sessionA).executeTakeFirstOrThrow()).toEqual({
      status: 'draft',
      version: empty.version,
    });
    expect(await t.database.db.selectFrom('note_versions').select('kind').where('kind', '=', 'signed').execute()).toEqual([]);
  });

  it('signs and locks; later changes are addenda; co-signature by another facilitator; every version kept', async () => {
    const envelope = (await call(t.app, lead, 'GET', `/api/group-sessions/${world.sessionA}/note`)).json();
    const cedar = envelope.attendees.find((a: { pseudonym: string }) => a.pseudonym === 'Cedar').enrolmentId;
    const note = (
      await call(
        t.app,
        lead,
        'PUT',
        `/api/group-sessions/${world.sessionA}/note`,
        draft(envelope.note.version, 'Final themes', [
          { enrolmentId: world.enrolmentA, body: 'Willow named her worry.' },
          { enrolmentId: cedar, body: 'Did not contribute.' },
        ]),
      )
    ).json();
    const staleSign = await call(t.app, lead, 'POST', `/api/group-sessions/${world.sessionA}/note/sign`, { version: note.version - 1 });
    expect(staleSign.statusCode).toBe(409);
    const signed = await call(t.app, lead, 'POST', `/api/group-sessions/${world.sessionA}/note/sign`, { version: note.version });
    expect(signed.json()).toMatchObject({ status: 'signed', signedBy: world.clinicianA.displayName });
    const edit = await call(t.app, co, 'PUT', `/api/group-sessions/${world.sessionA}/note`, draft(signed.json().version, 'Rewriting history'));
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.code).toBe('note_signed');
    expect((await call(t.app, lead, 'POST', `/api/group-sessions/${world.sessionA}/note/cosign`)).json().error.code).toBe('invalid_state');
    expect((await call(t.app, co, 'POST', `/api/group-sessions/${world.sessionA}/note/cosign`)).statusCode).toBe(200);
    const addendum = await call(t.app, co, 'POST', `/api/group-sessions/${world.sessionA}/note/addenda`, { body: 'Willow phoned after the session; doing better.' });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().themes).toBe('Final themes');
    expect(addendum.json().addenda).toHaveLength(1);
    const versions = (await call(t.app, lead, 'GET', `/api/group-sessions/${world.sessionA}/note/versions`)).json().versions;
    expect(versions.map((v: { kind: string }) => v.kind)).toEqual(['cosigned', 'signed', 'draft', 'draft', 'draft', 'draft']);
    expect(versions.at(-1).content.themes).toBe('Belonging');
  });

  it('files each member section to that member’s record, for the group’s clinicians only', async () => {
    const record = (await call(t.app, lead, 'GET', `/api/enrolments/${world.enrolmentA}/record`)).json();
    expect(record.notes).toEqual([expect.objectContaining({ sessionId: world.sessionA, body: 'Willow named her worry.', noteStatus: 'signed' })]);
    expect(record.attendance[0]).toMatchObject({ sessionId: world.sessionA, status: 'present' });
  });

  it('never shows notes to participants, to another group’s clinician, or to an admin without break-glass', async () => {
    const participant = await signIn(t, world.participantA);
    expect((await call(t.app, participant, 'GET', `/api/group-sessions/${world.sessionA}/note`)).statusCode).toBe(403);
    expect((await call(t.app, participant, 'GET', `/api/enrolments/${world.enrolmentA}/record`)).statusCode).toBe(403);
    const other = await signIn(t, world.clinicianB);
    expect((await call(t.app, other, 'GET', `/api/group-sessions/${world.sessionA}/note`)).statusCode).toBe(404);
    expect((await call(t.app, other, 'GET', `/api/enrolments/${world.enrolmentA}/record`)).statusCode).toBe(404);
    const admin = await signIn(t, world.admin);
    expect((await call(t.app, admin, 'GET', `/api/group-sessions/${world.sessionA}/note`)).statusCode).toBe(404);
    const noReason = await call(t.app, admin, 'POST', '/api/break-glass', { groupId: world.groupA, reason: 'because' });
    expect(noReason.statusCode).toBe(400);
    const grant = await call(t.app, admin, 'POST', '/api/break-glass', { groupId: world.groupA, reason: 'Coroner’s request received today, ref 2026/114.' });
    expect(grant.statusCode).toBe(201);
    const read = await call(t.app, admin, 'GET', `/api/group-sessions/${world.sessionA}/note`);
    expect(read.statusCode).toBe(200);
    expect((await call(t.app, admin, 'GET', `/api/group-sessions/${world.sessionB}/note`)).statusCode).toBe(404);
    expect((await call(t.app, admin, 'PUT', `/api/group-sessions/${world.sessionA}/note`, draft(9, 'admin edit'))).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('action', 'in', ['break_glass.open', 'notes.read.break_glass'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['break_glass.open', 'notes.read.break_glass']);
    // The reason is in the audit trail, where the administrators reviewing emergency access read it.
    const trail = await call(t.app, admin, 'GET', '/api/admin/audit?action=break_glass.open');
    expect(trail.statusCode).toBe(200);
    const opened = (trail.json() as { items: { action: string; detail: Record<string, unknown> | null }[] }).items.filter((e) => e.action === 'break_glass.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.detail).toMatchObject({ minutes: 60, reason: 'Coroner’s request received today, ref 2026/114.' });
    t.clock.advance(61 * 60_000);
    const later = await signIn(t, world.admin);
    expect((await call(t.app, later, 'GET', `/api/group-sessions/${world.sessionA}/note`)).statusCode).toBe(404);
  });

  it('audits every read of a note without its text', async () => {
    const rows = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'notes.read').execute();
    expect(rows.length).toBeGreaterThan(0);
    const all = JSON.stringify(await t.database.db.selectFrom('audit_events').selectAll().execute());
    expect(all).not.toContain('Willow named her worry');
    expect(all).not.toContain('Final themes');
  });
});

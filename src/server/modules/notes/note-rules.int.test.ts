import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * The rules a facilitator relies on when writing a group note, each on a fresh database:
 * drafts only after attendance, nothing lost to a concurrent edit, every version kept whole,
 * a signed note locked, a co-signature from someone else, and every step audited.
 */
let t: TestApp;
let w: World;
let lead: Session;
let co: Session;
let coName: string;

beforeEach(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const coFacilitator = await createUser(t, 'clinician');
  coName = coFacilitator.displayName;
  await t.database.db.insertInto('group_facilitators').values({ group_id: w.groupA, user_id: coFacilitator.id, facilitator_role: 'co' }).execute();
  lead = await signIn(t, w.clinicianA);
  co = await signIn(t, coFacilitator);
});
afterEach(async () => t.close());

const note = (sessionId: string) => `/api/group-sessions/${sessionId}/note`;
const draft = (baseVersion: number, themes: string, members: { enrolmentId: string; body: string }[] = []) => ({
  baseVersion,
  themes,
  interventions: `Interventions for ${themes}`,
  groupProcess: `Process for ${themes}`,
  members,
});
const attend = async () => {
  const r = await call(t.app, lead, 'PUT', `/api/group-sessions/${w.sessionA}/attendance`, { everyone: 'present' });
  expect(r.statusCode).toBe(204);
};
const enrolmentOf = async (pseudonym: string) =>
  (await t.database.db.selectFrom('enrolments').select('id').where('group_id', '=', w.groupA).where('pseudonym', '=', pseudonym).executeTakeFirstOrThrow()).id;
/** A draft complete enough to sign: the group section and a section for each attendee (Cedar and Willow). */
const complete = async (baseVersion: number, themes: string) =>
  draft(baseVersion, themes, [
    { enrolmentId: await enrolmentOf('Cedar'), body: 'Did not contribute.' },
    { enrolmentId: await enrolmentOf('Willow'), body: 'Willow spoke.' },
  ]);
const stored = () => t.database.db.selectFrom('group_notes').selectAll().where('session_id', '=', w.sessionA).executeTakeFirst();
const versions = () =>
  t.database.db
    .selectFrom('note_versions as v')
    .innerJoin('group_notes as n', 'n.id', 'v.note_id')
    .select(['v.version', 'v.kind', 'v.content', 'v.saved_by'])
    .where('n.session_id', '=', w.sessionA)
    .orderBy('v.version')
    .execute();
const audits = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'resource_type', 'resource_id', 'group_id', 'detail'])
    .where('action', '=', action)
    .where('outcome', '=', 'success')
    .orderBy('at')
    .execute();

describe('drafts', () => {
  it('are refused before attendance is taken and for a cancelled session, and nothing is stored', async () => {
    const early = await call(t.app, lead, 'PUT', note(w.sessionA), draft(0, 'Too early'));
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'invalid_state', message: 'Take attendance first: the note has a section for each member who attended.' });
    await t.database.db.updateTable('group_sessions').set({ status: 'cancelled' }).where('id', '=', w.sessionA).execute();
    const cancelled = await call(t.app, lead, 'PUT', note(w.sessionA), draft(0, 'Cancelled'));
    expect(cancelled.json().error).toMatchObject({ code: 'session_cancelled', message: 'This session was cancelled.' });
    expect(await stored()).toBeUndefined();
  });

  it('start from version 0: a first save naming another version is stale and stores nothing', async () => {
    await attend();
    const stale = await call(t.app, lead, 'PUT', note(w.sessionA), draft(3, 'Out of nowhere'));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.current).toBeNull();
    expect(await stored()).toBeUndefined();
    expect(await versions()).toEqual([]);
  });

  it('names the member section that is not an attendee by its position', async () => {
    await attend();
    const willow = await enrolmentOf('Willow');
    const r = await call(
      t.app,
      lead,
      'PUT',
      note(w.sessionA),
      draft(0, 'x', [
        { enrolmentId: willow, body: 'ok' },
        { enrolmentId: w.enrolmentB, body: 'not ours' },
      ]),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'not_a_member', details: [{ path: 'body.members.1.enrolmentId', message: 'Did not attend.' }] });
    expect(await stored()).toBeUndefined();
  });

  it('store every field, keep only member sections with text, and replace them on the next save', async () => {
    await attend();
    const [willow, cedar] = [await enrolmentOf('Willow'), await enrolmentOf('Cedar')];
    const first = await call(
      t.app,
      lead,
      'PUT',
      note(w.sessionA),
      draft(0, 'Belonging', [
        { enrolmentId: willow, body: 'Willow spoke.' },
        { enrolmentId: cedar, body: '   ' },
      ]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      version: 1,
      status: 'draft',
      themes: 'Belonging',
      interventions: 'Interventions for Belonging',
      groupProcess: 'Process for Belonging',
      updatedBy: w.clinicianA.displayName,
    });
    expect(first.json().members.map((m: { pseudonym: string; body: string }) => [m.pseudonym, m.body])).toEqual([['Willow', 'Willow spoke.']]);
    const row = await stored();
    expect(row).toMatchObject({ status: 'draft', version: 1, created_by: w.clinicianA.id, updated_by: w.clinicianA.id });

    const second = await call(t.app, co, 'PUT', note(w.sessionA), draft(1, 'Hope', [{ enrolmentId: cedar, body: 'Cedar listened.' }]));
    expect(second.json()).toMatchObject({ version: 2, themes: 'Hope', interventions: 'Interventions for Hope', groupProcess: 'Process for Hope', updatedBy: coName });
    expect(second.json().members.map((m: { pseudonym: string }) => m.pseudonym)).toEqual(['Cedar']);
    expect(await stored()).toMatchObject({ version: 2, created_by: w.clinicianA.id });
  });

  it('keep a full snapshot of every save, with who saved it, and audit each save with its version', async () => {
    await attend();
    const [willow, cedar] = [await enrolmentOf('Willow'), await enrolmentOf('Cedar')];
    await call(
      t.app,
      lead,
      'PUT',
      note(w.sessionA),
      draft(0, 'One', [
        { enrolmentId: willow, body: 'W1' },
        { enrolmentId: cedar, body: 'C1' },
      ]),
    );
    await call(t.app, co, 'PUT', note(w.sessionA), draft(1, 'Two'));
    const kept = await versions();
    const sortedIds = [willow, cedar].sort();
    expect(kept.map((v) => [v.version, v.kind, v.saved_by])).toEqual([
      [1, 'draft', w.clinicianA.id],
      [2, 'draft', (await t.database.db.selectFrom('group_notes').select('updated_by').executeTakeFirstOrThrow()).updated_by],
    ]);
    expect(JSON.parse(kept[0]!.content)).toEqual({
      themes: 'One',
      interventions: 'Interventions for One',
      groupProcess: 'Process for One',
      members: sortedIds.map((id) => ({ enrolmentId: id, body: id === willow ? 'W1' : 'C1' })),
    });
    expect(JSON.parse(kept[1]!.content)).toEqual({ themes: 'Two', interventions: 'Interventions for Two', groupProcess: 'Process for Two', members: [] });
    const saves = await audits('notes.save_draft');
    const noteId = (await stored())!.id;
    expect(saves.map((a) => [a.actor_user_id === w.clinicianA.id, a.resource_type, a.resource_id, a.group_id, JSON.parse(a.detail ?? 'null')])).toEqual([
      [true, 'group_note', noteId, w.groupA, { version: 1 }],
      [false, 'group_note', noteId, w.groupA, { version: 2 }],
    ]);
  });
});

describe('signing', () => {
  it('needs a note, the version the clinician read, and happens once', async () => {
    const none = await call(t.app, lead, 'POST', `${note(w.sessionA)}/sign`, { version: 1 });
    expect(none.json().error).toMatchObject({ code: 'invalid_state', message: 'There is no note for this session yet.' });
    await attend();
    await call(t.app, lead, 'PUT', note(w.sessionA), await complete(0, 'One'));
    const stale = await call(t.app, lead, 'POST', `${note(w.sessionA)}/sign`, { version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', current: { version: 1, themes: 'One' } });
    expect((await stored())?.status).toBe('draft');

    const signed = await call(t.app, lead, 'POST', `${note(w.sessionA)}/sign`, { version: 1 });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', version: 2, signedBy: w.clinicianA.displayName, updatedBy: w.clinicianA.displayName });
    expect(signed.json().signedAt).toBe(signed.json().updatedAt);
    expect(await stored()).toMatchObject({ status: 'signed', version: 2, signed_by: w.clinicianA.id });
    const again = await call(t.app, co, 'POST', `${note(w.sessionA)}/sign`, { version: 2 });
    expect(again.json().error).toMatchObject({ code: 'note_signed', message: 'This note is already signed.' });
    const edit = await call(t.app, co, 'PUT', note(w.sessionA), draft(2, 'Rewrite'));
    expect(edit.json().error).toMatchObject({ code: 'note_signed', message: 'This note is signed and locked. Add an addendum instead.' });

    const kept = await versions();
    expect(kept.map((v) => [v.version, v.kind])).toEqual([
      [1, 'draft'],
      [2, 'signed'],
    ]);
    expect(JSON.parse(kept[1]!.content).themes).toBe('One');
    expect((await audits('notes.sign')).map((a) => [a.resource_id, a.group_id, JSON.parse(a.detail ?? 'null')])).toEqual([[(await stored())!.id, w.groupA, { version: 2 }]]);
  });

  it('takes a co-signature from another facilitator, once, on a signed note only', async () => {
    await attend();
    await call(t.app, lead, 'PUT', note(w.sessionA), await complete(0, 'One'));
    const early = await call(t.app, co, 'POST', `${note(w.sessionA)}/cosign`);
    expect(early.json().error).toMatchObject({ code: 'invalid_state', message: 'Only a signed note can be co-signed.' });
    await call(t.app, lead, 'POST', `${note(w.sessionA)}/sign`, { version: 1 });
    const self = await call(t.app, lead, 'POST', `${note(w.sessionA)}/cosign`);
    expect(self.json().error).toMatchObject({ code: 'invalid_state', message: 'The co-signature must come from another facilitator.' });
    const cosigned = await call(t.app, co, 'POST', `${note(w.sessionA)}/cosign`);
    expect(cosigned.json()).toMatchObject({ status: 'signed', version: 3, cosignedBy: coName, signedBy: w.clinicianA.displayName });
    expect(cosigned.json().cosignedAt).toEqual(expect.any(String));
    const twice = await call(t.app, co, 'POST', `${note(w.sessionA)}/cosign`);
    expect(twice.json().error).toMatchObject({ code: 'invalid_state', message: 'This note is already co-signed.' });
    expect((await versions()).map((v) => [v.version, v.kind])).toEqual([
      [1, 'draft'],
      [2, 'signed'],
      [3, 'cosigned'],
    ]);
    expect((await audits('notes.cosign')).map((a) => [a.resource_id, a.group_id])).toEqual([[(await stored())!.id, w.groupA]]);
  });

  it('adds addenda to a signed note only, without touching the note', async () => {
    await attend();
    await call(t.app, lead, 'PUT', note(w.sessionA), await complete(0, 'One'));
    const early = await call(t.app, lead, 'POST', `${note(w.sessionA)}/addenda`, { body: 'Too early' });
    expect(early.json().error).toMatchObject({ code: 'invalid_state', message: 'The note is still a draft: edit it directly.' });
    await call(t.app, lead, 'POST', `${note(w.sessionA)}/sign`, { version: 1 });
    const added = await call(t.app, co, 'POST', `${note(w.sessionA)}/addenda`, { body: 'Phoned Willow afterwards.' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ version: 2, themes: 'One', addenda: [{ body: 'Phoned Willow afterwards.', author: coName }] });
    expect((await audits('notes.addendum')).map((a) => [a.resource_id, a.group_id])).toEqual([[(await stored())!.id, w.groupA]]);
  });
});

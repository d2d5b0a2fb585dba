import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createGoalsWorld, type GoalsWorld } from '../goals/test-support.js';
import { addAgreementVersion } from '../programmes/repository.js';

let t: TestApp;
let w: GoalsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createGoalsWorld(t);
});
afterAll(async () => t?.close());

const write = async (body = 'Today I noticed I was not the only one.') => {
  const r = await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
};
const sharedIds = async (session: Session) => {
  const r = await call(t.app, session, 'GET', `/api/enrolments/${w.enrolmentA}/journal`);
  return r.statusCode === 200 ? (r.json() as { entries: { id: string }[] }).entries.map((e) => e.id) : r.statusCode;
};

describe('journal', () => {
  it('shows the author their safety plan and the crisis line when risk is noticed, and tells nobody unless the service turned journal alerts on', async () => {
    const risky = await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: 'I have been saving my tablets and I think tonight is the night' });
    expect(risky.statusCode).toBe(201);
    expect(risky.json().support).toMatchObject({ tier: 'urgent', kind: 'self_harm', crisisLine: expect.any(String), danger: null, careTeamTold: false });
    const alertsFor = (id: string) => t.database.db.selectFrom('alerts').select(['kind', 'tier', 'summary', 'source_type']).where('source_id', '=', id).execute();
    expect(await alertsFor(risky.json().id)).toEqual([]);
    const plain = await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: 'A good walk with my sister today.' });
    expect(plain.json().support).toBeNull();
    // The service turns journal alerts on (its group agreement must say so).
    const admin = w.s.admin;
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'true' })).statusCode).toBe(200);
    const told = await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: 'he said he will kill me when he gets home tonight' });
    expect(told.json().support).toMatchObject({ tier: 'urgent', kind: 'being_harmed', safetyPlan: null, danger: { emergencyNumber: expect.any(String) }, careTeamTold: true });
    const alerts = await alertsFor(told.json().id);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'risk_language', tier: 'urgent', source_type: 'journal_entry' })]);
    expect(alerts[0]?.summary).not.toContain('kill');
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'false' })).statusCode).toBe(200);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'maybe' })).statusCode).toBe(400);
  });

  it('states the journal-alert setting in the group agreement and on the journal, and asks members to accept again when it changes', async () => {
    const admin = w.s.admin;
    const agreementOf = async () => (await call(t.app, w.s.owner, 'GET', `/api/enrolments/${w.enrolmentA}/agreement`)).json();
    const journalSays = async () => (await call(t.app, w.s.owner, 'GET', '/api/me/journal')).json().careTeamAlertsOnRisk;
    const version = await addAgreementVersion(t.database.db, w.programmeId, 'Our group agreement: confidentiality, respect, kindness, no recording.', null, t.clock.now());
    expect((await call(t.app, w.s.owner, 'POST', `/api/enrolments/${w.enrolmentA}/agreement`, { version })).statusCode).toBe(204);
    const off = await agreementOf();
    expect(off).toMatchObject({ acceptedVersion: version, agreement: { version, journalAlerts: false } });
    expect(off.agreement.safetyStatement.join(' ')).toContain('nobody is alerted about what you write there');
    expect(await journalSays()).toBe(false);

    // Turning journal alerts on restates every programme's agreement: same text, new statement, a new version to accept.
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'true' })).statusCode).toBe(200);
    const on = await agreementOf();
    expect(on.agreement).toMatchObject({ version: version + 1, journalAlerts: true, body: off.agreement.body });
    expect(on.agreement.safetyStatement.join(' ')).toContain('alert your care team if an entry suggests you may be in danger');
    expect(on.acceptedVersion).toBe(version);
    const mine = (await call(t.app, w.s.owner, 'GET', '/api/me/enrolments')).json().enrolments.find((e: { id: string }) => e.id === w.enrolmentA);
    expect(mine).toMatchObject({ agreementVersion: version, currentAgreementVersion: version + 1 });
    expect(await journalSays()).toBe(true);
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'settings.update').orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(String(audit.detail)).toContain('agreementsRestated');

    // Saving the same value again changes nothing; turning it off restates once more.
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'true' })).statusCode).toBe(200);
    expect((await agreementOf()).agreement.version).toBe(version + 1);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'risk.journal_alerts': 'false' })).statusCode).toBe(200);
    expect((await agreementOf()).agreement).toMatchObject({ version: version + 2, journalAlerts: false });
    expect(await journalSays()).toBe(false);
    // Earlier versions keep the statement they were accepted under.
    const versions = await t.database.db
      .selectFrom('group_agreements')
      .select(['version', 'journal_alerts'])
      .where('programme_id', '=', w.programmeId)
      .orderBy('version')
      .execute();
    expect(versions.slice(-3).map((v) => Number(v.journal_alerts))).toEqual([0, 1, 0]);
  });

  it('offers prompts from the group’s most recent session topic', async () => {
    const r = await call(t.app, w.s.owner, 'GET', '/api/me/journal/prompts');
    expect(r.json().topics[0]).toMatchObject({ groupName: 'Group A', topic: 'Belonging: you are not alone' });
    expect(r.json().topics[0].prompts[0]).toContain('understood you');
  });

  it('writes private entries with a prompt; refuses empty and huge ones; keeps markup as text', async () => {
    const r = await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: 'When did you last feel understood?', body: '<b>Yesterday</b> <script>x</script>' });
    expect(r.json()).toMatchObject({ prompt: 'When did you last feel understood?', body: '<b>Yesterday</b> <script>x</script>', sharedWithClinicianAt: null });
    const before = (await t.database.db.selectFrom('journal_entries').select('id').execute()).length;
    expect((await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: '   ' })).statusCode).toBe(400);
    expect((await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: 'x'.repeat(10_001) })).statusCode).toBe(400);
    expect((await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: 'p'.repeat(501), body: 'ok' })).statusCode).toBe(400);
    expect((await t.database.db.selectFrom('journal_entries').select('id').execute()).length).toBe(before);
  });

  it('is private from everyone, clinicians included, until shared with the clinician — and sharing can be taken back', async () => {
    const id = await write('Private thought');
    expect((await call(t.app, w.s.peer, 'PUT', `/api/journal/${id}`, { prompt: null, body: 'hijack' })).statusCode).toBe(404);
    expect((await call(t.app, w.s.lead, 'PUT', `/api/journal/${id}/share`, { shareWithClinician: true })).statusCode).toBe(403);
    expect((await call(t.app, w.s.lead, 'GET', '/api/me/journal')).statusCode).toBe(403);
    expect(await sharedIds(w.s.lead)).not.toContain(id);
    expect(await sharedIds(w.s.referrer)).not.toContain(id);
    expect(await sharedIds(w.s.peer)).toBe(403);

    await call(t.app, w.s.owner, 'PUT', `/api/journal/${id}/share`, { shareWithClinician: true });
    expect(await sharedIds(w.s.lead)).toContain(id);
    expect(await sharedIds(w.s.referrer)).toContain(id);
    expect(await sharedIds(w.s.otherClinician)).toBe(404);
    expect(await sharedIds(w.s.admin)).toBe(403);

    await call(t.app, w.s.owner, 'PUT', `/api/journal/${id}/share`, { shareWithClinician: false });
    expect(await sharedIds(w.s.lead)).not.toContain(id);
  });

  it('audits every clinician read by entry id, never the text', async () => {
    const id = await write('Very sensitive words');
    await call(t.app, w.s.owner, 'PUT', `/api/journal/${id}/share`, { shareWithClinician: true });
    await call(t.app, w.s.lead, 'GET', `/api/enrolments/${w.enrolmentA}/journal`);
    const rows = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'journal.member.read').where('actor_user_id', '=', w.clinicianA.id).execute();
    // (Not rows.at(-1): without an ORDER BY, PostgreSQL may return the earlier test's read last.)
    expect(rows.map((r) => r.detail).filter((d) => d?.includes(id))).toHaveLength(1);
    const all = await t.database.db.selectFrom('audit_events').select('detail').execute();
    expect(JSON.stringify(all)).not.toContain('Very sensitive words');
  });

  it('a clinician loses access when the member leaves their group', async () => {
    const id = await write('Shared, then I left');
    await call(t.app, w.s.owner, 'PUT', `/api/journal/${id}/share`, { shareWithClinician: true });
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', w.enrolmentA).execute();
    try {
      expect(await sharedIds(w.s.lead)).toEqual([]);
    } finally {
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('id', '=', w.enrolmentA).execute();
    }
  });

  it('edits and deletes only one’s own entries', async () => {
    const id = await write('Draft');
    const edited = await call(t.app, w.s.owner, 'PUT', `/api/journal/${id}`, { prompt: null, body: 'Second thoughts' });
    expect(edited.json().body).toBe('Second thoughts');
    expect((await call(t.app, w.s.peer, 'DELETE', `/api/journal/${id}`)).statusCode).toBe(404);
    expect((await call(t.app, w.s.owner, 'DELETE', `/api/journal/${id}`)).statusCode).toBe(204);
    expect((await call(t.app, w.s.owner, 'DELETE', `/api/journal/${id}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErasureReport } from '../../../shared/schemas/data-rights.js';
import { ERASED_AT_REQUEST } from '../../../shared/schemas/data-rights.js';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { forViewer, toStreamPost } from '../space/presenters.js';
import { erasedEmail, erasurePlan } from './erasure-plan.js';

// Erasure processed by an administrator (issue 15 item 3): a dry run that changes nothing, then
// one transaction under the retention policy — the member's own data deleted, their words in the
// group anonymised in place, the clinical record kept (or not) as configured, the account
// de-identified — and a report stored, downloadable and audited. Bad requests change nothing.

const KINDS = [
  'journal_entries',
  'safety_plans',
  'goals',
  'goal_milestones',
  'celebrations',
  'skill_practices',
  'strategies',
  'participant_contacts',
  'measure_responses',
  'measure_courses',
  'alerts',
  'attendance',
  'note_member_entries',
  'agreement_acceptances',
  'erasure_requests',
] as const;

async function snapshot(t: TestApp) {
  const out: Record<string, number> = {};
  for (const table of KINDS) {
    out[table] = Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  return out;
}

/** Adds to participant B what the world lacks: attendance and a signed note entry, an accepted agreement, contact details, a safety plan, a due questionnaire. */
async function enrich(t: TestApp, world: World) {
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  await db.updateTable('group_sessions').set({ status: 'held' }).where('id', '=', world.sessionB).execute();
  await db
    .insertInto('attendance')
    .values({ session_id: world.sessionB, enrolment_id: world.enrolmentB, status: 'present', minutes: null, recorded_by: world.clinicianB.id, recorded_at: now })
    .execute();
  const note = newId();
  await db
    .insertInto('group_notes')
    .values({
      id: note,
      session_id: world.sessionB,
      status: 'signed',
      version: 2,
      themes: 'Belonging',
      interventions: 'Rounds',
      group_process: 'Warm',
      created_by: world.clinicianB.id,
      updated_by: world.clinicianB.id,
      updated_at: now,
      signed_by: world.clinicianB.id,
      signed_at: now,
      cosigned_by: null,
      cosigned_at: null,
    })
    .execute();
  await db.insertInto('note_member_entries').values({ note_id: note, enrolment_id: world.enrolmentB, body: 'Bea spoke about her move.' }).execute();
  const content = JSON.stringify({
    themes: 'Belonging',
    interventions: 'Rounds',
    groupProcess: 'Warm',
    members: [{ enrolmentId: world.enrolmentB, body: 'Bea spoke about her move.' }],
  });
  await db.insertInto('note_versions').values({ id: newId(), note_id: note, version: 2, kind: 'signed', content, saved_by: world.clinicianB.id, saved_at: now }).execute();
  const agreement = newId();
  await db.insertInto('group_agreements').values({ id: agreement, programme_id: world.programmeId, version: 1, body: 'Agreement', created_by: null, created_at: now }).execute();
  await db.insertInto('agreement_acceptances').values({ id: newId(), enrolment_id: world.enrolmentB, agreement_id: agreement, version: 1, accepted_at: now }).execute();
  await db
    .insertInto('participant_contacts')
    .values({
      id: newId(),
      participant_id: world.participantB.id,
      referral_id: null,
      mobile_phone: '+447700900111',
      home_phone: null,
      preferred_method: 'phone',
      preferred_times: null,
      emergency_name: 'Kim',
      emergency_relation: 'friend',
      emergency_phone: '+447700900222',
      emergency_consent: 1,
      emergency_consent_at: now,
      gp_practice: null,
      gp_name: null,
      gp_phone: null,
      gp_address: null,
      contact_risk_note: null,
      created_at: now,
      updated_at: now,
      updated_by: world.clinicianB.id,
    })
    .execute();
  await db
    .insertInto('safety_plans')
    .values({
      id: newId(),
      participant_id: world.participantB.id,
      warning_signs: '["x"]',
      coping_steps: '[]',
      distractions: '[]',
      help_contacts: '[]',
      professionals: '[]',
      safe_environment: '[]',
      reasons_for_living: '[]',
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: world.participantB.id,
    })
    .execute();
  await db
    .insertInto('measure_requests')
    .values({
      id: newId(),
      enrolment_id: world.enrolmentB,
      participant_id: world.participantB.id,
      instrument_code: 'gad-7',
      schedule_id: null,
      session_id: null,
      reason: 'enrolment',
      due_at: now,
      status: 'due',
      response_id: null,
      created_at: now,
      completed_at: null,
    })
    .execute();
  // A peer's reaction to Bea's celebration, and Bea's reply in the feedback thread of her own request.
  const peerEnrolment = newId();
  const peer = await createUser(t, 'participant', 'Pat Peer');
  await db
    .insertInto('enrolments')
    .values({ id: peerEnrolment, group_id: world.groupB, participant_id: peer.id, pseudonym: 'Heron', status: 'active', joined_at: now, left_at: null, created_at: now })
    .execute();
  await db
    .insertInto('supportive_reactions')
    .values({
      id: newId(),
      target_kind: 'celebration',
      target_id: world.celebrationB,
      reactor_id: peer.id,
      reactor_enrolment_id: peerEnrolment,
      reaction: 'heart',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('feedback_items')
    .values({
      id: newId(),
      group_id: world.groupB,
      parent_id: world.feedbackRequestB,
      enrolment_id: peerEnrolment,
      author_id: peer.id,
      body: 'Heron’s reply stays.',
      moderation_status: 'published',
      created_at: now,
    })
    .execute();
  return { peer, peerEnrolment };
}

describe('erasure under the default retention policy (clinical record and scores kept)', () => {
  let t: TestApp;
  let world: World;
  let admin: Session;
  let bea: Session;
  let before: Record<string, number>;

  let clinician: Session;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t);
    await enrich(t, world);
    admin = await signIn(t, world.admin);
    bea = await signIn(t, world.participantB);
    clinician = await signIn(t, world.clinicianB);
    before = await snapshot(t);
  });
  afterAll(async () => t.close());

  it('refuses everyone but an administrator (403), and an unknown person (404), changing nothing', async () => {
    for (const caller of [clinician, bea]) {
      expect((await call(t.app, caller, 'GET', `/api/admin/users/${world.participantB.id}/erasure`)).statusCode).toBe(403);
      expect((await call(t.app, caller, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: 'x' })).statusCode).toBe(403);
      expect((await call(t.app, caller, 'GET', '/api/admin/erasures')).statusCode).toBe(403);
    }
    expect((await call(t.app, admin, 'GET', `/api/admin/users/${newId()}/erasure`)).statusCode).toBe(404);
    const unknown = await call(t.app, admin, 'POST', `/api/admin/users/${newId()}/erasure`, { confirm: true, reason: 'Request by letter' });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot(t)).toEqual(before);
    // Each refused erasure is in the audit log, by whom and why.
    const refused = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'outcome'])
      .where('action', '=', 'admin.users.erasure.process')
      .where('outcome', 'in', ['denied', 'failure'])
      .execute();
    expect(refused.map((row) => row.actor_user_id)).toEqual(expect.arrayContaining([clinician.userId, bea.userId, admin.userId]));
  });

  it('refuses a staff account (422 erasure_not_supported) and a request without confirmation (400)', async () => {
    const staff = await call(t.app, admin, 'POST', `/api/admin/users/${world.clinicianB.id}/erasure`, { confirm: true, reason: 'Left the service' });
    expect(staff.statusCode).toBe(422);
    expect(staff.json().error.code).toBe('erasure_not_supported');
    expect((await call(t.app, admin, 'GET', `/api/admin/users/${world.admin.id}/erasure`)).json().error.code).toBe('erasure_not_supported');
    const unconfirmed = await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: false, reason: 'x' });
    expect(unconfirmed.statusCode).toBe(400);
    expect((await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: '   ' })).statusCode).toBe(400);
    expect(await snapshot(t)).toEqual(before);
    expect((await t.database.db.selectFrom('users').select('display_name').where('id', '=', world.clinicianB.id).executeTakeFirstOrThrow()).display_name).toBe(
      world.clinicianB.displayName,
    );
  });

  it('previews what would be removed, anonymised and kept, with reasons, changing nothing (audited)', async () => {
    const res = await call(t.app, admin, 'GET', `/api/admin/users/${world.participantB.id}/erasure`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBeUndefined();
    const preview = res.json() as ErasureReport;
    expect(preview).toMatchObject({ id: null, dryRun: true, displayName: 'Bea Private', policy: { clinicalRecord: 'keep', measures: 'keep' } });
    const line = (kind: string) => preview.lines.find((l) => l.kind === kind);
    expect(line('Journal entries')).toMatchObject({ outcome: 'removed', count: 1 });
    expect(line('Safety plan')).toMatchObject({ outcome: 'removed', count: 1 });
    expect(line('Group space posts and messages')).toMatchObject({ outcome: 'anonymised', count: 1 });
    expect(line('Questionnaire answers and scores')).toMatchObject({ outcome: 'kept', count: 1 });
    expect(line('Questionnaire answers and scores')?.why).toContain('HEARTH_RETENTION_MEASURES=keep');
    expect(line('Entries in group notes (every version)')).toMatchObject({ outcome: 'kept', count: 1 });
    expect(line('Safety alerts and their outcomes')).toMatchObject({ outcome: 'kept', count: 1 });
    expect(line('Questionnaires still due')).toMatchObject({ outcome: 'removed', count: 1 });
    expect(line('Account')).toMatchObject({ outcome: 'anonymised', count: 1 });
    expect(preview.totals.removed).toBeGreaterThan(5);
    expect(await snapshot(t)).toEqual(before);
    expect(await t.database.db.selectFrom('audit_events').select('resource_id').where('action', '=', 'erasure.preview').execute()).toEqual([
      { resource_id: world.participantB.id },
    ]);
  });

  it('rolls everything back when any step fails: nothing half-done', async () => {
    const account = erasurePlan.find((s) => s.kind === 'Account')!;
    const spy = vi.spyOn(account, 'apply').mockRejectedValueOnce(new Error('disk on fire'));
    const res = await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: 'Request ref 42' });
    spy.mockRestore();
    expect(res.statusCode).toBe(500);
    expect(await snapshot(t)).toEqual(before);
    const post = await t.database.db.selectFrom('space_posts').select(['body', 'moderation_status']).where('id', '=', world.spacePostB).executeTakeFirstOrThrow();
    expect(post).toEqual({ body: 'Hello group B', moderation_status: 'published' });
  });

  it('erases in one go: own data deleted, words in the group anonymised in place, clinical record kept, account de-identified', async () => {
    const res = await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: 'Request ref 42, received by letter' });
    expect(res.statusCode).toBe(200);
    const report = res.json() as ErasureReport;
    expect(report).toMatchObject({ dryRun: false, displayName: 'Erased member', reason: 'Request ref 42, received by letter', processedBy: world.admin.displayName });
    expect(report.id).toEqual(expect.any(String));
    const db = t.database.db;
    const id = world.participantB.id;
    const after = await snapshot(t);
    // Removed.
    expect(after.journal_entries).toBe(before.journal_entries - 1);
    expect(after.safety_plans).toBe(before.safety_plans - 1);
    expect(after.goals).toBe(before.goals - 1);
    expect(after.goal_milestones).toBe(before.goal_milestones - 1);
    expect(after.celebrations).toBe(before.celebrations - 1);
    expect(after.skill_practices).toBe(before.skill_practices - 1);
    expect(after.strategies).toBe(before.strategies - 1);
    expect(after.participant_contacts).toBe(before.participant_contacts - 1);
    expect(await db.selectFrom('auth_sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('supportive_reactions').select('id').where('target_id', '=', world.celebrationB).execute()).toEqual([]);
    expect(await db.selectFrom('measure_requests').select('id').where('participant_id', '=', id).where('status', '=', 'due').execute()).toEqual([]);
    expect(await db.selectFrom('library_entries').select(['status', 'title', 'steps', 'removal_reason']).where('id', '=', world.libraryEntryB).executeTakeFirstOrThrow()).toEqual({
      status: 'removed',
      title: ERASED_AT_REQUEST,
      steps: '',
      removal_reason: ERASED_AT_REQUEST,
    });
    // Kept under retention.
    for (const kept of ['measure_responses', 'measure_courses', 'alerts', 'attendance', 'note_member_entries', 'agreement_acceptances'] as const)
      expect(after[kept], kept).toBe(before[kept]);
    // Anonymised in place: the post keeps its thread position; peers' replies stay.
    const post = await db
      .selectFrom('space_posts')
      .select(['body', 'moderation_status', 'status_reason', 'seq', 'version_seq'])
      .where('id', '=', world.spacePostB)
      .executeTakeFirstOrThrow();
    expect(post).toMatchObject({ body: '', moderation_status: 'removed', status_reason: ERASED_AT_REQUEST, seq: 1 });
    expect(post.version_seq).toBeGreaterThan(1);
    const feedback = await db.selectFrom('feedback_items').select(['author_id', 'body', 'moderation_status']).where('group_id', '=', world.groupB).orderBy('created_at').execute();
    expect(feedback.find((f) => f.author_id === id)).toMatchObject({ body: '', moderation_status: 'removed' });
    expect(feedback.some((f) => f.body === 'Heron’s reply stays.')).toBe(true);
    // The account: disabled, de-identified, cannot sign in; the enrolment ended under a neutral name.
    const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: 'Erased member', email: erasedEmail(id), status: 'deactivated', password_hash: null, mfa_secret: null, mobile_e164: null });
    expect((await call(t.app, bea, 'GET', '/api/me')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: world.participantB.email, password: 'correct horse battery staple' } })).statusCode,
    ).toBe(401);
    const enrolment = await db.selectFrom('enrolments').select(['pseudonym', 'status', 'status_reason']).where('id', '=', world.enrolmentB).executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ status: 'withdrawn', status_reason: ERASED_AT_REQUEST });
    expect(enrolment.pseudonym).toMatch(/^Former member /);
    const referral = await db.selectFrom('referrals').select(['person_name', 'person_email']).where('participant_id', '=', id).execute();
    expect(referral.every((r) => r.person_name === 'Erased member')).toBe(true);
    // Nothing of Bea's name or words is left outside what retention keeps.
    const strays = await db.selectFrom('users').select('id').where('display_name', '=', 'Bea Private').execute();
    expect(strays).toEqual([]);
    // Stored, audited (totals only), and the audit log itself untouched.
    const stored = await db.selectFrom('erasure_requests').select(['user_id', 'requested_by', 'policy']).execute();
    expect(stored).toEqual([{ user_id: id, requested_by: world.admin.id, policy: JSON.stringify({ clinicalRecord: 'keep', measures: 'keep' }) }]);
    const audit = await db.selectFrom('audit_events').select(['actor_user_id', 'detail']).where('action', '=', 'erasure.process').where('outcome', '=', 'success').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail ?? '{}')).toMatchObject({ erasure: report.id, removed: report.totals.removed, kept: report.totals.kept });
  });

  it('shows the erased member’s post to peers and staff as removed at the member’s request, without its words', async () => {
    const row = await t.database.db
      .selectFrom('space_posts as p')
      .innerJoin('enrolments as e', 'e.id', 'p.enrolment_id')
      .innerJoin('users as u', 'u.id', 'p.author_id')
      .selectAll('p')
      .select(['e.pseudonym', 'u.display_name'])
      .where('p.id', '=', world.spacePostB)
      .executeTakeFirstOrThrow();
    const stream = toStreamPost(row);
    expect(stream.authorLabel).toMatch(/^Former member /);
    const peer = forViewer(stream, { userId: newId(), role: 'member' }, new Set());
    expect(peer).toMatchObject({ body: '', status: 'removed', statusReason: ERASED_AT_REQUEST });
    const page = await call(t.app, clinician, 'GET', `/api/space/groups/${world.groupB}/posts?thread=${world.spaceThreadB}`);
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).not.toContain('Hello group B');
    expect(page.json().posts[0]).toMatchObject({ status: 'removed', statusReason: ERASED_AT_REQUEST });
  });

  it('keeps the report downloadable (audited), lists the erasure, and refuses a second erasure (409) without change', async () => {
    const res = await call(t.app, admin, 'GET', `/api/admin/users/${world.participantB.id}/erasure?download=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hearth-erasure-report-${world.participantB.id}.json"`);
    const report = res.json() as ErasureReport;
    expect(report.dryRun).toBe(false);
    expect(report.lines.find((l) => l.kind === 'Journal entries')).toMatchObject({ outcome: 'removed', count: 1 });
    expect(report.lines.find((l) => l.kind === 'Audit log')).toMatchObject({ outcome: 'kept' });
    expect(await t.database.db.selectFrom('audit_events').select('resource_id').where('action', '=', 'erasure.report.read').execute()).toEqual([
      { resource_id: world.participantB.id },
    ]);
    const list = await call(t.app, admin, 'GET', '/api/admin/erasures');
    expect(list.json().erasures).toEqual([expect.objectContaining({ id: report.id, userId: world.participantB.id, processedBy: world.admin.displayName })]);
    const snap = await snapshot(t);
    const again = await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: 'Twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_erased');
    expect(await snapshot(t)).toEqual(snap);
    expect((await t.database.db.selectFrom('users').select('email').where('id', '=', world.participantB.id).executeTakeFirstOrThrow()).email).toBe(
      erasedEmail(world.participantB.id),
    );
  });
});

describe('erasure when the retention policy keeps neither the clinical record nor scores', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ HEARTH_RETENTION_CLINICAL_RECORD: 'erase', HEARTH_RETENTION_MEASURES: 'erase' });
    world = await createWorld(t);
    await enrich(t, world);
  });
  afterAll(async () => t.close());

  it('removes answers, scores, alerts, attendance, consent and note entries (every version), and says why', async () => {
    const admin = await signIn(t, world.admin);
    const res = await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/erasure`, { confirm: true, reason: 'Request ref 43' });
    expect(res.statusCode).toBe(200);
    const report = res.json() as ErasureReport;
    expect(report.policy).toEqual({ clinicalRecord: 'erase', measures: 'erase' });
    expect(report.lines.find((l) => l.kind === 'Questionnaire answers and scores')).toMatchObject({ outcome: 'removed', count: 1 });
    expect(report.lines.find((l) => l.kind === 'Questionnaire answers and scores')?.why).toContain('HEARTH_RETENTION_MEASURES=erase');
    const db = t.database.db;
    const id = world.participantB.id;
    expect(await db.selectFrom('measure_responses').select('id').where('participant_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('measure_courses').select('participant_id').where('participant_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('alerts').select('id').where('participant_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('attendance').select('session_id').where('enrolment_id', '=', world.enrolmentB).execute()).toEqual([]);
    expect(await db.selectFrom('agreement_acceptances').select('id').where('enrolment_id', '=', world.enrolmentB).execute()).toEqual([]);
    expect(await db.selectFrom('note_member_entries').select('note_id').where('enrolment_id', '=', world.enrolmentB).execute()).toEqual([]);
    const versions = await db.selectFrom('note_versions').select('content').execute();
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(v.content).not.toContain('Bea spoke');
    // The group's own note stays: it is about the group.
    expect(await db.selectFrom('group_notes').select('themes').where('session_id', '=', world.sessionB).execute()).toEqual([{ themes: 'Belonging' }]);
    const referral = await db.selectFrom('referrals').select(['reason', 'intake_notes']).where('participant_id', '=', id).execute();
    expect(referral.every((r) => r.intake_notes === null)).toBe(true);
    // The audit log is kept whatever the policy.
    expect(erasurePlan.find((s) => s.kind === 'Audit log')?.outcome(report.policy)).toBe('kept');
  });
});

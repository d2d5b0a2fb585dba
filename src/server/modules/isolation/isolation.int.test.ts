import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ISOLATION_THRESHOLDS } from '../../../shared/schemas/isolation.js';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { isolationWorld } from './isolation-testing.js';
import { runDailyEarlyWarning } from './run-early-warning.js';

let t: TestApp;
let world: World;
let w: ReturnType<typeof isolationWorld>;
let lead: Session;
let admin: Session;

type Member = { enrolmentId: string; user: TestUser; groupId: string };

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  w = isolationWorld(t);
  [lead, admin] = await Promise.all([signIn(t, world.clinicianA), signIn(t, world.admin)]);
});
afterAll(async () => t?.close());

const keys = (signals: { key: string }[]) => signals.map((s) => s.key);
const signal = (signals: { key: string; severity: string; figures: Record<string, unknown> }[], key: string) => signals.find((s) => s.key === key);
/** Three sessions held 21, 14 and 7 days ago, every member present unless told. */
async function sessions(groupId: string, members: Member[], statuses: Record<string, ('present' | 'late' | 'absent' | 'excused')[]> = {}) {
  for (const [i, daysAgo] of [21, 14, 7].entries()) {
    const id = await w.session(groupId, daysAgo);
    for (const m of members) await w.attend(id, m.enrolmentId, statuses[m.enrolmentId]?.[i] ?? 'present', world.clinicianA.id);
  }
}

describe('the signals, each from the existing tables, by the default thresholds', () => {
  it('attendance: missed in a row (watch at 2, reach out at 3) with the run’s first date, and lateness', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 4);
    const [twice, late, peer, thrice] = members as [Member, Member, Member, Member];
    await sessions(groupId, members, {
      [twice.enrolmentId]: ['present', 'absent', 'excused'],
      [late.enrolmentId]: ['late', 'present', 'late'],
      [thrice.enrolmentId]: ['absent', 'absent', 'absent'],
    });
    for (const m of members) await w.engaged(m, m === peer ? twice : peer);
    await w.run(groupId);
    const a = await w.snapshot(twice.enrolmentId);
    expect(a.level).toBe('watch');
    expect(signal(a.signals, 'attendance')).toMatchObject({
      severity: 'watch',
      figures: { missedInRow: 2, missedSince: w.ago(14), missedLast4Weeks: 2, sessionsLast4Weeks: 3, lastAttended: w.ago(21) },
    });
    expect(signal(a.signals, 'attendance')?.figures.missedSince).toBe(w.ago(14));
    const l = await w.snapshot(late.enrolmentId);
    expect(signal(l.signals, 'attendance')).toMatchObject({ severity: 'watch', figures: { missedInRow: 0, lateLast4Weeks: 2 } });
    expect(l.level).toBe('watch');
    const r = await w.snapshot(thrice.enrolmentId);
    expect([r.level, signal(r.signals, 'attendance')?.severity]).toEqual(['reach_out', 'reach_out']);
    expect((await w.snapshot(peer.enrolmentId)).level).toBe('none');
  });

  it('space: days since others’ posts waited unread (watch at 10, reach out at 21), not days since their own last post', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 3);
    const [behind, farBehind, poster] = members as [Member, Member, Member];
    await sessions(groupId, members);
    await w.message(poster, 24);
    await w.read(farBehind, 25);
    await w.read(behind, 23);
    await w.message(poster, 11);
    await w.read(poster, 0);
    for (const m of [behind, farBehind]) {
      await w.appreciate(m, poster, 3);
      await w.react(m, 3);
    }
    // `behind` read after the post of 24 days ago, so only the one of 11 days ago waits.
    await w.run(groupId);
    const b = await w.snapshot(behind.enrolmentId);
    expect(signal(b.signals, 'space_quiet')).toMatchObject({ severity: 'watch', figures: { quietDays: 11, unreadSince: w.ago(11), lastRead: w.ago(23), lastPost: null } });
    const f = await w.snapshot(farBehind.enrolmentId);
    expect(signal(f.signals, 'space_quiet')).toMatchObject({ severity: 'reach_out', figures: { quietDays: 24 } });
    expect(f.level).toBe('reach_out');
    expect(signal((await w.snapshot(poster.enrolmentId)).signals, 'space_quiet')).toBeUndefined();
  });

  it('a quiet reader who reads regularly but never posts, reacts or appreciates is not flagged', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 2);
    const [reader, talker] = members as [Member, Member];
    await sessions(groupId, members);
    for (const daysAgo of [20, 13, 6, 1]) {
      await w.message(talker, daysAgo);
      await w.read(reader, daysAgo - 0.5);
    }
    await w.run(groupId);
    const snap = await w.snapshot(reader.enrolmentId);
    // The soft signals are there to read, with their figures — and they raise nothing on their own.
    expect(keys(snap.signals).sort()).toEqual(['appreciations', 'posting', 'reactions']);
    expect(snap.signals.every((s) => s.soft)).toBe(true);
    expect(signal(snap.signals, 'posting')?.figures).toEqual({ postsLast4Weeks: 0 });
    expect(snap.level).toBe('none');
    expect(await t.database.db.selectFrom('isolation_flags').select('id').where('enrolment_id', '=', reader.enrolmentId).execute()).toEqual([]);
    // The same member who also stops reading is flagged, and the quiet habits are named alongside.
    await w.message(talker, 0.2);
    t.clock.advance(12 * 86_400_000);
    await w.run(groupId);
    const later = await w.snapshot(reader.enrolmentId);
    expect(later.level).toBe('watch');
    expect(keys(later.signals)).toEqual(expect.arrayContaining(['space_quiet', 'posting']));
    t.clock.advance(-12 * 86_400_000);
  });

  it('unanswered: threads and feedback requests nobody else answered after 3 days (watch 1, reach out 2)', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 3);
    const [asker, other, peer] = members as [Member, Member, Member];
    await sessions(groupId, members);
    for (const m of members) await w.engaged(m, m === peer ? asker : peer);
    const answered = await w.thread(asker, 6);
    await w.reply(answered, peer, 5);
    await w.thread(asker, 5);
    await w.thread(asker, 1); // within the grace period
    const request = await w.feedbackRequest(other, 8);
    await w.feedbackRequest(other, 7, request); // their own reply answers nothing
    await w.run(groupId);
    const a = await w.snapshot(asker.enrolmentId);
    expect(signal(a.signals, 'unanswered')).toMatchObject({ severity: 'watch', figures: { unanswered: 1, threads: 1, feedbackRequests: 0, oldest: w.ago(5) } });
    await w.feedbackRequest(asker, 10);
    await w.run(groupId);
    expect(signal((await w.snapshot(asker.enrolmentId)).signals, 'unanswered')).toMatchObject({
      severity: 'reach_out',
      figures: { unanswered: 2, threads: 1, feedbackRequests: 1, oldest: w.ago(10) },
    });
    expect(signal((await w.snapshot(other.enrolmentId)).signals, 'unanswered')).toMatchObject({ figures: { unanswered: 1, feedbackRequests: 1 } });
  });

  it('mood: PHQ-9 rising 3 (watch) or 6 (reach out), the loneliness answer rising 1 or 2, the latest within 4 weeks', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 5);
    const [phqUp, phqUpMore, lonelyUp, old, better] = members as [Member, Member, Member, Member, Member];
    await sessions(groupId, members);
    for (const m of members) await w.engaged(m, m === better ? phqUp : better);
    await w.answer(phqUp, 'phq-9', 8, 30);
    await w.answer(phqUp, 'phq-9', 11, 2);
    await w.answer(phqUpMore, 'phq-9', 5, 30);
    await w.answer(phqUpMore, 'phq-9', 11, 2);
    await w.answer(lonelyUp, 'ons-loneliness', 2, 30);
    await w.answer(lonelyUp, 'ons-loneliness', 4, 2);
    await w.answer(old, 'phq-9', 4, 60);
    await w.answer(old, 'phq-9', 14, 40);
    await w.answer(better, 'phq-9', 14, 30);
    await w.answer(better, 'phq-9', 8, 2);
    await w.run(groupId);
    expect(signal((await w.snapshot(phqUp.enrolmentId)).signals, 'mood')).toMatchObject({
      severity: 'watch',
      figures: { phq9Previous: 8, phq9Latest: 11, phq9LatestAt: w.ago(2) },
    });
    expect(signal((await w.snapshot(phqUpMore.enrolmentId)).signals, 'mood')).toMatchObject({ severity: 'reach_out' });
    expect(signal((await w.snapshot(lonelyUp.enrolmentId)).signals, 'mood')).toMatchObject({ severity: 'reach_out', figures: { lonelinessPrevious: 2, lonelinessLatest: 4 } });
    expect(signal((await w.snapshot(old.enrolmentId)).signals, 'mood')).toBeUndefined();
    expect(signal((await w.snapshot(better.enrolmentId)).signals, 'mood')).toBeUndefined();
  });

  it('goals: a shared goal not checked in for 14 days is a soft signal; private goals are never read', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 3);
    const [stale, secret, peer] = members as [Member, Member, Member];
    await sessions(groupId, members);
    for (const m of members) await w.engaged(m, m === peer ? stale : peer);
    await w.goal(stale, 'clinicians', 40, 20);
    await w.goal(stale, 'group', 5, null);
    await w.goal(secret, 'private', 40, null);
    await w.run(groupId);
    const s = await w.snapshot(stale.enrolmentId);
    expect(signal(s.signals, 'goals')).toMatchObject({ severity: 'watch', figures: { staleGoals: 1, lastCheckIn: w.ago(20) } });
    expect(s.level).toBe('none');
    expect(signal((await w.snapshot(secret.enrolmentId)).signals, 'goals')).toBeUndefined();
  });

  it('reach out when three signals fire together (the soft ones counting as one)', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 2);
    const [drifting, peer] = members as [Member, Member];
    await sessions(groupId, members, { [drifting.enrolmentId]: ['present', 'absent', 'absent'] });
    await w.engaged(peer, drifting);
    await w.thread(drifting, 6);
    await w.read(drifting, 1);
    await w.run(groupId);
    const d = await w.snapshot(drifting.enrolmentId);
    expect(d.signals.filter((s) => !s.soft).map((s) => [s.key, s.severity])).toEqual([
      ['attendance', 'watch'],
      ['unanswered', 'watch'],
    ]);
    expect(d.level).toBe('reach_out');
  });
});

describe('thresholds kept as data per service', () => {
  it('an admin changes them and the next run uses them', async () => {
    const { groupId, members } = await w.group(world.clinicianA.id, 2);
    const [m, peer] = members as [Member, Member];
    await sessions(groupId, members);
    await w.engaged(peer, m);
    await w.message(peer, 6);
    await w.appreciate(m, peer, 2);
    await w.read(m, 7);
    await w.run(groupId);
    expect(signal((await w.snapshot(m.enrolmentId)).signals, 'space_quiet')).toBeUndefined();
    const changed = await call(t.app, admin, 'PATCH', '/api/admin/isolation-thresholds', { quietDaysWatch: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ...DEFAULT_ISOLATION_THRESHOLDS, quietDaysWatch: 5 });
    expect((await call(t.app, admin, 'GET', '/api/admin/isolation-thresholds')).json().quietDaysWatch).toBe(5);
    await w.run(groupId);
    expect(signal((await w.snapshot(m.enrolmentId)).signals, 'space_quiet')).toMatchObject({ severity: 'watch', figures: { quietDays: 6 } });
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'isolation.thresholds.update').execute();
    expect(audit).toHaveLength(1);
    await call(t.app, admin, 'PATCH', '/api/admin/isolation-thresholds', { quietDaysWatch: DEFAULT_ISOLATION_THRESHOLDS.quietDaysWatch });
  });

  it.each([
    ['negative', { lateWatch: -1 }],
    ['zero where at least 1 is needed', { snoozeDays: 0 }],
    ['above the 28-day window', { quietDaysReachOut: 29 }],
    ['above the scale', { phq9RiseWatch: 28 }],
    ['a string', { quietDaysWatch: '5' }],
    ['not a whole number', { missedInRowWatch: 1.5 }],
    ['null', { goalDaysWatch: null }],
    ['an unknown threshold', { quietWeeks: 2 }],
    ['nothing', {}],
    ['watch above reach out', { missedInRowWatch: 4 }],
    ['one good and one bad', { lateWatch: 3, unansweredAfterDays: 40 }],
  ])('refuses %s with 400 and changes nothing', async (_label, body) => {
    const before = (await call(t.app, admin, 'GET', '/api/admin/isolation-thresholds')).json();
    const response = await call(t.app, admin, 'PATCH', '/api/admin/isolation-thresholds', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect((await call(t.app, admin, 'GET', '/api/admin/isolation-thresholds')).json()).toEqual(before);
  });

  it('is for admins: facilitators and members are refused', async () => {
    const member = await signIn(t, world.participantA);
    for (const s of [lead, member]) {
      expect((await call(t.app, s, 'PATCH', '/api/admin/isolation-thresholds', { lateWatch: 3 })).statusCode).toBe(403);
      expect((await call(t.app, s, 'GET', '/api/admin/isolation-thresholds')).statusCode).toBe(403);
    }
  });
});

describe('flags: why, suggested actions, reached out / dismissed, snooze', () => {
  let groupId: string;
  let drifting: Member;
  let peer: Member;
  let quiet: Member;

  beforeAll(async () => {
    const g = await w.group(world.clinicianA.id, 3);
    groupId = g.groupId;
    [drifting, peer, quiet] = g.members as [Member, Member, Member];
    await sessions(groupId, g.members, { [drifting.enrolmentId]: ['present', 'absent', 'absent'] });
    await w.engaged(peer, quiet);
    await w.engaged(quiet, peer);
    await w.read(drifting, 1);
    await w.appreciate(drifting, peer, 2);
    await w.react(drifting, 2);
    await w.message(drifting, 1);
  });

  it('raises one open flag showing each signal with its figures and dates, suggested actions and the trend', async () => {
    await w.run(groupId);
    await w.run(groupId); // twice the same day: still one flag and one snapshot
    const body = (await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).json();
    expect(body.flags).toHaveLength(1);
    const [flag] = body.flags;
    expect(flag).toMatchObject({ enrolmentId: drifting.enrolmentId, level: 'watch', status: 'open', groupId, displayName: drifting.user.displayName });
    expect(flag.signals).toEqual([
      expect.objectContaining({ key: 'attendance', severity: 'watch', soft: false, figures: expect.objectContaining({ missedInRow: 2, missedSince: w.ago(14) }) }),
    ]);
    expect(flag.signals[0].summary).toMatch(/^Missed 2 sessions in a row since \d{1,2} \w{3} \d{4}; 2 of 3 sessions missed in the last 4 weeks/);
    expect(flag.suggestedActions[0]).toMatch(/personal message/);
    expect(flag.trend).toEqual([{ day: t.clock.now().toISOString().slice(0, 10), level: 'watch', signals: 1 }]);
    expect(body.thresholds).toEqual(DEFAULT_ISOLATION_THRESHOLDS);
    const home = (await call(t.app, lead, 'GET', '/api/me/isolation-flags')).json();
    expect(home.flags.map((f: { id: string }) => f.id)).toContain(flag.id);
  });

  it('refuses a dismissal without a reason, records "reached out" once, and snoozes the member', async () => {
    const flag = (await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).json().flags[0];
    const url = `/api/isolation-flags/${flag.id}/decision`;
    for (const body of [{ outcome: 'dismissed' }, { outcome: 'dismissed', note: '  ' }, { outcome: 'ignored' }, { outcome: 'reached_out', note: 5 }]) {
      const bad = await call(t.app, lead, 'POST', url, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await t.database.db.selectFrom('isolation_flags').select('status').where('id', '=', flag.id).executeTakeFirstOrThrow()).status).toBe('open');
    const done = await call(t.app, lead, 'POST', url, { outcome: 'reached_out', note: 'Phoned; work shifts changed, coming next week.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'reached_out', decisionNote: 'Phoned; work shifts changed, coming next week.', decidedBy: world.clinicianA.displayName });
    expect(Math.abs(new Date(done.json().snoozedUntil).getTime() - (t.clock.now().getTime() + 14 * 86_400_000))).toBeLessThan(60_000);
    expect((await call(t.app, lead, 'POST', url, { outcome: 'dismissed', note: 'Changed my mind' })).statusCode).toBe(409);
    const body = (await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).json();
    expect(body.flags).toEqual([]);
    expect(body.decided).toEqual([expect.objectContaining({ id: flag.id, status: 'reached_out' })]);
    // A week later the signals are still there, but the member is snoozed: no new flag.
    t.clock.advance(7 * 86_400_000);
    lead = await signIn(t, world.clinicianA);
    await w.run(groupId);
    expect((await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).json().flags).toEqual([]);
    // A rise above the level decided on raises a new flag through the snooze.
    const id = await w.session(groupId, 0);
    await w.attend(id, drifting.enrolmentId, 'absent', world.clinicianA.id);
    await w.run(groupId);
    const again = (await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).json().flags;
    expect(again).toEqual([expect.objectContaining({ enrolmentId: drifting.enrolmentId, level: 'reach_out', status: 'open' })]);
    expect(again[0].trend.map((d: { level: string }) => d.level)).toEqual(['watch', 'watch', 'reach_out'].slice(-again[0].trend.length));
    // Dismissed with a reason: kept, and snoozed too.
    const dismissed = await call(t.app, lead, 'POST', `/api/isolation-flags/${again[0].id}/decision`, { outcome: 'dismissed', note: 'On holiday, agreed in advance.' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', decisionNote: 'On holiday, agreed in advance.' });
    const kept = await t.database.db
      .selectFrom('isolation_flags')
      .select(['status', 'decision_note'])
      .where('enrolment_id', '=', drifting.enrolmentId)
      .orderBy('raised_at')
      .execute();
    expect(kept).toEqual([
      { status: 'reached_out', decision_note: 'Phoned; work shifts changed, coming next week.' },
      { status: 'dismissed', decision_note: 'On holiday, agreed in advance.' },
    ]);
    t.clock.advance(-7 * 86_400_000);
    lead = await signIn(t, world.clinicianA);
  });

  it('clears an open flag when its signals resolve', async () => {
    const { groupId: g, members } = await w.group(world.clinicianA.id, 2);
    const [m, p] = members as [Member, Member];
    await sessions(g, members, { [m.enrolmentId]: ['present', 'absent', 'absent'] });
    await w.engaged(m, p);
    await w.engaged(p, m);
    await w.run(g);
    expect((await call(t.app, lead, 'GET', `/api/groups/${g}/isolation-flags`)).json().flags).toHaveLength(1);
    const id = await w.session(g, 0.5);
    await w.attend(id, m.enrolmentId, 'present', world.clinicianA.id);
    await w.run(g);
    expect((await call(t.app, lead, 'GET', `/api/groups/${g}/isolation-flags`)).json().flags).toEqual([]);
    expect((await t.database.db.selectFrom('isolation_flags').select('status').where('enrolment_id', '=', m.enrolmentId).executeTakeFirstOrThrow()).status).toBe('cleared');
  });
});

describe('visibility and audit', () => {
  let groupId: string;
  let flagged: Member;
  let peer: Member;
  let flagId: string;

  beforeAll(async () => {
    const g = await w.group(world.clinicianA.id, 2);
    groupId = g.groupId;
    [flagged, peer] = g.members as [Member, Member];
    await sessions(groupId, g.members, { [flagged.enrolmentId]: ['absent', 'absent', 'absent'] });
    await w.run(groupId);
    flagId = (await t.database.db.selectFrom('isolation_flags').select('id').where('enrolment_id', '=', flagged.enrolmentId).executeTakeFirstOrThrow()).id;
  });

  it('is visible to the group’s facilitators only: the member, peers and admins are refused; other groups’ facilitators and referrers get 404', async () => {
    expect((await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`)).statusCode).toBe(200);
    const [member, peerSession, otherLead] = await Promise.all([signIn(t, flagged.user), signIn(t, peer.user), signIn(t, world.clinicianB)]);
    // Role-level refusals: no member, peer or admin may read the early warning of any group (their
    // role has no isolation rule), so they get 403 `forbidden` before any object is looked up.
    const refused = (response: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    };
    for (const s of [member, peerSession, admin]) {
      refused(await call(t.app, s, 'GET', `/api/groups/${groupId}/isolation-flags`), 403, 'forbidden');
      refused(await call(t.app, s, 'GET', '/api/me/isolation-flags'), 403, 'forbidden');
      refused(await call(t.app, s, 'POST', `/api/isolation-flags/${flagId}/decision`, { outcome: 'reached_out' }), 403, 'forbidden');
    }
    // A referring clinician who does not facilitate the group is an outsider here.
    const referrer = await createUser(t, 'clinician');
    await t.database.db
      .insertInto('referrals')
      .values({
        id: newId(),
        group_id: groupId,
        participant_id: flagged.user.id,
        person_name: 'Referred',
        person_email: `r.${newId()}@test.hearth.local`,
        referred_by: referrer.id,
        reason: 'Isolation',
        status: 'enrolled',
        created_at: t.clock.now().toISOString(),
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    // Clinicians may read the early warning of the groups they facilitate: a group or flag outside
    // them is 404 `not_found`, as for every group-scoped object.
    for (const s of [otherLead, await signIn(t, referrer)]) {
      refused(await call(t.app, s, 'GET', `/api/groups/${groupId}/isolation-flags`), 404, 'not_found');
      refused(await call(t.app, s, 'POST', `/api/isolation-flags/${flagId}/decision`, { outcome: 'reached_out' }), 404, 'not_found');
      expect((await call(t.app, s, 'GET', '/api/me/isolation-flags')).json().flags).toEqual([]);
    }
    refused(await call(t.app, lead, 'POST', `/api/isolation-flags/${newId()}/decision`, { outcome: 'reached_out' }), 404, 'not_found');
    expect((await t.database.db.selectFrom('isolation_flags').select('status').where('id', '=', flagId).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('audits every read and every decision', async () => {
    const count = async (action: string) =>
      (
        await t.database.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', action)
          .where('actor_user_id', '=', world.clinicianA.id)
          .where('outcome', '=', 'success')
          .execute()
      ).length;
    const before = await count('isolation.read');
    await call(t.app, lead, 'GET', `/api/groups/${groupId}/isolation-flags`);
    await call(t.app, lead, 'GET', '/api/me/isolation-flags');
    expect(await count('isolation.read')).toBe(before + 2);
    const row = await t.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'group_id'])
      .where('action', '=', 'isolation.read')
      .where('resource_id', '=', groupId)
      .executeTakeFirst();
    expect(row).toEqual({ resource_id: groupId, group_id: groupId });
    const decisions = await count('isolation.reached_out');
    await call(t.app, lead, 'POST', `/api/isolation-flags/${flagId}/decision`, { outcome: 'reached_out' });
    expect(await count('isolation.reached_out')).toBe(decisions + 1);
  });
});

describe('the daily job', () => {
  it('runs once per UTC day across instances, for every active member of the service', async () => {
    const first = await runDailyEarlyWarning(t.database.db, t.clock.now());
    expect(first).toMatchObject({ day: t.clock.now().toISOString().slice(0, 10) });
    expect(first?.members).toBeGreaterThan(20);
    expect(await runDailyEarlyWarning(t.database.db, t.clock.now())).toBeNull();
    const run = await t.database.db.selectFrom('isolation_runs').selectAll().execute();
    expect(run).toEqual([expect.objectContaining({ members: first?.members, flagged: first?.flagged })]);
  });

  it('gives the event loop back between groups while it reads, so a large service keeps answering', async () => {
    const groups = await t.database.db.selectFrom('therapy_groups').select('id').where('status', '=', 'active').execute();
    expect(groups.length).toBeGreaterThan(1);
    const order: string[] = [];
    // Work queued behind the run (a request arriving): on SQLite every query is synchronous, so only a yield lets it in.
    setImmediate(() => order.push('other work'));
    const nextDay = new Date(t.clock.now().getTime() + 86_400_000);
    expect(await runDailyEarlyWarning(t.database.db, nextDay)).toMatchObject({ day: nextDay.toISOString().slice(0, 10) });
    order.push('run finished');
    expect(order).toEqual(['other work', 'run finished']);
  });
});

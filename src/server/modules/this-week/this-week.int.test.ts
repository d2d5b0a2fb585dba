import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, signIn, type Session, type World } from '../../testing/fixtures.js';
import { celebrationRow } from '../../testing/rows.js';
import { newGoalRow } from '../goals/repository.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { strategyBody, createExchangeWorld } from '../strategies/exchange-testing.js';

let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createExchangeWorld(t);
  [alice, aaron] = await Promise.all([signIn(t, world.participantA), signIn(t, world.participantA2)]);
});
afterAll(async () => t?.close());

async function insertGoal(participantId: string, enrolmentId: string | null, visibility: 'private' | 'clinicians' | 'group', action: string) {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('goals')
    .values({
      ...newGoalRow({ id, participantId, enrolmentId, area: 'Connection', action, frequency: 'twice a week', targetDate: '2027-01-31', supportNeeded: '', createdAt: now }),
      visibility,
      shared_group_id: visibility === 'group' ? world.groupA : null,
      shared_enrolment_id: visibility === 'group' ? enrolmentId : null,
      moderation_status: visibility === 'group' ? 'published' : null,
      shared_at: visibility === 'private' ? null : now,
    })
    .execute();
  return id;
}

describe('GET /api/me/this-week', () => {
  it('gathers the next session, goals with progress, peers’ new strategies and celebrations', async () => {
    const goalId = await insertGoal(world.participantA.id, world.enrolmentA, 'private', 'Call my sister');
    const now = t.clock.now().toISOString();
    await t.database.db.insertInto('goal_checkins').values({ id: newId(), goal_id: goalId, progress: 'some', note: 'Called once', created_at: now }).execute();
    const milestone = newId();
    await t.database.db
      .insertInto('goal_milestones')
      .values([
        { id: milestone, goal_id: goalId, position: 1, title: 'First call', reached_at: now, reached_note: null },
        { id: newId(), goal_id: goalId, position: 2, title: 'Weekly calls for a month', reached_at: null, reached_note: null },
      ])
      .execute();
    const cedarEnrolment = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
    await t.database.db
      .insertInto('celebrations')
      .values(
        celebrationRow({
          id: newId(),
          goalId,
          milestoneId: milestone,
          participantId: world.participantA.id,
          enrolmentId: world.enrolmentA,
          groupId: world.groupA,
          note: null,
          createdAt: now,
        }),
      )
      .execute();
    await call(t.app, aaron, 'POST', `/api/groups/${world.groupA}/strategies`, strategyBody);
    await call(t.app, alice, 'POST', `/api/groups/${world.groupA}/strategies`, { ...strategyBody, title: 'My own one' });

    const week = (await call(t.app, alice, 'GET', '/api/me/this-week')).json();
    expect(week.groups).toEqual([{ id: world.groupA, name: 'Group A', pseudonym: 'Willow' }]);
    expect(week.nextSession).toMatchObject({ id: world.upcomingA, groupName: 'Group A' });
    expect(week.goals).toEqual([
      expect.objectContaining({
        id: goalId,
        action: 'Call my sister',
        lastCheckin: expect.objectContaining({ progress: 'some' }),
        nextMilestone: 'Weekly calls for a month',
        milestonesReached: 1,
        milestonesTotal: 2,
      }),
    ]);
    expect(week.strategies.newCount).toBe(1);
    expect(week.strategies.latest[0]).toMatchObject({ title: strategyBody.title, authorPseudonym: 'Cedar' });
    expect(week.celebrations[0]).toMatchObject({ pseudonym: 'Willow', text: 'reached "First call"' });
    expect(cedarEnrolment).toBeTruthy();

    // Someone else's private goal never appears on a peer's home.
    const peerWeek = (await call(t.app, aaron, 'GET', '/api/me/this-week')).json();
    expect(peerWeek.goals).toEqual([]);
    expect(JSON.stringify(peerWeek)).not.toContain('Call my sister');
  });

  it('shows questionnaires that fell due, working them out at most every five minutes', async () => {
    await t.database.db
      .insertInto('measure_schedules')
      .values({
        id: newId(),
        programme_id: world.programmeId,
        group_id: null,
        instrument_code: 'phq-9',
        trigger: 'enrolment',
        every_n: null,
        created_by: world.clinicianA.id,
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    const checks = async () =>
      (await t.database.db.selectFrom('audit_events').select('id').where('actor_user_id', '=', world.participantA2.id).where('action', '=', 'me.this_week.due_checked').execute())
        .length;
    const before = await checks();
    t.clock.advance(6 * 60_000);
    const week = (await call(t.app, aaron, 'GET', '/api/me/this-week')).json();
    expect(week.dueCheckins).toEqual([expect.objectContaining({ code: 'phq-9', shortTitle: 'PHQ-9', reason: 'enrolment' })]);
    expect(await checks()).toBe(before + 1);
    await call(t.app, aaron, 'GET', '/api/me/this-week');
    expect(await checks()).toBe(before + 1);
    t.clock.advance(6 * 60_000);
    expect((await call(t.app, aaron, 'GET', '/api/me/this-week')).json().dueCheckins).toHaveLength(1);
    expect(await checks()).toBe(before + 2);
    expect(await t.database.db.selectFrom('measure_requests').select('id').where('participant_id', '=', world.participantA2.id).execute()).toHaveLength(1);
  });

  it('lists a questionnaire once when two schedules make it due at once', async () => {
    await t.database.db
      .insertInto('measure_schedules')
      .values({
        id: newId(),
        programme_id: null,
        group_id: world.groupA,
        instrument_code: 'phq-9',
        trigger: 'every_n_sessions',
        every_n: 1,
        created_by: world.clinicianA.id,
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    const enrolmentA2 = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
    await t.database.db
      .insertInto('attendance')
      .values({
        session_id: world.sessionA,
        enrolment_id: enrolmentA2,
        status: 'present',
        minutes: null,
        recorded_by: world.clinicianA.id,
        recorded_at: t.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['session_id', 'enrolment_id']).doUpdateSet({ status: 'present' }))
      .execute();
    t.clock.advance(6 * 60_000);
    const week = (await call(t.app, await signIn(t, world.participantA2), 'GET', '/api/me/this-week')).json();
    const due = await t.database.db.selectFrom('measure_requests').select('reason').where('participant_id', '=', world.participantA2.id).where('status', '=', 'due').execute();
    expect(due.length).toBe(2);
    expect(week.dueCheckins.filter((d: { code: string }) => d.code === 'phq-9')).toHaveLength(1);
  });

  it('is for participants only, and an outsider sees nothing of the group', async () => {
    expect((await call(t.app, await signIn(t, world.clinicianA), 'GET', '/api/me/this-week')).statusCode).toBe(403);
    const other = (await call(t.app, await signIn(t, world.participantB), 'GET', '/api/me/this-week')).json();
    expect(other.strategies.newCount).toBe(0);
    expect(other.celebrations.filter((c: { groupId: string }) => c.groupId === world.groupA)).toEqual([]);
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', world.enrolmentB).execute();
    const withdrawn = (await call(t.app, await signIn(t, world.participantB), 'GET', '/api/me/this-week')).json();
    expect(withdrawn.groups).toEqual([]);
    expect(withdrawn.nextSession).toBeNull();
  });
});

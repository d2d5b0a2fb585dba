import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World, establishAuthors, staffAroundTheClock } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { newGoalRow } from '../goals/repository.js';
import { enrolmentOf, strategyBody } from '../strategies/exchange-testing.js';

let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;
let clinA: Session;
let cedar: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await staffAroundTheClock(t, [world.groupA]);
  await establishAuthors(t, world.groupA, [world.participantA.id, world.participantA2.id]);
  [alice, aaron, clinA] = await Promise.all([signIn(t, world.participantA), signIn(t, world.participantA2), signIn(t, world.clinicianA)]);
  cedar = await enrolmentOf(t, world.participantA2.id, world.groupA);
});
afterAll(async () => t?.close());

type Member = { enrolmentId: string; pseudonym: string; shared: Record<string, number>; recentCount: number; level: string; lastActivityAt: string | null };
const activity = async (s: Session) => (await call(t.app, s, 'GET', `/api/groups/${world.groupA}/member-activity`)).json().members as Member[];
const willow = (members: Member[]) => members.find((m) => m.pseudonym === 'Willow');

describe('facilitator view of member activity', () => {
  it('counts what members shared, and never their private items', async () => {
    const strategy = (await call(t.app, alice, 'POST', `/api/groups/${world.groupA}/strategies`, strategyBody)).json();
    await call(t.app, aaron, 'PUT', `/api/strategies/${strategy.id}/mark`, { state: 'helped' });
    await call(t.app, alice, 'POST', `/api/groups/${world.groupA}/appreciations`, { recipientEnrolmentIds: [cedar], body: 'Thank you for listening.' });
    await call(t.app, alice, 'POST', `/api/groups/${world.groupA}/feedback-requests`, { body: 'I’d welcome feedback on how I come across.' });

    const before = await activity(clinA);
    expect(willow(before)).toMatchObject({
      shared: expect.objectContaining({ strategies: 1, appreciationsGiven: 1, feedbackRequests: 1, goals: 0 }),
      recentCount: 3,
      level: 'active',
    });
    expect(before.find((m) => m.pseudonym === 'Cedar')).toMatchObject({ shared: expect.objectContaining({ strategyMarks: 1, appreciationsReceived: 1 }) });

    // Private goals, private practice entries and journal entries change nothing.
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('goals')
      .values(
        newGoalRow({
          id: newId(),
          participantId: world.participantA.id,
          enrolmentId: world.enrolmentA,
          area: 'Sleep',
          action: 'Private goal',
          frequency: 'daily',
          targetDate: '2027-01-01',
          supportNeeded: '',
          createdAt: now,
        }),
      )
      .execute();
    await t.database.db
      .insertInto('journal_entries')
      .values({ id: newId(), participant_id: world.participantA.id, prompt: null, body: 'Private reflection', shared_with_clinician_at: null, created_at: now, updated_at: now })
      .execute();
    await t.database.db
      .insertInto('skill_practices')
      .values({
        id: newId(),
        participant_id: world.participantA.id,
        enrolment_id: world.enrolmentA,
        skill: 'I-statements',
        situation: 'At home',
        tried: 'Said how I felt',
        rating: 3,
        shared_group_id: null,
        shared_enrolment_id: null,
        moderation_status: null,
        shared_at: null,
        created_at: now,
      })
      .execute();
    t.clock.advance(60_000);
    const after = await activity(clinA);
    expect(willow(after)).toEqual(willow(before));

    const one = (await call(t.app, clinA, 'GET', `/api/enrolments/${world.enrolmentA}/activity`)).json().members;
    expect(one).toHaveLength(1);
    expect(one[0]).toEqual(willow(after));
  });

  it('is for the group’s facilitators only', async () => {
    expect((await call(t.app, alice, 'GET', `/api/groups/${world.groupA}/member-activity`)).statusCode).toBe(403);
    expect((await call(t.app, alice, 'GET', `/api/enrolments/${world.enrolmentA}/activity`)).statusCode).toBe(403);
    const clinB = await signIn(t, world.clinicianB);
    expect((await call(t.app, clinB, 'GET', `/api/groups/${world.groupA}/member-activity`)).statusCode).toBe(404);
    expect((await call(t.app, clinB, 'GET', `/api/enrolments/${world.enrolmentA}/activity`)).statusCode).toBe(404);
  });
});

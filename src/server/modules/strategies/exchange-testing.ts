import { createWorld, establishAuthors, staffAroundTheClock, type World } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';

/**
 * The two-group world for the peer exchange: both groups staffed around the clock (so nothing is
 * held for the time of day) and participants A and A2 established authors (their shares publish at once).
 */
export async function createExchangeWorld(t: TestApp): Promise<World> {
  const world = await createWorld(t);
  await staffAroundTheClock(t, [world.groupA, world.groupB]);
  await establishAuthors(t, world.groupA, [world.participantA.id, world.participantA2.id]);
  return world;
}

/** A second enrolment-bearing member's enrolment id. */
export async function enrolmentOf(t: TestApp, userId: string, groupId: string): Promise<string> {
  const row = await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', userId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
  return row.id;
}

export const strategyBody = {
  title: 'Box breathing before meetings',
  whenHelps: 'When my chest gets tight before a meeting.',
  steps: 'Breathe in for 4.\nHold for 4.\nOut for 4.\nHold for 4.',
};

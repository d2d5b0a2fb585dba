import type { TestApp } from '../../testing/test-app.js';

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

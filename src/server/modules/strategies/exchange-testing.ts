import { newId } from '../../lib/ids.js';
import type { TestApp } from '../../testing/test-app.js';

/** Test set-up for the peer exchange: groups staffed around the clock, members past the new-member hold. */
export async function openExchange(t: TestApp, groupIds: string[]): Promise<void> {
  const always = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));
  await t.database.db.updateTable('therapy_groups').set({ staffed_hours: always, moderation_mode: 'post' }).where('id', 'in', groupIds).execute();
}

/** Gives a member three published items in the moderation log, so their next ones publish directly. */
export async function establish(t: TestApp, groupId: string, authorId: string): Promise<void> {
  const at = t.clock.now().toISOString();
  await t.database.db
    .insertInto('moderation_log')
    .values(
      [1, 2, 3].map(() => ({
        id: newId(),
        item_kind: 'post',
        item_id: newId(),
        group_id: groupId,
        author_id: authorId,
        actor_id: null,
        action: 'published',
        reason: 'test',
        created_at: at,
      })),
    )
    .execute();
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

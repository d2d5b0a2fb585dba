import { newId } from '../../lib/ids.js';
import type { TestApp } from '../../testing/test-app.js';

const ALWAYS = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));

/**
 * Makes a group's space post-moderated and staffed around the clock, and lets `authors` count as
 * established members (three published items each), so their posts publish at once.
 */
export async function openSpace(t: TestApp, groupId: string, authors: readonly string[]): Promise<void> {
  const db = t.database.db;
  await db.updateTable('therapy_groups').set({ moderation_mode: 'post', staffed_hours: ALWAYS }).where('id', '=', groupId).execute();
  const now = t.clock.now().toISOString();
  for (const authorId of authors) {
    await db
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
          reason: 'fixture',
          risk_tier: 'none' as const,
          created_at: now,
        })),
      )
      .execute();
  }
}

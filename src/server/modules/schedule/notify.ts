import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { announceNotifications } from '../notifications/announce.js';
import { enrolmentAt } from '../../policy/membership.js';

/** In-app notice to every current member of a group (no clinical content). */
export async function notifyMembers(
  db: DbOrTx,
  input: { groupId: string; sessionId: string | null; kind: string; title: string; body: string; now: Date },
): Promise<number> {
  const members = await db
    .selectFrom('enrolments')
    .select('participant_id')
    .where('group_id', '=', input.groupId)
    .where(enrolmentAt('reach', 'status'))
    .execute();
  if (members.length === 0) return 0;
  await db
    .insertInto('notifications')
    .values(
      members.map((m) => ({
        id: newId(),
        user_id: m.participant_id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        group_id: input.groupId,
        session_id: input.sessionId,
        created_at: input.now.toISOString(),
        read_at: null,
      })),
    )
    .execute();
  await announceNotifications(db, members.map((m) => m.participant_id));
  return members.length;
}

import type { DbOrTx } from '../../db/database.js';
import { notify } from '../notifications/notify.js';
import { enrolmentAt } from '../../policy/membership.js';

/** In-app notice to every current member of a group (no clinical content). */
export async function notifyMembers(db: DbOrTx, input: { groupId: string; sessionId: string | null; kind: string; title: string; body: string; now: Date }): Promise<number> {
  const members = await db.selectFrom('enrolments').select('participant_id').where('group_id', '=', input.groupId).where(enrolmentAt('reach', 'status')).execute();
  if (members.length === 0) return 0;
  await notify(
    db,
    members.map((m) => ({ userId: m.participant_id, kind: input.kind, title: input.title, body: input.body, groupId: input.groupId, sessionId: input.sessionId })),
    input.now,
  );
  return members.length;
}

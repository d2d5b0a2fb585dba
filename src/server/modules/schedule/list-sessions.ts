import type { UseCaseContext } from '../../http/use-case.js';
import { presentSession } from './presenters.js';
import { listGroupSessions, sessionNumbers } from './repository.js';

/** A page of a group's sessions (upcoming, past or all), numbered within the group and shown in its time zone. */
export async function listSessions(ctx: UseCaseContext, groupId: string, filter: { when: 'upcoming' | 'past' | 'all'; limit: number; offset: number }) {
  const [group, rows, numbers] = await Promise.all([
    ctx.db.selectFrom('therapy_groups').select('timezone').where('id', '=', groupId).executeTakeFirstOrThrow(),
    listGroupSessions(ctx.db, groupId, { ...filter, now: ctx.now }),
    sessionNumbers(ctx.db, groupId),
  ]);
  return { sessions: rows.map((r) => presentSession(r, group.timezone, numbers)) };
}

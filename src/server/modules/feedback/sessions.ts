import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

/** Session numbers ("session 4") and topics for the given sessions, counted among the group's non-cancelled sessions. */
export async function sessionLabels(db: DbOrTx, sessionIds: string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = [...new Set(sessionIds)];
  if (ids.length === 0) return labels;
  const rows = await db
    .selectFrom('group_sessions as s')
    .select([
      's.id',
      's.topic',
      (eb) =>
        eb
          .selectFrom('group_sessions as s2')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('s2.group_id', '=', 's.group_id')
          .where('s2.status', '!=', 'cancelled')
          .whereRef('s2.starts_at', '<=', 's.starts_at')
          .as('position'),
    ])
    .where('s.id', 'in', ids)
    .execute();
  for (const r of rows) labels.set(r.id, `after session ${Number(r.position)}${r.topic ? ` — ${r.topic}` : ''}`);
  return labels;
}

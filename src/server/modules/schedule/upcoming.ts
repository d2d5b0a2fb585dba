import type { DbOrTx } from '../../db/database.js';
import { groupIdsAt } from '../../policy/membership.js';
import type { Principal } from '../../policy/policy.js';

/** The next sessions of the groups a person facilitates or takes part in (the `attend` membership level). */
export async function upcomingSessionsFor(db: DbOrTx, principal: Principal, now: Date, limit: number) {
  const groupIds = groupIdsAt(db, principal, 'attend');
  const rows = await db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.group_id', 'g.name', 's.starts_at', 's.ends_at', 'g.timezone', 's.topic', 's.status', 'g.location', 'g.meeting_url'])
    .where('s.group_id', 'in', groupIds)
    .where('s.ends_at', '>', now.toISOString())
    .orderBy('s.starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    groupName: r.name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: r.timezone,
    topic: r.topic,
    status: r.status,
    location: r.location,
    meetingUrl: r.meeting_url,
  }));
}

import type { DbOrTx } from '../../db/database.js';

/** A group's sessions with whether each has a note, in time order. */
export function listGroupSessions(db: DbOrTx, groupId: string, filter: { when: 'upcoming' | 'past' | 'all'; limit: number; offset: number; now: Date }) {
  let query = db
    .selectFrom('group_sessions as s')
    .leftJoin('group_notes as n', 'n.session_id', 's.id')
    .select(['s.id', 's.group_id', 's.starts_at', 's.ends_at', 's.topic', 's.status', 's.cancel_reason', 's.origin', 'n.status as note_status'])
    .where('s.group_id', '=', groupId);
  const nowIso = filter.now.toISOString();
  if (filter.when === 'upcoming') query = query.where('s.ends_at', '>', nowIso).orderBy('s.starts_at', 'asc');
  else if (filter.when === 'past') query = query.where('s.ends_at', '<=', nowIso).orderBy('s.starts_at', 'desc');
  else query = query.orderBy('s.starts_at', 'asc');
  return query.limit(filter.limit).offset(filter.offset).execute();
}

/** Start times of a group's sessions that count towards numbering (not cancelled). */
export async function sessionNumbers(db: DbOrTx, groupId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('group_sessions').select('id').where('group_id', '=', groupId).where('status', '!=', 'cancelled').orderBy('starts_at').execute();
  return new Map(rows.map((r, i) => [r.id, i + 1]));
}

export function findSession(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .leftJoin('group_notes as n', 'n.session_id', 's.id')
    .leftJoin('session_plans as p', 'p.id', 's.plan_id')
    .selectAll('s')
    .select([
      'g.name as group_name',
      'g.timezone',
      'g.location',
      'g.meeting_url',
      'n.status as note_status',
      'p.topic as plan_topic',
      'p.skill_focus',
      'p.exercises',
      'p.reflection_prompts',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/**
 * Who belongs at a session: members who had joined by its start and had not left, with their
 * recorded attendance. Roster changes therefore flow into every future session by themselves.
 */
export function sessionRoster(db: DbOrTx, session: { id: string; group_id: string; starts_at: string }) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .leftJoin('attendance as a', (join) => join.onRef('a.enrolment_id', '=', 'e.id').on('a.session_id', '=', session.id))
    .select(['e.id', 'e.pseudonym', 'e.status as enrolment_status', 'u.display_name', 'u.id as user_id', 'a.status as attendance', 'a.minutes'])
    .where('e.group_id', '=', session.group_id)
    .where('e.joined_at', 'is not', null)
    .where('e.joined_at', '<=', session.starts_at)
    .where((eb) => eb.or([eb('e.left_at', 'is', null), eb('e.left_at', '>', session.starts_at)]))
    .orderBy('e.pseudonym')
    .execute();
}

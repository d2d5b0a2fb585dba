import { facilitatorsWithNames } from '../../policy/membership.js';
import type { DbOrTx } from '../../db/database.js';
import type { AttendanceStatus } from '../../db/schema.js';

export interface SessionBounds {
  startsFrom?: string | undefined;
  startsBefore?: string | undefined;
}

/** What an export needs to know of its group. */
export function exportGroup(db: DbOrTx, groupId: string) {
  return db.selectFrom('therapy_groups').select(['id', 'name', 'timezone', 'billing_code']).where('id', '=', groupId).executeTakeFirstOrThrow();
}

/** The lead facilitator's name (the rendering provider on a claim), if the group has one. */
export async function leadFacilitatorName(db: DbOrTx, groupId: string): Promise<string | null> {
  const lead = (await facilitatorsWithNames(db, groupId)).find((f) => f.facilitator_role === 'lead');
  return lead?.display_name ?? null;
}

/** Recorded attendance of a group's held sessions, by session time then pseudonym. */
export function heldAttendance(db: DbOrTx, groupId: string, bounds: SessionBounds, statuses?: readonly AttendanceStatus[]) {
  let query = db
    .selectFrom('attendance as a')
    .innerJoin('group_sessions as s', 's.id', 'a.session_id')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .select(['s.id as session_id', 's.starts_at', 's.ends_at', 's.topic', 'e.id as enrolment_id', 'e.pseudonym', 'u.display_name', 'a.status', 'a.minutes'])
    .where('s.group_id', '=', groupId)
    .where('s.status', '=', 'held');
  if (bounds.startsFrom) query = query.where('s.starts_at', '>=', bounds.startsFrom);
  if (bounds.startsBefore) query = query.where('s.starts_at', '<', bounds.startsBefore);
  if (statuses) query = query.where('a.status', 'in', statuses);
  return query.orderBy('s.starts_at').orderBy('e.pseudonym').orderBy('e.id').execute();
}

import { facilitatorsWithNames } from '../../policy/membership.js';
import type { DbOrTx } from '../../db/database.js';
import type { AttendanceStatus } from '../../db/schema.js';

export interface SessionBounds {
  startsFrom?: string | undefined;
  startsBefore?: string | undefined;
}

/** What an export needs to know of its group. */
export function exportGroup(db: DbOrTx, groupId: string) {
  return db.selectFrom('therapy_groups').select(['id', 'name', 'timezone', 'billing_code', 'place_of_service']).where('id', '=', groupId).executeTakeFirstOrThrow();
}

/** The lead facilitator (the rendering provider on a claim) with their professional identifier, if the group has one. */
export async function leadFacilitator(db: DbOrTx, groupId: string): Promise<{ name: string; professionalIdentifier: string | null } | null> {
  const lead = (await facilitatorsWithNames(db, groupId)).find((f) => f.facilitator_role === 'lead');
  if (!lead) return null;
  const profile = await db.selectFrom('staff_profiles').select('professional_identifier').where('user_id', '=', lead.id).executeTakeFirst();
  return { name: lead.display_name, professionalIdentifier: profile?.professional_identifier ?? null };
}

/** Per enrolment of a group, the claim facts recorded for it: record number (in `system`), date of birth, diagnosis code. */
export async function claimFacts(db: DbOrTx, groupId: string, system: string) {
  const rows = await db
    .selectFrom('enrolments as e')
    .leftJoin('participant_profiles as pp', 'pp.participant_id', 'e.participant_id')
    .leftJoin('patient_identifiers as pi', (join) => join.onRef('pi.participant_id', '=', 'e.participant_id').on('pi.system', '=', system))
    .select(['e.id', 'e.diagnosis_code', 'pp.date_of_birth', 'pi.value as record_number'])
    .where('e.group_id', '=', groupId)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
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

import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { ACCESS_ENROLMENT_STATUSES } from '../../policy/scopes.js';

/** The member's enrolments that still keep them inside a group, with the group's name. */
export function currentEnrolments(db: DbOrTx, participantId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.id', 'e.group_id', 'e.pseudonym', 'e.referral_id', 'e.status', 'g.name as group_name'])
    .where('e.participant_id', '=', participantId)
    .where('e.status', 'in', ACCESS_ENROLMENT_STATUSES)
    .orderBy('e.created_at', 'desc')
    .execute();
}

export type CurrentEnrolment = Awaited<ReturnType<typeof currentEnrolments>>[number];

/**
 * The member's current enrolment to share into: the one named, else their most recent. Sharing
 * into a group one has left (or never joined) is refused with `not_in_group`.
 */
export async function requireCurrentEnrolment(db: DbOrTx, participantId: string, enrolmentId: string | null): Promise<CurrentEnrolment> {
  const current = await currentEnrolments(db, participantId);
  const found = enrolmentId ? current.find((e) => e.id === enrolmentId) : current[0];
  if (!found) throw new AppError('not_in_group', 'You are not a member of this group any more, so you cannot share with it.');
  return found;
}

export interface Clinician {
  id: string;
  name: string;
  relation: 'facilitator' | 'referrer';
}

/**
 * "My clinicians": the facilitators of the member's current groups and the clinicians who referred
 * them into those groups. The exact list a "shared with my clinicians" item reaches.
 */
export async function myClinicians(db: DbOrTx, participantId: string): Promise<Clinician[]> {
  const [facilitators, referrers] = await Promise.all([
    db
      .selectFrom('group_facilitators as f')
      .innerJoin('enrolments as e', 'e.group_id', 'f.group_id')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select(['u.id', 'u.display_name'])
      .where('e.participant_id', '=', participantId)
      .where('e.status', 'in', ACCESS_ENROLMENT_STATUSES)
      .where('u.status', '=', 'active')
      .execute(),
    db
      .selectFrom('referrals as r')
      .innerJoin('enrolments as e', 'e.referral_id', 'r.id')
      .innerJoin('users as u', 'u.id', 'r.referred_by')
      .select(['u.id', 'u.display_name'])
      .where('e.participant_id', '=', participantId)
      .where('e.status', 'in', ACCESS_ENROLMENT_STATUSES)
      .where('u.status', '=', 'active')
      .execute(),
  ]);
  const byId = new Map<string, Clinician>();
  for (const f of facilitators) byId.set(f.id, { id: f.id, name: f.display_name, relation: 'facilitator' });
  for (const r of referrers) if (!byId.has(r.id)) byId.set(r.id, { id: r.id, name: r.display_name, relation: 'referrer' });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}


/** Current members of a group other than `exceptUserId`, by pseudonym. */
export async function otherMembers(db: DbOrTx, groupId: string, exceptUserId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enrolments')
    .select('pseudonym')
    .where('group_id', '=', groupId)
    .where('participant_id', '!=', exceptUserId)
    .where('status', 'in', ACCESS_ENROLMENT_STATUSES)
    .orderBy('pseudonym')
    .execute();
  return rows.map((r) => r.pseudonym);
}

/** The caller's current enrolment in a group, if any (reacting needs one). */
export function enrolmentIn(db: DbOrTx, participantId: string, groupId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'pseudonym'])
    .where('group_id', '=', groupId)
    .where('participant_id', '=', participantId)
    .where('status', 'in', ACCESS_ENROLMENT_STATUSES)
    .executeTakeFirst();
}

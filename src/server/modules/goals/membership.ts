import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt, facilitatorIdsOf, memberGroupIds, notAMember, type MembershipLevel } from '../../policy/membership.js';

/** The member's enrolments at a membership level (by default: still inside the group), with the group's name. */
export function currentEnrolments(db: DbOrTx, participantId: string, level: MembershipLevel = 'reach') {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.id', 'e.group_id', 'e.pseudonym', 'e.referral_id', 'e.status', 'g.name as group_name'])
    .where('e.participant_id', '=', participantId)
    .where(enrolmentAt(level, 'e.status'))
    .orderBy('e.created_at', 'desc')
    .execute();
}

export type CurrentEnrolment = Awaited<ReturnType<typeof currentEnrolments>>[number];

/**
 * The member's enrolment to share into: the one named, else their most recent, holding the
 * `contribute` level. Sharing while invited or paused, or into a group one has left, is refused
 * with `not_a_member`.
 */
export async function requireCurrentEnrolment(db: DbOrTx, participantId: string, enrolmentId: string | null): Promise<CurrentEnrolment> {
  const current = await currentEnrolments(db, participantId, 'contribute');
  const found = enrolmentId ? current.find((e) => e.id === enrolmentId) : current[0];
  if (!found) throw notAMember('contribute', 'You can share with a group while you are a current member of it (not while invited or paused, nor after leaving).');
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
      .selectFrom('users as u')
      .select(['u.id', 'u.display_name'])
      .where('u.id', 'in', facilitatorIdsOf(db, memberGroupIds(db, participantId, 'reach')))
      .where('u.status', '=', 'active')
      .execute(),
    db
      .selectFrom('referrals as r')
      .innerJoin('enrolments as e', 'e.referral_id', 'r.id')
      .innerJoin('users as u', 'u.id', 'r.referred_by')
      .select(['u.id', 'u.display_name'])
      .where('e.participant_id', '=', participantId)
      .where(enrolmentAt('reach', 'e.status'))
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
    .where(enrolmentAt('reach', 'status'))
    .orderBy('pseudonym')
    .execute();
  return rows.map((r) => r.pseudonym);
}

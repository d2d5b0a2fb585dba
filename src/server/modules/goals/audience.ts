import type { Audience } from '../../../shared/schemas/goals.js';
import type { DbOrTx } from '../../db/database.js';
import { myClinicians, otherMembers, requireCurrentEnrolment, type CurrentEnrolment } from './membership.js';

/**
 * Exactly who would see an item of `ownerId` at a visibility. "clinicians" = the member's
 * clinicians (facilitators of their current groups and their referrers); "group" = those
 * clinicians and the current members of the group, listed by pseudonym.
 */
export async function audienceOf(
  db: DbOrTx,
  ownerId: string,
  visibility: 'clinicians' | 'group',
  enrolmentId: string | null,
): Promise<Audience & { enrolment: CurrentEnrolment | null }> {
  const clinicians = (await myClinicians(db, ownerId)).map((c) => ({ name: c.name, relation: c.relation }));
  if (visibility === 'clinicians') return { visibility, clinicians, group: null, enrolment: null };
  const enrolment = await requireCurrentEnrolment(db, ownerId, enrolmentId);
  const pseudonyms = await otherMembers(db, enrolment.group_id, ownerId);
  return { visibility, clinicians, group: { name: enrolment.group_name, memberCount: pseudonyms.length, pseudonyms }, enrolment };
}

/** True when `clinicianId` is one of the member's clinicians now (a withdrawn link ends it at once). */
export async function isMyClinician(db: DbOrTx, ownerId: string, clinicianId: string): Promise<boolean> {
  return (await myClinicians(db, ownerId)).some((c) => c.id === clinicianId);
}

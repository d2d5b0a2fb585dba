import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { findMembership } from '../../policy/membership.js';
import type { Viewer } from './repository.js';

/** The caller as a viewer of a group they are already known to reach (the route checked the group). */
export async function viewerFor(db: DbOrTx, principal: Principal, groupId: string): Promise<Viewer> {
  if (principal.role !== 'participant') return { userId: principal.userId, staff: true, enrolmentId: null };
  const membership = await findMembership(db, principal, groupId, 'reach');
  return { userId: principal.userId, staff: false, enrolmentId: membership?.enrolmentId ?? null };
}

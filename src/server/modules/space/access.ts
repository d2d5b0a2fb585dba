import type { DbOrTx } from '../../db/database.js';
import { findMembership, membershipsAt, notAMember, type Membership } from '../../policy/membership.js';
import type { Principal } from '../../policy/policy.js';

/** Who someone is inside one group's space. */
export interface SpaceViewer {
  userId: string;
  groupId: string;
  role: 'member' | 'staff';
  enrolmentId: string | null;
  /** How others see them: the pseudonym, or "Facilitator <first name>". */
  label: string;
}

/** The role a viewer writes with: staff as clinicians, members as participants. */
export function authorRoleOf(viewer: Pick<SpaceViewer, 'role'>): 'clinician' | 'participant' {
  return viewer.role === 'staff' ? 'clinician' : 'participant';
}

const TITLES = new Set(['dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir']);

/** How staff appear to participants: their role and first name only ("Dr Ada Okafor" → "Facilitator Ada"). */
export function staffLabel(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words.find((w) => !TITLES.has(w.replace(/\.$/, '').toLowerCase())) ?? '';
  return first ? `Facilitator ${first}` : 'Facilitator';
}

/** How the group knows a person: members by pseudonym, staff as "Facilitator <first name>". */
export function personLabel(role: string, pseudonym: string | null, displayName: string): string {
  return role === 'participant' ? (pseudonym ?? 'Member') : staffLabel(displayName);
}

/**
 * Only those holding the `enter_space` level enter a group's space: current (active) members and
 * the group's facilitators. Invited members have not accepted the agreement yet; paused, withdrawn
 * and completed members are outside.
 */
export async function findSpaceViewer(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, groupId: string): Promise<SpaceViewer | null> {
  const membership = await findMembership(db, principal, groupId, 'enter_space');
  if (!membership) return null;
  return viewerOf(membership, membership.kind === 'member' ? '' : await displayNameOf(db, principal.userId));
}

/** The caller's viewer in every space they may enter (two queries at most, whatever the number of groups). */
export async function spaceViewersOf(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>): Promise<SpaceViewer[]> {
  const memberships = await membershipsAt(db, principal, 'enter_space');
  const staffName = memberships.some((m) => m.kind === 'facilitator') ? await displayNameOf(db, principal.userId) : '';
  return memberships.map((m) => viewerOf(m, staffName));
}

async function displayNameOf(db: DbOrTx, userId: string): Promise<string> {
  const user = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
  return user.display_name;
}

function viewerOf(membership: Membership, staffDisplayName: string): SpaceViewer {
  return membership.kind === 'member'
    ? { userId: membership.userId, groupId: membership.groupId, role: 'member', enrolmentId: membership.enrolmentId, label: membership.pseudonym }
    : { userId: membership.userId, groupId: membership.groupId, role: 'staff', enrolmentId: null, label: staffLabel(staffDisplayName) };
}

/**
 * The viewer, or `not_a_member`. The route's object check already answered 404 outside the caller's
 * groups; a paused member still inside the group is told why they cannot enter.
 */
export async function requireSpaceViewer(db: DbOrTx, principal: Principal, groupId: string): Promise<SpaceViewer> {
  const viewer = await findSpaceViewer(db, principal, groupId);
  if (!viewer) throw notAMember('enter_space');
  return viewer;
}

/** The viewer in the group a post belongs to (the route's object check has found the post). */
export async function requirePostViewer(db: DbOrTx, principal: Principal, postId: string): Promise<SpaceViewer> {
  const post = await db.selectFrom('space_posts').select('group_id').where('id', '=', postId).executeTakeFirstOrThrow();
  return requireSpaceViewer(db, principal, post.group_id);
}

/** Enrolments whose posts this viewer does not want to see: muted and blocked. */
export async function hiddenAuthors(db: DbOrTx, viewer: SpaceViewer): Promise<Set<string>> {
  const muted = await db.selectFrom('space_mutes').select('muted_enrolment_id as id').where('user_id', '=', viewer.userId).where('group_id', '=', viewer.groupId).execute();
  const ids = new Set(muted.map((m) => m.id));
  if (viewer.enrolmentId) {
    const blocked = await db.selectFrom('space_blocks').select('blocked_enrolment_id as id').where('blocker_enrolment_id', '=', viewer.enrolmentId).execute();
    for (const b of blocked) ids.add(b.id);
  }
  return ids;
}

import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
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
 * Only current (active) members and the group's facilitators enter its space. Invited members
 * have not accepted the agreement yet; paused, withdrawn and completed members are outside.
 */
export async function findSpaceViewer(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, groupId: string): Promise<SpaceViewer | null> {
  if (principal.role === 'participant') {
    const row = await db
      .selectFrom('enrolments')
      .select(['id', 'pseudonym'])
      .where('group_id', '=', groupId)
      .where('participant_id', '=', principal.userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row ? { userId: principal.userId, groupId, role: 'member', enrolmentId: row.id, label: row.pseudonym } : null;
  }
  if (principal.role === 'clinician') {
    const row = await db
      .selectFrom('group_facilitators as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select('u.display_name')
      .where('f.group_id', '=', groupId)
      .where('f.user_id', '=', principal.userId)
      .executeTakeFirst();
    return row ? { userId: principal.userId, groupId, role: 'staff', enrolmentId: null, label: staffLabel(row.display_name) } : null;
  }
  return null;
}

/**
 * The viewer, or a refusal. The route's object check already answered 404 outside the caller's
 * groups; a paused member still inside the group is told why they cannot enter.
 */
export async function requireSpaceViewer(db: DbOrTx, principal: Principal, groupId: string): Promise<SpaceViewer> {
  const viewer = await findSpaceViewer(db, principal, groupId);
  if (!viewer) throw new AppError('forbidden', 'The group space is open to current members and the group’s facilitators.');
  return viewer;
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

import type { DbOrTx } from '../db/database.js';
import { isUuid } from '../lib/ids.js';
import type { Principal, Rule } from './policy.js';
import { ACCESS_ENROLMENT_STATUSES } from './scopes.js';

/** Kinds of object a route parameter can name. */
export type ObjectKind = 'group' | 'user' | 'authSession' | 'programme' | 'referral' | 'enrolment' | 'session' | 'response' | 'alert' | 'notification';

/** Where an object sits: its group, the person it belongs to, and who referred that person. */
interface Placement {
  groupId: string | null;
  ownerId: string | null;
  referrerId: string | null;
  /** Another clinician the object is assigned to (an escalated alert's backup clinician). */
  alsoClinicianId?: string | null;
}

const none = { groupId: null, ownerId: null, referrerId: null };

// Each kind knows only how to place one of its objects; the scope rules below are shared.
const placements: Record<ObjectKind, (db: DbOrTx, id: string) => Promise<Placement | undefined>> = {
  group: async (db, id) => {
    const row = await db.selectFrom('therapy_groups').select('id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.id };
  },
  user: async (db, id) => {
    const row = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.id };
  },
  authSession: async (db, id) => {
    const row = await db.selectFrom('auth_sessions').select('user_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.user_id };
  },
  programme: async (db, id) => {
    const row = await db.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst();
    return row && none;
  },
  referral: async (db, id) => {
    const row = await db.selectFrom('referrals').select(['group_id', 'participant_id', 'referred_by']).where('id', '=', id).executeTakeFirst();
    return row && { groupId: row.group_id, ownerId: row.participant_id, referrerId: row.referred_by };
  },
  enrolment: async (db, id) => {
    const row = await db
      .selectFrom('enrolments as e')
      .leftJoin('referrals as r', 'r.id', 'e.referral_id')
      .select(['e.group_id', 'e.participant_id', 'r.referred_by'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    return row && { groupId: row.group_id, ownerId: row.participant_id, referrerId: row.referred_by };
  },
  response: async (db, id) => {
    const row = await db
      .selectFrom('measure_responses as m')
      .leftJoin('enrolments as e', 'e.id', 'm.enrolment_id')
      .leftJoin('referrals as r', 'r.id', 'e.referral_id')
      .select(['m.group_id', 'm.participant_id', 'r.referred_by'])
      .where('m.id', '=', id)
      .executeTakeFirst();
    return row && { groupId: row.group_id, ownerId: row.participant_id, referrerId: row.referred_by };
  },
  alert: async (db, id) => {
    const row = await db
      .selectFrom('alerts as a')
      .leftJoin('enrolments as e', 'e.id', 'a.enrolment_id')
      .leftJoin('referrals as r', 'r.id', 'e.referral_id')
      .select(['a.group_id', 'a.participant_id', 'a.escalated_to', 'r.referred_by'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    // An alert escalated to a backup clinician is theirs to see, like a referral is its referrer's.
    return row && { groupId: row.group_id, ownerId: row.participant_id, referrerId: row.referred_by, alsoClinicianId: row.escalated_to };
  },
  session: async (db, id) => {
    const row = await db.selectFrom('group_sessions').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  notification: async (db, id) => {
    const row = await db.selectFrom('notifications').select('user_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.user_id };
  },
};

async function facilitates(db: DbOrTx, userId: string, groupId: string): Promise<boolean> {
  const row = await db.selectFrom('group_facilitators').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return !!row;
}

async function enrolledIn(db: DbOrTx, userId: string, groupId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('group_id', '=', groupId)
    .where('participant_id', '=', userId)
    .where('status', 'in', ACCESS_ENROLMENT_STATUSES)
    .executeTakeFirst();
  return !!row;
}

async function hasBreakGlass(db: DbOrTx, userId: string, groupId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('break_glass_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('group_id', '=', groupId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return !!row;
}

/**
 * Checks one named object against the route's rule: false for malformed ids, missing rows and
 * objects outside the rule's scope alike, so all three answer the same 404.
 */
export async function objectInScope(
  db: DbOrTx,
  principal: Principal,
  rule: Rule,
  kind: ObjectKind,
  id: string,
  now: Date,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const place = await placements[kind](db, id);
  if (!place) return false;
  switch (rule.scope) {
    case 'service':
      return true;
    case 'self':
      return place.ownerId === principal.userId;
    case 'break_glass':
      return !!place.groupId && hasBreakGlass(db, principal.userId, place.groupId, now);
    case 'own_groups':
      if (principal.role === 'clinician') {
        // A referring clinician follows the people they referred, whichever group they join.
        if (place.referrerId === principal.userId || place.alsoClinicianId === principal.userId) return true;
        return !!place.groupId && facilitates(db, principal.userId, place.groupId);
      }
      if (principal.role === 'participant') {
        // Participants never see others' objects, even inside their group (responses, alerts).
        if (place.ownerId !== null && kind !== 'group' && kind !== 'session') return place.ownerId === principal.userId;
        return !!place.groupId && enrolledIn(db, principal.userId, place.groupId);
      }
      return false;
  }
}

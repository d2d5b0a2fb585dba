import type { DbOrTx } from '../db/database.js';
import { isUuid } from '../lib/ids.js';
import { responsiblesOf } from './alert-responsibles.js';
import type { Principal, Rule } from './policy.js';
import { enrolmentAt, findMembership, isFacilitator, leadsGroupOfProgramme } from './membership.js';

/** Kinds of object a route parameter can name. */
export type ObjectKind =
  | 'group'
  | 'user'
  | 'authSession'
  | 'programme'
  | 'referral'
  | 'enrolment'
  | 'session'
  | 'response'
  | 'alert'
  | 'notification'
  | 'spaceThread'
  | 'spacePost'
  | 'goal'
  | 'milestone'
  | 'celebration'
  | 'skillPractice'
  | 'sharedPractice'
  | 'journalEntry'
  | 'strategy'
  | 'libraryEntry'
  | 'feedbackRequest'
  | 'moderatedItem'
  | 'participant'
  | 'watchedPhrase'
  | 'rotaShift'
  | 'isolationFlag'
  | 'bulkExport'
  | 'bulkExportFile';

/** Where an object sits: its group, the person it belongs to, and who referred that person. */
interface Placement {
  groupId: string | null;
  ownerId: string | null;
  referrerId: string | null;
  /** Other clinicians the object is assigned to (everyone who answers for an alert). */
  alsoClinicianIds?: readonly string[];
  /** A person in several groups (their safety plan): each group's facilitators and each referrer reach it. */
  alsoGroupIds?: readonly string[];
  alsoReferrerIds?: readonly string[];
}

const none = { groupId: null, ownerId: null, referrerId: null };

// Each kind knows only how to place one of its objects; the scope rules below are shared.
const placements: Record<ObjectKind, (db: DbOrTx, id: string) => Promise<Placement | undefined>> = {
  // An item shown to a group (any content kind), placed by its first moderation-log row: its group and author.
  moderatedItem: async (db, id) => {
    const row = await db.selectFrom('moderation_log').select(['group_id', 'author_id']).where('item_id', '=', id).orderBy('created_at').limit(1).executeTakeFirst();
    return row && { ...none, groupId: row.group_id, ownerId: row.author_id };
  },
  // A participant as a person: reached by the facilitators of any group they are (or were) in and by whoever referred them.
  participant: async (db, id) => {
    const user = await db.selectFrom('users').select('id').where('id', '=', id).where('role', '=', 'participant').executeTakeFirst();
    if (!user) return undefined;
    const [enrolments, referrals] = await Promise.all([
      db.selectFrom('enrolments').select('group_id').where('participant_id', '=', id).where(enrolmentAt('reach')).execute(),
      db.selectFrom('referrals').select('referred_by').where('participant_id', '=', id).execute(),
    ]);
    return { ...none, ownerId: id, alsoGroupIds: enrolments.map((e) => e.group_id), alsoReferrerIds: referrals.map((r) => r.referred_by) };
  },
  // An isolation flag belongs to its group alone: its facilitators reach it, not the member's referrer.
  isolationFlag: async (db, id) => {
    const row = await db.selectFrom('isolation_flags').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  // A FHIR $export job and its files are the administrator's who started it.
  bulkExport: async (db, id) => {
    const row = await db.selectFrom('fhir_export_jobs').select('requested_by').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.requested_by };
  },
  bulkExportFile: async (db, id) => {
    const row = await db
      .selectFrom('fhir_export_files as f')
      .innerJoin('fhir_export_jobs as j', 'j.id', 'f.job_id')
      .select('j.requested_by')
      .where('f.id', '=', id)
      .executeTakeFirst();
    return row && { ...none, ownerId: row.requested_by };
  },
  rotaShift: async (db, id) => {
    const row = await db.selectFrom('rota_shifts').select('id').where('id', '=', id).executeTakeFirst();
    return row && none;
  },
  watchedPhrase: async (db, id) => {
    const row = await db.selectFrom('watched_phrases').select('id').where('id', '=', id).executeTakeFirst();
    return row && none;
  },
  // Posts and threads belong to their group's space; which posts a member may see (held ones) is
  // decided per post in modules/space.
  spaceThread: async (db, id) => {
    const row = await db.selectFrom('space_threads').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  spacePost: async (db, id) => {
    const row = await db.selectFrom('space_posts').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
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
  // An alert is placed by who answers for it (policy/alert-responsibles.ts), not by its group alone.
  alert: async (db, id) => {
    const row = await db.selectFrom('alerts').select('participant_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.participant_id, alsoClinicianIds: await responsiblesOf(db, id) };
  },
  session: async (db, id) => {
    const row = await db.selectFrom('group_sessions').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  notification: async (db, id) => {
    const row = await db.selectFrom('notifications').select('user_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.user_id };
  },
  // Goals, practice entries and journal entries are their owner's alone; clinicians reach what was
  // shared with them through the member's record (modules/goals, modules/journal).
  goal: async (db, id) => {
    const row = await db.selectFrom('goals').select('participant_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.participant_id };
  },
  milestone: async (db, id) => {
    const row = await db.selectFrom('goal_milestones as m').innerJoin('goals as g', 'g.id', 'm.goal_id').select('g.participant_id').where('m.id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.participant_id };
  },
  skillPractice: async (db, id) => {
    const row = await db.selectFrom('skill_practices').select('participant_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.participant_id };
  },
  journalEntry: async (db, id) => {
    const row = await db.selectFrom('journal_entries').select('participant_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, ownerId: row.participant_id };
  },
  // A celebration card and a practice entry shared with a group belong to that group's space.
  celebration: async (db, id) => {
    const row = await db.selectFrom('celebrations').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  sharedPractice: async (db, id) => {
    const row = await db.selectFrom('skill_practices').select('shared_group_id').where('id', '=', id).where('shared_group_id', 'is not', null).executeTakeFirst();
    return row && { ...none, groupId: row.shared_group_id };
  },
  // Shared strategies and feedback requests belong to their group's exchange (who sees held ones is
  // decided in modules/strategies and modules/feedback); a library entry to the group it came from.
  strategy: async (db, id) => {
    const row = await db.selectFrom('strategies').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  libraryEntry: async (db, id) => {
    const row = await db.selectFrom('library_entries').select('group_id').where('id', '=', id).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
  feedbackRequest: async (db, id) => {
    const row = await db.selectFrom('feedback_items').select('group_id').where('id', '=', id).where('parent_id', 'is', null).executeTakeFirst();
    return row && { ...none, groupId: row.group_id };
  },
};

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
export async function objectInScope(db: DbOrTx, principal: Principal, rule: Rule, kind: ObjectKind, id: string, now: Date): Promise<boolean> {
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
    case 'led_programmes':
      return kind === 'programme' && principal.role === 'clinician' && leadsGroupOfProgramme(db, principal.userId, id);
    case 'own_groups':
      if (principal.role === 'clinician') {
        // A referring clinician follows the people they referred, whichever group they join.
        if (place.referrerId === principal.userId || place.alsoClinicianIds?.includes(principal.userId)) return true;
        if (place.alsoReferrerIds?.includes(principal.userId)) return true;
        for (const groupId of place.alsoGroupIds ?? []) if (await isFacilitator(db, principal.userId, groupId)) return true;
        return !!place.groupId && isFacilitator(db, principal.userId, place.groupId);
      }
      if (principal.role === 'participant') {
        // Participants never see others' objects, even inside their group (responses, alerts).
        if (place.ownerId !== null && kind !== 'group' && kind !== 'session') return place.ownerId === principal.userId;
        return !!place.groupId && (await findMembership(db, principal, place.groupId, 'reach')) !== null;
      }
      return false;
  }
}

import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { EnrolmentStatus } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { Principal } from './policy.js';

/**
 * Group membership as data: each named level says which enrolment statuses hold it and whether
 * the group's facilitators hold it too. Every membership check in the server goes through this
 * file (a guard test refuses enrolment-status filters and facilitator queries elsewhere), so a
 * level means the same on every surface. ARCHITECTURE.md lists which surface asks for which level.
 */
export const MEMBERSHIP_LEVELS = {
  /** In the group: its objects are visible (outside it everything is 404), listed to staff, notified, counted toward capacity. */
  reach: { statuses: ['invited', 'active', 'paused'], facilitators: true },
  /** On the roster: sessions on their calendar, counted as members, in the facilitators' digest. */
  attend: { statuses: ['active', 'paused'], facilitators: true },
  /**
   * Taking part: share, react, mark, post, appreciate and be appreciated, see the peers list; expected at
   * sessions. Invited members have not accepted the agreement yet; paused members are on an agreed break.
   */
  contribute: { statuses: ['active'], facilitators: true },
  /** Inside the group space (threads and chat): current members and the group's facilitators. */
  enter_space: { statuses: ['active'], facilitators: true },
  /** Owed questionnaires: members still in the programme and those who just completed it (the end measure). */
  measured: { statuses: ['active', 'paused', 'completed'], facilitators: false },
} as const satisfies Record<string, { statuses: readonly EnrolmentStatus[]; facilitators: boolean }>;

export type MembershipLevel = keyof typeof MEMBERSHIP_LEVELS;

/** The enrolment statuses that hold a level. */
export function statusesAt(level: MembershipLevel): readonly EnrolmentStatus[] {
  return MEMBERSHIP_LEVELS[level].statuses;
}

/** Whether an enrolment in this status holds the level. */
export function enrolmentHolds(level: MembershipLevel, status: EnrolmentStatus): boolean {
  return statusesAt(level).includes(status);
}

/** Whether a group's facilitators hold the level. */
export function facilitatorsHold(level: MembershipLevel): boolean {
  return MEMBERSHIP_LEVELS[level].facilitators;
}

/**
 * The SQL condition "this enrolment holds the level", on the given status column (e.g. `e.status`).
 * Plain `in (…)` with bound values: the same on SQLite and PostgreSQL.
 */
export function enrolmentAt(level: MembershipLevel, statusColumn = 'enrolments.status'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(statusColumn)} in (${sql.join(statusesAt(level))})`;
}

/** Subquery: the groups a participant holds the level in. */
export function memberGroupIds(db: DbOrTx, participantId: string, level: MembershipLevel) {
  return db.selectFrom('enrolments').select('enrolments.group_id').where('enrolments.participant_id', '=', participantId).where(enrolmentAt(level));
}

/** Subquery: the groups a clinician facilitates (lead or co-facilitator). */
export function facilitatedGroupIds(db: DbOrTx, userId: string) {
  return db.selectFrom('group_facilitators').select('group_facilitators.group_id').where('group_facilitators.user_id', '=', userId);
}

/** Subquery: the users who facilitate any of the given groups. */
export function facilitatorIdsOf(db: DbOrTx, groupIds: Expression<unknown> | readonly string[]) {
  const query = db.selectFrom('group_facilitators').select('group_facilitators.user_id');
  return Array.isArray(groupIds)
    ? query.where(
        'group_facilitators.group_id',
        'in',
        groupIds.length > 0
          ? (groupIds as readonly string[])
          : // Stryker disable next-line StringLiteral: the placeholder only keeps the list non-empty for PostgreSQL (`in ()` is a syntax error there); no group's id is '' or any other fixed text (ids are generated UUIDs), so any placeholder answers nobody
            [''],
      )
    : query.where(sql<SqlBool>`group_facilitators.group_id in (${groupIds as Expression<unknown>})`);
}

/** The user ids of a group's facilitators. */
export async function facilitatorsOf(db: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await facilitatorIdsOf(db, [groupId]).execute();
  return rows.map((r) => r.user_id);
}

/** Whether the user facilitates the group. */
export async function isFacilitator(db: DbOrTx, userId: string, groupId: string): Promise<boolean> {
  const row = await facilitatedGroupIds(db, userId).where('group_facilitators.group_id', '=', groupId).executeTakeFirst();
  return !!row;
}

/** Whether the user leads a forming or active group of the programme (a lead clinician of it). */
export async function leadsGroupOfProgramme(db: DbOrTx, userId: string, programmeId: string): Promise<boolean> {
  const row = await facilitatedGroupIds(db, userId)
    .innerJoin('therapy_groups', 'therapy_groups.id', 'group_facilitators.group_id')
    .where('group_facilitators.facilitator_role', '=', 'lead')
    .where('therapy_groups.programme_id', '=', programmeId)
    .where('therapy_groups.status', 'in', ['forming', 'active'])
    .executeTakeFirst();
  return !!row;
}

/**
 * Subquery: the groups this principal holds the level in — a clinician the groups they facilitate
 * (when facilitators hold the level), a participant the groups their enrolment holds it in.
 * Admins and everyone else: none (service-wide reads are the policy's `service` scope, not membership).
 */
export function groupIdsAt(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, level: MembershipLevel) {
  if (principal.role === 'participant') return memberGroupIds(db, principal.userId, level);
  const facilitated = facilitatedGroupIds(db, principal.userId);
  return principal.role === 'clinician' && facilitatorsHold(level) ? facilitated : facilitated.where(sql<SqlBool>`1 = 0`);
}

/** SQL condition: the group-id column names a group the principal holds the level in. */
export function inGroupsAt(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, level: MembershipLevel, groupIdColumn: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`${groupIdColumn} in (${groupIdsAt(db, principal, level)})`;
}

/** Who someone is in one group at a level: a member (with their enrolment) or one of its facilitators. */
export type Membership =
  | { kind: 'member'; userId: string; groupId: string; enrolmentId: string; pseudonym: string; status: EnrolmentStatus }
  | { kind: 'facilitator'; userId: string; groupId: string; enrolmentId: null; pseudonym: null; status: null };

/** The principal's membership of the group at the level, or null when they do not hold it. */
export async function findMembership(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, groupId: string, level: MembershipLevel): Promise<Membership | null> {
  if (principal.role === 'participant') {
    const row = await db
      .selectFrom('enrolments')
      .select(['enrolments.id', 'enrolments.pseudonym', 'enrolments.status'])
      .where('enrolments.group_id', '=', groupId)
      .where('enrolments.participant_id', '=', principal.userId)
      .where(enrolmentAt(level))
      .executeTakeFirst();
    return row ? { kind: 'member', userId: principal.userId, groupId, enrolmentId: row.id, pseudonym: row.pseudonym, status: row.status } : null;
  }
  if (principal.role === 'clinician' && facilitatorsHold(level) && (await isFacilitator(db, principal.userId, groupId))) {
    return { kind: 'facilitator', userId: principal.userId, groupId, enrolmentId: null, pseudonym: null, status: null };
  }
  return null;
}

/** Every group the principal holds the level in, with their membership of each: one query, whatever the number of groups. */
export async function membershipsAt(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>, level: MembershipLevel): Promise<Membership[]> {
  if (principal.role === 'participant') {
    const rows = await db
      .selectFrom('enrolments')
      .select(['enrolments.id', 'enrolments.group_id', 'enrolments.pseudonym', 'enrolments.status'])
      .where('enrolments.participant_id', '=', principal.userId)
      .where(enrolmentAt(level))
      .execute();
    return rows.map((row) => ({ kind: 'member', userId: principal.userId, groupId: row.group_id, enrolmentId: row.id, pseudonym: row.pseudonym, status: row.status }));
  }
  if (principal.role !== 'clinician' || !facilitatorsHold(level)) return [];
  const rows = await facilitatedGroupIds(db, principal.userId).execute();
  return rows.map((row) => ({ kind: 'facilitator', userId: principal.userId, groupId: row.group_id, enrolmentId: null, pseudonym: null, status: null }));
}

/** What the refusal says, per level: plain and actionable for the person who sees it. */
const REFUSALS: Record<MembershipLevel, string> = {
  reach: 'You are not a member of this group.',
  attend: 'Only members on this group’s roster can do this.',
  contribute: 'Only current members of this group can do this (not while invited or paused, nor after leaving).',
  enter_space: 'The group space is open to current members and the group’s facilitators.',
  measured: 'Only members in this programme have questionnaires to answer.',
};

/** The one refusal for a membership level not held: `not_a_member`. */
export function notAMember(level: MembershipLevel, message = REFUSALS[level]): AppError {
  return new AppError('not_a_member', message);
}

/**
 * The caller's membership of a group at a level, or `not_a_member`. Routes have already answered 404
 * for groups outside the caller's reach; this tells someone inside the group why they cannot do this.
 */
export async function requireMember(ctx: { db: DbOrTx; principal: Principal }, groupId: string, level: MembershipLevel): Promise<Membership> {
  const membership = await findMembership(ctx.db, ctx.principal, groupId, level);
  if (!membership) throw notAMember(level);
  return membership;
}

/** Like `requireMember`, for what only an enrolled member does (share a strategy, send an appreciation): facilitators are refused too. */
export async function requireEnrolledMember(ctx: { db: DbOrTx; principal: Principal }, groupId: string, level: MembershipLevel) {
  const membership = await requireMember(ctx, groupId, level);
  if (membership.kind !== 'member') throw notAMember(level);
  return membership;
}

/** A group's facilitators with their names, roles and account status, lead first: the group page, "who has been told", the digest. */
export function facilitatorsWithNames(db: DbOrTx, groupId: string) {
  return db
    .selectFrom('group_facilitators as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'u.status', 'f.facilitator_role'])
    .where('f.group_id', '=', groupId)
    .orderBy('f.facilitator_role', 'desc')
    .orderBy('u.display_name')
    .execute();
}

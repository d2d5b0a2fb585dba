import type { GroupDetail } from '../../../shared/schemas/groups.js';
import { notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { assertCan, hideFields } from '../../policy/policy.js';
import { absenceRule } from '../attendance/absence-alerts.js';
import { memberAttendance, roundRate } from '../attendance/summary.js';
import { groupCapacity } from './capacity.js';
import { findGroup, listFacilitators, listMembers } from './repository.js';

/** A group as the caller may see it: participants get pseudonyms and the schedule only. */
export async function groupDetail(ctx: UseCaseContext, groupId: string): Promise<GroupDetail> {
  const rule = assertCan(ctx.principal, 'group', 'read');
  const group = await findGroup(ctx.db, groupId);
  if (!group) throw notFound('This group');
  const isParticipant = ctx.principal.role === 'participant';
  const nowIso = ctx.now.toISOString();
  const [facilitators, members, next, attendance, capacity, held] = await Promise.all([
    listFacilitators(ctx.db, groupId),
    listMembers(ctx.db, groupId, isParticipant),
    ctx.db
      .selectFrom('group_sessions')
      .select(['id', 'starts_at', 'topic'])
      .where('group_id', '=', groupId)
      .where('status', '=', 'scheduled')
      .where('ends_at', '>', nowIso)
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst(),
    isParticipant ? Promise.resolve(new Map()) : memberAttendance(ctx.db, groupId),
    isParticipant ? Promise.resolve(null) : groupCapacity(ctx.db, groupId, ctx.now),
    ctx.db
      .selectFrom('group_sessions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('group_id', '=', groupId)
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow(),
  ]);
  // Who is in a psychiatric group is health information: every read of a roster is audited.
  await ctx.audit({ action: 'groups.roster.read', resourceType: 'group', resourceId: groupId, groupId });
  // Members listed as missing sessions: the same threshold as the "reach out" alert.
  const { after: missedInRowRisk } = await absenceRule(ctx.db);
  const totals = [...attendance.values()].reduce((acc, m) => ({ recorded: acc.recorded + m.recorded, attended: acc.attended + m.attended }), { recorded: 0, attended: 0 });
  const detail: GroupDetail = {
    id: group.id,
    name: group.name,
    programmeId: group.programme_id,
    programmeName: group.programme_name,
    status: group.status,
    kind: group.kind,
    capacity: group.capacity,
    minSize: group.min_size,
    createdAt: group.created_at,
    schedule:
      group.rrule && group.first_session_local
        ? { rrule: group.rrule, firstSessionLocal: group.first_session_local, timezone: group.timezone, durationMinutes: group.duration_minutes }
        : null,
    timezone: group.timezone,
    location: group.location,
    meetingUrl: group.meeting_url,
    billingCode: group.billing_code,
    placeOfService: group.place_of_service,
    nextSession: next ? { id: next.id, startsAt: next.starts_at, topic: next.topic } : null,
    facilitators: facilitators.map((f) => ({ userId: f.id, displayName: f.display_name, role: f.facilitator_role, email: f.email })),
    members: members.map((m) => ({
      enrolmentId: m.id,
      pseudonym: m.pseudonym,
      status: m.status,
      userId: m.user_id,
      displayName: m.display_name,
      email: m.email,
      joinedAt: m.joined_at,
      attendanceRate: roundRate(attendance.get(m.id)?.rate ?? null),
    })),
    attendanceAlerts: members
      .filter((m) => m.status === 'active' && (attendance.get(m.id)?.missedInRow ?? 0) >= missedInRowRisk)
      .map((m) => ({ enrolmentId: m.id, pseudonym: m.pseudonym, missedInRow: attendance.get(m.id)?.missedInRow ?? 0 })),
    attendanceRates: { group: roundRate(totals.recorded ? totals.attended / totals.recorded : null), heldSessions: Number(held.n) },
    ...(capacity ? { waitlist: { waiting: capacity.waiting, offered: capacity.offered, openPlaces: capacity.openPlaces } } : {}),
  };
  if (isParticipant) {
    for (const member of detail.members) {
      delete member.joinedAt;
      delete member.attendanceRate;
    }
  }
  return hideFields(rule, detail);
}

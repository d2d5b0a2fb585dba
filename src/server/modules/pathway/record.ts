import type { UseCaseContext } from '../../http/use-case.js';
import { memberAttendance, roundRate } from '../attendance/summary.js';
import { recordNumberSystem } from '../fhir/base.js';
import { claimDetailsOf } from './claim-details.js';
import { findReferral } from './repository.js';

/** A participant's record in one group: attendance, their sections of signed and draft notes, referral history, claim details. */
export async function participantRecord(ctx: UseCaseContext, enrolmentId: string) {
  const enrolment = await ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .selectAll('e')
    .select(['g.name as group_name', 'g.timezone', 'u.display_name', 'u.email'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const [attendance, notes, referral, summary, claim] = await Promise.all([
    ctx.db
      .selectFrom('attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .select(['s.id', 's.starts_at', 's.topic', 'a.status', 'a.minutes'])
      .where('a.enrolment_id', '=', enrolmentId)
      .orderBy('s.starts_at', 'desc')
      .execute(),
    ctx.db
      .selectFrom('note_member_entries as m')
      .innerJoin('group_notes as n', 'n.id', 'm.note_id')
      .innerJoin('group_sessions as s', 's.id', 'n.session_id')
      .select(['s.id as session_id', 's.starts_at', 's.topic', 'm.body', 'n.status', 'n.signed_at'])
      .where('m.enrolment_id', '=', enrolmentId)
      .orderBy('s.starts_at', 'desc')
      .execute(),
    enrolment.referral_id ? findReferral(ctx.db, enrolment.referral_id, ctx.now) : Promise.resolve(undefined),
    memberAttendance(ctx.db, enrolment.group_id, enrolmentId),
    claimDetailsOf(ctx.db, { id: enrolmentId, participantId: enrolment.participant_id }, recordNumberSystem(ctx.hearth.config)),
  ]);
  await ctx.audit({ action: 'records.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id });
  const stats = summary.get(enrolmentId);
  return {
    enrolment: {
      id: enrolment.id,
      groupId: enrolment.group_id,
      groupName: enrolment.group_name,
      pseudonym: enrolment.pseudonym,
      status: enrolment.status,
      joinedAt: enrolment.joined_at,
      leftAt: enrolment.left_at,
      statusReason: enrolment.status_reason,
      agreementVersion: enrolment.agreement_version,
      agreementAcceptedAt: enrolment.agreement_accepted_at,
    },
    person: { id: enrolment.participant_id, displayName: enrolment.display_name, email: enrolment.email },
    timezone: enrolment.timezone,
    attendanceRate: roundRate(stats?.rate ?? null),
    missedInRow: stats?.missedInRow ?? 0,
    attendance: attendance.map((a) => ({ sessionId: a.id, startsAt: a.starts_at, topic: a.topic, status: a.status, minutes: a.minutes })),
    notes: notes.map((n) => ({ sessionId: n.session_id, startsAt: n.starts_at, topic: n.topic, body: n.body, noteStatus: n.status, signedAt: n.signed_at })),
    referral: referral ?? null,
    claim,
  };
}

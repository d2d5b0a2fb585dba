import { hash } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { enrolmentHolds } from '../../policy/membership.js';
import { goalIdsSharedWithClinician } from '../goals/member-goals.js';
import { responseResources } from '../measures/response-fhir.js';
import { identifiersOf } from '../pathway/record-number.js';
import { collectionBundle, transactionBundle } from './bundle.js';
import { goalFromRow, toConsent, toEncounter, toFlag, toGroup, toPatient } from './resources.js';
import type { Bundle, HearthResource } from './types.js';

export const ATTENDED = ['present', 'late', 'left_early'] as const;

/**
 * One participant's record in one group as a FHIR R4 Bundle, for the group's clinicians: the
 * Patient (record numbers as identifiers), the Group (with this member only: the other members'
 * records are theirs), an Encounter per attended session, the goals shared with clinicians or the
 * group (never private ones), a Consent per group agreement version accepted, a Flag per open
 * safety alert of this group, and each questionnaire as QuestionnaireResponse + Observation.
 * `collection` for a record, `transaction` to POST to an EHR. Audited with what it held.
 */
export async function participantBundle(ctx: UseCaseContext, enrolmentId: string, type: 'collection' | 'transaction', base: string): Promise<Bundle> {
  const resources = await participantResources(ctx.db, enrolmentId, ctx.principal.userId, base);
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  const enrolment = resources[0]!;
  const groupId = resources.find((r) => r.resourceType === 'Group')?.id ?? null;
  await ctx.audit({ action: 'fhir.participant.export', resourceType: 'enrolment', resourceId: enrolmentId, groupId, detail: { type, patient: enrolment.id ?? '', ...counts } });
  return type === 'collection' ? collectionBundle(resources, base, ctx.now) : transactionBundle(resources, ctx.now);
}

/** The resources of the Bundle, Patient first. */
async function participantResources(db: DbOrTx, enrolmentId: string, viewerId: string, base: string): Promise<HearthResource[]> {
  const e = await db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .select([
      'e.id',
      'e.group_id',
      'e.participant_id',
      'e.status',
      'e.joined_at',
      'e.left_at',
      'g.name as group_name',
      'g.status as group_status',
      'g.meeting_url',
      'g.location',
      'p.name as programme_name',
      'u.display_name',
      'u.email',
      'u.status as user_status',
    ])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const participantId = e.participant_id;
  const [identifiers, attended, goalIds, acceptances, alerts, responses] = await Promise.all([
    identifiersOf(db, participantId),
    db
      .selectFrom('attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .select(['s.id as session_id', 's.starts_at', 's.ends_at', 's.topic', 'a.status', 'a.minutes'])
      .where('a.enrolment_id', '=', enrolmentId)
      .where('a.status', 'in', ATTENDED)
      .where('s.status', '!=', 'cancelled')
      .orderBy('s.starts_at')
      .execute(),
    goalIdsSharedWithClinician(db, participantId, viewerId),
    db
      .selectFrom('agreement_acceptances as aa')
      .innerJoin('group_agreements as ga', 'ga.id', 'aa.agreement_id')
      .select(['aa.id', 'aa.agreement_id', 'aa.version', 'aa.accepted_at', 'ga.body'])
      .where('aa.enrolment_id', '=', enrolmentId)
      .orderBy('aa.accepted_at')
      .execute(),
    db
      .selectFrom('alerts')
      .select(['id', 'kind', 'tier', 'created_at'])
      .where('participant_id', '=', participantId)
      .where('group_id', '=', e.group_id)
      .where('status', '!=', 'resolved')
      .orderBy('created_at')
      .execute(),
    db.selectFrom('measure_responses').selectAll().where('participant_id', '=', participantId).where('group_id', '=', e.group_id).orderBy('submitted_at').execute(),
  ]);
  const goals = goalIds.length ? await db.selectFrom('goals').selectAll().where('id', 'in', goalIds).orderBy('created_at').execute() : [];
  const milestones = goalIds.length
    ? await db.selectFrom('goal_milestones').select(['goal_id', 'title', 'reached_at']).where('goal_id', 'in', goalIds).orderBy('position').execute()
    : [];
  const measures = [];
  for (const row of responses) {
    const { questionnaireResponse, observation } = await responseResources(db, row, base);
    measures.push(questionnaireResponse, observation);
  }
  const online = e.meeting_url !== null && e.location === null;
  return [
    toPatient({ id: participantId, displayName: e.display_name, email: e.email, active: e.user_status !== 'deactivated', identifiers }),
    toGroup({
      id: e.group_id,
      name: e.group_name,
      programmeName: e.programme_name,
      active: e.group_status === 'active' || e.group_status === 'forming',
      members: [{ participantId, joinedAt: e.joined_at, leftAt: e.left_at, active: enrolmentHolds('contribute', e.status) }],
    }),
    ...attended.map((a) =>
      toEncounter({
        id: attendanceId(a.session_id, enrolmentId),
        participantId,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        topic: a.topic,
        online,
        attendance: a.status as (typeof ATTENDED)[number],
        minutes: a.minutes,
      }),
    ),
    ...goals.map((g) => goalFromRow(g, participantId, milestones)),
    ...acceptances.map((a, i) =>
      toConsent({
        id: a.id,
        participantId,
        programmeName: e.programme_name,
        version: a.version,
        acceptedAt: a.accepted_at,
        body: a.body,
        policyUri: `${base}/GroupAgreement/${a.agreement_id}`,
        current: i === acceptances.length - 1,
      }),
    ),
    ...alerts.map((a) => toFlag({ id: a.id, participantId, kind: a.kind, tier: a.tier, createdAt: a.created_at })),
    ...measures,
  ];
}

/** A stable id for one person's attendance at one session (FHIR ids are at most 64 characters: two UUIDs are not). */
export function attendanceId(sessionId: string, enrolmentId: string): string {
  // The one-shot hash: a Hash object per call cost a quarter of the service-wide $export's Encounter time.
  const hex = hash('sha256', `${sessionId}/${enrolmentId}`, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

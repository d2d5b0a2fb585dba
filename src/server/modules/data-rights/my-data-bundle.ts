import type { UseCaseContext } from '../../http/use-case.js';
import { enrolmentHolds } from '../../policy/membership.js';
import { collectionBundle } from '../fhir/bundle.js';
import { attendanceId } from '../fhir/participant-bundle.js';
import { toConsent, toEncounter, toGoal, toGroup, toPatient } from '../fhir/resources.js';
import type { Bundle, HearthResource } from '../fhir/types.js';
import { responseResources } from '../measures/response-fhir.js';
import { collectMyData, type MyData } from './collect-my-data.js';

const ATTENDED = new Set(['present', 'late', 'left_early']);

/**
 * "Download my data" as a FHIR R4 collection Bundle, built with the fhir module's builders: the
 * Patient (record numbers), each group they were in (with themselves as the only member), an
 * Encounter per session attended, every goal of theirs (private ones too: they are theirs), a
 * Consent per agreement version accepted, and each questionnaire as QuestionnaireResponse +
 * Observation. What has no FHIR resource here (journal, posts, safety plan, contact details) is in
 * the readable summary. Staff hold no clinical record: their Bundle is empty. Audited.
 */
export async function myDataBundle(ctx: UseCaseContext, base: string): Promise<Bundle> {
  const data = await collectMyData(ctx.db, ctx.principal.userId);
  const resources = data.account.role === 'participant' ? await participantResources(ctx, data, base) : [];
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  await ctx.audit({ action: 'data_rights.download.fhir', resourceType: 'user', resourceId: ctx.principal.userId, detail: counts });
  return collectionBundle(resources, base, ctx.now);
}

async function participantResources(ctx: UseCaseContext, data: MyData, base: string): Promise<HearthResource[]> {
  const participantId = data.account.id;
  const measures: HearthResource[] = [];
  for (const row of data.responseRows) {
    const { questionnaireResponse, observation } = await responseResources(ctx.db, row, base);
    measures.push(questionnaireResponse, observation);
  }
  return [
    toPatient({
      id: participantId,
      displayName: data.account.displayName,
      email: data.account.email,
      active: data.account.status !== 'deactivated',
      identifiers: data.identifiers,
    }),
    ...data.enrolments.map((e) =>
      toGroup({
        id: e.groupId,
        name: e.groupName,
        programmeName: e.programmeName,
        active: e.groupStatus === 'active' || e.groupStatus === 'forming',
        members: [{ participantId, joinedAt: e.joinedAt, leftAt: e.leftAt, active: enrolmentHolds('contribute', e.status) }],
      }),
    ),
    ...data.attendance
      .filter((a) => ATTENDED.has(a.status) && a.sessionStatus !== 'cancelled')
      .map((a) =>
        toEncounter({
          id: attendanceId(a.sessionId, a.enrolmentId),
          participantId,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          topic: a.topic,
          online: a.online,
          attendance: a.status as 'present' | 'late' | 'left_early',
          minutes: a.minutes,
        }),
      ),
    ...data.goals.map((g) =>
      toGoal({
        id: g.id,
        participantId,
        area: g.area,
        action: g.action,
        frequency: g.frequency,
        targetDate: g.targetDate,
        supportNeeded: g.supportNeeded,
        status: g.status,
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
        milestones: g.milestones.map((m) => ({ title: m.title, reachedAt: m.reachedAt })),
      }),
    ),
    ...data.consents.map((c) =>
      toConsent({
        id: c.id,
        participantId,
        programmeName: c.programmeName,
        version: c.version,
        acceptedAt: c.acceptedAt,
        body: c.body,
        policyUri: `${base}/GroupAgreement/${c.agreementId}`,
        current: c.current,
      }),
    ),
    ...measures,
  ];
}

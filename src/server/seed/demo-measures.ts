import { recordCourseStep } from '../modules/measures/courses.js';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { PHQ_9 } from '../../shared/instruments/builtins/index.js';
import { scoreResponse } from '../modules/measures/engine/score.js';

/** PHQ-9 at enrolment and after session 4, per pseudonym: most improve, Cedar worsens. */
const PHQ9_STORIES: Record<string, [number[], number[]]> = {
  Willow: [[2, 2, 2, 1, 2, 1, 2, 1, 0], [1, 1, 1, 1, 1, 0, 1, 0, 0]],
  Harbour: [[1, 2, 1, 1, 1, 1, 2, 1, 0], [1, 1, 1, 1, 0, 1, 1, 0, 0]],
  Juniper: [[2, 3, 2, 2, 1, 2, 2, 1, 0], [1, 1, 1, 1, 1, 1, 1, 0, 0]],
  Cedar: [[1, 1, 2, 1, 1, 1, 1, 0, 0], [2, 2, 2, 2, 1, 2, 2, 1, 0]],
  Skylark: [[2, 1, 2, 1, 1, 2, 1, 1, 0], [1, 1, 1, 1, 1, 1, 0, 0, 0]],
  Ember: [[2, 2, 3, 2, 2, 2, 2, 1, 0], [2, 1, 2, 1, 1, 1, 1, 1, 0]],
  Pebble: [[1, 1, 2, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1, 0, 0]],
};

/**
 * The demo programme asks for PHQ-9 and GAD-7 at enrolment and every four sessions; members
 * have answered PHQ-9 twice, so trajectories and the outcomes report have something to show.
 */
export async function seedDemoMeasures(
  trx: Transaction<DB>,
  input: { programmeId: string; groupId: string; createdBy: string; members: { enrolmentId: string; participantId: string; pseudonym: string; joinedAt: Date }[]; now: Date },
): Promise<void> {
  const scheduleIds: Record<string, string> = {};
  for (const [code, trigger, everyN] of [
    ['phq-9', 'enrolment', null],
    ['gad-7', 'enrolment', null],
    ['phq-9', 'every_n_sessions', 4],
    ['gad-7', 'every_n_sessions', 4],
  ] as const) {
    const id = newId();
    scheduleIds[`${code}:${trigger}`] = id;
    await trx.insertInto('measure_schedules').values({ id, programme_id: input.programmeId, group_id: null, instrument_code: code, trigger, every_n: everyN, created_by: input.createdBy, created_at: input.now.toISOString() }).execute();
  }
  for (const member of input.members) {
    const story = PHQ9_STORIES[member.pseudonym];
    if (!story) continue;
    for (const [index, values] of story.entries()) {
      const answers = Object.fromEntries(values.map((v, i) => [`phq9-${i + 1}`, v]));
      const scored = scoreResponse(PHQ_9, { version: PHQ_9.version, answers });
      if (!scored.ok) throw new Error('demo PHQ-9 answers do not score');
      const at = new Date(member.joinedAt.getTime() + index * 28 * 86_400_000 + 3_600_000);
      if (at > input.now) continue;
      const responseId = newId();
      const requestId = newId();
      const reason = index === 0 ? 'enrolment' : 'after-session:4';
      await trx
        .insertInto('measure_requests')
        .values({ id: requestId, enrolment_id: member.enrolmentId, participant_id: member.participantId, instrument_code: 'phq-9', schedule_id: scheduleIds[index === 0 ? 'phq-9:enrolment' : 'phq-9:every_n_sessions'] ?? null, session_id: null, reason, due_at: at.toISOString(), status: 'completed', response_id: responseId, created_at: at.toISOString(), completed_at: at.toISOString() })
        .execute();
      await trx
        .insertInto('measure_responses')
        .values({ id: responseId, participant_id: member.participantId, enrolment_id: member.enrolmentId, group_id: input.groupId, request_id: requestId, instrument_code: 'phq-9', instrument_version: PHQ_9.version, answers: JSON.stringify(answers), total: scored.total, band: scored.band?.label ?? null, caseness: scored.caseness ? 1 : 0, prorated: 0, idempotency_key: `demo-${responseId}`, submitted_at: at.toISOString() })
        .execute();
      await recordCourseStep(trx, { participantId: member.participantId, instrumentCode: 'phq-9', groupId: input.groupId, enrolmentId: member.enrolmentId, total: scored.total, submittedAt: at.toISOString() });
    }
  }
}

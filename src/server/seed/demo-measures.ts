import type { Transaction } from 'kysely';
import { ONS_LONELINESS, PHQ_9 } from '../../shared/instruments/builtins/index.js';
import type { Config } from '../config/env.js';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { ensureDueRequests } from '../modules/measures/due.js';
import { submitResponse } from '../modules/measures/submit-response.js';
import { seedContext } from './seed-context.js';

/** PHQ-9 at enrolment and after session 4, per pseudonym: most improve, Cedar worsens. */
const PHQ9_STORIES: Record<string, [number[], number[]]> = {
  Willow: [
    [2, 2, 2, 1, 2, 1, 2, 1, 0],
    [1, 1, 1, 1, 1, 0, 1, 0, 0],
  ],
  Harbour: [
    [1, 2, 1, 1, 1, 1, 2, 1, 0],
    [1, 1, 1, 1, 0, 1, 1, 0, 0],
  ],
  Juniper: [
    [2, 3, 2, 2, 1, 2, 2, 1, 0],
    [1, 1, 1, 1, 1, 1, 1, 0, 0],
  ],
  Cedar: [
    [1, 1, 2, 1, 1, 1, 1, 0, 0],
    [2, 2, 2, 2, 1, 2, 2, 1, 0],
  ],
  Skylark: [
    [2, 1, 2, 1, 1, 2, 1, 1, 0],
    [1, 1, 1, 1, 1, 1, 0, 0, 0],
  ],
  Ember: [
    [2, 2, 3, 2, 2, 2, 2, 1, 0],
    [2, 1, 2, 1, 1, 1, 1, 1, 0],
  ],
  Pebble: [
    [1, 1, 2, 1, 1, 1, 1, 0, 0],
    [1, 1, 1, 1, 1, 1, 1, 0, 0],
  ],
};

/** The ONS loneliness question (5 often/always … 1 never) at the same moments: most feel lonely less often; Cedar, who drifts, more. */
const LONELINESS_STORIES: Record<string, [number, number]> = { Willow: [4, 2], Harbour: [4, 3], Juniper: [5, 3], Cedar: [3, 4], Skylark: [4, 2], Ember: [5, 4], Pebble: [4, 4] };

/**
 * The demo programme asks for PHQ-9, GAD-7 and the ONS loneliness question at enrolment and every four sessions; members
 * have answered PHQ-9 (and the ONS loneliness question) twice, so trajectories and the outcomes report have something to show.
 * Answers go through measure submission at the moment they were given, so Cedar's reliable
 * deterioration raised its alert then, as it would have for real.
 */
export async function seedDemoMeasures(
  trx: Transaction<DB>,
  input: {
    config: Config;
    programmeId: string;
    groupId: string;
    createdBy: string;
    members: { enrolmentId: string; participantId: string; pseudonym: string; joinedAt: Date }[];
    now: Date;
  },
): Promise<void> {
  for (const [code, trigger, everyN] of [
    ['phq-9', 'enrolment', null],
    ['gad-7', 'enrolment', null],
    ['phq-9', 'every_n_sessions', 4],
    ['gad-7', 'every_n_sessions', 4],
    ['ons-loneliness', 'enrolment', null],
    ['ons-loneliness', 'every_n_sessions', 4],
  ] as const) {
    const id = newId();
    await trx
      .insertInto('measure_schedules')
      .values({
        id,
        programme_id: input.programmeId,
        group_id: null,
        instrument_code: code,
        trigger,
        every_n: everyN,
        created_by: input.createdBy,
        created_at: input.now.toISOString(),
      })
      .execute();
  }
  for (const member of input.members) {
    const story = PHQ9_STORIES[member.pseudonym];
    if (!story) continue;
    for (const [index, values] of story.entries()) {
      const at = new Date(member.joinedAt.getTime() + index * 28 * 86_400_000 + 3_600_000);
      if (at > input.now) continue;
      // As it happened: the questionnaire came due, the member answered it, the engine scored it
      // and its alert rules (item 9, reliable change) raised what they raise.
      await ensureDueRequests(trx, member.participantId, at);
      const answers = Object.fromEntries(values.map((v, i) => [`phq9-${i + 1}`, v]));
      await submitResponse(seedContext(trx, input.config, { id: member.participantId, role: 'participant' }, at), {
        instrumentCode: 'phq-9',
        version: PHQ_9.version,
        answers,
        idempotencyKey: `demo-phq9-${member.pseudonym}-${index}`,
      });
      const lonely = LONELINESS_STORIES[member.pseudonym]?.[index];
      if (lonely === undefined) continue;
      await submitResponse(seedContext(trx, input.config, { id: member.participantId, role: 'participant' }, new Date(at.getTime() + 60_000)), {
        instrumentCode: 'ons-loneliness',
        version: ONS_LONELINESS.version,
        answers: { [ONS_LONELINESS.items[0]?.linkId ?? '']: lonely },
        idempotencyKey: `demo-ons-loneliness-${member.pseudonym}-${index}`,
      });
    }
  }
}

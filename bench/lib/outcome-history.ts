import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { rebuildCourses } from '../../src/server/modules/measures/courses.js';
import { scoreResponse } from '../../src/server/modules/measures/engine/score.js';
import { PHQ_9 } from '../../src/shared/instruments/builtins/phq-9.js';
import { insertInChunks, mulberry32 } from './group-history.js';

/** What addOutcomeHistory inserted. */
export interface OutcomeHistory {
  participants: number;
  responses: number;
  seconds: number;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Gives every enrolled participant `perParticipant` PHQ-9 responses, one a week from their join
 * date, scored by Hearth's own engine. Each person follows a course of their own: a starting
 * severity between 5 and 26, then improvement, no change or deterioration with week-to-week noise,
 * so the report's reliable-change, recovery and effect-size figures have real work to do.
 */
export async function addOutcomeHistory(db: Db, perParticipant: number, now = new Date()): Promise<OutcomeHistory> {
  const started = performance.now();
  const random = mulberry32(4_2026);
  const enrolments = await db.selectFrom('enrolments').select(['id', 'participant_id', 'group_id', 'joined_at']).orderBy('id').execute();
  const rows: Insertable<DB['measure_responses']>[] = [];
  for (const enrolment of enrolments) {
    const start = 5 + Math.floor(random() * 22);
    const course = random();
    // About half improve by 3–15 points, a third stay about the same, the rest get worse by up to 6.
    const change = course < 0.5 ? -(3 + random() * 12) : course < 0.83 ? random() * 4 - 2 : random() * 6;
    const joined = new Date(enrolment.joined_at ?? now).getTime();
    const latestStart = now.getTime() - perParticipant * WEEK_MS;
    const first = Math.min(joined, latestStart);
    for (let k = 0; k < perParticipant; k++) {
      const target = start + (change * k) / Math.max(1, perParticipant - 1) + (random() * 4 - 2);
      const answers = spreadOverItems(target, random);
      const scored = scoreResponse(PHQ_9, { version: PHQ_9.version, answers });
      if (!scored.ok) throw new Error(`A generated PHQ-9 response did not score: ${JSON.stringify(scored.errors)}`);
      rows.push({
        id: newId(),
        participant_id: enrolment.participant_id,
        enrolment_id: enrolment.id,
        group_id: enrolment.group_id,
        request_id: null,
        instrument_code: PHQ_9.id,
        instrument_version: PHQ_9.version,
        answers: JSON.stringify(answers),
        total: scored.total,
        band: scored.band?.label ?? null,
        caseness: scored.caseness ? 1 : 0,
        prorated: scored.prorated ? 1 : 0,
        idempotency_key: newId(),
        submitted_at: new Date(first + k * WEEK_MS + Math.floor(random() * 3_600_000)).toISOString(),
      });
    }
  }
  await insertInChunks(db, 'measure_responses', rows);
  // Submissions keep the course rows the report reads; a bulk load rebuilds them once.
  await rebuildCourses(db);
  return { participants: enrolments.length, responses: rows.length, seconds: (performance.now() - started) / 1000 };
}

/** Nine item answers (0–3) summing to about `total`, item 9 kept at 0 so no risk alert logic is implied. */
function spreadOverItems(total: number, random: () => number): Record<string, number> {
  let remaining = Math.max(0, Math.min(24, Math.round(total)));
  const answers: Record<string, number> = {};
  const order = [1, 2, 3, 4, 5, 6, 7, 8].sort(() => random() - 0.5);
  for (const [i, item] of order.entries()) {
    const slotsLeft = order.length - i;
    const value = Math.min(3, Math.max(0, Math.round(remaining / slotsLeft + (random() - 0.5))));
    answers[`phq9-${item}`] = value;
    remaining -= value;
  }
  answers['phq9-9'] = 0;
  answers['phq9-difficulty'] = Math.max(0, Math.min(3, Math.floor(total / 7)));
  return answers;
}

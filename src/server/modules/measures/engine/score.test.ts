import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { CONNECTED_CHECK_IN, GAD_2, GAD_7, PHQ_2, PHQ_9, SESSION_CHECK_IN } from '../../../../shared/instruments/builtins/index.js';
import { scoreMany, scoreResponse, type ScoreResult, type ScoredResponse } from './score.js';

/** Answers to a 0–3 instrument that add up to `total`, filling items from the last one (so PHQ-9 item 9 is used only when needed). */
function answersFor(definition: InstrumentDefinition, total: number, fromFirst = false): Record<string, number> {
  const scored = definition.items.filter((item) => item.scored).map((item) => item.linkId);
  const order = fromFirst ? scored : [...scored].reverse();
  const answers: Record<string, number> = {};
  let left = total;
  for (const linkId of order) {
    answers[linkId] = Math.min(3, left);
    left -= answers[linkId];
  }
  if (left !== 0) throw new Error(`total ${total} is out of range`);
  return answers;
}

function scored(result: ScoreResult): ScoredResponse {
  if (!result.ok) throw new Error(`expected a score, got ${JSON.stringify(result.errors)}`);
  return result;
}

const score = (definition: InstrumentDefinition, answers: Record<string, number | null>) => scoreResponse(definition, { version: definition.version, answers });

describe('PHQ-9 band boundaries', () => {
  it.each([
    [0, 'Minimal', 0, false],
    [4, 'Minimal', 0, false],
    [5, 'Mild', 1, false],
    [9, 'Mild', 1, false],
    [10, 'Moderate', 2, true],
    [14, 'Moderate', 2, true],
    [15, 'Moderately severe', 3, true],
    [19, 'Moderately severe', 3, true],
    [20, 'Severe', 4, true],
    [27, 'Severe', 4, true],
  ])('total %i is %s (severity %i), caseness %s', (total, label, severity, caseness) => {
    const result = scored(score(PHQ_9, answersFor(PHQ_9, total, true)));
    expect(result).toMatchObject({ total, band: { label, severity }, caseness, prorated: false, missingCount: 0 });
  });
});

describe('GAD-7 band boundaries', () => {
  it.each([
    [0, 'Minimal', false],
    [4, 'Minimal', false],
    [5, 'Mild', false],
    [7, 'Mild', false],
    [8, 'Mild', true],
    [9, 'Mild', true],
    [10, 'Moderate', true],
    [14, 'Moderate', true],
    [15, 'Severe', true],
    [21, 'Severe', true],
  ])('total %i is %s, caseness %s', (total, label, caseness) => {
    const result = scored(score(GAD_7, answersFor(GAD_7, total)));
    expect(result).toMatchObject({ total, band: { label }, caseness });
    expect(result.alerts).toEqual([]);
  });
});

describe('PHQ-2 and GAD-2 positive screen', () => {
  it.each([PHQ_2, GAD_2].flatMap((definition) => [0, 2, 3, 6].map((total) => [definition.shortTitle, total, definition] as const)))('%s total %i', (_name, total, definition) => {
    const result = scored(score(definition, answersFor(definition, total)));
    const positive = total >= 3;
    expect(result).toMatchObject({
      total,
      caseness: positive,
      band: { label: positive ? 'Positive screen' : 'Negative screen' },
    });
  });

  it('needs both items', () => {
    expect(score(PHQ_2, { 'phq2-1': 3, 'phq2-2': null })).toEqual({
      ok: false,
      errors: [{ path: 'answers.phq2-2', code: 'missing_required', message: 'Answer this question: it is required.' }],
      alerts: [],
    });
  });
});

describe('PHQ-9 item 9 safety alert', () => {
  it.each([0, 1, 2, 3])('item 9 = %i', (value) => {
    const result = scored(score(PHQ_9, { ...answersFor(PHQ_9, 0), 'phq9-9': value }));
    expect(result.total).toBe(value);
    expect(result.alerts).toEqual(value >= 1 ? [{ tier: 'urgent', linkId: 'phq9-9', value, message: PHQ_9.alertRules[0]?.message }] : []);
  });

  it('still raises the alert when the rest of the form cannot be scored', () => {
    const result = score(PHQ_9, { 'phq9-1': 2, 'phq9-9': 2 });
    expect(result.ok).toBe(false);
    expect(result.alerts).toEqual([expect.objectContaining({ tier: 'urgent', linkId: 'phq9-9', value: 2 })]);
  });

  it('does not raise alerts for answers to another version', () => {
    const result = scoreResponse(PHQ_9, { version: 2, answers: { ...answersFor(PHQ_9, 0), 'phq9-9': 3 } });
    expect(result).toMatchObject({ ok: false, alerts: [] });
  });
});

describe('missing items', () => {
  it('prorates one missing PHQ-9 item (mean of the eight answered × 9, one decimal)', () => {
    const answers: Record<string, number | null> = { ...answersFor(PHQ_9, 9, true), 'phq9-8': null };
    // Items 1–3 are 3, 3, 3: 9 over 8 answered items → 9 × 9 / 8 = 10.125 → 10.1.
    const result = scored(score(PHQ_9, answers));
    expect(result).toMatchObject({
      total: 10.1,
      prorated: true,
      answeredCount: 8,
      missingCount: 1,
      caseness: true,
      band: { label: 'Moderate' },
    });
    expect(result.itemScores['phq9-8']).toBeNull();
  });

  it('keeps a prorated total between two bands in the lower band', () => {
    // Eight answered items summing to 4 → 4 × 9 / 8 = 4.5: above Minimal's 4, below Mild's 5.
    const low: Record<string, number | null> = { ...answersFor(PHQ_9, 4, true), 'phq9-5': null };
    expect(scored(score(PHQ_9, low))).toMatchObject({ total: 4.5, band: { label: 'Minimal' }, caseness: false });
    // Summing to 13 → 14.625 → 14.6 (Moderate); to 17 → 19.125 → 19.1 (Moderately severe).
    const middle: Record<string, number | null> = { ...answersFor(PHQ_9, 13, true), 'phq9-8': null };
    expect(scored(score(PHQ_9, middle))).toMatchObject({ total: 14.6, band: { label: 'Moderate' }, caseness: true });
    const high: Record<string, number | null> = { ...answersFor(PHQ_9, 17, true), 'phq9-8': null };
    expect(scored(score(PHQ_9, high))).toMatchObject({ total: 19.1, band: { label: 'Moderately severe' } });
  });

  it('refuses a second missing PHQ-9 item', () => {
    const answers = { ...answersFor(PHQ_9, 9, true), 'phq9-7': null, 'phq9-8': null };
    expect(score(PHQ_9, answers)).toEqual({
      ok: false,
      errors: [
        {
          path: 'answers',
          code: 'too_many_missing',
          message: '2 questions are unanswered; PHQ-9 can be scored with at most 1 unanswered.',
        },
      ],
      alerts: [],
    });
  });

  it('never prorates PHQ-9 item 9', () => {
    const answers = { ...answersFor(PHQ_9, 5, true), 'phq9-9': null };
    expect(score(PHQ_9, answers)).toMatchObject({
      ok: false,
      errors: [{ path: 'answers.phq9-9', code: 'missing_required' }],
    });
  });

  it('does not count the unscored difficulty question, answered or not', () => {
    const base = answersFor(PHQ_9, 12);
    expect(scored(score(PHQ_9, { ...base, 'phq9-difficulty': 3 }))).toMatchObject({ total: 12, prorated: false });
    expect(scored(score(PHQ_9, base)).itemScores).not.toHaveProperty('phq9-difficulty');
  });

  it('scores the session check-in as the mean of the answered ratings', () => {
    expect(scored(score(SESSION_CHECK_IN, { feel: 7, connected: 8, useful: 6 }))).toMatchObject({
      total: 7,
      prorated: false,
      band: null,
      caseness: false,
    });
    expect(scored(score(SESSION_CHECK_IN, { feel: 7, connected: 8, useful: null }))).toMatchObject({
      total: 7.5,
      prorated: true,
    });
    expect(scored(score(SESSION_CHECK_IN, { feel: 1, connected: 1, useful: 2 })).total).toBe(1.3);
    expect(score(SESSION_CHECK_IN, { feel: 7 })).toMatchObject({
      ok: false,
      errors: [{ path: 'answers', code: 'too_many_missing' }],
    });
  });

  it('needs the single connection rating', () => {
    expect(scored(score(CONNECTED_CHECK_IN, { connected: 4 })).total).toBe(4);
    expect(score(CONNECTED_CHECK_IN, {})).toMatchObject({
      ok: false,
      errors: [{ path: 'answers.connected', code: 'missing_required' }],
    });
  });
});

describe('refusals', () => {
  it('refuses answers to another version, naming both', () => {
    expect(scoreResponse(GAD_7, { version: 2, answers: answersFor(GAD_7, 3) })).toEqual({
      ok: false,
      errors: [
        {
          path: 'version',
          code: 'version_mismatch',
          message: 'These answers were given to version 2 of GAD-7; this is version 1. Score them with the version they were given to.',
        },
      ],
      alerts: [],
    });
  });

  it('refuses answers for another instrument', () => {
    expect(scoreResponse(GAD_7, { instrumentId: 'phq-9', version: 1, answers: answersFor(GAD_7, 3) })).toMatchObject({
      ok: false,
      errors: [{ path: 'instrumentId', code: 'instrument_mismatch' }],
    });
  });

  it('reports every bad answer with its path', () => {
    const answers: Record<string, unknown> = {
      ...answersFor(GAD_7, 5),
      'gad7-2': 4,
      'gad7-3': 1.5,
      'gad7-4': '2',
      'phq9-9': 1,
    };
    const result = scoreResponse(GAD_7, { version: 1, answers: answers as Record<string, number> });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'answers.phq9-9', code: 'unknown_item', message: 'GAD-7 version 1 has no question "phq9-9".' },
        {
          path: 'answers.gad7-2',
          code: 'invalid_value',
          message: "4 is not one of this question's answers (0, 1, 2, 3).",
        },
        {
          path: 'answers.gad7-3',
          code: 'invalid_value',
          message: "1.5 is not one of this question's answers (0, 1, 2, 3).",
        },
        {
          path: 'answers.gad7-4',
          code: 'invalid_value',
          message: `"2" is not one of this question's answers (0, 1, 2, 3).`,
        },
      ],
      alerts: [],
    });
  });

  it('reports at most ten unknown questions one by one', () => {
    const answers: Record<string, number> = { 'phq2-1': 0, 'phq2-2': 0 };
    for (let i = 0; i < 25; i += 1) answers[`extra-${i}`] = 1;
    const result = score(PHQ_2, answers);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(11);
      expect(result.errors[10]).toEqual({
        path: 'answers',
        code: 'unknown_item',
        message: '…and 15 more unknown questions.',
      });
    }
  });

  it('refuses negative, NaN and infinite values', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(score(PHQ_2, { 'phq2-1': value, 'phq2-2': 0 })).toMatchObject({
        ok: false,
        errors: [{ path: 'answers.phq2-1', code: 'invalid_value' }],
      });
    }
  });

  it('refuses answers that are not an object', () => {
    for (const answers of [null, [1, 2], 'x']) {
      expect(scoreResponse(PHQ_2, { version: 1, answers: answers as never })).toMatchObject({
        ok: false,
        errors: [{ path: 'answers', code: 'invalid_answers' }],
      });
    }
  });

  it('does not mistake inherited properties for answers', () => {
    const answers = Object.create({ 'phq2-1': 3 }) as Record<string, number>;
    answers['phq2-2'] = 1;
    expect(score(PHQ_2, answers)).toMatchObject({
      ok: false,
      errors: [{ path: 'answers.phq2-1', code: 'missing_required' }],
    });
  });
});

describe('reverse-scored items', () => {
  const definition: InstrumentDefinition = {
    ...PHQ_2,
    id: 'reverse-demo',
    items: [PHQ_2.items[0]!, { ...PHQ_2.items[1]!, reverse: true }],
    alertRules: [{ linkId: 'phq2-2', op: '=', value: 0, tier: 'concern', message: 'Chose the lowest answer.' }],
  };

  it('scores (lowest + highest) − answer and alerts on the answer as chosen', () => {
    const result = scored(score(definition, { 'phq2-1': 1, 'phq2-2': 0 }));
    expect(result).toMatchObject({ total: 4, itemScores: { 'phq2-1': 1, 'phq2-2': 3 } });
    expect(result.alerts).toEqual([{ tier: 'concern', linkId: 'phq2-2', value: 0, message: 'Chose the lowest answer.' }]);
  });
});

describe('total alert rules', () => {
  const definition: InstrumentDefinition = {
    ...GAD_7,
    alertRules: [{ linkId: 'total', op: '>=', value: 15, tier: 'concern', message: 'Severe anxiety.' }],
  };
  it('fires on the total at the threshold, not below', () => {
    expect(scored(score(definition, answersFor(GAD_7, 14))).alerts).toEqual([]);
    expect(scored(score(definition, answersFor(GAD_7, 15))).alerts).toEqual([{ tier: 'concern', linkId: 'total', value: 15, message: 'Severe anxiety.' }]);
  });
});

describe('scoreMany', () => {
  it('scores each response like scoreResponse, in order', () => {
    const inputs = [0, 10, 27].map((total) => ({ version: 1, answers: answersFor(PHQ_9, total) }));
    inputs.push({ version: 3, answers: answersFor(PHQ_9, 1) });
    const results = scoreMany(PHQ_9, inputs);
    expect(results.map((r) => (r.ok ? r.total : r.errors[0]?.code))).toEqual([0, 10, 27, 'version_mismatch']);
    expect(results).toEqual(inputs.map((input) => scoreResponse(PHQ_9, input)));
  });
});

import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { GAD_2, PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import { scoreResponse } from './score.js';

/** What a member or clinician is told when answers cannot be scored: the right reason, in words, at the right path. */
const phq9 = (overrides: Record<string, number | null>): Record<string, number | null> => ({
  ...Object.fromEntries(PHQ_9.items.filter((i) => i.scored).map((i) => [i.linkId, 1])),
  ...overrides,
});

describe('identity', () => {
  it('scores answers that do not name their instrument', () => {
    const result = scoreResponse(PHQ_9, { version: 1, answers: phq9({}) });
    expect(result.ok).toBe(true);
  });

  it('says whose answers these are when they name another instrument or version', () => {
    expect(scoreResponse(PHQ_9, { instrumentId: 'gad-7', version: 1, answers: phq9({}) })).toEqual({
      ok: false,
      errors: [{ path: 'instrumentId', code: 'instrument_mismatch', message: 'These answers are for "gad-7", not PHQ-9.' }],
      alerts: [],
    });
    expect(scoreResponse(PHQ_9, { instrumentId: 'phq-9', version: 2, answers: phq9({}) })).toEqual({
      ok: false,
      errors: [
        {
          path: 'version',
          code: 'version_mismatch',
          message: 'These answers were given to version 2 of PHQ-9; this is version 1. Score them with the version they were given to.',
        },
      ],
      alerts: [],
    });
  });

  it('refuses answers that are not an object of answers', () => {
    for (const answers of [[1, 2], null, 'x']) {
      const result = scoreResponse(PHQ_9, { version: 1, answers: answers as never });
      expect(result).toEqual({ ok: false, errors: [{ path: 'answers', code: 'invalid_answers', message: 'Answers must be an object of answers by question.' }], alerts: [] });
    }
  });
});

describe('unknown questions', () => {
  const withUnknown = (n: number) => ({ ...phq9({}), ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`extra-${i}`, 1])) });

  it('names up to ten unknown questions one by one, then counts the rest', () => {
    const ten = scoreResponse(PHQ_9, { version: 1, answers: withUnknown(10) });
    expect(ten.ok).toBe(false);
    if (ten.ok) return;
    expect(ten.errors).toHaveLength(10);
    expect(ten.errors[0]).toEqual({ path: 'answers.extra-0', code: 'unknown_item', message: 'PHQ-9 version 1 has no question "extra-0".' });
    const twelve = scoreResponse(PHQ_9, { version: 1, answers: withUnknown(12) });
    if (twelve.ok) throw new Error('scored');
    expect(twelve.errors).toHaveLength(11);
    expect(twelve.errors.at(-1)).toEqual({ path: 'answers', code: 'unknown_item', message: '…and 2 more unknown questions.' });
  });
});

describe('missing answers', () => {
  it('says how many are unanswered and how many the scale tolerates', () => {
    const result = scoreResponse(PHQ_9, { version: 1, answers: phq9({ 'phq9-1': null, 'phq9-2': null }) });
    if (result.ok) throw new Error('scored');
    expect(result.errors).toEqual([{ path: 'answers', code: 'too_many_missing', message: '2 questions are unanswered; PHQ-9 can be scored with at most 1 unanswered.' }]);
  });

  it('says a scale that needs every answer needs every answer, in singular and plural', () => {
    const optional: InstrumentDefinition = { ...GAD_2, items: GAD_2.items.map((i) => ({ ...i, required: false })) };
    const one = scoreResponse(optional, { version: 1, answers: { 'gad2-1': 2 } });
    if (one.ok) throw new Error('scored');
    expect(one.errors).toEqual([{ path: 'answers', code: 'too_many_missing', message: '1 question is unanswered; GAD-2 needs every question answered.' }]);
    const two = scoreResponse(optional, { version: 1, answers: {} });
    if (two.ok) throw new Error('scored');
    expect(two.errors[0]?.message).toBe('2 questions are unanswered; GAD-2 needs every question answered.');
  });

  it('reports a required question left empty at its own path, without a second count', () => {
    const result = scoreResponse(GAD_2, { version: 1, answers: { 'gad2-1': 2 } });
    if (result.ok) throw new Error('scored');
    expect(result.errors).toEqual([{ path: 'answers.gad2-2', code: 'missing_required', message: 'Answer this question: it is required.' }]);
  });
});

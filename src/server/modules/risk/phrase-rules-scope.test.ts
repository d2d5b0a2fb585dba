import { describe, expect, it } from 'vitest';
import { assessPhrases } from './phrase-rules.js';

// How far a phrase rule's context reaches: a negation stops at a new subject, a denied excuse
// is no excuse, and a rule that fires twice counts once, at its strongest.
describe('a negator before a new subject does not negate that subject’s statement', () => {
  it.each([
    ['he', 'i do not know why he wants to die', 'other', 3],
    ['she', 'i do not know why she wants to die', 'other', 3],
    ['they', 'i do not know why they want to die', 'other', 3],
    ['we', 'i do not know why we want to die', 'self', 5],
  ])('"%s"', (_subject, text, person, weight) => {
    const assessment = assessPhrases(text);
    expect(assessment).toMatchObject({ tier: 'concern', score: weight });
    expect(assessment.signals[0]).toMatchObject({ ruleId: 'want_die', person, effectiveWeight: weight });
    expect(assessment.signals[0]?.modifiers.map((m) => m.kind)).not.toContain('negated');
  });
});

describe('an excuse the writer denies', () => {
  it('does not make a figure of speech of the phrase ("on purpose")', () => {
    const assessment = assessPhrases('i am killing myself at the gym on purpose, i want to die');
    expect(assessment.tier).toBe('urgent');
    expect(assessment.signals.find((s) => s.ruleId === 'kill_self')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
});

describe('each rule counts once, at its strongest', () => {
  it('whichever comes first in the message', () => {
    expect(assessPhrases('i want to die and my friend wants to die')).toMatchObject({ tier: 'concern', score: 5 });
    expect(assessPhrases('my friend wants to die and i want to die')).toMatchObject({ tier: 'concern', score: 5 });
  });

  it('and a rule that did not count is not named to the author', () => {
    const assessment = assessPhrases('i want to die, i am not going to kill myself');
    expect(assessment).toMatchObject({ tier: 'concern', score: 5, plainExplanation: ['Your message mentions wanting to die.'] });
  });
});

import { describe, expect, it } from 'vitest';
import { assessPhrases } from './phrase-rules.js';

// Edges of the phrase rules' reading of whose statement it is: what a clinician sees as the tier,
// the weight and the person named in the explanation.
describe('the person a rule names in its own words ("kill myself", "better off without us")', () => {
  it.each([
    ['i want to kill myself', 'kill_self', 'myself'],
    ['i want to kill my self', 'kill_self', 'my self'],
    ['we want to kill ourselves', 'kill_self', 'ourselves'],
    ['i want to take my own life', 'end_life', 'my'],
  ])('"%s" is the writer’s own statement: urgent', (text, ruleId, _who) => {
    const assessment = assessPhrases(text);
    expect(assessment).toMatchObject({ tier: 'urgent', score: 5 });
    expect(assessment.signals).toMatchObject([{ ruleId, person: 'self', tier: 'urgent', effectiveWeight: 5, modifiers: [] }]);
  });

  it.each([
    ['everyone is better off without me', 'me'],
    ['everyone is better off without us', 'us'],
  ])('"%s" is the writer’s own statement: concern at full weight', (text) => {
    expect(assessPhrases(text).signals).toMatchObject([{ ruleId: 'better_off_without', person: 'self', effectiveWeight: 5, modifiers: [] }]);
  });

  it.each([
    ['he wants to take his own life', 'his'],
    ['i want to kill yourself', 'yourself'],
    ['they are better off without them', 'them'],
  ])('"%s" is about somebody else (“%s”): concern at most, at 0.6 of the weight', (text, who) => {
    const [signal] = assessPhrases(text).signals;
    expect(signal).toMatchObject({ person: 'other', tier: 'concern', effectiveWeight: 3, modifiers: [{ kind: 'other_person', cue: who }] });
  });
});

describe('a phrase with nothing before it', () => {
  it('is the writer’s, not negated, and counts in full', () => {
    expect(assessPhrases('want to die')).toMatchObject({ tier: 'concern', score: 5 });
    expect(assessPhrases('wants to die').signals).toMatchObject([{ ruleId: 'want_die', person: 'self', effectiveWeight: 5, modifiers: [] }]);
  });

  it('after a comma, the person word glued to it still names the person', () => {
    expect(assessPhrases('my friend,she wants to die').signals).toMatchObject([{ person: 'other', effectiveWeight: 3, modifiers: [{ kind: 'other_person', cue: 'she' }] }]);
  });
});

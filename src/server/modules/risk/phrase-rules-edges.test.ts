import { describe, expect, it } from 'vitest';
import { assessPhrases, assessPhrasesExpanded } from './phrase-rules.js';
import { expandShorthand } from './prepare-text.js';

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

describe('the nearest person word before the phrase names the person', () => {
  it.each([
    ['he says i want to die', 'i'],
    ['he says we want to die', 'we'],
  ])('"%s": “%s” is the writer, nearer than “he”', (text) => {
    expect(assessPhrases(text)).toMatchObject({ tier: 'concern', score: 5 });
    expect(assessPhrases(text).signals).toMatchObject([{ ruleId: 'want_die', person: 'self', effectiveWeight: 5, modifiers: [] }]);
  });

  it('talk about a subject by somebody else is said once about them and once as a subject', () => {
    expect(assessPhrases('he talked about suicide in the documentary').signals.map((s) => s.modifiers)).toEqual([
      [
        { kind: 'other_person', cue: 'he' },
        { kind: 'topic', cue: 'documentary' },
      ],
      [
        { kind: 'other_person', cue: 'he' },
        { kind: 'topic', cue: 'documentary' },
      ],
    ]);
  });
});

describe('what a negator reaches', () => {
  it('not a negator seven words before the phrase', () => {
    expect(assessPhrases('i never ever really truly honestly deeply want to die').signals[0]?.modifiers).toEqual([{ kind: 'negated', cue: 'never' }]);
    expect(assessPhrases('i never ever really truly honestly so deeply want to die')).toMatchObject({ tier: 'concern', score: 5 });
  });

  it('"not just" does not deny what follows; a negator right before the phrase does, whatever starts the sentence', () => {
    expect(assessPhrases('i do not just want to die').signals).toMatchObject([{ ruleId: 'want_die', effectiveWeight: 5, modifiers: [] }]);
    expect(assessPhrases('sure, i never want to die')).toMatchObject({ tier: 'none', score: 0, signals: [{ modifiers: [{ kind: 'negated', cue: 'never' }] }] });
  });
});

describe('a figure of speech that ends where the phrase ends', () => {
  it('"career suicide" is not a mention of suicide', () => {
    expect(assessPhrases('that would be career suicide')).toMatchObject({
      tier: 'none',
      signals: [{ ruleId: 'suicide_word', effectiveWeight: 0, modifiers: [{ kind: 'metaphor', cue: 'career suicide' }] }],
    });
  });
});

describe('a text already expanded (the detector expands once for all its layers)', () => {
  it('is read as the same text unexpanded', () => {
    const text = 'i wanna kms tonite';
    expect(assessPhrasesExpanded(expandShorthand(text))).toEqual(assessPhrases(text));
    expect(assessPhrases(text)).toMatchObject({ tier: 'urgent', score: 6 });
  });
});

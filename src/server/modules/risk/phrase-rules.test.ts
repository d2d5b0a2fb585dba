import { describe, expect, it } from 'vitest';
import { assessPhrases, type RiskSignal } from './phrase-rules.js';

// The phrase rules (Layer 1's lexicon) judged through what a clinician reads: the tier, each rule's
// explanation line and the plain lines the author sees. No language model or weights are loaded here.
const SCORE_RULE = 'concern from 2; urgent only from a first-person urgent signal — several concern signals together stay concern, as the taxonomy says';
const scoreLine = (score: number, tier: string): string => `Score ${score} (${SCORE_RULE}): ${tier}.`;
const signal = (text: string, ruleId: string): RiskSignal | undefined => assessPhrases(text).signals.find((s) => s.ruleId === ruleId);

describe('ideation without a plan, means or time (concern), and with a sign that it is soon (urgent)', () => {
  // One message per rule the taxonomy reads as concern unless it is soon.
  const passive: [string, string][] = [
    ['i keep imagining being dead and it feels like relief', 'death_thoughts'],
    ['i dont want to be here anymore', 'not_want_live'],
    ['wish i was dead', 'wish_dead'],
    ["everyone's better off without me", 'better_off_without'],
    ['i keep thinking everyone would be fine without me', 'others_fine_without'],
    ['nobody would notice if i was gone', 'nobody_notice_dead'],
    ['i hope i dont wake up', 'wish_killed'],
    ['I just want to die', 'want_die'],
    ["i'm better off dead", 'better_off_dead'],
    ["i'm done with life", 'done_with_life'],
    ['no reason to live', 'no_reason_live'],
    ['i feel suicidal', 'feel_suicidal'],
    ['i think about suicide every single day', 'suicide_word'],
    ['burned my arm again, sorry', 'self_harm_current'],
    ['I cut myself last night', 'self_harm_act'],
    ['i self harmed this morning', 'self_harm'],
    ['i keep imagining my funeral and it feels peaceful', 'own_funeral'],
    ['i want it to end for good', 'over_for_good'],
  ];
  it.each(passive)('"%s" (%s) is concern', (text, ruleId) => {
    const assessment = assessPhrases(text);
    expect(assessment.tier).toBe('concern');
    expect(signal(text, ruleId)).toMatchObject({ ruleTier: 'urgent', tier: 'concern', person: 'self' });
  });

  it('is urgent with a sign that it is soon, which adds one to the weight and says so', () => {
    const assessment = assessPhrases('i want to die tonight');
    expect(assessment.tier).toBe('urgent');
    expect(assessment.explanation).toEqual(['Urgent: “want to die” — a wish or readiness to die, weight 6 of 5; soon (“tonight”).', scoreLine(6, 'urgent')]);
    expect(assessPhrases('i want to die right now').signals[0]?.modifiers).toEqual([{ kind: 'imminent', cue: 'right now' }]);
  });

  it('an urgent rule that is not ideation alone (a plan, an act) is urgent without a time', () => {
    const assessment = assessPhrases('i am going to kill myself');
    expect(assessment).toMatchObject({ tier: 'urgent', score: 5, plainExplanation: ['Your message mentions ending your life.'] });
    expect(assessment.explanation).toEqual(['Urgent: “kill myself” — statement about killing oneself, weight 5 of 5.', scoreLine(5, 'urgent')]);
    expect(assessPhrases('i want to end my life').tier).toBe('urgent');
  });
});

describe('whose statement it is', () => {
  it('counts a statement about somebody else at 0.6 of its weight, never urgent, and says about whom', () => {
    const assessment = assessPhrases('my mum wants to die');
    expect(assessment.tier).toBe('concern');
    expect(assessment.explanation).toEqual(['Concern: “wants to die” — a wish or readiness to die, weight 3 of 5; about someone else (“mum”).', scoreLine(3, 'concern')]);
    expect(assessPhrases('i want to end his life').signals[0]).toMatchObject({
      person: 'other',
      tier: 'concern',
      effectiveWeight: 3,
      modifiers: [{ kind: 'other_person', cue: 'his' }],
    });
    expect(assessPhrases('she wants to kill herself').signals[0]).toMatchObject({ person: 'other', tier: 'concern', effectiveWeight: 3 });
    // Not urgent about somebody else even when it is soon.
    expect(assessPhrases('he wants to die tonight')).toMatchObject({ tier: 'concern', score: 3 });
  });

  it('reads "us", "ourselves" and "we" as the writer, the nearest person word before the phrase otherwise', () => {
    expect(signal('we are better off without us', 'better_off_without')).toMatchObject({ person: 'self', tier: 'concern', effectiveWeight: 5 });
    expect(signal('they are better off without him', 'better_off_without')).toMatchObject({ person: 'other', effectiveWeight: 3 });
    expect(signal('we want to die', 'want_die')).toMatchObject({ person: 'self', effectiveWeight: 5 });
    expect(signal('me and him want to die', 'want_die')).toMatchObject({ person: 'other', modifiers: [{ kind: 'other_person', cue: 'him' }] });
    expect(signal('i want to die', 'want_die')).toMatchObject({ person: 'self', modifiers: [] });
  });

  it('does not count talk about somebody else around a subject, or a question about what to do if…', () => {
    expect(assessPhrases('my sister wants to die, i just read an article').explanation[0]).toBe(
      'Not counted: “wants to die” — a wish or readiness to die, weight 0 of 5; about someone else (“sister”); talk about a subject, not a person (“article”).',
    );
    expect(assessPhrases('what do i do if my friend wants to die').explanation[0]).toBe(
      'Not counted: “wants to die” — a wish or readiness to die, weight 0 of 5; about someone else (“friend”); a question or “if”, not a statement (“what do i do if”).',
    );
    // A question that is not an "if" or "when" still reports somebody.
    expect(assessPhrases('my friend wants to die, what should i do')).toMatchObject({ tier: 'concern', score: 3 });
  });
});

describe('what makes a matched phrase not count', () => {
  it('a negator up to five words before it in the same clause, not past a subject or a comma', () => {
    expect(assessPhrases('i never want to die').explanation).toEqual([
      'Not counted: “want to die” — a wish or readiness to die, weight 0 of 5; negated (“never”).',
      scoreLine(0, 'none'),
    ]);
    expect(signal('without wanting to die', 'want_die')?.modifiers).toEqual([{ kind: 'negated', cue: 'without' }]);
    expect(signal('i do not at all ever really truly want to die', 'want_die')?.modifiers).toEqual([{ kind: 'negated', cue: 'not' }]);
    expect(signal('i do not at all ever really truly honestly want to die', 'want_die')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(signal('i do not care, i just want to die', 'want_die')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(signal('i do not care i want to die', 'want_die')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(signal('not that he said it, we want to die', 'want_die')).toMatchObject({ tier: 'concern' });
    // "can not stop", "not sure": not a negation of what follows.
    expect(assessPhrases('i can not stop wanting to die')).toMatchObject({ tier: 'concern', score: 5 });
  });

  it('a figure of speech covering it or within 60 characters of it', () => {
    expect(assessPhrases('killing myself at the gym').explanation).toEqual([
      'Not counted: “killing myself” — statement about killing oneself, weight 0 of 5; figure of speech (“killing myself at the gym”).',
      scoreLine(0, 'none'),
    ]);
    // A filler word of n letters between them: the gap is n + 2 characters after, n + 4 before ("i ").
    const filler = (n: number): string => 'abcdefghij'.repeat(6).slice(0, n);
    const after = (n: number) => signal(`i want to die ${filler(n)} killing myself at the gym`, 'want_die')?.tier;
    expect(after(57)).toBe('none');
    expect(after(58)).toBe('concern');
    const before = (n: number) => signal(`killing myself at the gym ${filler(n)} i want to die`, 'want_die')?.tier;
    expect(before(55)).toBe('none');
    expect(before(56)).toBe('concern');
  });

  it('a figure of speech only when the writer has not said they meant it', () => {
    expect(assessPhrases('killing myself at the gym, i did not mean it like that').tier).toBe('none');
    expect(assessPhrases('i said i was killing myself at the gym but i meant it, i am going to kill myself').tier).toBe('urgent');
  });

  it('the distant past or recovery, unless it is happening again', () => {
    expect(assessPhrases('i used to cut myself').explanation[0]).toBe(
      'Not counted: “cut myself” — self-harm: hurting oneself, weight 0 of 4; recovery or distant past (“used to”).',
    );
    expect(assessPhrases('i used to cut myself and i did it again')).toMatchObject({ tier: 'concern', score: 4 });
  });

  it('talk about suicide as a subject ("a documentary", "prevention"), but never planning it', () => {
    expect(assessPhrases('that film about suicide was sad').explanation).toEqual([
      'Not counted: “suicide” — mentions suicide, weight 0 of 4; talk about a subject, not a person (“film”).',
      scoreLine(0, 'none'),
    ]);
    expect(assessPhrases('we talked about suicide in the documentary').tier).toBe('none');
    // Thoughts of suicide without a plan are concern, talked about or not (C-SSRS: active thoughts without method).
    expect(assessPhrases('talking about suicide with my therapist').tier).toBe('concern');
    const planning = assessPhrases('planning suicide after the documentary');
    expect(planning.tier).toBe('urgent');
    expect(planning.signals.map((s) => [s.ruleId, s.tier])).toEqual([
      ['suicide_plan', 'urgent'],
      ['suicide_word', 'none'],
    ]);
  });

  it('a question or an "if" about the writer', () => {
    expect(assessPhrases('what if i want to die').explanation[0]).toBe(
      'Not counted: “want to die” — a wish or readiness to die, weight 0 of 5; a question or “if”, not a statement (“if i want”).',
    );
    // Not made urgent by a time word in a hypothetical.
    expect(assessPhrases('what if i want to die tonight').tier).toBe('none');
  });
});

describe('the score and the explanation', () => {
  it('counts each rule once, at its strongest, adds different rules, and is concern from 2', () => {
    expect(assessPhrases('everything is too much')).toMatchObject({ tier: 'concern', score: 2 });
    expect(assessPhrases('so alone')).toMatchObject({ tier: 'none', score: 1, plainExplanation: [] });
    expect(assessPhrases('so alone').explanation).toEqual(['Concern: “so alone” — isolation, weight 1 of 1.', scoreLine(1, 'none')]);
    expect(assessPhrases('i feel so alone and so alone')).toMatchObject({ tier: 'none', score: 1 });
    expect(assessPhrases('i feel hopeless and so alone')).toMatchObject({ tier: 'concern', score: 3 });
    expect(assessPhrases('hopeless, hopeless, i feel hopeless')).toMatchObject({ tier: 'concern', score: 2 });
    expect(assessPhrases('i want to die and i want to die')).toMatchObject({ tier: 'concern', score: 5, plainExplanation: ['Your message mentions wanting to die.'] });
  });

  it('is urgent from one first-person urgent signal, whatever else counts', () => {
    expect(assessPhrases('i am going to kill myself and so alone')).toMatchObject({
      tier: 'urgent',
      score: 6,
      plainExplanation: ['Your message mentions ending your life.', 'Your message mentions feeling alone.'],
    });
  });

  it('a signal about somebody else rounds to one decimal and may fall under the concern score', () => {
    const assessment = assessPhrases('my friend is so alone');
    expect(assessment.signals.map((s) => s.effectiveWeight)).toEqual(assessment.signals.map(() => 0.6));
  });

  it('says when no rule matched', () => {
    expect(assessPhrases('lovely walk by the river today')).toEqual({
      tier: 'none',
      score: 0,
      signals: [],
      explanation: ['No rule of the risk lexicon matched.'],
      plainExplanation: [],
    });
  });
});

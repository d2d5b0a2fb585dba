import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { evaluateRisk } from './evaluate.js';
import { HELD_OUT, LABELLED_SENTENCES } from './labelled-sentences.js';
import { LEXICON } from './lexicon.js';

describe('risk detection on the labelled sentences', () => {
  it('has at least 300 realistic sentences across the five categories', () => {
    expect(LABELLED_SENTENCES.length + HELD_OUT.length).toBeGreaterThanOrEqual(300);
    const categories = new Set([...LABELLED_SENTENCES, ...HELD_OUT].map((s) => s.category));
    expect([...categories].sort()).toEqual(['first_person', 'metaphor', 'ordinary', 'other_person', 'recovery']);
  });

  it('finds urgent sentences with recall ≥ 0.95 and reports precision per tier', () => {
    const result = evaluateRisk(LABELLED_SENTENCES);
    const urgent = result.tiers.find((t) => t.tier === 'urgent');
    console.info(result.tiers.map((t) => `${t.tier}: precision ${t.precision.toFixed(3)}, recall ${t.recall.toFixed(3)} (n=${t.support})`).join('\n'));
    expect(urgent?.recall).toBeGreaterThanOrEqual(0.95);
    expect(urgent?.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('generalises to held-out sentences it was never tuned on', () => {
    const result = evaluateRisk(HELD_OUT);
    console.info(`held out: accuracy ${result.accuracy.toFixed(3)}; misses: ${result.misses.map((m) => `${m.sentence.text} (${m.sentence.tier}→${m.got})`).join('; ')}`);
    expect(result.tiers.find((t) => t.tier === 'urgent')?.recall).toBeGreaterThanOrEqual(0.85);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('keeps the lexicon general: no rule is a whole labelled sentence', () => {
    for (const sentence of [...LABELLED_SENTENCES, ...HELD_OUT]) {
      for (const rule of LEXICON) expect(rule.pattern.source.includes(sentence.text.toLowerCase()), `${rule.id}: ${sentence.text}`).toBe(false);
    }
  });
});

describe('risk rules and modifiers', () => {
  it('explains which rule fired, with its weight, for the clinician', () => {
    const result = assessRisk('I have the pills ready');
    expect(result.tier).toBe('urgent');
    expect(result.signals[0]).toMatchObject({ ruleId: 'means_ready', person: 'self', tier: 'urgent' });
    expect(result.explanation[0]).toMatch(/^Urgent: “have the pills ready” — means prepared/);
    expect(result.plainExplanation).toEqual(['Your message mentions having something you could use to hurt yourself.']);
  });

  it('handles negation, but not "can’t stop" (an intensifier)', () => {
    expect(assessRisk("I'm not going to hurt myself").tier).toBe('none');
    expect(assessRisk('I have never thought about suicide').signals[0]?.modifiers).toContainEqual({ kind: 'negated', cue: 'never' });
    expect(assessRisk("I can't stop thinking about killing myself").tier).toBe('urgent');
    // A negator in an earlier clause does not reach a later one.
    expect(assessRisk("i dont care anymore i just want to die").tier).toBe('urgent');
  });

  it('tiers talk about someone else as concern, never urgent, and a film plot as none', () => {
    const friend = assessRisk('my friend said she wants to die');
    expect(friend.tier).toBe('concern');
    expect(friend.signals[0]?.modifiers).toContainEqual({ kind: 'other_person', cue: 'she' });
    expect(assessRisk('my brother tried to kill himself').tier).toBe('concern');
    expect(assessRisk('the main character wants to kill himself in the film').tier).toBe('none');
  });

  it('reads recovery and the distant past as none, and a relapse ("again") as current', () => {
    expect(assessRisk('I used to want to die, now I have reasons to stay').tier).toBe('none');
    expect(assessRisk("a year ago I self-harmed, I'm doing better").tier).toBe('none');
    expect(assessRisk("i'd been clean for a year but i cut myself again last night").tier).toBe('urgent');
  });

  it('reads metaphor and hyperbole as none', () => {
    for (const text of ['this traffic is killing me', 'I could kill for a coffee', 'dying to see the film', 'my phone died', 'killed myself laughing', 'that would be career suicide']) {
      expect(assessRisk(text).tier, text).toBe('none');
    }
  });

  it('reads texting shorthand, typos and full-width or invisible characters', () => {
    expect(assessRisk('gonna kms').tier).toBe('urgent');
    expect(assessRisk('i want to kill myslef').tier).toBe('urgent');
    expect(assessRisk('ｉ ｗａｎｔ ｔｏ ｄｉｅ').tier).toBe('urgent');
    expect(assessRisk('i want to d\u200Bie').tier).toBe('urgent');
  });

  it('adds up concern signals and counts each rule once', () => {
    const result = assessRisk("i hate myself and i'm completely alone. i hate myself");
    expect(result.tier).toBe('concern');
    expect(result.score).toBe(2);
  });

  it('is deterministic and copes with huge and empty input', () => {
    expect(assessRisk('').tier).toBe('none');
    const long = 'a normal day. '.repeat(2000) + 'i want to die';
    expect(assessRisk(long).tier).toBe('urgent');
    expect(assessRisk(long)).toEqual(assessRisk(long));
  });
});

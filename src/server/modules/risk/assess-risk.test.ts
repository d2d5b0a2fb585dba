import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk, assessWithContext } from './assess-risk.js';

describe('the fused detector: tier, kind and explanation', () => {
  it('session 11: a screening question answered "no" is not a disclosure; answered "yes" still is', () => {
    expect(assessRisk('the nurse asked if i had thought about ending my life and i could honestly say no, not for months').tier).toBe('none');
    expect(assessRisk('the nurse asked if i had thought about ending my life and i said yes, tonight').tier).toBe('urgent');
    expect(assessRisk('the nurse asked if i had thought about ending my life and i said no but honestly yes, every day').tier).not.toBe('none');
  });
  it('explains what fired, for the clinician, and in plain words for the author', () => {
    const result = assessRisk('I have the pills ready');
    expect(result.tier).toBe('urgent');
    expect(result.kind).toBe('self_harm');
    expect(result.explanation.some((line) => /^Urgent \(frame, self-harm\): “pills ready”/.test(line))).toBe(true);
    expect(result.explanation.some((line) => line.startsWith('Model: urgent'))).toBe(true);
    expect(result.explanation.at(-1)).toMatch(/^Tier urgent, self harm: the higher of frames \(urgent\)/);
    expect(result.plainExplanation).toContain('Your message mentions having something you could use to hurt yourself.');
    expect(result.model.features.length).toBeGreaterThan(0);
  });

  it('gives harm to others and being harmed their own kind', () => {
    expect(assessRisk("i'm going to stab him when he gets home tonight")).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
    expect(assessRisk("he's at the door with a knife and says he'll kill me")).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
    expect(assessRisk("i don't feel safe at home, he checks my phone and i'm scared of him")).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
  });

  it('handles negation, but not "can’t stop" (an intensifier)', () => {
    expect(assessRisk("I'm not going to hurt myself").tier).toBe('none');
    expect(assessRisk("I can't stop thinking about taking all my tablets tonight").tier).toBe('urgent');
  });

  it('reads a wish to be dead without plan, means or time as concern, and the same wish tonight as urgent', () => {
    expect(assessRisk('sometimes i wish i just wouldnt wake up').tier).toBe('concern');
    expect(assessRisk('i just want to die').tier).toBe('concern');
    expect(assessRisk('i want to die tonight').tier).toBe('urgent');
  });

  it('tiers a worry about somebody else as concern, and a film plot or a question as none', () => {
    expect(assessRisk('my friend said she wants to kill herself').tier).toBe('concern');
    expect(assessRisk('the main character wants to kill himself in the film').tier).toBe('none');
    expect(assessRisk('what should i do if a friend says they are suicidal?').tier).toBe('none');
  });

  it('reads recovery and the distant past as none', () => {
    expect(assessRisk('I used to want to die, now I have reasons to stay').tier).toBe('none');
    expect(assessRisk('two years ago i took an overdose, these days im doing so much better').tier).toBe('none');
  });

  it('reads metaphor, hyperbole and objects in ordinary use as none', () => {
    for (const text of [
      'this traffic is killing me',
      'I could kill for a coffee',
      'dying to see the film',
      'my phone died',
      'killed myself laughing',
      'that would be career suicide',
      'bought a new rope for climbing at the wall',
      'doing knife skills in my cooking class tonight',
      'took my sertraline this morning like always',
    ]) {
      expect(assessRisk(text).tier, text).toBe('none');
    }
  });

  it('reads texting shorthand, typos, leetspeak, spaced letters, look-alike letters and invisible characters', () => {
    expect(assessRisk('gonna kms tonite').tier).toBe('urgent');
    expect(assessRisk('i want to kill myslef tonight').tier).toBe('urgent');
    expect(assessRisk('ｉ ｗａｎｔ ｔｏ ｄｉｅ tonight').tier).toBe('urgent');
    expect(assessRisk('i want to d\u200Bie tonight').tier).toBe('urgent');
    expect(assessRisk('gonna k1ll mys3lf 2nite').tier).toBe('urgent');
    expect(assessRisk('thinking about s u i c i d e tonight').tier).toBe('urgent');
    expect(assessRisk('i want to kіll mysеlf tonight').tier).toBe('urgent'); // Cyrillic і and е
  });

  it('is deterministic and copes with huge, empty and odd input', () => {
    expect(assessRisk('').tier).toBe('none');
    const long = 'a normal day. '.repeat(2000) + 'i have the pills counted out for tonight';
    expect(assessRisk(long).tier).toBe('urgent');
    expect(assessRisk(long)).toEqual(assessRisk(long));
    for (const odd of ['\u200B\u200B\u200B', 'مرحبا كيف حالك', '😀😀😀🎉', 'Привет how are you 你好', 'x'.repeat(100_000), '\u202Ehello']) {
      expect(['none', 'concern', 'urgent']).toContain(assessRisk(odd).tier);
    }
  });
});

describe('reading the author’s recent messages together', () => {
  it('catches risk split across two messages', () => {
    // The second message alone is not urgent; read with the first (a place), Layer 1 finds a place of
    // danger with a reason. (Since session 4 the model alone also reads "sat by the river" as urgent:
    // the issue counts a place of danger without a risk word as urgent; README lists it as a likely false alarm.)
    const first = 'sat by the river';
    const second = 'nobody would even notice';
    expect(assessLayer1(first).tier).not.toBe('urgent');
    expect(assessRisk(second).tier).not.toBe('urgent');
    const together = assessWithContext(second, [first]);
    expect(together.tier).toBe('urgent');
    expect(together.explanation.at(-1)).toMatch(/last 30 minutes/);
  });

  it('never lowers the tier of the new message', () => {
    expect(assessWithContext('i have the pills ready', ['lovely walk today']).tier).toBe('urgent');
  });
});

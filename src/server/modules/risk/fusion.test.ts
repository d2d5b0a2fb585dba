import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk, assessWithContext, detectorFaults, fusedModelTier, fusedTier, type RiskTier } from './assess-risk.js';

// How the trained model's tier counts next to what Layer 1 (frames and phrase rules) read in the
// same words (README, "Fusion"). Each row is a real message and a model verdict: the rule, not the
// model, is under test, so the model's tier and urgent probability are given.
type Row = [text: string, why: string, modelTier: RiskTier, urgentProbability: number, counts: RiskTier];
const ROWS: Row[] = [
  // A figure of speech, a topic or a question overrules the model unless it is urgent and fairly
  // sure (0.6; 0.8 before session 12), and then it counts as concern: never silenced, never urgent.
  ['that would be career suicide', 'figure of speech', 'urgent', 0.59, 'none'],
  ['that would be career suicide', 'figure of speech', 'urgent', 0.6, 'concern'],
  ['that would be career suicide', 'figure of speech', 'urgent', 0.99, 'concern'],
  ['that would be career suicide', 'figure of speech', 'concern', 0.85, 'none'],
  ['that would be career suicide', 'figure of speech', 'none', 0.95, 'none'],
  ['what should i do if a friend says they are suicidal?', 'a question', 'urgent', 0.59, 'none'],
  ['what should i do if a friend says they are suicidal?', 'a question', 'urgent', 0.6, 'concern'],
  // Negated: the same bar.
  ["I'm not going to hurt myself", 'negated frame and rule', 'urgent', 0.59, 'none'],
  ["I'm not going to hurt myself", 'negated frame and rule', 'urgent', 0.6, 'concern'],
  ["I'm not going to hurt myself", 'negated frame and rule', 'concern', 0.95, 'none'],
  ['i never want to kill myself', 'negated rule, no frame', 'urgent', 0.59, 'none'],
  ['i never want to kill myself', 'negated rule, no frame', 'urgent', 0.6, 'concern'],
  // An explicit distance in time counts like a negation ...
  ['i was suicidal years ago', 'years ago', 'urgent', 0.59, 'none'],
  ['i was suicidal years ago', 'years ago', 'urgent', 0.6, 'concern'],
  ['a year ago i tried to kill myself', 'a year ago', 'urgent', 0.5, 'none'],
  ['i tried to kill myself months ago', 'months ago', 'urgent', 0.5, 'none'],
  ['i used to cut myself', 'used to', 'urgent', 0.5, 'none'],
  ['i tried to kill myself in the past', 'in the past', 'urgent', 0.5, 'none'],
  ['back then i wanted to die', 'back then', 'concern', 0.5, 'none'],
  ['i wanted to die when i was younger', 'when i was', 'concern', 0.5, 'none'],
  ['i self harmed as a teenager', 'as a teenager', 'concern', 0.5, 'none'],
  ['i took an overdose in 2015', 'in 2015', 'urgent', 0.5, 'none'],
  ['i was suicidal last year', 'last year', 'urgent', 0.5, 'none'],
  // ... but softer recovery words do not: the model's tier stands.
  ['i am in recovery from self harm', 'in recovery (no distance in time)', 'urgent', 0.5, 'urgent'],
  ['i am in recovery from self harm', 'in recovery (no distance in time)', 'concern', 0.5, 'concern'],
  // Every counted frame is about somebody else: the model may not make it urgent — unless it is very sure (0.85, session 17:
  // the writer's own act is sometimes read as somebody else's, "my brother's at his mate's. Drank bleach…").
  ['my friend has her pills lined up', 'worry about a peer', 'urgent', 0.84, 'concern'],
  ['my friend has her pills lined up', 'worry about a peer, model very sure', 'urgent', 0.85, 'urgent'],
  // Ordinary context or the past: lowered unless the model is very sure (session 17); a figure of speech or a negation, always.
  ['rope for the climb tomorrow', 'ordinary context', 'urgent', 0.84, 'concern'],
  ['rope for the climb tomorrow', 'ordinary context, model very sure', 'urgent', 0.85, 'urgent'],
  ['i used to cut myself', 'used to, model very sure', 'urgent', 0.9, 'urgent'],
  ["I'm not going to hurt myself", 'negated, model very sure', 'urgent', 0.99, 'concern'],
  ['my friend has her pills lined up', 'worry about a peer', 'concern', 0.95, 'concern'],
  // Layer 1 itself urgent, or counted evidence with no modifier: the model's tier stands.
  ['my flatmate just swallowed a whole box of tablets', 'act now (Layer 1 urgent)', 'urgent', 0.9, 'urgent'],
  ['i feel so alone and empty and tired of everything', 'counted phrase rules', 'urgent', 0.9, 'urgent'],
  ['sat by the river', 'a frame that did not count, with no modifier', 'urgent', 0.45, 'urgent'],
  ['had a good day at the allotment', 'no Layer 1 evidence', 'urgent', 0.4, 'urgent'],
];

describe('fusion: how the model counts next to Layer 1', () => {
  it.each(ROWS)('%s (%s): model %s at %d counts as %s', (text, _why, modelTier, p, counts) => {
    expect(fusedModelTier(assessLayer1(text), modelTier, p)).toBe(counts);
  });

  it('takes the higher of Layer 1 and the model as it counts', () => {
    const concern = assessLayer1('i feel so alone and empty and tired of everything');
    expect(concern.tier).toBe('concern');
    expect(fusedTier(concern, 'none')).toBe('concern');
    expect(fusedTier(concern, 'concern')).toBe('concern');
    expect(fusedTier(concern, 'urgent')).toBe('urgent');
    expect(fusedTier(assessLayer1('had a good day at the allotment'), 'concern')).toBe('concern');
  });

  it('says in the explanation when the model was lowered, and why', () => {
    const result = assessRisk('that would be career suicide');
    expect(result.tier).toBe('none');
    expect(result.kind).toBe('none');
    expect(result.plainExplanation).toEqual([]);
    expect(result.explanation).toContain('The model’s concern was lowered to none: the risk words were read as negated, a question, a topic, ordinary use or a figure of speech.');
    expect(result.explanation.at(-1)).toBe('Tier none: the higher of frames (none), phrase rules (none) and model (none).');
    expect(result.explanation).toContain('Not counted (phrase rule): “suicide” — mentions suicide, weight 0 of 4; metaphor (“career suicide”).');
  });
});

describe('kind and explanation of the fused result', () => {
  it('names being harmed before self-harm at the same tier, and explains each frame', () => {
    const result = assessRisk('i want to die. he hits me');
    expect(result).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
    expect(result.explanation.some((l) => l.startsWith('Concern (frame, being harmed): “'))).toBe(true);
    expect(result.explanation.at(-1)).toMatch(/^Tier concern, being harmed: the higher of frames \(concern\), phrase rules \(concern\) and model \(/);
  });

  it('names harm to others in the explanation', () => {
    const result = assessRisk('im going to stab him tonight');
    expect(result.kind).toBe('harm_to_others');
    expect(result.explanation.some((l) => l.startsWith('Urgent (frame, harm to others): “'))).toBe(true);
  });

  it('explains a frame that did not count, with its modifier', () => {
    const result = assessRisk("I'm not going to hurt myself");
    expect(result.explanation.some((l) => /^Not counted \(frame, self-harm\): “.+” — .+; negated\.$/.test(l))).toBe(true);
    expect(result.explanation.some((l) => /^Not counted \(phrase rule\): “hurt myself” — .+, weight 0 of \d+; negated \(“not”\)\.$/.test(l))).toBe(true);
  });

  it('takes the kind from the phrase rules (self-harm) when they outrank every frame', () => {
    // "researching suicide" is an urgent phrase rule; no frame counts.
    const result = assessRisk('i have been researching suicide methods');
    expect(result.frames.filter((f) => f.tier !== 'none')).toEqual([]);
    expect(result).toMatchObject({ tier: 'urgent', kind: 'self_harm', score: expect.any(Number) as number });
    expect(result.plainExplanation.length).toBeGreaterThan(0);
    expect(result.plainExplanation.every((l) => l.startsWith('Your message mentions '))).toBe(true);
  });

  it('takes the kind from the model when only the model counts, and explains in general words', () => {
    const result = assessRisk('im doing better since i stopped cutting');
    expect(result.frames).toEqual([]);
    expect(result.signals).toEqual([]);
    expect(result.tier).toBe(result.model.tier);
    expect(result.tier).not.toBe('none');
    expect(result.kind).toBe(result.model.kind);
    expect(result.plainExplanation).toEqual(['Your message sounds like you may be going through something hard.']);
  });

  it('keeps the phrase rules’ score for the queue’s ordering', () => {
    expect(assessRisk('i feel so alone and empty and tired of everything').score).toBeGreaterThan(0);
    expect(assessRisk('had a good day at the allotment').score).toBe(0);
  });
});

describe('a long message, read in overlapping windows', () => {
  const filler = (n: number): string => 'x'.repeat(n);
  it('finds risk at the start, in the middle across a window edge, and at the end', () => {
    const risk = 'i have the pills counted out for tonight';
    expect(assessRisk(`${risk}. ${'a normal day. '.repeat(600)}`).tier).toBe('urgent');
    // The first window ends at 4,000 characters; the next starts 400 before it, so a sentence
    // across the edge is read whole in the second.
    const across = `${filler(3_980)} ${risk}. ${filler(5_000)}`;
    expect(across.indexOf(risk)).toBeLessThan(4_000);
    expect(across.indexOf(risk) + risk.length).toBeGreaterThan(4_000);
    expect(assessRisk(across).tier).toBe('urgent');
  });
  it('keeps the highest window, not the last', () => {
    const text = `i have the pills counted out for tonight. ${'a normal day. '.repeat(400)}${'lovely walk today. '.repeat(300)}`;
    expect(text.length).toBeGreaterThan(8_000);
    expect(assessRisk(text)).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
  it('reads a message of exactly 4,000 characters in one piece', () => {
    const risk = 'i have the pills counted out for tonight';
    const text = `${'a normal day. '.repeat(282)}${risk}`.padStart(4_000, ' ');
    expect(text.length).toBe(4_000);
    const result = assessRisk(text);
    expect(result.tier).toBe('urgent');
    expect(result.explanation.filter((l) => l.startsWith('Model:'))).toHaveLength(1);
  });
});

describe('the author’s recent messages read together', () => {
  it('keeps the new message alone when there is nothing recent, or it is already urgent', () => {
    expect(assessWithContext('nobody would even notice', [])).toEqual(assessRisk('nobody would even notice'));
    const urgent = assessWithContext('i have the pills ready', ['sat by the river']);
    expect(urgent.explanation.some((l) => /last 30 minutes/.test(l))).toBe(false);
  });

  it('reads a place and a reason together as urgent, self-harm, with its own explanation', () => {
    const together = assessWithContext('nobody would even notice', ['sat by the river']);
    expect(together).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    expect(together.frames.some((f) => f.frame === 'place_of_danger' && f.tier === 'urgent')).toBe(true);
    expect(together.explanation.at(-1)).toMatch(/^Tier urgent: read together with the author’s messages of the last 30 minutes \(on its own: (none|concern)\)\.$/);
    expect(together.explanation.some((l) => l.startsWith('Urgent (frame, self-harm): “'))).toBe(true);
    expect(together.plainExplanation.length).toBeGreaterThan(0);
  });

  it('does not raise a later message because an earlier one was already as risky on its own', () => {
    const later = assessWithContext('lovely walk today', ['i have the pills ready']);
    expect(later.tier).toBe('none');
    expect(later.explanation.some((l) => /last 30 minutes/.test(l))).toBe(false);
  });

  it('does not read ordinary messages together at all', () => {
    const alone = assessRisk('see you all next week');
    expect(assessWithContext('see you all next week', ['lovely walk today', 'had a good day at the allotment'])).toEqual(alone);
  });

  it('throws an injected fault once, then assesses again', () => {
    detectorFaults.next = new Error('detector down');
    expect(() => assessWithContext('hello', [])).toThrow('detector down');
    expect(detectorFaults.next).toBeNull();
    expect(assessWithContext('hello', []).tier).toBe('none');
  });
});

describe('which frame names the kind, and which evidence the model may not override', () => {
  it('at the same tier, being harmed names the kind before self-harm', () => {
    const result = assessRisk('he hits me when he drinks and i wish i had never been born');
    expect(
      result.frames
        .filter((f) => f.tier === 'concern')
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['being_harmed', 'self_harm']);
    expect(result).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
  });
  it('an urgent self-harm frame names the kind before a concern about being harmed', () => {
    expect(assessRisk('he hits me when he drinks. i have the pills lined up')).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
  it('a worry about a peer next to the writer’s own hopelessness lets the model’s urgent stand', () => {
    expect(fusedModelTier(assessLayer1('my friend has her pills lined up and i feel hopeless'), 'urgent', 0.9)).toBe('urgent');
  });
  it('a negated frame beside a counted worry about a peer neither overrules the model nor spoils the peer rule', () => {
    const layer1 = assessLayer1('my friend has her pills lined up, i am not going to hurt myself');
    expect(layer1.frames.map((f) => `${f.frame}:${f.tier}`)).toEqual(['means_prepared:concern', 'sharp_self:none']);
    expect(fusedModelTier(layer1, 'urgent', 0.5)).toBe('concern');
  });
  it('counts the words Layer 1 read (the trainer’s length feature)', () => {
    expect(assessLayer1('one two three. four').words).toBe(5);
  });
  it('writes a counted frame without modifiers as one plain line, and no empty line', () => {
    const result = assessRisk('I have the pills ready');
    expect(result.explanation).toContain('Urgent (frame, self-harm): “pills ready” — means made ready (counted, lined up, saved, in hand).');
    expect(result.explanation).not.toContain('');
  });
  it('reads a sentence cut by the first window’s edge whole in the next window', () => {
    const risk = 'i have the pills counted out for tonight';
    const text = `${'x'.repeat(3_989)} ${risk}. ${'x'.repeat(6_000)}`;
    expect(text.slice(0, 4_000)).not.toContain('pills');
    expect(assessRisk(text).tier).toBe('urgent');
  });
});

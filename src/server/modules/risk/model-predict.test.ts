import { describe, expect, it } from 'vitest';
import { JOINT_CLASSES, PairTable, jointKind, predict, predictReference, scoreHead, type ModelWeights } from './model.js';

// Layer 2 with small hand-made weights instead of the trained ones, so that every figure a clinician
// reads — the tier, the kind, the three probabilities and the "features that pushed" lines — can be
// worked out by hand here, independently of the trainer and of the committed weights.
/** A weight row with `v` for one joint class and 0 for the others. */
const only = (at: number, v: number): number[] => JOINT_CLASSES.map((_, i) => (i === at ? v : 0));
const NONE = 0;
const URGENT_OTHERS = 5;

function weightsOf(weights: Record<string, number[]>, options: { bias?: number[]; thresholds?: ModelWeights['thresholds'] } = {}): ModelWeights {
  return {
    version: 'test',
    trainedOn: [],
    seed: 1,
    thresholds: options.thresholds ?? { urgent: 0.4, concern: 0.41 },
    joint: { classes: [...JOINT_CLASSES], bias: options.bias ?? [1, 0, 0, 0, 0, 0, 0], weights },
  };
}
const HURT = {
  'w:hurt': only(URGENT_OTHERS, 4),
  'w:him': only(URGENT_OTHERS, 1),
  'b:hurt him': only(URGENT_OTHERS, 2),
  'c:hur': only(URGENT_OTHERS, 6),
  'n:tiny': only(NONE, 1),
  'w:ok': only(NONE, 6),
  'w:i': [0, 1, 0, 0, 0, 0.5, 0],
};
const softmax = (logits: number[]): number[] => {
  const exps = logits.map((l) => Math.exp(l - Math.max(...logits)));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
};
/** The joint classes' probabilities folded into the three tiers. */
const tiers = (p: number[]) => ({ none: p[0] ?? 0, concern: (p[1] ?? 0) + (p[2] ?? 0) + (p[3] ?? 0), urgent: (p[4] ?? 0) + (p[5] ?? 0) + (p[6] ?? 0) });

describe('the model’s tier, kind and probabilities', () => {
  it('are the softmax of the bias plus each known feature’s weights times 1/√(number of distinct features)', () => {
    // "hurt him": w:hurt, b:hurt him, w:him, eight letter sequences (c: hu, c:hur, …) and n:tiny —
    // 16 distinct features, so each counts 1/4; only five of them have weights.
    const p = softmax([1 + 1 / 4, 0, 0, 0, 0, (4 + 1 + 2 + 6) / 4, 0]);
    const prediction = predict('hurt him', weightsOf(HURT));
    expect(prediction.tier).toBe('urgent');
    expect(prediction.kind).toBe('harm_to_others');
    expect(prediction.probabilities.none).toBeCloseTo(tiers(p).none, 12);
    expect(prediction.probabilities.concern).toBeCloseTo(tiers(p).concern, 12);
    expect(prediction.probabilities.urgent).toBeCloseTo(tiers(p).urgent, 12);
    expect(predictReference('hurt him', weightsOf(HURT))).toEqual(prediction);
  });

  it('read a missing bias as 0 and a short weight row as zeros for the classes it leaves out', () => {
    const weights = weightsOf({ 'w:hurt': [0, 0, 0, 0, 0, 2], 'w:ok': [3] }, { bias: [1, null as unknown as number, 0, 0, 0, 0.5, 0] });
    // "hurt": w:hurt, c: hu, c:hur, c:urt, c:rt , c: hur, c:hurt, c:urt , n:tiny — 9 features, each 1/3.
    const p = softmax([1, 0, 0, 0, 0, 0.5 + 2 / 3, 0]);
    const prediction = predict('hurt', weights);
    expect(prediction.probabilities.urgent).toBeCloseTo(tiers(p).urgent, 12);
    expect(prediction.probabilities.none).toBeCloseTo(tiers(p).none, 12);
    expect(predictReference('hurt', weights)).toEqual(prediction);
    const ok = softmax([1 + 3 / Math.sqrt(2), 0, 0, 0, 0, 0.5, 0]);
    expect(predict('ok', weights).probabilities.none).toBeCloseTo(tiers(ok).none, 12);
    expect(scoreHead(weights.joint, new Map([['w:ok', 1]]))).toEqual(softmax([4, 0, 0, 0, 0, 0.5, 0]));
  });

  it('are urgent from the urgent threshold on, concern when concern and urgent together reach theirs, none below', () => {
    const { probabilities } = predict('ok hurt', weightsOf(HURT));
    const at = (urgent: number, concern: number) => predict('ok hurt', weightsOf(HURT, { thresholds: { urgent, concern } })).tier;
    expect(at(probabilities.urgent, 1)).toBe('urgent');
    expect(at(probabilities.urgent + 1e-9, probabilities.urgent + probabilities.concern)).toBe('concern');
    expect(at(1, probabilities.urgent + probabilities.concern + 1e-9)).toBe('none');
    expect(predictReference('ok hurt', weightsOf(HURT, { thresholds: { urgent: 1, concern: probabilities.urgent + probabilities.concern } })).tier).toBe('concern');
  });

  it('take the kind from concern and urgent of each kind together', () => {
    // concern:self_harm + urgent:self_harm (0.3) against urgent:harm_to_others alone (0.25).
    expect(jointKind([0.45, 0.1, 0, 0, 0.2, 0.25, 0])).toBe('self_harm');
    expect(jointKind([0.45, 0, 0.1, 0, 0.2, 0.25, 0])).toBe('harm_to_others');
    expect(jointKind([0.4, 0, 0, 0.15, 0.2, 0, 0.25])).toBe('being_harmed');
    expect(jointKind([0.4, 0.2, 0, 0.15, 0, 0, 0.25])).toBe('being_harmed');
    // A tie goes to the first kind.
    expect(jointKind([0.4, 0.3, 0.3, 0, 0, 0, 0])).toBe('self_harm');
    expect(jointKind([])).toBe('self_harm');
    const towardsBeingHarmed = weightsOf({ 'w:hit': only(3, 4), 'w:me': only(6, 1) });
    expect(predict('hit me', towardsBeingHarmed)).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
    expect(predictReference('hit me', towardsBeingHarmed)).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
  });
});

describe('the features that pushed (the explanation a clinician reads)', () => {
  it('are those that pushed towards the predicted class, words and word pairs first, each group strongest first', () => {
    expect(predict('I hurt him', weightsOf(HURT)).features).toEqual([
      // 18 features, each 1/√18; "i" pushes 0.5 towards urgent:harm_to_others.
      { feature: '“hurt”', weight: 0.94 },
      { feature: '“hurt him”', weight: 0.47 },
      { feature: '“him”', weight: 0.24 },
      { feature: '“i”', weight: 0.12 },
      { feature: '“hur…” (letters)', weight: 1.41 },
    ]);
  });

  it('push towards the none class for a message the model finds ordinary, the length feature included', () => {
    const prediction = predict('ok', weightsOf(HURT));
    expect(prediction).toMatchObject({ tier: 'none', kind: 'self_harm' });
    expect(prediction.features).toEqual([
      { feature: '“ok”', weight: 4.24 },
      { feature: '(a tiny message)', weight: 0.71 },
    ]);
    expect(predictReference('ok', weightsOf(HURT))).toEqual(prediction);
  });

  it('count a feature by what it adds to the predicted class over none, and leave out those that push away', () => {
    const weights = weightsOf({ 'w:cut': [1, 0, 0, 0, 4, 0, 0], 'w:deep': [3, 0, 0, 0, 2, 0, 0], 'w:now': [0, 0, 0, 0, 2, 0, 0] });
    const prediction = predict('cut deep now', weights);
    expect(prediction).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    // 23 distinct features: cut (4 − 1) and now (2 − 0) push; deep (2 − 3) pulls away.
    const unit = 1 / Math.sqrt(23);
    expect(prediction.features).toEqual([
      { feature: '“cut”', weight: Math.round(3 * unit * 100) / 100 },
      { feature: '“now”', weight: Math.round(2 * unit * 100) / 100 },
    ]);
    expect(predictReference('cut deep now', weights)).toEqual(prediction);
  });

  it('are six at most, and features of equal push keep the order of the text', () => {
    const seven = Object.fromEntries(['ab', 'cd', 'ef', 'gh', 'ij', 'kl', 'mn'].map((w) => [`w:${w}`, only(URGENT_OTHERS, 3)]));
    const weights = weightsOf({ ...seven, 'w:op': only(URGENT_OTHERS, 5), 'c:xyz': only(URGENT_OTHERS, 9) });
    const prediction = predict('ab cd ef gh ij kl mn xyz', weights);
    expect(prediction.features.map((f) => f.feature)).toEqual(['“ab”', '“cd”', '“ef”', '“gh”', '“ij”', '“kl”']);
    expect(predictReference('ab cd ef gh ij kl mn xyz', weights).features).toEqual(prediction.features);
    // A stronger word displaces the last of six; letters never displace a word.
    const withOp = predict('ab cd ef gh ij kl op xyz', weights);
    expect(withOp.features.map((f) => f.feature)).toEqual(['“op”', '“ab”', '“cd”', '“ef”', '“gh”', '“ij”']);
    expect(predictReference('ab cd ef gh ij kl op xyz', weights).features).toEqual(withOp.features);
    // Letters fill places words leave: after the words, strongest first, equal ones in the text's order.
    const letters = weightsOf({ 'w:xyz': only(URGENT_OTHERS, 1), 'c:xyz': only(URGENT_OTHERS, 2), 'c: xy': only(URGENT_OTHERS, 3), 'c:yz ': only(URGENT_OTHERS, 3) });
    expect(predict('xyz', letters).features.map((f) => f.feature)).toEqual(['“xyz”', '“xy…” (letters)', '“yz…” (letters)', '“xyz…” (letters)']);
    expect(predictReference('xyz', letters).features).toEqual(predict('xyz', letters).features);
  });
});

describe('the run-time path against the reference path', () => {
  it('agree for messages with many words the model has never seen (its feature numbers grow mid-message)', () => {
    const weights = weightsOf(HURT);
    const unseen = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i.toString(36)}x`).join(' ');
    for (const text of [unseen(150, 'q'), `hurt him ${unseen(300, 'r')} ok`, unseen(600, 's'), unseen(40, 'q'), 'hurt him ok']) {
      expect(predict(text, weights)).toEqual(predictReference(text, weights));
    }
    // Pairs of known words met after the feature numbers grew.
    const pairs = weightsOf({ 'b:aa bb': only(URGENT_OTHERS, 50), 'w:zzmed': only(4, 40), 'b:took zzmed': only(4, 20) });
    for (const text of [`${unseen(200, 't')} aa bb`, `${unseen(200, 'u')} took paracetamol`, 'took paracetamol', 'aa bb']) {
      expect(predict(text, pairs)).toEqual(predictReference(text, pairs));
    }
    expect(predict(`${unseen(200, 'v')} aa bb`, pairs).features[0]).toEqual({ feature: '“aa bb”', weight: expect.any(Number) });
    expect(predict(`${unseen(200, 'w')} took paracetamol`, pairs).features.map((f) => f.feature)).toEqual(['“zzmed”', '“took zzmed”']);
  });
});

describe('PairTable (the run-time path’s word-pair lookup)', () => {
  it('finds every pair after many growths, including pairs that differ only in one id or share a bucket', () => {
    const table = new PairTable(2);
    const pairs: [number, number][] = [];
    for (let a = 0; a < 40; a++) for (let b = 0; b < 40; b++) pairs.push([a, b]);
    const beforeAdding = pairs.map(([a, b], i) => {
      const found = table.get(a, b);
      table.add(a, b, i + 1);
      return found;
    });
    expect(beforeAdding.every((found) => found === -1)).toBe(true);
    expect(table.size).toBe(1600);
    expect(pairs.map(([a, b]) => table.get(a, b))).toEqual(pairs.map((_, i) => i + 1));
    expect(table.get(40, 0)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(0, 0)).toBe(-1);
    table.add(7, 8, 0);
    expect(table.get(7, 8)).toBe(0);
    expect(new PairTable().get(0, 0)).toBe(-1);
  });
});
